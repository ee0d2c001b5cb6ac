"""What the readers say when their limited child process (``bauantrag.sandbox``) did not finish: German
sentences for the operator and the Kommune's administration."""

from __future__ import annotations

from bauantrag.sandbox import ChildFailed, ChildLimits


def failure_message(failure: ChildFailed, limits: ChildLimits) -> str:
    if failure.code == "memory":
        return (f"Die Datei braucht zum Lesen mehr Arbeitsspeicher als erlaubt (höchstens {limits.memory_mb} MB). "
                "Bitte teilen Sie sie auf.")
    if failure.code == "timeout":
        seconds = f"{limits.seconds:g}".replace(".", ",")
        return (f"Die Datei konnte nicht innerhalb des Zeitlimits von {seconds} Sekunden gelesen werden. "
                "Bitte teilen Sie sie auf.")
    if failure.code == "output":
        return "Die Datei ergibt beim Lesen zu viele Daten. Bitte teilen Sie sie auf."
    return "Das Lesen der Datei ist abgebrochen; die Datei ist vermutlich beschädigt."
