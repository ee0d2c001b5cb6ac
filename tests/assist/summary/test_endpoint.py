"""The address policy for the Kommune's language model server (SSRF, SECURITY.md #12)."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from bauantrag.assist.summary.endpoint import check_base_url, forbidden_address, resolve, target_of


@pytest.mark.parametrize(
    ("url", "scheme", "host", "port", "path"),
    [
        ("http://127.0.0.1:11434", "http", "127.0.0.1", 11434, "/v1/chat/completions"),
        ("http://127.0.0.1:11434/v1/", "http", "127.0.0.1", 11434, "/v1/chat/completions"),
        ("https://llm.kommune.example/ki/", "https", "llm.kommune.example", 443, "/ki/v1/chat/completions"),
        ("http://[::1]:8000", "http", "::1", 8000, "/v1/chat/completions"),
        ("http://ollama:11434", "http", "ollama", 11434, "/v1/chat/completions"),
        ("HTTP://10.0.0.5", "http", "10.0.0.5", 80, "/v1/chat/completions"),
    ],
)
def test_requests_go_only_to_the_completions_path(url: str, scheme: str, host: str, port: int, path: str) -> None:
    target = target_of(url)
    assert (target.scheme, target.host, target.port, target.path) == (scheme, host, port, path)


@pytest.mark.parametrize(
    "address",
    ["169.254.169.254", "fe80::1", "::ffff:169.254.169.254", "0.0.0.0", "::", "224.0.0.1", "255.255.255.255",  # noqa: S104
     "240.0.0.1"],
)
def test_forbidden_addresses(address: str) -> None:
    assert forbidden_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "10.0.0.5", "192.168.1.20", "fd00::5", "203.0.113.7"])
def test_addresses_of_own_servers_are_allowed(address: str) -> None:
    assert not forbidden_address(ipaddress.ip_address(address))


def test_a_name_is_resolved_once_and_checked(settings: Any) -> None:
    assert resolve(target_of("http://localhost:11434")) in ("127.0.0.1", "::1")
    with pytest.raises(OSError):
        resolve(target_of("http://gibt-es-nicht.invalid:11434"))


def test_the_hosts_list_of_the_operator(settings: Any) -> None:
    settings.LLM_ALLOWED_HOSTS = ("llm.kommune.example", "10.0.0.5")
    assert check_base_url("http://10.0.0.5:8000/") == "http://10.0.0.5:8000"
    with pytest.raises(ValidationError, match="Der Betrieb erlaubt nur diese Server"):
        check_base_url("http://127.0.0.1:11434")
    with pytest.raises(ValidationError):
        target_of("http://127.0.0.1:11434")  # also checked when the request is made
