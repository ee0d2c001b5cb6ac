"""Art der baulichen Nutzung (§§ 2 bis 11 BauNVO) of the Vorhaben in the plan's Baugebiet (table: ``art_table``).

Baugebiete whose paragraph is not quoted in LAW.md (WS, WB, MD, MDW, MU, MK, SO) give ``needs_review``. Plans
under a BauNVO older than 2017 are governed by that version (§§ 25 ff. BauNVO): only the answers in
``art_table.STABLE`` stand, the rest become ``needs_review``. Exclusions by the plan's text (§ 1 Abs. 4 bis 10
BauNVO) are not evaluated. Einzelhandel with more than 800 m² sales area may be großflächig (§ 11 Abs. 3
BauNVO, threshold from case law; wording not checked) → ``needs_review``.
"""

from __future__ import annotations

from typing import Any

from bauantrag.rules.model import Finding, Status
from bauantrag.rules.nrw.baunvo import art_table
from bauantrag.rules.nrw.baunvo.common import PlanContext, area_label, baugebiet_of, finding
from bauantrag.rules.planning.project import PlanningProject

RULE_ID = "baunvo.art_der_nutzung"
LARGE_RETAIL_M2 = 800.0
USE_LABELS = {
    "wohngebaeude": "Wohngebäude",
    "buero_verwaltung": "Büro- und Verwaltungsgebäude",
    "verkaufsstaette": "Verkaufsstätte",
    "gaststaette": "Gaststätte",
    "beherbergung": "Beherbergungsbetrieb",
    "versammlungsstaette": "Versammlungsstätte",
    "kita": "Kindertageseinrichtung",
    "schule": "Schule",
    "krankenhaus": "Krankenhaus",
    "pflege": "Pflegeeinrichtung",
    "wohnheim": "Wohnheim",
    "garage": "Garage",
    "gewerbe": "Gewerbebetrieb",
    "lager": "Lager",
    "land_forstwirtschaft": "land- oder forstwirtschaftlicher Betrieb",
    "nebengebaeude": "Nebengebäude",
    "sonstiges": "sonstige Nutzung",
}
_STATUS: dict[str, Status] = {
    "zulaessig": "pass",
    "bedingt": "needs_review",
    "ausnahme": "needs_review",
    "unzulaessig": "fail",
    "offen": "needs_review",
}
_NOTE = "Ausschlüsse nach § 1 Abs. 4 bis 10 BauNVO im Textteil des Plans sind nicht ausgewertet."


def check(project: PlanningProject, ctx: PlanContext) -> Finding:
    gebiet = baugebiet_of(ctx.area)
    use = USE_LABELS[project.use]
    evidence: dict[str, Any] = {**ctx.evidence(), "use": project.use, "special_use": ctx.area.special_use}
    where = f"{ctx.plan_label()}, {area_label(ctx.area)}"
    if gebiet is None:
        return finding(
            RULE_ID,
            "needs_review",
            "§ 1 Abs. 3 BauNVO",
            f"{where}: Die Art der baulichen Nutzung ist "
            f"nicht als Baugebiet nach §§ 2 bis 11 BauNVO angegeben (Code {ctx.area.special_use!r}); "
            f"die Zulässigkeit von „{use}“ bitte anhand des Plans prüfen.",
            evidence,
        )
    basis = f"{gebiet.paragraph} BauNVO"
    if not gebiet.text_verified:
        return finding(
            RULE_ID,
            "needs_review",
            basis,
            f"{where}: Der Wortlaut von {gebiet.paragraph} BauNVO "
            f"({gebiet.name}) wurde nicht verifiziert; die Zulässigkeit von „{use}“ bitte prüfen.",
            evidence,
        )
    kind, absatz, text = art_table.entry(gebiet.abbr, project.use)
    evidence["kind"] = kind
    status = _STATUS[kind]
    if absatz and not absatz.startswith("§"):
        basis = f"{gebiet.paragraph} {absatz} BauNVO"
    elif absatz:
        basis = absatz
    message = _sentence(kind, use, gebiet.abbr, basis, text)
    if status == "pass" and project.use == "verkaufsstaette":
        sales = project.sales_area_m2
        if sales is None or sales > LARGE_RETAIL_M2:
            status = "needs_review"
            shown = "nicht angegeben" if sales is None else f"{sales:.0f} m²".replace(".", ",")
            message += (
                f" Verkaufsfläche {shown}: großflächiger Einzelhandel (über {LARGE_RETAIL_M2:.0f} m² nach "
                "der Rechtsprechung) ist nur in Kern- und Sondergebieten zulässig (§ 11 Abs. 3 BauNVO, "
                "Wortlaut nicht geprüft)."
            )
    if ctx.older_baunvo:
        message += (
            f" Der Plan beruht auf der BauNVO {ctx.plan.baunvo_year}; maßgeblich ist diese Fassung "
            "(§§ 25 ff. BauNVO), deren Wortlaut nicht geprüft ist"
        )
        if status != "needs_review" and (gebiet.abbr, project.use) not in art_table.STABLE:
            evidence["answer_under_current_text"] = status
            status = "needs_review"
            message += "; bitte prüfen."
        elif status != "needs_review":
            message += "; diese Antwort gilt nach allgemeiner Kenntnis in allen Fassungen seit 1962."
        else:
            message += "."
    return finding(RULE_ID, status, basis, f"{where}: {message} {_NOTE}", evidence)


def _sentence(kind: str, use: str, abbr: str, basis: str, text: str) -> str:
    if kind == "zulaessig":
        return f"„{use}“ ist im {abbr} allgemein zulässig ({basis}: {text})."
    if kind == "bedingt":
        return f"„{use}“ ist im {abbr} nur allgemein zulässig als: {text} ({basis}); bitte prüfen, ob das zutrifft."
    if kind == "ausnahme":
        return (
            f"„{use}“ ist im {abbr} nur ausnahmsweise zulässig ({basis}: {text}); die Ausnahme nach § 31 Abs. 1 "
            "BauGB bitte prüfen."
        )
    if kind == "unzulaessig":
        return f"„{use}“ ist im {abbr} unzulässig ({basis}: {text})."
    return f"Für „{use}“ kann die Zulässigkeit nicht automatisch bestimmt werden: {text}."
