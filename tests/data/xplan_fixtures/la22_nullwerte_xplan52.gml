<?xml version="1.0" encoding="UTF-8"?>
<!-- Project-made fixture (Bauantrag). Mirrors the values of 0 in the real Hamburg plan "Bebauungsplan LA 22"
     (gritGmbH/xplanbox @ 913945c5896e, xplan-core/xplan-core-synthesizer/src/test/resources/testdata/xplan52/LA22.zip):
     GFZ 0 and GF 0 stand for "not set" beside GRZ, GF or Z that are set. Geometry simplified to five squares. -->
<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/5/2" xmlns:gml="http://www.opengis.net/gml/3.2"
    xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="GML_auszug">
  <gml:boundedBy><gml:Envelope srsName="EPSG:25832"><gml:lowerCorner>565500.00 5942000.00</gml:lowerCorner><gml:upperCorner>565700.00 5942040.00</gml:upperCorner></gml:Envelope></gml:boundedBy>
  <gml:featureMember>
    <xplan:BP_Plan gml:id="GML_plan">
      <xplan:name>Bebauungsplan LA 22 (Nachbildung)</xplan:name>
      <xplan:nummer>LA 22</xplan:nummer>
      <xplan:raeumlicherGeltungsbereich><gml:Polygon gml:id="GML_gb" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565500.00 5942000.00 565700.00 5942000.00 565700.00 5942040.00 565500.00 5942040.00 565500.00 5942000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>02000000</xplan:ags><xplan:gemeindeName>Hamburg</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:inkrafttretensDatum>2019-05-01</xplan:inkrafttretensDatum>
      <xplan:bereich xlink:href="#GML_bereich" />
    </xplan:BP_Plan>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Bereich gml:id="GML_bereich">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#GML_plan" />
    </xplan:BP_Bereich>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_area_1">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_area_1_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565500.00 5942000.00 565540.00 5942000.00 565540.00 5942040.00 565500.00 5942040.00 565500.00 5942000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>1.6</xplan:GFZ><xplan:GF uom="m2">0</xplan:GF><xplan:GRZ>0.8</xplan:GRZ><xplan:Z>3</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1500</xplan:besondereArtDerBaulNutzung>
      <xplan:vertikaleDifferenzierung>false</xplan:vertikaleDifferenzierung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_ub_1">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_ub_1_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565505.00 5942005.00 565535.00 5942005.00 565535.00 5942035.00 565505.00 5942035.00 565505.00 5942005.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_area_2">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_area_2_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565540.00 5942000.00 565580.00 5942000.00 565580.00 5942040.00 565540.00 5942040.00 565540.00 5942000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>0</xplan:GFZ><xplan:GF uom="m2">360</xplan:GF><xplan:GRZ>0.3</xplan:GRZ><xplan:Z>3</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
      <xplan:vertikaleDifferenzierung>false</xplan:vertikaleDifferenzierung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_ub_2">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_ub_2_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565545.00 5942005.00 565575.00 5942005.00 565575.00 5942035.00 565545.00 5942035.00 565545.00 5942005.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_area_3">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_area_3_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565580.00 5942000.00 565620.00 5942000.00 565620.00 5942040.00 565580.00 5942040.00 565580.00 5942000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>0</xplan:GFZ><xplan:GF uom="m2">0</xplan:GF><xplan:GRZ>0.3</xplan:GRZ><xplan:Z>0</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
      <xplan:vertikaleDifferenzierung>false</xplan:vertikaleDifferenzierung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_ub_3">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_ub_3_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565585.00 5942005.00 565615.00 5942005.00 565615.00 5942035.00 565585.00 5942035.00 565585.00 5942005.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_area_4">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_area_4_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565620.00 5942000.00 565660.00 5942000.00 565660.00 5942040.00 565620.00 5942040.00 565620.00 5942000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>0</xplan:GFZ><xplan:GF uom="m2">0</xplan:GF><xplan:GRZ>0</xplan:GRZ><xplan:Z>0</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
      <xplan:vertikaleDifferenzierung>false</xplan:vertikaleDifferenzierung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_ub_4">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_ub_4_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565625.00 5942005.00 565655.00 5942005.00 565655.00 5942035.00 565625.00 5942035.00 565625.00 5942005.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_area_5">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_area_5_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565660.00 5942000.00 565700.00 5942000.00 565700.00 5942040.00 565660.00 5942040.00 565660.00 5942000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>0</xplan:GFZ><xplan:GF uom="m2">720</xplan:GF><xplan:GRZ>0</xplan:GRZ><xplan:Z>4</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
      <xplan:vertikaleDifferenzierung>false</xplan:vertikaleDifferenzierung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_ub_5">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_ub_5_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">565665.00 5942005.00 565695.00 5942005.00 565695.00 5942035.00 565665.00 5942035.00 565665.00 5942005.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
</xplan:XPlanAuszug>
