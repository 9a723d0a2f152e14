"""Encryption of channel tokens at rest (Fernet; MultiFernet for key rotation).

``SOCIAL_TOKEN_KEYS`` holds comma-separated Fernet keys (``Fernet.generate_key()``). The first
key encrypts; every key decrypts, so a new key is put first, ``manage.py rotate_social_tokens``
re-encrypts every stored token with it, and the old key is removed afterwards. Without the
setting a key is derived from ``SECRET_KEY`` (fine for development; production sets its own so
that rotating SECRET_KEY does not make every token unreadable).
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from social_publish import conf

__all__ = ["InvalidToken", "decrypt", "encrypt", "rotate"]


def _keys() -> list[bytes]:
    configured = conf.get("SOCIAL_TOKEN_KEYS")
    if isinstance(configured, list | tuple):
        keys = [str(k).strip() for k in configured]
    else:
        keys = [k.strip() for k in str(configured or "").split(",")]
    keys = [k for k in keys if k]
    if keys:
        return [k.encode() for k in keys]
    digest = hashlib.sha256(b"social_publish.tokens:" + settings.SECRET_KEY.encode()).digest()
    return [base64.urlsafe_b64encode(digest)]


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in _keys()])


def encrypt(value: str) -> str:
    """Encrypt ``value``; the empty string stays empty (no token stored)."""
    if not value:
        return ""
    return _fernet().encrypt(value.encode()).decode()


def decrypt(value: str) -> str:
    """Decrypt a stored token. Raises ``InvalidToken`` when no configured key fits."""
    if not value:
        return ""
    return _fernet().decrypt(value.encode()).decode()


def rotate(value: str) -> str:
    """Re-encrypt ``value`` with the first key."""
    if not value:
        return ""
    return _fernet().rotate(value.encode()).decode()
