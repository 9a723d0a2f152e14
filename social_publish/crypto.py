"""Encryption of channel tokens at rest (Fernet; MultiFernet for key rotation).

``SOCIAL_TOKEN_KEYS`` holds comma-separated Fernet keys (``Fernet.generate_key()``). The first
key encrypts; every key decrypts, so a new key is put first, ``manage.py rotate_social_tokens``
re-encrypts every stored token with it, and the old key is removed afterwards (README,
*Security → Secrets*).

Production must set it (``cms/settings/production.py`` refuses to start without it); nothing is
derived from ``SECRET_KEY``, so rotating one never makes the other unreadable. Only local
development and the tests, which set ``SOCIAL_TOKEN_DEVELOPMENT_KEY = True``, fall back to
:data:`DEVELOPMENT_KEY`, a published key that protects nothing.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from social_publish import conf
from social_publish.redaction import remember

__all__ = ["InvalidToken", "decrypt", "encrypt", "parse_keys", "rotate"]

#: The key of ``make run`` and the tests when ``SOCIAL_TOKEN_KEYS`` is empty. Public: never real.
DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtb25seS1ub3QtYS1zZWNyZXQtISE="


def parse_keys(configured) -> list[bytes]:
    """The Fernet keys of a ``SOCIAL_TOKEN_KEYS`` value (text or list); ``ValueError`` if bad."""
    if isinstance(configured, list | tuple):
        keys = [str(k).strip() for k in configured]
    else:
        keys = [k.strip() for k in str(configured or "").split(",")]
    keys = [k for k in keys if k]
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError as exc:
            raise ValueError(
                f"SOCIAL_TOKEN_KEYS: key {position} is not a Fernet key (32 url-safe base64 bytes)"
            ) from exc
    return [k.encode() for k in keys]


def _keys() -> list[bytes]:
    keys = parse_keys(conf.get("SOCIAL_TOKEN_KEYS"))
    if keys:
        return keys
    if getattr(settings, "SOCIAL_TOKEN_DEVELOPMENT_KEY", False):
        return [DEVELOPMENT_KEY.encode()]
    raise ImproperlyConfigured(
        "SOCIAL_TOKEN_KEYS is not set: channel tokens cannot be encrypted. Set it to one or "
        "more comma-separated Fernet keys (see README, Security → Secrets)."
    )


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in _keys()])


def encrypt(value: str) -> str:
    """Encrypt ``value``; the empty string stays empty (no token stored)."""
    if not value:
        return ""
    remember(value)
    return _fernet().encrypt(value.encode()).decode()


def decrypt(value: str) -> str:
    """Decrypt a stored token. Raises ``InvalidToken`` when no configured key fits."""
    if not value:
        return ""
    plain = _fernet().decrypt(value.encode()).decode()
    remember(plain)  # masked in every log line and error text of this process from now on
    return plain


def rotate(value: str) -> str:
    """Re-encrypt ``value`` with the first key."""
    if not value:
        return ""
    return _fernet().rotate(value.encode()).decode()
