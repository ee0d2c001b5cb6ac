"""The Kommune's fee data (tariff entries, Rohbauwerte, settings) and the fee of a case.

The tariff text that was retrieved (AVwGebO NRW, Tarifstelle 3.1) fixes how the Rohbausumme is formed, not the
rates; so the rates, the minimum fee, the reductions for refusal and withdrawal and the yearly Rohbauwerte are
entered by the Kommune, each dated by validity and with its source (bauantrag.rules.fees.tariff).
"""

from __future__ import annotations

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.rules.fees.tariff import ANHANG_1, KIND_LABELS, PURPOSE_LABELS, gebaeudeart_label

PURPOSE_CHOICES = [(purpose.value, label) for purpose, label in PURPOSE_LABELS.items()]
KIND_CHOICES = [(kind.value, label) for kind, label in KIND_LABELS.items()]
GEBAEUDEART_CHOICES = [(art.key, gebaeudeart_label(art.key)) for art in ANHANG_1]

SAFE_CHARACTERS = re.compile(r"^[A-Za-z0-9./_ -]*$")


def validate_kassenzeichen_format(value: str) -> None:
    """{NR} exactly once, {JAHR} at most once, otherwise letters, digits, space and . / _ - (no formula start)."""
    rest = value.replace("{NR}", "").replace("{JAHR}", "")
    if value.count("{NR}") != 1 or value.count("{JAHR}") > 1 or not SAFE_CHARACTERS.match(rest):
        raise ValidationError(
            _("Bitte {NR} (laufende Nummer) genau einmal und {JAHR} höchstens einmal verwenden; sonst nur "
              "Buchstaben, Ziffern, Leerzeichen und . / _ -"), code="kassenzeichen_format")
    if value[:1] in "-_ ./":
        raise ValidationError(_("Das Kassenzeichen muss mit einem Buchstaben, einer Ziffer oder einem Platzhalter "
                                "beginnen."), code="kassenzeichen_start")


class FeeSettings(models.Model):
    """Per Kommune: how Kassenzeichen look, where the fees are booked, when they are due."""

    tenant = models.OneToOneField("accounts.Tenant", on_delete=models.CASCADE, related_name="fee_settings")
    kassenzeichen_format = models.CharField(
        _("Aufbau des Kassenzeichens"), max_length=40, default="BA-{JAHR}-{NR}",
        validators=[validate_kassenzeichen_format],
        help_text=_("Platzhalter: {JAHR} = Jahr der Vergabe, {NR} = laufende Nummer des Jahres, z. B. "
                    "„BA-{JAHR}-{NR}“ → BA-2026-000017."),
    )
    number_digits = models.PositiveSmallIntegerField(
        _("Stellen der laufenden Nummer"), default=6, validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    booking_account = models.CharField(
        _("Haushaltsstelle / Buchungsstelle"), max_length=60, blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9./_ -]*$", _("Nur Buchstaben, Ziffern, Leerzeichen und . / _ -"))],
        help_text=_("Wird in der Ausgabe für das Kassenverfahren je Gebühr mitgegeben, z. B. „1.09.01.431100“."),
    )
    payment_details = models.CharField(
        _("Bankverbindung für die Zahlung"), max_length=300, blank=True,
        validators=[RegexValidator(r"^[^<>]*$", _("Bitte keine spitzen Klammern verwenden."))],
        help_text=_("Steht im Bescheid bei der Gebühr, z. B. „Stadtkasse Musterstadt, "
                    "IBAN DE00 0000 0000 0000 0000 00, BIC XXXXDEXX“."),
    )
    payment_days = models.PositiveSmallIntegerField(
        _("Zahlungsfrist (Tage nach Festsetzung)"), default=30, validators=[MaxValueValidator(365)],
        help_text=_("Fälligkeit = Tag der Vergabe des Kassenzeichens plus diese Zahl Tage (Einstellung der Kommune)."),
    )

    class Meta:
        verbose_name = _("Gebühreneinstellungen")
        verbose_name_plural = _("Gebühreneinstellungen")

    def __str__(self) -> str:
        return f"Gebühreneinstellungen {self.tenant_id}"


