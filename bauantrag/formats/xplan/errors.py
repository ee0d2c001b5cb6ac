"""The one error the XPlanGML reader raises: German, naming line and element."""

from __future__ import annotations


class PlanFormatError(ValueError):
    """A broken, unsafe or unsupported XPlanGML file.

    ``str(error)`` reads e.g. "Zeile 123, Element BP_BaugebietsTeilFlaeche (gml:id GML_1): Polygon hat weniger
    als 4 Punkte"; ``message``, ``line`` and ``element`` are kept apart for callers that show them separately.
    """

    def __init__(self, message: str, line: int | None = None, element: str | None = None) -> None:
        self.message = message
        self.line = line
        self.element = element
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"Zeile {self.line}")
        if self.element:
            where.append(f"Element {self.element}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class GeometryError(ValueError):
    """Internal: a geometry problem at ``line``; the feature reader adds the feature's name and id."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(message)
