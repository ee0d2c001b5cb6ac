"""The mailbox of a case (threaded messages between applicant side and Bauaufsicht) and the letters
(Schreiben) of the Bauaufsicht: a draft the clerk edits, frozen as an encrypted PDF with its hash on sending."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MESSAGE_BODY_MAX = 10_000
MESSAGE_SUBJECT_MAX = 200
LETTER_BODY_MAX = 50_000


class Side(models.TextChoices):
    APPLICANT = "applicant", _("Antragsteller/in")
    AUTHORITY = "authority", _("Bauaufsicht")


class LetterKind(models.TextChoices):
    EINGANGSBESTAETIGUNG = "eingangsbestaetigung", _("Eingangsbestätigung")
    NACHFORDERUNG = "nachforderung", _("Nachforderung von Unterlagen")
    VOLLSTAENDIGKEIT = "vollstaendigkeit", _("Vollständigkeitsbestätigung")
    ANHOERUNG = "anhoerung", _("Anhörung")
    BETEILIGUNG = "beteiligung", _("Beteiligungsschreiben")
    BAUGENEHMIGUNG = "baugenehmigung", _("Baugenehmigung")
    ABLEHNUNG = "ablehnung", _("Ablehnung des Bauantrags")
    RUECKNAHME = "ruecknahme", _("Bestätigung der Rücknahme")
    SONSTIGES = "sonstiges", _("Schreiben (frei)")
    NACHBAR_BENACHRICHTIGUNG = "nachbar_benachrichtigung", _("Benachrichtigung der Nachbarin / des Nachbarn")
    NACHBAR_ZUSTELLUNG = "nachbar_zustellung", _("Zustellung der Baugenehmigung an Nachbarin / Nachbarn")
    BEKANNTMACHUNG = "bekanntmachung", _("Öffentliche Bekanntmachung")


#: Letters to neighbours and the public (§ 72 BauO NRW): never shown to the applicant side.
NEIGHBOUR_KINDS = frozenset({LetterKind.NACHBAR_BENACHRICHTIGUNG, LetterKind.NACHBAR_ZUSTELLUNG,
                             LetterKind.BEKANNTMACHUNG})


# Letters that decide the application (Bescheide): notification DECISION instead of LETTER.
DECISION_KINDS = frozenset({LetterKind.BAUGENEHMIGUNG, LetterKind.ABLEHNUNG})


class LetterState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SENT = "sent", _("versandt")


class Recipient(models.TextChoices):
    APPLICANT = "applicant", _("Bauherrschaft / Entwurfsverfasser/in")
    AGENCY = "agency", _("Fachstelle")
    NEIGHBOUR = "neighbour", _("Nachbarin / Nachbar")
    PUBLIC = "public", _("Öffentlichkeit (Bekanntmachung)")


class Letter(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("Art des Schreibens"), max_length=30, choices=LetterKind.choices)
    state = models.CharField(_("Stand"), max_length=10, choices=LetterState.choices, default=LetterState.DRAFT)
    subject = models.CharField(_("Betreff"), max_length=300)
    body = models.TextField(_("Text"), max_length=LETTER_BODY_MAX)
    recipient = models.CharField(
        _("Empfänger"), max_length=20, choices=Recipient.choices, default=Recipient.APPLICANT
    )
    beteiligung_id = models.UUIDField(
        null=True, blank=True, help_text=_("Für Beteiligungsschreiben: die Beteiligung der Fachstelle")
    )
    context = models.JSONField(
        default=dict, blank=True,
        help_text=_("Angaben des Schreibens, z. B. Nebenbestimmungen oder Frist"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("Versandt am"), null=True, blank=True)
    storage_name = models.CharField(max_length=80, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256 des PDF"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    pdf_variant = models.CharField(max_length=20, blank=True)
    signed = models.BooleanField(_("elektronisch gesiegelt"), default=False)
    signature_info = models.JSONField(default=dict, blank=True)
    retrieved_at = models.DateTimeField(
        _("Abgerufen am"), null=True, blank=True,
        help_text=_("Erster Abruf durch die Bauherrschaft oder den Entwurfsverfasser (Bekanntgabe)"),
    )
    retrieved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    template = models.ForeignKey(
        "LetterTemplate", on_delete=models.PROTECT, null=True, blank=True, related_name="letters",
        verbose_name=_("Vorlage"), help_text=_("Die Fassung der Vorlage der Kommune; leer: Standardtext des Projekts"),
    )
    template_sha256 = models.CharField(
        _("SHA-256 der Vorlage"), max_length=64, blank=True,
        help_text=_("Prüfsumme von Betreff und Text der verwendeten Vorlage (auch beim Standardtext)"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Schreiben")
        verbose_name_plural = _("Schreiben")
        indexes = [models.Index(fields=["case", "state"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_state_display()})"

    @property
    def is_draft(self) -> bool:
        return self.state == LetterState.DRAFT

    @property
    def is_decision(self) -> bool:
        return self.kind in DECISION_KINDS

    def filename(self) -> str:
        number = (self.case.file_number or "entwurf").replace("/", "-")
        return f"{self.kind}_{number}_{str(self.pk)[:8]}.pdf"


class Message(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="messages")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies",
        verbose_name=_("Antwort auf"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text=_("Leer: vom System erzeugt (z. B. ein Schreiben)"),
    )
    side = models.CharField(_("Seite"), max_length=20, choices=Side.choices)
    subject = models.CharField(_("Betreff"), max_length=MESSAGE_SUBJECT_MAX)
    body = models.TextField(_("Nachricht"), max_length=MESSAGE_BODY_MAX, blank=True)
    letter = models.ForeignKey(
        Letter, on_delete=models.PROTECT, null=True, blank=True, related_name="messages"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
        indexes = [models.Index(fields=["case", "created_at"])]

    def __str__(self) -> str:
        return self.subject

    @property
    def root(self) -> Message:
        """The first message of the thread (replies point at their parent, threads are shallow)."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node


class MessageAttachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    document = models.OneToOneField(
        "documents.Document", on_delete=models.PROTECT, related_name="message_attachment"
    )

    class Meta:
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")

    def __str__(self) -> str:
        return str(self.document)


class MessageRead(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "user"], name="message_read_once")]

    def __str__(self) -> str:
        return f"{self.message_id} gelesen von {self.user_id}"


class Letterhead(models.Model):
    """The Kommune's letterhead and the legal details the letters need."""

    tenant = models.OneToOneField("accounts.Tenant", on_delete=models.CASCADE, related_name="letterhead")
    department = models.CharField(
        _("Dienststelle"), max_length=200, blank=True, help_text=_("z. B. „Fachbereich Planen und Bauen“")
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(_("Telefon"), max_length=60, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.CharField(_("Internet"), max_length=200, blank=True)
    office_hours = models.CharField(_("Sprechzeiten"), max_length=300, blank=True)
    bank_details = models.CharField(_("Bankverbindung"), max_length=300, blank=True)
    court_name = models.CharField(
        _("Zuständiges Verwaltungsgericht"), max_length=200, blank=True,
        help_text=_("Für die Rechtsbehelfsbelehrung, z. B. „Verwaltungsgericht Gelsenkirchen“"),
    )
    court_address = models.CharField(
        _("Anschrift des Verwaltungsgerichts"), max_length=300, blank=True,
        help_text=_("z. B. „Bahnhofsvorplatz 3, 45879 Gelsenkirchen“"),
    )
    signatory = models.CharField(
        _("Unterzeichnung"), max_length=200, blank=True,
        help_text=_("Zeile unter dem Gruß, z. B. „Im Auftrag“; leer: „Im Auftrag“ mit dem Namen der Sachbearbeitung"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Briefkopf")
        verbose_name_plural = _("Briefköpfe")

    def __str__(self) -> str:
        return f"Briefkopf {self.tenant}"


class LetterTemplate(models.Model):
    """One saved version of a Kommune's own text of a letter kind. Saving adds a row (version + 1); the newest
    version is in use. No row: the project's default text (correspondence/letter_templates/) is used."""

    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    kind = models.CharField(_("Art des Schreibens"), max_length=30, choices=LetterKind.choices)
    version = models.PositiveIntegerField(_("Fassung"))
    subject = models.CharField(_("Betreff (Vorlage)"), max_length=1000)
    body = models.TextField(_("Text (Vorlage)"), max_length=20_000)
    note = models.CharField(_("Änderungsvermerk"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tenant", "kind", "-version"]
        verbose_name = _("Vorlage eines Schreibens")
        verbose_name_plural = _("Vorlagen der Schreiben")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "kind", "version"], name="letter_template_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, Fassung {self.version}"


class TextbausteinKind(models.TextChoices):
    BEDINGUNG = "bedingung", _("Bedingung")
    BEFRISTUNG = "befristung", _("Befristung")
    AUFLAGE = "auflage", _("Auflage")
    AUFLAGENVORBEHALT = "auflagenvorbehalt", _("Auflagenvorbehalt")
    WIDERRUFSVORBEHALT = "widerrufsvorbehalt", _("Widerrufsvorbehalt")
    HINWEIS = "hinweis", _("Hinweis")
    BEGRUENDUNG = "begruendung", _("Baustein der Begründung")


class Textbaustein(models.Model):
    """A text the Kommune keeps for Nebenbestimmungen and reasons of its Bescheide, with its legal basis."""

    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    kind = models.CharField(_("Art"), max_length=20, choices=TextbausteinKind.choices)
    title = models.CharField(_("Kurzbezeichnung"), max_length=120)
    text = models.TextField(_("Text"), max_length=4000)
    legal_basis = models.CharField(
        _("Rechtsgrundlage"), max_length=300, help_text=_("z. B. „§ 36 Abs. 1 VwVfG NRW i. V. m. § 51 BauO NRW“"),
    )
    reason = models.TextField(_("Begründung"), max_length=4000, blank=True)
    active = models.BooleanField(_("angeboten"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("Textbaustein")
        verbose_name_plural = _("Textbausteine")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class Enclosure(models.Model):
    """An approved Bauvorlage delivered with the Baugenehmigung: a copy with the Genehmigungsvermerk on each page
    (§ 74 Abs. 2 Satz 3 BauO NRW), stored encrypted beside the original (which stays as it was) with its
    SHA-256. A file that has no pages (an IFC model) is listed with the original's hash and not stamped."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="enclosures")
    number = models.PositiveSmallIntegerField(_("Nummer"))
    document = models.ForeignKey("documents.Document", on_delete=models.PROTECT, related_name="+")
    display_name = models.CharField(_("Bezeichnung"), max_length=300)
    source_sha256 = models.CharField(_("SHA-256 der eingereichten Datei"), max_length=64)
    stamped = models.BooleanField(_("mit Genehmigungsvermerk"), default=False)
    storage_name = models.CharField(max_length=80, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256 der gestempelten Ausfertigung"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    signed = models.BooleanField(_("elektronisch gesiegelt"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["letter", "number"]
        verbose_name = _("Anlage eines Bescheids")
        verbose_name_plural = _("Anlagen der Bescheide")
        constraints = [models.UniqueConstraint(fields=["letter", "number"], name="enclosure_number_once")]

    def __str__(self) -> str:
        return f"Anlage {self.number}: {self.display_name}"

    def filename(self) -> str:
        number = (self.letter.case.file_number or "").replace("/", "-")
        stem = self.display_name.rsplit(".", 1)[0][:80] or "bauvorlage"
        return f"Anlage{self.number:02d}_{number}_{stem}_Genehmigungsvermerk.pdf"
