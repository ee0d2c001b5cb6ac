"""Markdown and standalone HTML of the rule catalogue (``build_catalogue``); ``docs/regelkatalog.md`` is the
Markdown output, kept in the repository and compared with the generator by ``tests/catalogue``."""

from __future__ import annotations

import json
from html import escape
from typing import Any

TITLE = "Regelkatalog: Was die automatische Vorprüfung prüft"
INTRO = (
    "Dieser Katalog nennt jede Regel, die die automatische Vorprüfung von Bauantrag anwenden kann – mit "
    "Rechtsgrundlage, Gesetzesfassung, Anwendungsbereich, Anforderung und den möglichen Ergebnissen. Zu jeder "
    "Regel gehören durchgerechnete Beispiele: Die gezeigten Ergebnisse und Meldungen sind die tatsächliche "
    "Ausgabe der Prüfsoftware für die genannten Eingaben, nicht von Hand geschrieben. Die Vorprüfung ersetzt "
    "nicht die Prüfung durch die Bauaufsichtsbehörde: „zu prüfen“ heißt, dass eine Sachbearbeiterin oder ein "
    "Sachbearbeiter entscheidet. Welche Fassung eines Gesetzes gilt, richtet sich nach dem Tag der Antragstellung "
    "(§ 90 Abs. 4 BauO NRW) und beim Bebauungsplan nach dessen Datum; je Regel stehen die umgesetzten Fassungen und "
    "die Gründe für „zu prüfen“ dabei. „Hinweis für die Bauaufsicht“ ist die rechtliche Einschränkung, die die "
    "Sachbearbeitung bei einem Befund sieht – Antragstellerinnen und Antragsteller sehen sie nicht."
)
GENERATED = "Erzeugt mit `bauantrag rules catalogue --format md`; nicht von Hand bearbeiten."