class TariffRate(models.Model):
    """One entry of the Kommune's tariff table (rules.fees.tariff.Rate)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="tariff_rates")
    purpose = models.CharField(_("Wofür"), max_length=30, choices=PURPOSE_CHOICES)
    tarifstelle = models.CharField(
        _("Tarifstelle"), max_length=30,
        validators=[RegexValidator(r"^[0-9][0-9.]*[0-9a-z]?$", _("z. B. 3.1.4.2"))],
        help_text=_("Nummer im Allgemeinen Gebührentarif der AVwGebO NRW (oder der Satzung der Kommune)"),
    )
    label = models.CharField(_("Bezeichnung"), max_length=200)
    kind = models.CharField(_("Art des Satzes"), max_length=20, choices=KIND_CHOICES)
    value = models.DecimalField(
        _("Wert"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)],
        help_text=_("Tausendstel, Euro oder Prozent – je nach Art; bei einer Rahmengebühr der Mindestbetrag"),
    )
    value_max = models.DecimalField(
        _("Höchstbetrag (Rahmengebühr)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    valid_from = models.DateField(_("Gültig ab"))
    valid_to = models.DateField(_("Gültig bis"), null=True, blank=True, help_text=_("Leer: bis auf Weiteres"))
    source = models.CharField(
        _("Quelle"), max_length=300, help_text=_("Fundstelle, z. B. „AVwGebO NRW, GV. NRW. 2024 S. 262“"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Gebührensatz")
        verbose_name_plural = _("Gebührensätze")
        ordering = ["purpose", "-valid_from"]

    def __str__(self) -> str:
        return f"{self.tarifstelle} {self.label}"


class RohbauwertEntry(models.Model):
    """A Rohbauwert (Euro per m³ BRI) of one Gebäudeart of Anhang 1 zu Tarifstelle 3.1.1.2, dated by validity."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="rohbauwerte")
    gebaeudeart = models.CharField(_("Gebäudeart (Anhang 1)"), max_length=20, choices=GEBAEUDEART_CHOICES)
    eur_per_m3 = models.DecimalField(
        _("Rohbauwert (Euro je m³ Brutto-Rauminhalt)"), max_digits=8, decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    valid_from = models.DateField(_("Gültig ab"))
    valid_to = models.DateField(_("Gültig bis"), null=True, blank=True, help_text=_("Leer: bis auf Weiteres"))
    source = models.CharField(
        _("Quelle"), max_length=300, help_text=_("z. B. „Runderlass … Rohbauwerte ab 01.01.2026, MBl. NRW. …“"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Rohbauwert")
        verbose_name_plural = _("Rohbauwerte")
        ordering = ["gebaeudeart", "-valid_from"]

    def __str__(self) -> str:
        return f"{gebaeudeart_label(self.gebaeudeart)}: {self.eur_per_m3} €/m³ ab {self.valid_from:%d.%m.%Y}"


class CaseFee(models.Model):
    """The clerk's part of a case's fee: the basis chosen, an override with its reason, and the Kassenzeichen.

    Once the Kassenzeichen is assigned the fee is fixed: ``fixed`` holds the lines, the total and the legal basis
    as they were then, so later changes of the tariff do not change a fee already set."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="fee", primary_key=True)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    gebaeudeart = models.CharField(_("Gebäudeart (Anhang 1)"), max_length=20, choices=GEBAEUDEART_CHOICES,
                                   blank=True)
    procedure = models.CharField(_("Verfahren für die Gebühr"), max_length=30, blank=True,
                                 help_text=_("Leer: das Verfahren aus der Vorprüfung bzw. dem Antrag"))
    outcome = models.CharField(
        _("Entscheidung, für die die Gebühr berechnet wird"), max_length=20, blank=True,
        choices=[("genehmigung", _("Genehmigung")), ("ablehnung", _("Ablehnung")), ("ruecknahme", _("Rücknahme"))],
        help_text=_("Nur solange der Vorgang offen ist; danach gilt die getroffene Entscheidung."),
    )
    gross_volume_m3 = models.DecimalField(
        _("Brutto-Rauminhalt für die Gebühr (m³)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leer: der Wert aus dem Antrag. Sonst z. B. aus der Berechnung des Brutto-Rauminhalts nach "
                    "DIN 277 in den Bauvorlagen."),
    )
    override_total = models.DecimalField(_("Festgesetzte Gebühr (abweichend)"), max_digits=12, decimal_places=2,
                                         null=True, blank=True, validators=[MinValueValidator(0)])
    override_reason = models.TextField(_("Begründung der Abweichung"), max_length=2000, blank=True)
    overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")
    overridden_at = models.DateTimeField(null=True, blank=True)
    kassenzeichen = models.CharField(_("Kassenzeichen"), max_length=60, blank=True)
    assigned_at = models.DateTimeField(_("Festgesetzt am"), null=True, blank=True)
    due_date = models.DateField(_("Fällig am"), null=True, blank=True)
    fixed = models.JSONField(null=True, blank=True, help_text=_("Die Berechnung zum Zeitpunkt der Festsetzung"))

    class Meta:
        verbose_name = _("Gebühr eines Vorgangs")
        verbose_name_plural = _("Gebühren der Vorgänge")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "kassenzeichen"], condition=~models.Q(kassenzeichen=""),
                                    name="casefee_unique_kassenzeichen_per_tenant"),
        ]

    def __str__(self) -> str:
        return self.kassenzeichen or f"Gebühr {self.case_id}"


class KassenzeichenSequence(models.Model):
    """The running number of the Kassenzeichen per Kommune and year (locked while a number is drawn); year 0 is the
    one sequence of a format without {JAHR}."""

    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "year"], name="kassenzeichen_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"
