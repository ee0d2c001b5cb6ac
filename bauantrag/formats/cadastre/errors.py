"""The one error the cadastre readers raise: German, naming the line and the Flurstück or feature."""

from __future__ import annotations


class CadastreFormatError(ValueError):
    """A broken, unsafe or unsupported cadastre file.

    ``str(error)`` reads e.g. "Zeile 40, Flurstück 05329001100085______: Geometrie fehlt"; ``message``, ``line``
    and ``where`` are kept apart for callers that show them separately.
    """

    def __init__(self, message: str, line: int | None = None, where: str | None = None) -> None:
        self.message = message
        self.line = line
        self.where = where
        super().__init__(self._render())

    def _render(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"Zeile {self.line}")
        if self.where:
            parts.append(self.where)
        return f"{', '.join(parts)}: {self.message}" if parts else self.message