def render_json(catalogue: dict[str, Any]) -> str:
    return json.dumps(catalogue, ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(catalogue: dict[str, Any]) -> str:
    rules = {r["rule"]: r for r in catalogue["rules"]}
    out = [f"# {TITLE}", "", INTRO, "", f"Regelwerksversion: `{catalogue['ruleset_version']}`. {GENERATED}", ""]
    out += ["## Inhalt", ""]
    for law in catalogue["laws"]:
        out.append(f"- {law['law']}")
        out += [f"  - [{rules[r]['title']} (`{r}`)](#{rules[r]['anchor']})" for r in law["rules"]]
    for law in catalogue["laws"]:
        out += ["", f"## {law['law']}"]
        for rule in law["rules"]:
            out += _markdown_rule(rules[rule])
    return "\n".join(out) + "\n"


def _markdown_rule(r: dict[str, Any]) -> list[str]:
    out = ["", f'<a id="{r["anchor"]}"></a>', "", f"### {r['title']} (`{r['rule']}`)", ""]
    out += [
        f"- **Rechtsgrundlage:** {r['legal_basis']}",
        f"- **Gesetzesfassung:** {'; '.join(r['law_versions'])}",
        *([f"- **Umgesetzte Fassungen:** {r['versions']}"] if r["versions"] else []),
        f"- **Gilt für:** {r['applies_to']}",
        f"- **Anforderung:** {r['requires']}",
        "- **Mögliche Ergebnisse:**",
    ]
    out += [f"  - {s['label']} (`{s['status']}`): {s['when']}" for s in r["statuses"]]
    if r["note"]:
        out += ["", f"> Hinweis: {r['note']}"]
    if r["doubts"]:
        out += ["", f"> Warum „zu prüfen“: {r['doubts']}"]
    for number, ex in enumerate(r["examples"], 1):
        res = ex["result"]
        out += ["", f"#### Beispiel {number}: {ex['title']}", "", "| Eingabe | Wert |", "| --- | --- |"]
        out += [f"| {_cell(label)} | {_cell(value)} |" for label, value in ex["inputs"]]
        out += [
            "",
            f"Ergebnis der Prüfsoftware: **{res['status_label']}** (`{res['status']}`), {res['legal_basis']}",
            "",
            f"> {res['message']}",
        ]
        if res["review_note"]:
            out += ["", f"Hinweis für die Bauaufsicht: {res['review_note']}"]
    return out


def render_html(catalogue: dict[str, Any]) -> str:
    """A standalone HTML document (for the command line; the web page ``/regelwerk/`` uses its template)."""
    rules = {r["rule"]: r for r in catalogue["rules"]}
    parts = [
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n',
        f"<title>{escape(TITLE)}</title>\n</head>\n<body>\n<main>\n<h1>{escape(TITLE)}</h1>\n",
        f"<p>{escape(INTRO)}</p>\n<p>Regelwerksversion: <code>{escape(catalogue['ruleset_version'])}</code></p>\n",
        '<nav aria-labelledby="inhalt"><h2 id="inhalt">Inhalt</h2>\n<ul>\n',
    ]
    for law in catalogue["laws"]:
        items = "".join(
            f'<li><a href="#{rules[r]["anchor"]}">{escape(rules[r]["title"])} (<code>{escape(r)}</code>)</a></li>'
            for r in law["rules"]
        )
        parts.append(f"<li>{escape(law['law'])}<ul>{items}</ul></li>\n")
    parts.append("</ul></nav>\n")
    for law in catalogue["laws"]:
        parts.append(f"<h2>{escape(law['law'])}</h2>\n")
        parts += [_html_rule(rules[rule]) for rule in law["rules"]]
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def _html_rule(r: dict[str, Any]) -> str:
    e = escape
    statuses = "".join(
        f"<li>{e(s['label'])} (<code>{e(s['status'])}</code>): {e(s['when'])}</li>" for s in r["statuses"]
    )
    out = [
        f'<section id="{e(r["anchor"])}">\n<h3>{e(r["title"])} (<code>{e(r["rule"])}</code>)</h3>\n<dl>',
        f"<dt>Rechtsgrundlage</dt><dd>{e(r['legal_basis'])}</dd>",
        f"<dt>Gesetzesfassung</dt><dd>{e('; '.join(r['law_versions']))}</dd>",
        f"<dt>Umgesetzte Fassungen</dt><dd>{e(r['versions'])}</dd>" if r["versions"] else "",
        f"<dt>Gilt für</dt><dd>{e(r['applies_to'])}</dd><dt>Anforderung</dt><dd>{e(r['requires'])}</dd>",
        f"<dt>Mögliche Ergebnisse</dt><dd><ul>{statuses}</ul></dd></dl>\n",
    ]
    if r["note"]:
        out.append(f"<p><strong>Hinweis:</strong> {e(r['note'])}</p>\n")
    if r["doubts"]:
        out.append(f"<p><strong>Warum „zu prüfen“:</strong> {e(r['doubts'])}</p>\n")
    for number, ex in enumerate(r["examples"], 1):
        res = ex["result"]
        rows = "".join(f'<tr><th scope="row">{e(k)}</th><td>{e(v)}</td></tr>' for k, v in ex["inputs"])
        out.append(
            f"<h4>Beispiel {number}: {e(ex['title'])}</h4>\n<table><caption>Eingaben</caption>"
            f'<thead><tr><th scope="col">Eingabe</th><th scope="col">Wert</th></tr></thead><tbody>{rows}</tbody>'
            f"</table>\n<p>Ergebnis der Prüfsoftware: <strong>{e(res['status_label'])}</strong> "
            f"(<code>{e(res['status'])}</code>), {e(res['legal_basis'])}</p>\n<blockquote><p>{e(res['message'])}"
            "</p></blockquote>\n"
        )
        if res["review_note"]:
            out.append(f"<p><strong>Hinweis für die Bauaufsicht:</strong> {e(res['review_note'])}</p>\n")
    out.append("</section>\n")
    return "".join(out)
