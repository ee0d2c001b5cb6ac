"""XPlanGML version and namespace detection."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from bauantrag.formats.xplan.errors import PlanFormatError

SUPPORTED_VERSIONS = ("4.1", "5.0", "5.1", "5.2", "5.3", "5.4", "6.0")
GML_NAMESPACES = {"http://www.opengis.net/gml/3.2": "3.2", "http://www.opengis.net/gml": "3.1"}
_XPLAN_NS = re.compile(r"^http://www\.xplanung\.de/xplangml/(\d+)/(\d+)$")
_COLLECTIONS = ("XPlanAuszug", "FeatureCollection")


@dataclass(frozen=True)
class Dialect:
    version: str  # "4.1" … "6.0"
    ns: str  # the XPlanGML namespace
    gml: str  # the GML namespace (3.2, or 3.1 for old files)

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def g(self, name: str) -> str:
        return f"{{{self.gml}}}{name}"


def detect(root: Any) -> Dialect:
    """The dialect of a parsed plan; PlanFormatError for a wrong root or an unsupported version."""
    qname = etree.QName(root)
    if qname.localname not in _COLLECTIONS:
        raise PlanFormatError(
            f"Das Wurzelelement ist {qname.localname}, erwartet wird XPlanAuszug (XPlanGML).",
            line=root.sourceline,
            element=qname.localname,
        )
    ns = qname.namespace or ""
    if qname.localname == "FeatureCollection" or not ns.startswith("http://www.xplanung.de/"):
        ns = _first_xplan_namespace(root) or ns
    match = _XPLAN_NS.match(ns)
    version = f"{match.group(1)}.{match.group(2)}" if match else None
    if version not in SUPPORTED_VERSIONS:
        shown = version or ns or "ohne Namensraum"
        raise PlanFormatError(
            f"nicht unterstützte XPlanGML-Version ({shown}); unterstützt werden {', '.join(SUPPORTED_VERSIONS)}.",
            line=root.sourceline,
            element=qname.localname,
        )
    return Dialect(version=version, ns=ns, gml=_gml_namespace(root))


def _first_xplan_namespace(root: Any) -> str | None:
    for element in root.iter():
        namespace = etree.QName(element).namespace if isinstance(element.tag, str) else None
        if namespace and namespace.startswith("http://www.xplanung.de/xplangml/"):
            return str(namespace)
    return None


def _gml_namespace(root: Any) -> str:
    declared = set(root.nsmap.values())
    for namespace in GML_NAMESPACES:
        if namespace in declared:
            return namespace
    for element in root.iter():
        found = etree.QName(element).namespace if isinstance(element.tag, str) else None
        if found in GML_NAMESPACES:
            return str(found)
    return "http://www.opengis.net/gml/3.2"
