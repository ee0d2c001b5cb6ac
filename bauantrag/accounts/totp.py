"""TOTP helpers: provisioning QR code and base32 secret for authenticator apps."""

from __future__ import annotations

import base64
import time

import segno
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def base32_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def provisioning_svg(device: TOTPDevice) -> str:
    qr = segno.make(device.config_url, error="m")
    return str(qr.svg_inline(scale=4, title="TOTP-Einrichtungscode"))


def current_code(device: TOTPDevice, at: float | None = None) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = at if at is not None else time.time()
    return f"{totp.token():0{device.digits}d}"
