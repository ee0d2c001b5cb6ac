"""Art der baulichen Nutzung (§§ 2 bis 14 BauNVO) of every use of the Vorhaben in the plan's Baugebiet.

Each use of a mixed Vorhaben (e.g. Laden im Erdgeschoss + Wohnungen darüber) is judged on its own (``art_table``);
the finding takes the worst answer (fail before needs_review before pass) and names each use. SO (§§ 10, 11) gives
``needs_review``: the plan itself fixes the admissible uses. A plan governed by a BauNVO older than the encoded text
(``versions.governing``) keeps only the answers in ``art_table.STABLE``; every other answer becomes
``needs_review`` and the clerk's note says what the current text would give. Exclusions by the plan's text (§ 1
Abs. 4 bis 10 BauNVO) are not evaluated. Einzelhandel with more than 800 m² Verkaufsfläche may be großflächig
(case law; § 11 Abs. 3 Satz 3 BauNVO: in der Regel bei mehr als 1 200 m² Geschossfläche) → ``needs_review``,
except in Kerngebieten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bauantrag.rules.model import Finding, Status
from bauantrag.rules.nrw.baunvo import art_table
from bauantrag.rules.nrw.baunvo.common import BAUNVO_2023, Baugebiet, PlanContext, area_label, baugebiet_of
from bauantrag.rules.nrw.common import USE_LABELS, num
from bauantrag.rules.planning.project import PlanningProject

RULE_ID = "baunvo.art_der_nutzung"
LARGE_RETAIL_M2 = 800.0
LARGE_RETAIL_FLOOR_M2 = 1200.0
_STATUS: dict[str, Status] = {
    "zulaessig": "pass",
    "bedingt": "needs_review",
    "ausnahme": "needs_review",
    "unzulaessig": "fail",
    "offen": "needs_review",
}
_ORDER: dict[Status, int] = {"fail": 0, "needs_review": 1, "pass": 2}
_NOTE = "Ausschlüsse und Gliederungen im Textteil des Plans (§ 1 Abs. 4 bis 10 BauNVO) sind nicht ausgewertet."


@dataclass(frozen=True)
class _Answer:
    use: str
    status: Status
    basis: str
    sentence: str
    kind: str


def check(project: PlanningProject, ctx: PlanContext) -> Finding:
    gebiet = baugebiet_of(ctx.area)
    evidence: dict[str, Any] = {**ctx.evidence(), "uses": list(project.all_uses()),
                                "special_use": ctx.area.special_use}
    where = f"{ctx.plan_label()}, Baugebiet {area_label(ctx.area)}"
    names = ", ".join(f"„{USE_LABELS[u]}“" for u in project.all_uses())
    if gebiet is None:
        return _finding("needs_review", "§ 1 Abs. 3 BauNVO",
                        f"{where}: Die Art der baulichen Nutzung ist im Plan nicht als Baugebiet nach §§ 2 bis 11 "
                        f"BauNVO angegeben; die Zulässigkeit von {names} prüft die Bauaufsicht anhand des Plans.",
                        evidence, "")
    if not gebiet.decidable:
        return _finding("needs_review", f"{gebiet.paragraph} BauNVO",
                        f"{where}: Im Sondergebiet legt der Bebauungsplan selbst fest, was zulässig ist "
                        f"({gebiet.paragraph} Abs. 2 BauNVO); die Zulässigkeit von {names} prüft die Bauaufsicht "
                        "anhand der Festsetzungen.", evidence, "")
    answers = [_answer(gebiet, use, project) for use in project.all_uses()]
    evidence["answers"] = [{"use": a.use, "kind": a.kind, "status": a.status, "basis": a.basis} for a in answers]
    status = min((a.status for a in answers), key=_ORDER.__getitem__)
    message = " ".join(a.sentence for a in answers)
    note = ""
    governing = ctx.baunvo
    if governing.encoded is not True:
        status, message, note = _older_baunvo(gebiet, answers, status, message, governing.name, governing.why,
                                              evidence)
    basis = "; ".join(dict.fromkeys(a.basis for a in answers))
    return _finding(status, basis, f"{where}: {message} {_NOTE}", evidence, note)


def _answer(gebiet: Baugebiet, use: str, project: PlanningProject) -> _Answer:
    kind, absatz, text = art_table.entry(gebiet.abbr, use)
    basis = absatz if absatz.startswith("§") else f"{gebiet.paragraph} {absatz} BauNVO"
    status = _STATUS[kind]
    sentence = _sentence(kind, USE_LABELS[use], gebiet.abbr, basis, text)
    if use == "verkaufsstaette" and status == "pass" and gebiet.abbr != "MK":
        sales = project.sales_area_m2
        if sales is None or sales > LARGE_RETAIL_M2:
            status = "needs_review"
            shown = "nicht angegeben" if sales is None else num(sales, "m²")
            sentence += (
                f" Verkaufsfläche {shown}: Großflächige Einzelhandelsbetriebe sind außer in Kerngebieten nur in "
                "für sie festgesetzten Sondergebieten zulässig (§ 11 Abs. 3 Satz 1 BauNVO); großflächig ist ein "
                f"Betrieb nach der Rechtsprechung ab mehr als {num(LARGE_RETAIL_M2, 'm²')} Verkaufsfläche, "
                f"Auswirkungen sind in der Regel bei mehr als {num(LARGE_RETAIL_FLOOR_M2, 'm²')} Geschossfläche "
                "anzunehmen (Satz 3). Die Bauaufsicht prüft das."
            )
    return _Answer(use, status, basis, sentence, kind)


def _older_baunvo(
    gebiet: Baugebiet,
    answers: list[_Answer],
    status: Status,
    message: str,
    name: str,
    why: str,
    evidence: dict[str, Any],
) -> tuple[Status, str, str]:
    stable = all((gebiet.abbr, a.use) in art_table.STABLE for a in answers)
    evidence["answer_under_current_text"] = status
    note = (
        f"{why} Hinterlegt ist nur der Wortlaut der BauNVO ab 23.06.2021 (§§ 2 bis 7, 12, 13 seitdem unverändert). "
        f"Nach diesem Wortlaut lautet die Antwort „{status}“."
    )
    if stable and status != "needs_review":
        return status, message + (
            f" Für den Plan gilt die {name}; diese Antwort lautet in allen Fassungen der BauNVO seit 1962 gleich."
        ), note + " Die Antwort gilt nach allgemeiner Kenntnis in allen Fassungen seit 1962 (nicht am Wortlaut "
        "geprüft)."
    return "needs_review", message + (
        f" Für den Plan gilt die {name}; ob diese Fassung dasselbe sagt, prüft die Bauaufsicht."
    ), note


def _sentence(kind: str, use: str, abbr: str, basis: str, text: str) -> str:
    if kind == "zulaessig":
        return f"„{use}“ ist im {abbr} allgemein zulässig ({basis}: {text})."
    if kind == "bedingt":
        return (
            f"„{use}“ ist im {abbr} nur allgemein zulässig als: {text} ({basis}); die Bauaufsicht prüft, ob das "
            "zutrifft."
        )
    if kind == "ausnahme":
        return (
            f"„{use}“ ist im {abbr} nur ausnahmsweise zulässig ({basis}: {text}); über die Ausnahme nach § 31 Abs. 1 "
            "BauGB entscheidet die Bauaufsicht."
        )
    if kind == "unzulaessig":
        return f"„{use}“ ist im {abbr} unzulässig ({basis}: {text})."
    return f"Für „{use}“ kann die Zulässigkeit nicht automatisch bestimmt werden: {text}."


def _finding(status: Status, basis: str, message: str, evidence: dict[str, Any], note: str) -> Finding:
    return Finding(RULE_ID, status, basis, message, evidence, BAUNVO_2023, note)
