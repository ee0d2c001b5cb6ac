"""Reporters: readable German text and a small self-contained HTML page, both built from the JSON result.

Input is the dict of ``CheckResult.to_dict()`` (or the same JSON read back), so every reporter shows exactly
what the JSON says. HTML escapes every value and needs no external resources.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from html import escape
from typing import Any

STATUS_LABELS = {"pass": "erfüllt / bestimmt", "fail": "nicht erfüllt", "needs_review": "bitte prüfen"}
PROCEDURE_NAMES = {
    "verfahrensfrei": "verfahrensfrei (§ 62 BauO NRW)",
    "genehmigungsfreistellung": "Genehmigungsfreistellung (§ 63 BauO NRW)",
    "vereinfachtes_verfahren": "vereinfachtes Baugenehmigungsverfahren (§ 64 BauO NRW)",
    "baugenehmigungsverfahren": "Baugenehmigungsverfahren (§ 65 BauO NRW)",
}


def _procedure(result: Mapping[str, Any]) -> str:
    slug = result.get("procedure")
    return "nicht bestimmt" if slug is None else PROCEDURE_NAMES.get(str(slug), str(slug))


def _building_class(result: Mapping[str, Any]) -> str:
    gk = result.get("building_class")
    return "nicht bestimmt" if gk is None else f"Gebäudeklasse {gk}"


def _law(result: Mapping[str, Any]) -> str:
    """The Fassung applied, in words: "BauO NRW in der ab 01.01.2024 geltenden Fassung (Antrag vom 03.03.2025)"."""
    law = result.get("law") or {}
    applied = (law.get("bauo_nrw_applied") or {}).get("name")
    if not applied:
        return ""
    day = str(law.get("submitted_on", ""))
    shown = f"{day[8:10]}.{day[5:7]}.{day[:4]}" if len(day) == 10 else day
    governing = (law.get("bauo_nrw") or {}).get("name")
    extra = f"; für den Antrag gilt die {governing}, deren Wortlaut nicht vorliegt" if governing != applied else ""
    return f"{applied} (Antrag vom {shown}{extra})"


def _summary(result: Mapping[str, Any]) -> str:
    counts = Counter(str(f.get("status")) for f in result.get("findings", []))
    return (
        f"{counts['pass']} erfüllt oder bestimmt, {counts['fail']} nicht erfüllt, "
        f"{counts['needs_review']} bitte prüfen"
    )


def render_text(result: Mapping[str, Any], title: str = "") -> str:
    """Plain German text for the terminal."""
    lines = [
        "Automatische Vorprüfung" + (f": {title}" if title else ""),
        f"Verfahrensart:  {_procedure(result)}",
        f"Gebäudeklasse:  {_building_class(result)}",
        f"Ergebnis:       {_summary(result)}",
        f"Regelwerk:      {result.get('ruleset_version', '')}",
        f"Rechtsstand:    {_law(result)}",
        "",
    ]
    for number, finding in enumerate(result.get("findings", []), start=1):
        status = STATUS_LABELS.get(str(finding.get("status")), str(finding.get("status")))
        lines.append(f"{number:2d}. [{status}] {finding.get('message', '')}")
        lines.append(f"    Rechtsgrundlage: {finding.get('legal_basis', '')}")
        lines.append(f"    Fassung: {finding.get('law_version', '')}")
        if finding.get("review_note"):
            lines.append(f"    Hinweis für die Bauaufsicht: {finding.get('review_note')}")
        lines.append(f"    Regel: {finding.get('rule', '')}")
    lines.append("")
    lines.append(
        "Hinweis: Die Vorprüfung ersetzt nicht die Prüfung durch die Bauaufsichtsbehörde. "
        "„bitte prüfen“ heißt: Die Regel konnte nicht sicher entscheiden."
    )
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;
line-height:1.5}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.facts dt{font-weight:600}
ol.findings{padding-left:1.5rem}ol.findings>li{border-left:.4rem solid #767676;margin:1rem 0;
padding:.25rem .75rem}
li.status-pass{border-color:#1b6e20}li.status-fail{border-color:#b00020}li.status-needs_review{border-color:#8a5a00}
.status{font-weight:700}li.status-pass .status{color:#1b6e20}li.status-fail .status{color:#b00020}
li.status-needs_review .status{color:#7a4f00}figure.map{margin:0}figure.map svg{max-width:100%;height:auto}
pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}
"""


def render_html(result: Mapping[str, Any], title: str = "", site_map: Any = None) -> str:
    """A small self-contained, accessible HTML page (lang="de"); ``site_map`` a ``formats.sitemap.SiteMap``."""
    heading = "Automatische Vorprüfung" + (f": {title}" if title else "")
    items = "\n".join(_html_finding(finding) for finding in result.get("findings", []))
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(heading)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>{escape(heading)}</h1>
<dl class="facts">
<dt>Verfahrensart</dt><dd>{escape(_procedure(result))}</dd>
<dt>Gebäudeklasse</dt><dd>{escape(_building_class(result))}</dd>
<dt>Ergebnis</dt><dd>{escape(_summary(result))}</dd>
<dt>Regelwerk</dt><dd>{escape(str(result.get("ruleset_version", "")))}</dd>
<dt>Rechtsstand</dt><dd>{escape(_law(result))}</dd>
</dl>
{_html_map(site_map)}<h2>Prüfergebnisse</h2>
<ol class="findings">
{items}
</ol>
<p>Die Vorprüfung ersetzt nicht die Prüfung durch die Bauaufsichtsbehörde. „bitte prüfen“ heißt:
Die Regel konnte nicht sicher entscheiden.</p>
</main>
</body>
</html>
"""


def _html_map(site_map: Any) -> str:
    if site_map is None:
        return ""
    legend = "".join(f"<dt>{escape(label)}</dt><dd>{escape(look)}</dd>" for label, look in site_map.legend)
    problems = "".join(f"<li>{escape(text)}</li>" for text in site_map.problems)
    listed = f"<ul>{problems}</ul>" if problems else "<p>Keine Überschreitung eingezeichnet.</p>"
    return (
        f'<h2>Lageplan</h2>\n<figure class="map">{site_map.svg}<figcaption>Legende</figcaption>'
        f'<dl class="facts">{legend}</dl></figure>\n<h3>Rot markierte Überschreitungen</h3>\n{listed}\n'
    )


def _html_finding(finding: Mapping[str, Any]) -> str:
    status = str(finding.get("status", ""))
    label = STATUS_LABELS.get(status, status)
    evidence = json.dumps(finding.get("evidence", {}), ensure_ascii=False, indent=2)
    note = finding.get("review_note")
    review = f"Hinweis für die Bauaufsicht: {escape(str(note))}<br>\n" if note else ""
    return (
        f'<li class="status-{escape(status, quote=True)}">\n'
        f'<p><span class="status">{escape(label)}:</span> {escape(str(finding.get("message", "")))}</p>\n'
        f"<p>Rechtsgrundlage: {escape(str(finding.get('legal_basis', '')))}<br>\n"
        f"Fassung: {escape(str(finding.get('law_version', '')))}<br>\n"
        f"{review}"
        f"Regel: <code>{escape(str(finding.get('rule', '')))}</code></p>\n"
        f"<details><summary>Verwendete Angaben</summary><pre>{escape(evidence)}</pre></details>\n"
        "</li>"
    )
