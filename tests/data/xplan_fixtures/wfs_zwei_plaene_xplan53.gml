<?xml version='1.0' encoding='UTF-8'?>
<!-- Project-made fixture (Bauantrag). Mirrors the structure of a WFS 2.0 download of several plans as in
     gritGmbH/xplanbox @ 913945c5896e, xplan-tests/xplan-tests-soapui/src/main/resources/xplan-validator-api/plans/
     BP_5.3_MultiplePlansWfsFc.gml: wfs:FeatureCollection of wfs:member, two unrelated BP_Plan (XPlanGML 5.3, the
     second with a "Gml_" id as in the original), features tied by gehoertZuBereich. Geometry and values simplified;
     the two plans adjoin. -->
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xplan="http://www.xplanung.de/xplangml/5/3"
    timeStamp="2023-01-23T15:12:54Z" numberMatched="unknown" numberReturned="0">
  <wfs:member>
    <xplan:BP_Plan gml:id="GML_p003">
      <xplan:name>BPlan003_5-3</xplan:name>
      <xplan:raeumlicherGeltungsbereich><gml:Polygon gml:id="GML_p003_gb" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">567500.00 5929300.00 567560.00 5929300.00 567560.00 5929360.00 567500.00 5929360.00 567500.00 5929300.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>02000000</xplan:ags><xplan:gemeindeName>Freie und Hansestadt Hamburg</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:inkrafttretensDatum>2020-06-08</xplan:inkrafttretensDatum>
      <xplan:bereich xlink:href="#GML_p003_bereich" />
    </xplan:BP_Plan>
  </wfs:member>
  <wfs:member>
    <xplan:BP_Bereich gml:id="GML_p003_bereich">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#GML_p003" />
    </xplan:BP_Bereich>
  </wfs:member>
  <wfs:member>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_p003_area">
      <xplan:gehoertZuBereich xlink:href="#GML_p003_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_p003_area_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">567500.00 5929300.00 567560.00 5929300.00 567560.00 5929360.00 567500.00 5929360.00 567500.00 5929300.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GRZ>0.4</xplan:GRZ><xplan:Z>2</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </wfs:member>
  <wfs:member>
    <xplan:BP_Plan gml:id="Gml_P001">
      <xplan:name>BPlan001_5-3</xplan:name>
      <xplan:raeumlicherGeltungsbereich><gml:Polygon gml:id="Gml_P001_gb" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">567560.00 5929300.00 567620.00 5929300.00 567620.00 5929360.00 567560.00 5929360.00 567560.00 5929300.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>02000000</xplan:ags><xplan:gemeindeName>Freie und Hansestadt Hamburg</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:inkrafttretensDatum>2020-06-08</xplan:inkrafttretensDatum>
      <xplan:bereich xlink:href="#Gml_P001_bereich" />
    </xplan:BP_Plan>
  </wfs:member>
  <wfs:member>
    <xplan:BP_Bereich gml:id="Gml_P001_bereich">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#Gml_P001" />
    </xplan:BP_Bereich>
  </wfs:member>
  <wfs:member>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="Gml_P001_area">
      <xplan:gehoertZuBereich xlink:href="#Gml_P001_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="Gml_P001_area_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">567560.00 5929300.00 567620.00 5929300.00 567620.00 5929360.00 567560.00 5929360.00 567560.00 5929300.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GRZ>0.6</xplan:GRZ><xplan:Z>3</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1500</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </wfs:member>
</wfs:FeatureCollection>
