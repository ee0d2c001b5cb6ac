<?xml version="1.0" encoding="UTF-8"?>
<!-- Project-made fixture (Bauantrag). Mirrors the structure of the real Hamburg plan "Langenhorn 51" with its
     1. and 2. Änderung in one file (gritGmbH/xplanbox @ 913945c5896e,
     xplan-core/xplan-core-commons/src/test/resources/de/latlon/xplan/commons/feature/
     xplan-multipleInstances-withVerbundenerPlan.gml): three BP_Plan, each with its BP_Bereich (gehoertZuPlan),
     features tied to it by gehoertZuBereich, Änderungen linked by aendert / wurdeGeaendertVon (XP_VerbundenerPlan,
     rechtscharakter 1000, verbundenerPlan by xlink:href); as in the original, the plan lists only its first
     Änderung. Geometry and values simplified; Rechtsstand set to 4000 (the original: 3000). -->
<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/5/2" xmlns:gml="http://www.opengis.net/gml/3.2"
    xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="GML_auszug">
  <gml:boundedBy><gml:Envelope srsName="EPSG:25832"><gml:lowerCorner>566800.00 5945000.00</gml:lowerCorner><gml:upperCorner>566920.00 5945060.00</gml:upperCorner></gml:Envelope></gml:boundedBy>
  <gml:featureMember>
    <xplan:BP_Plan gml:id="GML_aend1">
      <xplan:name>Langenhorn 51 (1. Änderung)</xplan:name>
      <xplan:aendert><xplan:XP_VerbundenerPlan><xplan:rechtscharakter>1000</xplan:rechtscharakter><xplan:verbundenerPlan xlink:href="#GML_base"></xplan:verbundenerPlan></xplan:XP_VerbundenerPlan></xplan:aendert>
      <xplan:raeumlicherGeltungsbereich><gml:Polygon gml:id="GML_aend1_gb" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566800.00 5945000.00 566840.00 5945000.00 566840.00 5945060.00 566800.00 5945060.00 566800.00 5945000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>02000000</xplan:ags><xplan:gemeindeName>Freie und Hansestadt Hamburg</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:inkrafttretensDatum>1983-06-29</xplan:inkrafttretensDatum>
      <xplan:bereich xlink:href="#GML_bereich_aend1" />
    </xplan:BP_Plan>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Bereich gml:id="GML_bereich_aend1">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#GML_aend1" />
    </xplan:BP_Bereich>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_aend1_wa">
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_aend1" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_aend1_wa_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566800.00 5945000.00 566840.00 5945000.00 566840.00 5945060.00 566800.00 5945060.00 566800.00 5945000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GRZ>0.3</xplan:GRZ><xplan:Z>1</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_aend1_ub">
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_aend1" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_aend1_ub_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566805.00 5945005.00 566835.00 5945005.00 566835.00 5945055.00 566805.00 5945055.00 566805.00 5945005.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Plan gml:id="GML_aend2">
      <xplan:name>Langenhorn 51 (2. Änderung)</xplan:name>
      <xplan:aendert><xplan:XP_VerbundenerPlan><xplan:rechtscharakter>1000</xplan:rechtscharakter><xplan:verbundenerPlan xlink:href="#GML_base"></xplan:verbundenerPlan></xplan:XP_VerbundenerPlan></xplan:aendert><xplan:aendert><xplan:XP_VerbundenerPlan><xplan:rechtscharakter>1000</xplan:rechtscharakter><xplan:verbundenerPlan xlink:href="#GML_aend1"></xplan:verbundenerPlan></xplan:XP_VerbundenerPlan></xplan:aendert>
      <xplan:raeumlicherGeltungsbereich><gml:Polygon gml:id="GML_aend2_gb" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566880.00 5945000.00 566920.00 5945000.00 566920.00 5945060.00 566880.00 5945060.00 566880.00 5945000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>02000000</xplan:ags><xplan:gemeindeName>Freie und Hansestadt Hamburg</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:inkrafttretensDatum>2001-04-10</xplan:inkrafttretensDatum>
      <xplan:bereich xlink:href="#GML_bereich_aend2" />
    </xplan:BP_Plan>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Bereich gml:id="GML_bereich_aend2">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#GML_aend2" />
    </xplan:BP_Bereich>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_aend2_wa">
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_aend2" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_aend2_wa_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566880.00 5945000.00 566920.00 5945000.00 566920.00 5945060.00 566880.00 5945060.00 566880.00 5945000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GRZ>0.6</xplan:GRZ><xplan:Z>3</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1500</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_aend2_ub">
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_aend2" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_aend2_ub_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566885.00 5945005.00 566915.00 5945005.00 566915.00 5945055.00 566885.00 5945055.00 566885.00 5945005.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Plan gml:id="GML_base">
      <xplan:name>Langenhorn 51</xplan:name>
      <xplan:wurdeGeaendertVon><xplan:XP_VerbundenerPlan><xplan:rechtscharakter>1000</xplan:rechtscharakter><xplan:verbundenerPlan xlink:href="#GML_aend1"></xplan:verbundenerPlan></xplan:XP_VerbundenerPlan></xplan:wurdeGeaendertVon>
      <xplan:raeumlicherGeltungsbereich><gml:Polygon gml:id="GML_base_gb" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566800.00 5945000.00 566920.00 5945000.00 566920.00 5945060.00 566800.00 5945060.00 566800.00 5945000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>02000000</xplan:ags><xplan:gemeindeName>Freie und Hansestadt Hamburg</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:inkrafttretensDatum>1976-06-25</xplan:inkrafttretensDatum>
      <xplan:bereich xlink:href="#GML_bereich_base" />
    </xplan:BP_Plan>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Bereich gml:id="GML_bereich_base">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#GML_base" />
    </xplan:BP_Bereich>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_base_wa">
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_base" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_base_wa_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566800.00 5945000.00 566920.00 5945000.00 566920.00 5945060.00 566800.00 5945060.00 566800.00 5945000.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GRZ>0.4</xplan:GRZ><xplan:Z>2</xplan:Z>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_base_ub">
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_base" />
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon gml:id="GML_base_ub_g" srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">566805.00 5945005.00 566915.00 5945005.00 566915.00 5945055.00 566805.00 5945055.00 566805.00 5945005.00</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
</xplan:XPlanAuszug>
