"""Which language model server this installation may talk to, and a connection pinned to a checked address.

Server-side request forgery (SECURITY.md #12). The address is entered by the tenant administrator (a staff account
with TOTP) and is, by design, usually an internal host (an Ollama on the same machine, a vLLM in the Kommune's
network), so private and loopback addresses cannot be refused. The defences are instead:

1. The operator decides: ``BAUANTRAG_LLM_ALLOWED`` (default off: no request to a language model ever leaves this
   server) and optionally ``BAUANTRAG_LLM_HOSTS``, a list of the host names or IPs that may be entered. An operator
   hosting many Kommunen should set the list (or an egress firewall), else a Kommune's administrator could make this
   server send POST requests to hosts in the operator's network.
2. Only ``http``/``https``, no user name or password in the address, no query, no fragment; IP addresses only in
   their usual notation (no ``http://2130706433``). Link-local (169.254.0.0/16 incl. cloud metadata, fe80::/10),
   multicast, unspecified, broadcast and reserved addresses are refused, for the literal and for every address the
   name resolves to; the connection then goes to the checked address (no second DNS lookup: no DNS rebinding).
3. Requests go only to ``<address>/v1/chat/completions``, as JSON POST; redirects are not followed; no proxy from
   the environment is used; the answer must be an OpenAI chat completion (anything else is reported as an error
   without its content), at most 512 KiB, within the Kommune's time limit.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

COMPLETIONS_PATH = "/v1/chat/completions"
_NUMERIC_HOST = re.compile(r"(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+))*\.?", re.IGNORECASE)
_PATH = re.compile(r"[A-Za-z0-9._~/\-]*")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def llm_allowed() -> bool:
    return bool(getattr(settings, "LLM_ALLOWED", False))


def allowed_hosts() -> tuple[str, ...]:
    return tuple(getattr(settings, "LLM_ALLOWED_HOSTS", ()))


def forbidden_address(address: IPAddress) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    return (
        address.is_link_local or address.is_multicast or address.is_unspecified
        or (address.is_reserved and not address.is_loopback)
        or (isinstance(address, ipaddress.IPv4Address) and address == ipaddress.IPv4Address("255.255.255.255"))
    )  # fmt: skip


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str  # without brackets, lower case
    port: int
    path: str  # the completions path on that server

    @property
    def label(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, code="llm_base_url")


def check_base_url(value: str) -> str:
    """The address, normalised (no trailing slash), or ValidationError with a German message."""
    value = value.strip()
    if not value:
        return ""
    if any(ord(c) < 33 or ord(c) == 127 for c in value) or len(value) > 300:
        raise _refuse(_("Die Adresse darf keine Leer- oder Steuerzeichen enthalten und höchstens 300 Zeichen "
                        "lang sein."))  # fmt: skip
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise _refuse(_("Bitte eine gültige Adresse wie „http://127.0.0.1:11434“ angeben.")) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise _refuse(_("Bitte eine http- oder https-Adresse wie „https://llm.kommune.example“ angeben."))
    if "@" in parts.netloc:
        raise _refuse(_("Benutzername oder Passwort gehören nicht in die Adresse; den Schlüssel bitte im Feld "
                        "„API-Schlüssel“ angeben."))  # fmt: skip
    if parts.query or parts.fragment or "?" in value or "#" in value:
        raise _refuse(_("Die Adresse darf keine Parameter (?…) und keinen Anker (#…) enthalten."))
    if not _PATH.fullmatch(parts.path):
        raise _refuse(_("Der Pfad der Adresse enthält unzulässige Zeichen."))
    host = parts.hostname.lower()
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
        if _NUMERIC_HOST.fullmatch(host):
            raise _refuse(_("Bitte eine IP-Adresse in der üblichen Schreibweise angeben (z. B. 10.0.0.5).")) from None
    if literal is not None and forbidden_address(literal):
        raise _refuse(_("Diese Adresse ist nicht erlaubt (link-lokal, Multicast oder reserviert)."))
    hosts = allowed_hosts()
    if hosts and host not in hosts:
        raise _refuse(_("Der Betrieb erlaubt nur diese Server: %(hosts)s.") % {"hosts": ", ".join(hosts)})
    if port == 0:
        raise _refuse(_("Bitte einen gültigen Port angeben."))
    return f"{parts.scheme.lower()}://{parts.netloc}{parts.path}".rstrip("/")


def target_of(base_url: str) -> Target:
    """The server and path requests go to; checks the address again (settings may have changed since)."""
    normalised = check_base_url(base_url)
    if not normalised:
        raise _refuse(_("Es ist keine Adresse eingestellt."))
    parts = urlsplit(normalised)
    scheme = parts.scheme
    assert parts.hostname is not None
    path = parts.path.rstrip("/")
    path = path + "/chat/completions" if path.endswith("/v1") else path + COMPLETIONS_PATH
    return Target(scheme, parts.hostname.lower(), parts.port or (443 if scheme == "https" else 80), path)


def resolve(target: Target) -> str:
    """The address to connect to: every address the name resolves to must be allowed; the first is used."""
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise OSError("name not resolved") from None
    addresses = [str(info[4][0]).split("%", 1)[0] for info in infos]
    if not addresses:
        raise OSError("name not resolved")
    for address in addresses:
        if forbidden_address(ipaddress.ip_address(address)):
            raise _refuse(_("Der Name des Servers löst zu einer nicht erlaubten Adresse auf."))
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def connection(target: Target, address: str, timeout: float) -> http.client.HTTPConnection:
    if target.scheme == "https":
        return _PinnedHTTPSConnection(target.host, target.port, address, timeout)
    return _PinnedHTTPConnection(target.host, target.port, address, timeout)
