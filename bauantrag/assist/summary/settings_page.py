"""The Kommune's language model settings: form, action (with audit) and page at /assistenz/sprachmodell/.

Only the tenant administrator of the Kommune (a staff account, so with TOTP) may change them. Off by default.
The API key is stored encrypted (keystore.py) and never rendered back: the page says "gesetzt" and offers to replace
or delete it. The audit entry (AccountEvent.TENANT_SETTINGS_CHANGED) records the settings before and after, and of the
key only whether one is set.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bauantrag.accounts.events import AccountEvent
from bauantrag.accounts.models import Role, Tenant, User
from bauantrag.assist.summary import endpoint, keystore
from bauantrag.audit.service import record

FIELDS = ("llm_enabled", "llm_base_url", "llm_model", "llm_timeout_seconds")
KEY_SET = "gesetzt"
KEY_NEW = "neu gesetzt"
KEY_NONE = "nicht gesetzt"


class LlmSettingsForm(forms.Form):
    llm_enabled = forms.BooleanField(
        label=gettext_lazy("Zusammenfassungen mit dem Sprachmodell anbieten"), required=False,
        help_text=gettext_lazy("Aus: Es gibt nur die Zusammenfassung aus der Vorlage; kein Antragsinhalt verlässt "
                               "diesen Server."),
    )  # fmt: skip
    llm_base_url = forms.CharField(
        label=gettext_lazy("Adresse des Sprachmodell-Servers"), required=False, max_length=300,
        help_text=gettext_lazy("Der OpenAI-kompatible Server der Kommune, z. B. „http://127.0.0.1:11434“ (Ollama "
                               "auf diesem Rechner) oder „https://llm.kommune.example“ (vLLM). Angefragt wird nur "
                               "<Adresse>/v1/chat/completions. Außerhalb dieses Rechners bitte https verwenden: "
                               "die Angaben des Vorgangs und der Schlüssel gehen sonst unverschlüsselt durchs Netz."),
    )  # fmt: skip
    llm_model = forms.CharField(
        label=gettext_lazy("Name des Modells"), required=False, max_length=120,
        validators=[RegexValidator(r"^[A-Za-z0-9._:/@+\-]+$",
                                   gettext_lazy("Nur Buchstaben, Ziffern und . _ : / @ + - sind erlaubt."))],
        help_text=gettext_lazy("Name des Modells auf dem Server, z. B. „llama3.1:8b“."),
    )  # fmt: skip
    llm_timeout_seconds = forms.IntegerField(
        label=gettext_lazy("Zeitlimit (Sekunden)"), initial=20,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=gettext_lazy("Antwortet der Server nicht rechtzeitig, erscheint die Zusammenfassung aus der "
                               "Vorlage (1 bis 120 Sekunden)."),
    )  # fmt: skip
    llm_api_key = forms.CharField(
        label=gettext_lazy("API-Schlüssel"), required=False, max_length=500, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    llm_api_key_clear = forms.BooleanField(label=gettext_lazy("Gespeicherten API-Schlüssel löschen"), required=False)

    def __init__(self, *args: Any, key_set: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["llm_api_key"].help_text = (
            _("Ein Schlüssel ist gesetzt. Leer lassen, um ihn zu behalten; ein neuer Wert ersetzt ihn.")
            if key_set else _("Nur nötig, wenn der Server einen Schlüssel verlangt. Er wird verschlüsselt gespeichert "
                              "und nie wieder angezeigt.")
        )  # fmt: skip
        if not key_set:
            del self.fields["llm_api_key_clear"]

    def clean_llm_base_url(self) -> str:
        return endpoint.check_base_url(self.cleaned_data.get("llm_base_url") or "")

    def clean_llm_api_key(self) -> str:
        key = self.cleaned_data.get("llm_api_key") or ""
        if any(ord(c) < 33 or ord(c) > 126 for c in key):
            raise ValidationError(_("Der Schlüssel darf nur druckbare ASCII-Zeichen ohne Leerzeichen enthalten."))
        return key

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("llm_enabled"):
            if not endpoint.llm_allowed():
                self.add_error("llm_enabled", _("Der Betrieb dieser Installation hat die Anbindung eines "
                                                "Sprachmodells nicht freigegeben."))  # fmt: skip
            if not data.get("llm_base_url") and "llm_base_url" not in self.errors:
                self.add_error("llm_base_url", _("Bitte geben Sie die Adresse des Servers an."))
            if not data.get("llm_model") and "llm_model" not in self.errors:
                self.add_error("llm_model", _("Bitte geben Sie das Modell an."))
        return data


def _check_actor(actor: User, tenant: Tenant) -> None:
    if actor.role != Role.TENANT_ADMIN or actor.tenant_id != tenant.pk:
        raise PermissionDenied(_("Nur die Administration der Kommune kann das Sprachmodell einstellen."))


def _key_state(stored: str) -> str:
    return KEY_SET if stored else KEY_NONE


def change_llm_settings(
    actor: User, tenant: Tenant, values: dict[str, Any], *, new_key: str = "", clear_key: bool = False
) -> Tenant:
    """Set the Kommune's language model settings (validated again here), recorded in the audit log."""
    _check_actor(actor, tenant)
    base_url = endpoint.check_base_url(str(values.get("llm_base_url") or ""))
    enabled = bool(values.get("llm_enabled"))
    if enabled and not endpoint.llm_allowed():
        raise ValidationError({"llm_enabled": _("Der Betrieb hat die Anbindung eines Sprachmodells nicht "
                                                "freigegeben.")})  # fmt: skip
    with transaction.atomic():
        locked = Tenant.objects.select_for_update().get(pk=tenant.pk)
        before: dict[str, Any] = {name: getattr(locked, name) for name in FIELDS}
        before["llm_api_key"] = _key_state(locked.llm_api_key_encrypted)
        locked.llm_enabled = enabled
        locked.llm_base_url = base_url
        locked.llm_model = str(values.get("llm_model") or "").strip()
        locked.llm_timeout_seconds = int(values.get("llm_timeout_seconds") or 20)
        if new_key:
            locked.llm_api_key_encrypted = keystore.seal(locked.pk, new_key)
        elif clear_key:
            locked.llm_api_key_encrypted = ""
        if enabled and not (locked.llm_base_url and locked.llm_model):
            raise ValidationError(_("Adresse und Modell sind nötig, um das Sprachmodell einzuschalten."))
        locked.full_clean()
        after: dict[str, Any] = {name: getattr(locked, name) for name in FIELDS}
        after["llm_api_key"] = KEY_NEW if new_key else _key_state(locked.llm_api_key_encrypted)
        if after != before:
            locked.save(update_fields=[*FIELDS, "llm_api_key_encrypted"])
            record(AccountEvent.TENANT_SETTINGS_CHANGED, actor=actor, tenant=locked, subject=locked, before=before,
                   after=after, message=_("Einstellungen des Sprachmodells geändert"))  # fmt: skip
    return locked


