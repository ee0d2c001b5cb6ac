"""Beteiligung of Fachstellen (Träger öffentlicher Belange): the Kommune's directory of Fachstellen, one request
(Beteiligung) per Fachstelle and case with the Bauvorlagen it may see and a deadline, and the Fachstelle's answer
(Stellungnahme) with its Nebenbestimmungen."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FachstelleKind(models.TextChoices):
    GEMEINDE = "gemeinde", _("Gemeinde (gemeindliches Einvernehmen, § 36 BauGB)")
    BRANDSCHUTZ = "brandschutz", _("Brandschutzdienststelle")
    NATURSCHUTZ = "naturschutz", _("Untere Naturschutzbehörde")
    DENKMAL = "denkmal", _("Untere Denkmalbehörde")
    WASSER = "wasser", _("Untere Wasserbehörde")
    IMMISSIONSSCHUTZ = "immissionsschutz", _("Immissionsschutzbehörde")
    STRASSE = "strasse", _("Straßenbaulastträger")
    SONSTIGE = "sonstige", _("Sonstige Stelle")


#: § 36 Abs. 2 Satz 2 BauGB: the Einvernehmen of the Gemeinde is deemed given if it is not refused within two
#: months of the receipt of the request. The period is set by law and cannot be changed per Fachstelle.
EINVERNEHMEN_MONTHS = 2
#: § 36a Abs. 1 Satz 4 BauGB: „Die Zustimmung der Gemeinde gilt als erteilt, wenn sie nicht binnen drei Monaten nach
#: Eingang des Ersuchens der Genehmigungsbehörde verweigert wird“ (Vorhaben nach § 31 Abs. 3, § 34 Abs. 3b BauGB).
ZUSTIMMUNG_36A_MONTHS = 3
#: Other Fachstellen: one month unless the Kommune sets another period for the Fachstelle.
DEFAULT_MONTHS = 1
#: § 71 Abs. 4 Satz 1 BauO NRW: „Die Bauaufsichtsbehörde setzt … eine angemessene Frist; sie darf höchstens zwei
#: Monate betragen.“
MAX_MONTHS = 2
#: § 71 Abs. 6 Satz 3 BauO NRW: „Die Fristen nach Absatz 4 dürfen nur ausnahmsweise bis zu einem Monat verlängert
#: werden, im vereinfachten Baugenehmigungsverfahren jedoch nur, wenn das Einvernehmen der Gemeinde nach § 36 Absatz 1
#: Satz 1 und 2 des Baugesetzbuches erforderlich ist.“ Only with a recorded reason.
EXCEPTION_MONTHS = 1


class Fachstelle(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="fachstellen")
    name = models.CharField(
        _("Bezeichnung"), max_length=200, help_text=_("z. B. „Brandschutzdienststelle des Kreises Unna“")
    )
    kind = models.CharField(_("Art der Stelle"), max_length=20, choices=FachstelleKind.choices)
    email = models.EmailField(
        _("E-Mail-Adresse der Stelle"), blank=True,
        help_text=_("Funktionspostfach für die Benachrichtigung über neue Beteiligungen (optional)"),
    )
    deadline_months = models.PositiveSmallIntegerField(
        _("Frist für die Stellungnahme (Monate)"), default=DEFAULT_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHS)],
        help_text=_("Vorgabe für neue Beteiligungen, höchstens zwei Monate (§ 71 Abs. 4 Satz 1 BauO NRW). Für die "
                    "Gemeinde gilt die gesetzliche Frist von zwei Monaten (§ 36 Abs. 2 Satz 2 BauGB), bei Vorhaben "
                    "nach § 36a BauGB drei Monate."),
    )
    active = models.BooleanField(_("aktiv"), default=True, help_text=_("Nur aktive Stellen können beteiligt werden."))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="fachstellen", verbose_name=_("Mitglieder"),
        help_text=_("Konten mit der Rolle „Fachstelle“ derselben Kommune"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Fachstelle")
        verbose_name_plural = _("Fachstellen")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "name"], name="fachstelle_unique_name_per_tenant",
                violation_error_message=_("Eine Fachstelle mit dieser Bezeichnung gibt es bereits."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_gemeinde(self) -> bool:
        return self.kind == FachstelleKind.GEMEINDE

    @property
    def months(self) -> int:
        """The period for the Stellungnahme in months: statutory for the Gemeinde (§ 36 BauGB; see
        deadlines.deadline_for for § 36a), else the Kommune's setting, never more than § 71 Abs. 4 allows."""
        return EINVERNEHMEN_MONTHS if self.is_gemeinde else min(self.deadline_months, MAX_MONTHS)


class BeteiligungStatus(models.TextChoices):
    REQUESTED = "requested", _("angefragt")
    ANSWERED = "answered", _("Stellungnahme eingegangen")
    WITHDRAWN = "withdrawn", _("zurückgenommen")


