"""Every BAUANTRAG_* environment variable: its default, its type and what it means, in one place.

The settings read variables only through `read()`, which refuses a name not declared here, and the README's table
is this module's output (`python -m bauantrag.settings.environment`; tests/settings compares the two), so the
documentation cannot drift from the code. Pure Python plus django-environ: importable before Django is set up.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

import environ

MB = 1024 * 1024


@dataclass(frozen=True)
class Variable:
    name: str
    kind: type  # bool, int, float, str or list (comma separated)
    default: Any
    meaning: str  # German: the README is German
    shown_default: str = ""  # the default as the README states it, when the value alone does not say it
    scope: str = "Betrieb"  # "Betrieb" (read by the settings) or the script/tool that reads it

    def default_text(self) -> str:
        if self.shown_default:
            return self.shown_default
        if self.kind is bool:
            return f"`{str(self.default).lower()}`"
        if self.kind is list:
            return f"`{','.join(self.default)}`" if self.default else "leer"
        return f"`{self.default}`" if self.default not in ("", None) else "–"


VARIABLES: tuple[Variable, ...] = (
    Variable("BAUANTRAG_DATABASE_URL", str, "sqlite://",
             "`postgres://user:pass@host:5432/db` oder `sqlite:////pfad/db.sqlite3`; Optionen als Parameter bleiben "
             "erhalten, z. B. `?sslmode=require`", "`sqlite://` → `var/db.sqlite3`"),
    Variable("BAUANTRAG_BROKER_URL", str, "filesystem://localhost/", "`redis://host:6379/0`",
             "`filesystem://localhost/` (Ordner `var/broker`)"),
    Variable("BAUANTRAG_CACHE_URL", str, "",
             "`redis://host:6379/1` (Zähler der Anmeldeversuche für alle Webprozesse)", "Dateien unter `var/cache`"),
    Variable("BAUANTRAG_SECRET_KEY", str, "", "geheimer Schlüssel", "wird in `var/secret_key` erzeugt"),
    Variable("BAUANTRAG_DEBUG", bool, False, "Fehlerseiten mit Details (nie in Produktion)"),
    Variable("BAUANTRAG_ALLOWED_HOSTS", list, ["127.0.0.1", "localhost"], "erlaubte Hostnamen, kommagetrennt"),
    Variable("BAUANTRAG_CSRF_TRUSTED_ORIGINS", list, [], "z. B. `https://bauantrag.kreis-unna.de`", "–"),
    Variable("BAUANTRAG_TRUSTED_PROXIES", list, [],
             "Adressen oder Netze der Reverse-Proxys, deren `X-Forwarded-For` die Adresse des Clients nennt "
             "(für die Sperre nach Fehlversuchen je Adresse), z. B. `127.0.0.1,10.0.0.0/8`", "–"),
    Variable("BAUANTRAG_SECURE_COOKIES", bool, False,
             "`true` hinter HTTPS (in `bauantrag.settings.production` immer an)"),
    Variable("BAUANTRAG_HSTS_SECONDS", int, 31536000,
             "nur `bauantrag.settings.production`: Dauer von Strict-Transport-Security in Sekunden"),
    Variable("BAUANTRAG_STAFF_IDLE_MINUTES", int, 30,
             "Konten der Bauaufsicht, Fachstellen und Verwaltung werden nach so vielen Minuten ohne Aktivität "
             "abgemeldet"),
    Variable("BAUANTRAG_STAFF_SESSION_HOURS", int, 12,
             "Anmeldungen dieser Konten enden spätestens nach so vielen Stunden (Antragsteller/innen: 14 Tage)"),
    Variable("BAUANTRAG_PUBLIC_URL", str, "http://127.0.0.1:8000", "Adresse des Portals für die Links in E-Mails"),
    Variable("BAUANTRAG_DATA_DIR", str, "", "Datenverzeichnis", "`var/`"),
    Variable("BAUANTRAG_DOCUMENT_ROOT", str, "", "Ablage der Bauvorlagen", "`var/documents`"),
    Variable("BAUANTRAG_DOCUMENT_MAX_BYTES", int, 50 * MB, "Höchstgröße je Datei in Byte", "50 MB"),
    Variable("BAUANTRAG_DOCUMENT_MAX_PER_CASE", int, 200, "Höchstzahl der Dateien je Antrag"),
    Variable("BAUANTRAG_DOCUMENT_MAX_PER_DAY", int, 300,
             "Höchstzahl der Uploads je Person in 24 Stunden (0 = unbegrenzt)"),
    Variable("BAUANTRAG_DOCUMENT_TENANT_QUOTA_BYTES", int, 0,
             "Speicherkontingent für Bauvorlagen je Kommune in Byte (0 = unbegrenzt)"),
    Variable("BAUANTRAG_DOCUMENT_KEY", str, "",
             "Hauptschlüssel für die Verschlüsselung der Bauvorlagen (AES-256-GCM, je Kommune abgeleitet): Base64 "
             "von 32 Zufallsbytes, z. B. `openssl rand -base64 32`. **Gehört in die Sicherung – ohne ihn sind die "
             "Dateien nicht lesbar.**", "wird in `var/document_key` erzeugt"),
    Variable("BAUANTRAG_AUDIT_KEY_FILE", str, "",
             "Datei mit dem Schlüssel, mit dem jeder Protokolleintrag und jeder Ankerpunkt gesichert wird (HMAC, "
             "Base64 von 32 Zufallsbytes; fehlt die Datei, wird sie angelegt). Außerhalb der Datenbank halten und "
             "sichern: ohne ihn ist das Protokoll nicht prüfbar, mit ihm kann es neu versiegelt werden",
             "`var/audit_key`"),
    Variable("BAUANTRAG_AUDIT_ANCHOR_DIR", str, "",
             "Ordner der Ankerpunkte des Protokolls (nur angehängt, je Kette Stand, letzter Hash, Zeit, Signatur); "
             "am besten ein anderes Laufwerk oder ein nur beschreibbares Netzlaufwerk", "`var/anchors`"),
    Variable("BAUANTRAG_AUDIT_ANCHOR_MAIL", str, "",
             "Adresse, an die jeder neue Ankerpunkt und jede beim Verankern gefundene Veränderung geschickt wird",
             "– (kein Versand)"),
    Variable("BAUANTRAG_SECURITY_ALERT_MAIL", str, "",
             "Adresse des Betreibers für Sicherheitsmeldungen: eine gespeicherte Bauvorlage oder ein Schreiben, das "
             "die Integritätsprüfung nicht besteht (höchstens eine E-Mail je Anlass und Viertelstunde)",
             "– (nur im Log, Logger `bauantrag.security`)"),
    Variable("BAUANTRAG_CLAMD", str, "",
             "Virenscanner clamd, `tcp://127.0.0.1:3310` oder `unix:///run/clamav/clamd.ctl`; ist er gesetzt, aber "
             "nicht erreichbar, werden Uploads abgelehnt",
             "leer = keine Prüfung, Dateien werden als „nicht auf Schadsoftware geprüft“ markiert"),
    Variable("BAUANTRAG_CLAMD_TIMEOUT", float, 30.0, "Zeitlimit der Virenprüfung in Sekunden", "30"),
    Variable("BAUANTRAG_EMAIL_BACKEND", str, "", "Django-Mail-Backend",
             "SMTP, wenn `BAUANTRAG_SMTP_HOST` gesetzt ist, sonst Konsole"),
    Variable("BAUANTRAG_SMTP_HOST", str, "", "SMTP-Server für Benachrichtigungen, z. B. `mail.kreis-unna.de`",
             "– (Mails erscheinen auf der Konsole)"),
    Variable("BAUANTRAG_SMTP_PORT", int, 0, "Port des SMTP-Servers", "`587` mit STARTTLS, sonst `25`"),
    Variable("BAUANTRAG_SMTP_USER", str, "", "Benutzername am SMTP-Server", "– (ohne Anmeldung)"),
    Variable("BAUANTRAG_SMTP_PASSWORD", str, "", "Passwort am SMTP-Server"),
    Variable("BAUANTRAG_SMTP_STARTTLS", bool, True, "`false`, wenn der Server kein STARTTLS anbietet"),
    Variable("BAUANTRAG_MAIL_SENDER", str, "Bauantrag <bauantrag@localhost>",
             "Standardabsender, wenn für die Kommune keiner eingetragen ist"),
    Variable("BAUANTRAG_TESSERACT", str, "/usr/bin/tesseract", "Programm der Texterkennung"),
    Variable("BAUANTRAG_OCR_LANGUAGE", str, "deu", "Sprache der Texterkennung"),
    Variable("BAUANTRAG_OCR_WORKERS", int, 1,
             "eingescannte Seiten eines Dokuments, die ein Worker gleichzeitig erkennt (höchstens seine Kerne)"),
    Variable("BAUANTRAG_TEXT_MAX_PAGES", int, 300, "Höchstzahl der gelesenen Seiten je Datei"),
    Variable("BAUANTRAG_TEXT_PAGE_TIMEOUT", float, 60.0,
             "Zeitlimit je Seite in Sekunden (dann wird der Leseprozess beendet)", "60"),
    Variable("BAUANTRAG_TEXT_MEMORY_MB", int, 1024, "Speichergrenze des abgeschotteten Leseprozesses"),
    Variable("BAUANTRAG_IMPORT_MEMORY_MB", int, 1024,
             "Speichergrenze des abgeschotteten Prozesses, der Bebauungspläne (XPlanGML) und Flurstücke liest"),
    Variable("BAUANTRAG_IMPORT_TIMEOUT", float, 120.0,
             "Zeitlimit in Sekunden für das Lesen eines Bebauungsplans oder einer Flurstücksdatei", "120"),
    Variable("BAUANTRAG_LLM_ALLOWED", bool, False,
             "`true` erlaubt den Kommunen, ein eigenes Sprachmodell (OpenAI-kompatibler Server) einzutragen; die "
             "Verwaltung der Kommune schaltet es dann ein"),
    Variable("BAUANTRAG_LLM_HOSTS", list, [],
             "erlaubte Hostnamen der Sprachmodell-Server, kommagetrennt (dazu eine Firewall-Regel für ausgehende "
             "Verbindungen)", "leer = jeder Host außer link-local/reservierten Adressen"),
    Variable("BAUANTRAG_SEAL_PKCS12", str, "",
             "Zertifikat der Behörde (PKCS#12) für das elektronische Siegel (PAdES) der Schreiben",
             "– (Schreiben „ohne elektronisches Siegel“)"),
    Variable("BAUANTRAG_SEAL_PASSWORD", str, "", "Passwort der PKCS#12-Datei"),
    Variable("BAUANTRAG_NACHFORDERUNG_REMINDER_DAYS", int, 3,
             "Erinnerung so viele Arbeitstage vor Ablauf einer Nachforderung (0 = keine)"),
    Variable("BAUANTRAG_RETENTION_YEARS_NOT_APPROVED", int, 10,
             "Aufbewahrung abgelehnter und zurückgenommener Vorgänge in Jahren ab Ende des Abschlussjahres "
             "(0 = dauernd), danach Anbietung an das Archiv — **Platzhalter, nach dem Aktenplan der Kommune "
             "festlegen**. Genehmigte Vorgänge: solange die Anlage besteht (§ 74 Abs. 5 Satz 3 BauO NRW), ohne "
             "Einstellung"),
    Variable("BAUANTRAG_TASK_LEASE_SECONDS", int, 600,
             "Eine Vorprüfung oder ein Lesen von Bauvorlagen, das so lange kein Lebenszeichen gab (Worker "
             "abgestürzt) oder nie in die Warteschlange kam (Broker nicht erreichbar), wird neu eingereiht; "
             "mindestens zwei Zeitlimits je Seite"),
    Variable("BAUANTRAG_TASKS_EAGER", bool, False,
             "Hintergrundaufgaben sofort im Webprozess ausführen statt im Worker (nur zur Fehlersuche)"),
    Variable("BAUANTRAG_LOG_LEVEL", str, "WARNING", "Protokollstufe der Konsole"),
    Variable("BAUANTRAG_BIND", str, "127.0.0.1:8000", "Adresse des Webservers", scope="scripts/serve.sh"),
    Variable("BAUANTRAG_TEST_DATABASE_URL", str, "postgres://postgres@127.0.0.1:5432/bauantrag",
             "PostgreSQL der Tests (pytest legt `test_…` daneben an)", scope="scripts/test.sh"),
    Variable("BAUANTRAG_TEST_BROKER_URL", str, "redis://127.0.0.1:6379/15", "Redis der Worker-Tests",
             scope="scripts/test.sh"),
    Variable("BAUANTRAG_FAULT_KILLS", int, 10,
             "wie oft der Fehlertest den Worker mitten in einer Aufgabe mit `kill -9` beendet", "10 (`make "
             "bench-kills`: 100)", scope="tests/worker, make bench-kills"),
    Variable("BAUANTRAG_TEST_PROCESSES", int, 2, "parallele Testprozesse (0 = einer)", scope="scripts/test.sh"),
    Variable("BAUANTRAG_BENCH_LOAD_DATABASE_URL", str, "postgres://postgres@127.0.0.1:5432/bauantrag_load",
             "PostgreSQL der Lastmessung (angelegt, einmal mit Lastdaten gefüllt und behalten)",
             scope="make bench-load"),
    Variable("BAUANTRAG_REAL_DOCS", str, "", "Ordner echter Dokumente für die Auswertung des Klassifikators",
             "–", scope="make eval-classifier, eval-blind"),
    Variable("BAUANTRAG_REALDOCS_DIR", str, "", "Texte echter Dokumente für die Auswertung des Auslesens", "–",
             scope="make eval-extraction"),
    Variable("BAUANTRAG_REALDOCS_CLS_DIR", str, "", "echte Nicht-Bauvorlagen, aus denen kein Wert gelesen werden darf",
             "–", scope="make eval-extraction"),
)
BY_NAME = {variable.name: variable for variable in VARIABLES}

_env = environ.Env()


def _read_str(name: str, default: str) -> str:
    # Not environ's str(): it reads a value that starts with "$" as the name of another variable (a password may).
    return os.environ.get(name, default)


_READERS = {bool: _env.bool, int: _env.int, float: _env.float, str: _read_str, list: _env.list}


def read(name: str) -> Any:
    """The variable's value from the environment, parsed to its declared type, or its declared default."""
    variable = BY_NAME[name]  # KeyError: declare the variable above first, so the README lists it
    value = _READERS[variable.kind](name, default=variable.default)
    return list(value) if variable.kind is list else value  # never hand out the shared default list


def readme_table() -> str:
    rows = ["| Variable | Bedeutung | Vorgabe | Gelesen von |", "| --- | --- | --- | --- |"]
    rows += [f"| `{v.name}` | {v.meaning} | {v.default_text()} | {v.scope} |" for v in VARIABLES]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(readme_table())
