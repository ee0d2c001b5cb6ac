"""Benchmark of the letters (correspondence): rendering a letter to PDF/A with WeasyPrint, sealing it (PAdES with
pyHanko) and the whole send_letter action (render, encrypt, store, audit, mailbox).

    .venv/bin/python bench/letters_bench.py [-n 20]

Uses a temporary SQLite database and document store. Prints median and 95th percentile in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _setup(workdir: Path) -> None:
    os.environ["BAUANTRAG_DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["BAUANTRAG_DOCUMENT_ROOT"] = str(workdir / "documents")
    os.environ["BAUANTRAG_DOCUMENT_KEY"] = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bauantrag.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _world() -> tuple[Any, Any]:
    from django.utils import timezone

    from bauantrag.accounts.models import Role, Tenant, User
    from bauantrag.cases.models import Case, Vorhaben
    from bauantrag.correspondence.models import Letterhead

    tenant = Tenant.objects.create(slug="musterstadt", name="Stadt Musterstadt", kreis="Kreis Unna",
                                   authority_name="Untere Bauaufsichtsbehörde der Stadt Musterstadt",
                                   file_number_prefix="63")
    Letterhead.objects.create(tenant=tenant, street="Rathausplatz 1", postal_code="59423", city="Musterstadt",
                              phone="02303 103-0", email="bauaufsicht@musterstadt.example",
                              court_name="Verwaltungsgericht Arnsberg", court_address="Jägerstraße 1, 59821 Arnsberg")
    applicant = User.objects.create_user("bauherr@example.org", "bauherr@example.org", "x", tenant=tenant,
                                         role=Role.APPLICANT, first_name="Erika", last_name="Mustermann")
    clerk = User.objects.create_user("sb@example.org", "sb@example.org", "x", tenant=tenant, role=Role.CLERK,
                                     first_name="Sven", last_name="Sachbearbeiter")
    now = timezone.now()
    case = Case.objects.create(tenant=tenant, applicant=applicant, state="complete", file_number="63-2026-00001",
                               round=1, submitted_at=now, last_submitted_at=now, completed_at=now,
                               completeness_due=now.date() + dt.timedelta(days=14))
    Vorhaben.objects.create(case=case, tenant=tenant, bauherr_name="Erika Mustermann", street="Lindenweg",
                            house_number="12", postal_code="59423", city="Unna", gemarkung="Unna", flur="7",
                            flurstueck="123/4", description="Neubau eines Einfamilienhauses mit Carport",
                            procedure_requested="vereinfachtes_verfahren")
    return case, clerk


def _certificate(workdir: Path) -> Path:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bauaufsicht Musterstadt Siegel")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365)).sign(key, hashes.SHA256())
    )
    path = workdir / "siegel.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"siegel", key, certificate, None, serialization.BestAvailableEncryption(b"bench")))
    return path


def _measure(runs: int, fn: Callable[[], Any]) -> list[float]:
    fn()  # warm up (fonts, imports) outside the measurement
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _line(label: str, timings: list[float], extra: str = "") -> None:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"{label:52s} {statistics.median(ordered):8.0f} {p95:8.0f} {extra}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=20, help="Durchläufe (Standard 20)")
    args, _unknown = parser.parse_known_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="bauantrag-letters-bench-"))
    _setup(workdir)
    from django.conf import settings

    from bauantrag.correspondence import actions, pdf, signing
    from bauantrag.correspondence.models import LetterKind

    case, clerk = _world()
    receipt = actions.draft_letter(None, case, LetterKind.EINGANGSBESTAETIGUNG)
    approval = actions.draft_letter(clerk, case, LetterKind.BAUGENEHMIGUNG, context={"nebenbestimmungen": [
        f"Auflage Nummer {i}: Die Stellplätze sind vor Nutzungsaufnahme herzustellen und dauerhaft zu erhalten."
        for i in range(1, 16)]})
    sizes: dict[str, int] = {}

    def render(letter: Any, key: str) -> Callable[[], None]:
        def run() -> None:
            sizes[key] = len(pdf.render_letter(letter, sent_at=letter.created_at, sender=clerk).data)
        return run

    print(f"{args.runs} Durchläufe, Zeiten in ms")
    print(f"{'Schritt':52s} {'Median':>8s} {'p95':>8s}")
    _line("PDF/A-3a rendern: Eingangsbestätigung (1 Seite)", _measure(args.runs, render(receipt, "r")),
          f"{sizes['r'] // 1024} KB")
    _line("PDF/A-3a rendern: Baugenehmigung, 15 Nebenbestimmungen", _measure(args.runs, render(approval, "a")),
          f"{sizes['a'] // 1024} KB")
    data = pdf.render_letter(receipt, sent_at=receipt.created_at, sender=None).data
    settings.SEAL_PKCS12 = str(_certificate(workdir))
    settings.SEAL_PASSWORD = "bench"  # noqa: S105 - throwaway certificate of this run
    _line("PAdES-Siegel (RSA 3072) auf das fertige PDF", _measure(
        args.runs, lambda: signing.seal(data, reason="Bench", location="Musterstadt")))

    def send(sealed: bool) -> Callable[[], None]:
        def run() -> None:
            settings.SEAL_PKCS12 = settings.SEAL_PKCS12 if sealed else ""
            actions.send_letter(clerk, actions.draft_letter(clerk, case, LetterKind.ANHOERUNG))
        return run

    _line("send_letter gesamt, gesiegelt", _measure(args.runs, send(True)))
    settings.SEAL_PKCS12 = ""
    _line("send_letter gesamt, ohne Siegel", _measure(args.runs, send(False)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
