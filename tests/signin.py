"""Helpers for the second sign-in factor: a user's authenticator device and its codes."""

from __future__ import annotations

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def authenticator(user) -> TOTPDevice:
    """The user's confirmed authenticator-app device, set up if the user has none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Aplikasi uji", confirmed=True)


def totp_code(device: TOTPDevice) -> str:
    """The code the user's app shows now — or, when that one was already used (a second
    sign-in within the same 30 seconds), the next one, which the device's tolerance accepts."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:
        totp.drift += device.last_t + 1 - totp.t()
    return f"{totp.token():0{device.digits}d}"


def mark_verified(client, user) -> None:
    """Mark a ``force_login`` session as having passed the second factor, as
    ``django_otp.login`` does after a real code."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()