class Beteiligung(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="beteiligungen")
    fachstelle = models.ForeignKey(
        Fachstelle, on_delete=models.PROTECT, related_name="beteiligungen", verbose_name=_("Fachstelle")
    )
    documents = models.ManyToManyField(
        "documents.Document", blank=True, related_name="beteiligungen",
        verbose_name=_("Freigegebene Bauvorlagen"),
        help_text=_("Nur diese Bauvorlagen sieht die Fachstelle"),
    )
    message = models.TextField(_("Anschreiben"), max_length=8000)
    deadline = models.DateField(_("Frist"))
    extension_reason = models.TextField(
        _("Grund für eine Frist über zwei Monate"), max_length=2000, blank=True,
        help_text=_("Ausnahme nach § 71 Abs. 6 Satz 3 BauO NRW: höchstens ein weiterer Monat"),
    )
    status = models.CharField(
        _("Stand"), max_length=10, choices=BeteiligungStatus.choices, default=BeteiligungStatus.REQUESTED
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("Angefragt am"), default=timezone.now)
    answered_at = models.DateTimeField(_("Beantwortet am"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("Zurückgenommen am"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdraw_reason = models.CharField(_("Grund der Rücknahme"), max_length=2000, blank=True)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("Beteiligung")
        verbose_name_plural = _("Beteiligungen")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "fachstelle"], condition=models.Q(status="requested"),
                name="beteiligung_one_open_request_per_fachstelle",
            )
        ]
        indexes = [models.Index(fields=["tenant", "status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.fachstelle} – {self.case}"

    @property
    def is_open(self) -> bool:
        return self.status == BeteiligungStatus.REQUESTED

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Still unanswered after the last day of the deadline."""
        return self.is_open and self.deadline < (today or timezone.localdate())

    def einvernehmen_deemed_given(self, today: dt.date | None = None) -> bool:
        """§ 36 Abs. 2 Satz 2 BauGB: the Gemeinde did not refuse within two months, so the Einvernehmen is deemed
        given. The deadline of a Gemeinde's Beteiligung is the statutory one (enforced by the action)."""
        return self.fachstelle.is_gemeinde and self.is_overdue(today)


class Verdict(models.TextChoices):
    ZUSTIMMUNG = "zustimmung", _("Zustimmung")
    ZUSTIMMUNG_NEBENBESTIMMUNGEN = "zustimmung_nebenbestimmungen", _("Zustimmung mit Nebenbestimmungen")
    KEINE_BEDENKEN = "keine_bedenken", _("Keine Bedenken / nicht berührt")
    ABLEHNUNG = "ablehnung", _("Ablehnung")
    EINVERNEHMEN_ERTEILT = "einvernehmen_erteilt", _("Einvernehmen erteilt")
    EINVERNEHMEN_VERSAGT = "einvernehmen_versagt", _("Einvernehmen versagt")


#: What each kind of Fachstelle can answer. The Gemeinde decides on its Einvernehmen (§ 36 Abs. 1 BauGB), which
#: cannot carry conditions; every other Fachstelle gives a Stellungnahme.
GEMEINDE_VERDICTS = (Verdict.EINVERNEHMEN_ERTEILT, Verdict.EINVERNEHMEN_VERSAGT)
AGENCY_VERDICTS = (Verdict.ZUSTIMMUNG, Verdict.ZUSTIMMUNG_NEBENBESTIMMUNGEN, Verdict.KEINE_BEDENKEN, Verdict.ABLEHNUNG)
#: Verdicts that need a reason in the text.
REASONED_VERDICTS = frozenset({Verdict.ABLEHNUNG, Verdict.EINVERNEHMEN_VERSAGT})
#: Verdicts that stand against the application.
NEGATIVE_VERDICTS = REASONED_VERDICTS


def verdicts_for(fachstelle: Fachstelle) -> tuple[Verdict, ...]:
    return GEMEINDE_VERDICTS if fachstelle.is_gemeinde else AGENCY_VERDICTS


class Stellungnahme(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")
    beteiligung = models.OneToOneField(Beteiligung, on_delete=models.CASCADE, related_name="stellungnahme")
    verdict = models.CharField(_("Ergebnis"), max_length=30, choices=Verdict.choices)
    text = models.TextField(_("Stellungnahme"), max_length=20_000, blank=True)
    conditions = models.JSONField(
        _("Nebenbestimmungen"), default=list, blank=True,
        help_text=_("Liste von {\"text\": …, \"legal_basis\": …} – Auflagen, Bedingungen, Hinweise für den Bescheid"),
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("Abgegeben am"), default=timezone.now)
    late = models.BooleanField(_("nach Fristablauf eingegangen"), default=False)

    class Meta:
        verbose_name = _("Stellungnahme")
        verbose_name_plural = _("Stellungnahmen")

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} ({self.beteiligung.fachstelle})"