def _admin(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or user.role != Role.TENANT_ADMIN or user.tenant is None:
        raise PermissionDenied(_("Nur die Administration der Kommune kann das Sprachmodell einstellen."))
    return user


@login_required
def llm_settings(request: HttpRequest) -> HttpResponse:
    user = _admin(request)
    assert user.tenant is not None
    tenant = Tenant.objects.get(pk=user.tenant.pk)
    key_set = bool(tenant.llm_api_key_encrypted)
    form = LlmSettingsForm(initial={name: getattr(tenant, name) for name in FIELDS}, key_set=key_set)
    status = 200
    if request.method == "POST":
        form = LlmSettingsForm(request.POST, key_set=key_set)
        if form.is_valid():
            data = form.cleaned_data
            try:
                change_llm_settings(user, tenant, {name: data[name] for name in FIELDS},
                                    new_key=data["llm_api_key"], clear_key=bool(data.get("llm_api_key_clear")))
            except ValidationError as exc:
                errors = exc.message_dict.items() if hasattr(exc, "error_dict") else [(None, exc.messages)]
                for name, messages_ in errors:
                    form.add_error(name if name in form.fields else None, messages_)
            else:
                messages.success(request, _("Die Einstellungen des Sprachmodells wurden gespeichert."))
                return redirect("assist:llm_settings")
        status = 400
    context = {"form": form, "tenant": tenant, "key_set": key_set, "allowed": endpoint.llm_allowed(),
               "allowed_hosts": endpoint.allowed_hosts()}  # fmt: skip
    return render(request, "assist/summary/llm_settings.html", context, status=status)
