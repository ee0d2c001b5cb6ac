"""XPlanGML reader (4.1, 5.0–5.4, 6.0): ``read_plans(path_or_bytes) -> tuple[Bebauungsplan, ...]`` in EPSG:25832
(a file may hold a plan with its Änderungen or a WFS download of many plans); ``read_plan`` for exactly one.

Pure Python (lxml, shapely, pyproj), no Django. Unsafe XML (DOCTYPE, entities, XInclude, excessive nesting or
text) and broken files raise ``PlanFormatError`` with a German message naming line and element.
"""

from bauantrag.formats.xplan.crs import TARGET_CRS
from bauantrag.formats.xplan.errors import PlanFormatError
from bauantrag.formats.xplan.reader import read_plan, read_plans
from bauantrag.formats.xplan.safe_xml import MAX_PLAN_BYTES
from bauantrag.formats.xplan.versions import SUPPORTED_VERSIONS

__all__ = ["MAX_PLAN_BYTES", "SUPPORTED_VERSIONS", "TARGET_CRS", "PlanFormatError", "read_plan", "read_plans"]
