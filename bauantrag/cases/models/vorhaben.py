"""The Vorhaben: what is to be built, as entered by the applicant. Mirrors bauantrag.rules.model.Vorhaben."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bauantrag.cases.models.case import Case, Procedure
from bauantrag.cases.site import validate_site

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise as Label


class Anrede(models.TextChoices):
    """How a letter greets the Bauherrschaft; empty for a company or when no form of address is wanted."""

    FRAU = "frau", _("Frau")
    HERR = "herr", _("Herr")


class ProjectKind(models.TextChoices):
    NEUBAU = "neubau", _("Neubau (Errichtung)")
    AENDERUNG = "aenderung", _("Änderung")
    NUTZUNGSAENDERUNG = "nutzungsaenderung", _("Nutzungsänderung")


class Use(models.TextChoices):
    WOHNGEBAEUDE = "wohngebaeude", _("Wohngebäude")
    BUERO = "buero_verwaltung", _("Büro- und Verwaltungsgebäude")
    VERKAUF = "verkaufsstaette", _("Verkaufsstätte")
    GASTSTAETTE = "gaststaette", _("Schank- oder Speisegaststätte")
    BEHERBERGUNG = "beherbergung", _("Beherbergungsstätte")
    VERSAMMLUNG = "versammlungsstaette", _("Versammlungsstätte")
    KITA = "kita", _("Tageseinrichtung für Kinder")
    SCHULE = "schule", _("Schule")
    KRANKENHAUS = "krankenhaus", _("Krankenhaus")
    PFLEGE = "pflege", _("Pflege- oder Betreuungseinrichtung")
    WOHNHEIM = "wohnheim", _("Wohnheim")
    GARAGE = "garage", _("Garage / überdachter Stellplatz")
    GEWERBE = "gewerbe", _("Gewerbebetrieb")
    LAGER = "lager", _("Lager")
    LAND_FORST = "land_forstwirtschaft", _("Land- oder forstwirtschaftliches Gebäude")
    NEBENGEBAEUDE = "nebengebaeude", _("Nebengebäude")
    LADEN = "laden", _("Laden")
    HANDWERK = "handwerk", _("Handwerksbetrieb")
    TANKSTELLE = "tankstelle", _("Tankstelle")
    GARTENBAU = "gartenbau", _("Gartenbaubetrieb")
    VERGNUEGUNG = "vergnuegungsstaette", _("Vergnügungsstätte")
    VERWALTUNG = "verwaltung", _("Anlage für Verwaltungen")
    KIRCHLICH = "anlage_kirchlich", _("Anlage für kirchliche Zwecke")
    KULTURELL = "anlage_kulturell", _("Anlage für kulturelle Zwecke")
    SOZIAL = "anlage_sozial", _("Anlage für soziale Zwecke")
    GESUNDHEITLICH = "anlage_gesundheitlich", _("Anlage für gesundheitliche Zwecke")
    SPORTLICH = "anlage_sportlich", _("Anlage für sportliche Zwecke")
    FREIE_BERUFE = "freie_berufe", _("Räume oder Gebäude für freie Berufe")
    BETRIEBSWOHNUNG = "betriebswohnung", _("Wohnung für Aufsichts- und Bereitschaftspersonen oder Betriebsinhaber")
    ERNEUERBARE = "erneuerbare_energien", _("Anlage zur Erzeugung von Strom oder Wärme aus erneuerbaren Energien")
    SONSTIGES = "sonstiges", _("Sonstiges")


class PlanningArea(models.TextChoices):
    BPLAN_QUALIFIZIERT = "bebauungsplan_qualifiziert", _("Qualifizierter Bebauungsplan (§ 30 Abs. 1 BauGB)")
    BPLAN_VORHABENBEZOGEN = "bebauungsplan_vorhabenbezogen", _("Vorhabenbezogener Bebauungsplan (§ 12 BauGB)")
    BPLAN_EINFACH = "bebauungsplan_einfach", _("Einfacher Bebauungsplan (§ 30 Abs. 3 BauGB)")
    INNENBEREICH = "innenbereich_34", _("Im Zusammenhang bebauter Ortsteil (§ 34 BauGB)")
    AUSSENBEREICH = "aussenbereich_35", _("Außenbereich (§ 35 BauGB)")



def _decimal(label: Label, help_text: Label = "", max_digits: int = 10) -> Any:
    return models.DecimalField(
        label, max_digits=max_digits, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)], help_text=help_text,
    )


def _count(label: Label, help_text: Label = "", maximum: int = 100_000) -> Any:
    return models.PositiveIntegerField(
        label, null=True, blank=True, validators=[MaxValueValidator(maximum)], help_text=help_text
    )


def _flag(label: Label, help_text: Label = "") -> Any:
    return models.BooleanField(label, null=True, blank=True, help_text=help_text)


class Vorhaben(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="vorhaben", primary_key=True)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)

    # Bauherrschaft
    bauherr_name = models.CharField(_("Bauherrschaft (Name)"), max_length=200, blank=True)
    bauherr_anrede = models.CharField(
        _("Anrede der Bauherrschaft"), max_length=10, choices=Anrede.choices, blank=True,
        help_text=_("Für die Anrede in den Schreiben; leer bei Firmen oder ohne Anrede („Guten Tag …“)"),
    )
    bauherr_street = models.CharField(_("Anschrift der Bauherrschaft: Straße und Hausnummer"), max_length=200,
                                      blank=True)
    bauherr_postal_code = models.CharField(_("Anschrift der Bauherrschaft: Postleitzahl"), max_length=5, blank=True)
    bauherr_city = models.CharField(_("Anschrift der Bauherrschaft: Ort"), max_length=200, blank=True)

    # Entwurfsverfasser/in (§ 54 BauO NRW)
    designer_name = models.CharField(_("Entwurfsverfasser/in (Name)"), max_length=200, blank=True)
    designer_street = models.CharField(_("Anschrift Entwurfsverfasser/in: Straße und Hausnummer"), max_length=200,
                                       blank=True)
    designer_postal_code = models.CharField(_("Anschrift Entwurfsverfasser/in: Postleitzahl"), max_length=5,
                                            blank=True)
    designer_city = models.CharField(_("Anschrift Entwurfsverfasser/in: Ort"), max_length=200, blank=True)

    # Lage
    street = models.CharField(_("Straße"), max_length=200, blank=True)
    house_number = models.CharField(_("Hausnummer"), max_length=20, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=200, blank=True)
    gemarkung = models.CharField(_("Gemarkung"), max_length=100, blank=True)
    flur = models.CharField(_("Flur"), max_length=10, blank=True)
    flurstueck = models.CharField(
        _("Flurstück"), max_length=40, blank=True,
        help_text=_("Zähler/Nenner, z. B. 123/4; mehrere durch Komma getrennt"),
    )
    parcel_area_m2 = _decimal(_("Grundstücksfläche (m²)"))

    # Vorhaben
    description = models.TextField(_("Beschreibung des Vorhabens"), max_length=4000, blank=True)
    project_kind = models.CharField(_("Art der Maßnahme"), max_length=20, choices=ProjectKind.choices, blank=True)
    use = models.CharField(_("Nutzung"), max_length=30, choices=Use.choices, blank=True)
    procedure_requested = models.CharField(
        _("Gewünschte Verfahrensart"), max_length=30, choices=Procedure.choices, blank=True
    )
    planning_area = models.CharField(
        _("Planungsrechtliche Lage"), max_length=40, choices=PlanningArea.choices, blank=True
    )
    plan_conforming = _flag(
        _("Entspricht den Festsetzungen"), _("Keine Ausnahme, Befreiung oder Abweichung erforderlich")
    )
    access_secured = _flag(_("Erschließung gesichert"))
    detached = _flag(_("Freistehend"))
    underground = _flag(_("Unterirdisches Gebäude"))
    has_aufenthaltsraum = _flag(_("Mit Aufenthaltsräumen"))

    # Maße
    units = _count(_("Nutzungseinheiten"))
    dwellings = _count(_("Wohnungen"))
    storeys_full = _count(_("Vollgeschosse"), maximum=200)
    storeys_above_ground = _count(_("Oberirdische Geschosse"), maximum=200)
    height_m = _decimal(
        _("Höhe nach § 2 Abs. 3 Satz 2 BauO NRW (m)"),
        _("Fußbodenoberkante des höchstgelegenen Geschosses mit möglichem Aufenthaltsraum über Gelände im Mittel"),
    )
    structure_height_m = _decimal(_("Gesamthöhe der Anlage (m)"))
    wall_height_mean_m = _decimal(_("Mittlere Wandhöhe (m)"))
    gross_floor_area_m2 = _decimal(_("Brutto-Grundfläche der Nutzungseinheiten (m²)"), _("ohne Kellergeschosse"))
    largest_unit_floor_area_m2 = _decimal(_("Größte Nutzungseinheit in einem Geschoss (m²)"))
    largest_storey_area_m2 = _decimal(_("Grundfläche des größten Geschosses (m²)"))
    floor_area_m2 = _decimal(_("Geschossfläche (m²)"))
    gross_volume_m3 = _decimal(_("Brutto-Rauminhalt (m³)"), max_digits=12)

    # Angaben für Sonderbauten (§ 50 Abs. 2 BauO NRW)
    sales_area_m2 = _decimal(_("Verkaufsfläche (m²)"))
    visitors = _count(_("Besucherplätze"), maximum=1_000_000)
    guest_places_inside = _count(_("Gastplätze in Gebäuden"))
    beds = _count(_("Betten"))
    persons_cared = _count(_("Betreute oder gepflegte Personen"))
    garage_usable_area_m2 = _decimal(_("Nutzfläche der Garage (m²)"))
    existing_garages_area_m2 = _decimal(
        _("Brutto-Grundfläche der auf dem Grundstück vorhandenen Garagen (m²)"),
        _("Zählt bei der Verfahrensfreiheit einer Garage mit: „bis zu insgesamt 30 m²“ (§ 62 Abs. 1 Satz 1 Nr. 1 "
          "Buchst. b BauO NRW)"),
    )

    # Rechtslage (§ 90 Abs. 4 Satz 2 BauO NRW)
    newer_law_requested = _flag(
        _("Anwendung des neueren Rechts beantragt"),
        _("Die Bauherrschaft verlangt, dass statt der am Tag der Antragstellung geltenden Fassung der BauO NRW die "
          "bei der Entscheidung geltende angewandt wird (§ 90 Abs. 4 Satz 2 BauO NRW)"),
    )

    # Lageplan-Geometrie (the ``site`` object of the JSON form, EPSG:25832)
    site = models.JSONField(
        _("Lage und Gebäudegrundriss"), null=True, blank=True, validators=[validate_site],
        help_text=_("Grundstück, Gebäudegrundrisse mit Wandhöhen, Nebenanlagen und angrenzende öffentliche Flächen "
                    "in EPSG:25832 (Objekt „site“ der JSON-Form des Antrags)"),
    )

    class Meta:
        verbose_name = _("Vorhaben")
        verbose_name_plural = _("Vorhaben")

    def __str__(self) -> str:
        return self.address_line() or str(self.case)

    def address_line(self) -> str:
        street = f"{self.street} {self.house_number}".strip()
        place = f"{self.postal_code} {self.city}".strip()
        return ", ".join(part for part in (street, place) if part)
