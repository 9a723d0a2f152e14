"""Platform secrets kept out of logs, error records, exception texts and admin pages.

Two nets, applied by :func:`redact` to any text before it is stored or logged:

1. **Known values.** Every token this process decrypts or receives from a platform is
   remembered (:func:`remember`, called by :mod:`social_publish.crypto` and the connect flows),
   as are the OAuth client secrets of the settings; any occurrence of one is masked, wherever
   it appears (a URL, an echoed request body, an exception's ``repr``).
2. **Shapes.** Secret query or form parameters (``access_token=…``, ``input_token=…``,
   ``client_secret=…``…), ``Authorization`` schemes (``Bearer …``) and JSON token fields are
   masked even when the value was never seen (another process decrypted it).

Where it is applied: :class:`~social_publish.providers.errors.ProviderError` (the message and
detail stored on a syndication row and logged), :class:`RedactingFilter` (every log handler,
wired in ``LOGGING``) and :func:`redact_failed_task` (the result django-q2 stores for a failed
job, connected to ``post_execute_in_worker``).
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from typing import Any

MASK = "[redacted]"
#: Values shorter than this are not remembered (masking "1" everywhere would hide everything).
MIN_SECRET_LENGTH = 8
MAX_REMEMBERED = 4096
SECRET_SETTINGS = (
    "SOCIAL_FACEBOOK_APP_SECRET",
    "SOCIAL_GOOGLE_CLIENT_SECRET",
    "SOCIAL_X_CLIENT_SECRET",
)
SECRET_PARAMS = (
    "access_token",
    "input_token",
    "fb_exchange_token",
    "refresh_token",
    "client_secret",
    "code_verifier",
    "api_token",
    "api_key",
    "apikey",
    "token",
    "code",
    "upload_id",
    "password",
)
_PARAM_RE = re.compile(
    r"(?i)(?<![\w-])(" + "|".join(SECRET_PARAMS) + r")(=|%3D)([^&\s'\"#<>,;)\]}]+)"
)
_JSON_RE = re.compile(
    r"(?i)([\"']?(?:"
    + "|".join(SECRET_PARAMS)
    + r"|authorization)[\"']?\s*[:=]\s*[\"'])([^\"']+)([\"'])"
)
_AUTH_RE = re.compile(r"(?i)\b(Bearer|OAuth|Basic)\s+[A-Za-z0-9._~+/=|%-]{6,}")

_remembered: OrderedDict[str, None] = OrderedDict()
_lock = threading.Lock()


def remember(*secrets: str | None) -> None:
    """Mask these values from now on in this process (the most recent ``MAX_REMEMBERED``)."""
    with _lock:
        for secret in secrets:
            if not secret or len(secret) < MIN_SECRET_LENGTH:
                continue
            _remembered[secret] = None
            _remembered.move_to_end(secret)
        while len(_remembered) > MAX_REMEMBERED:
            _remembered.popitem(last=False)


def _known_secrets() -> list[str]:
    from social_publish import conf

    configured = [str(conf.get(name) or "") for name in SECRET_SETTINGS]
    with _lock:
        values = [*_remembered, *configured]
    return sorted({v for v in values if len(v) >= MIN_SECRET_LENGTH}, key=len, reverse=True)


def redact(value: Any) -> str:
    """``value`` as text with every platform secret masked."""
    text = value if isinstance(value, str) else str(value)
    if not text:
        return text
    for secret in _known_secrets():
        if secret in text:
            text = text.replace(secret, MASK)
    text = _AUTH_RE.sub(lambda m: f"{m[1]} {MASK}", text)
    text = _PARAM_RE.sub(lambda m: f"{m[1]}{m[2]}{MASK}", text)
    return _JSON_RE.sub(lambda m: f"{m[1]}{MASK}{m[3]}", text)


class RedactingFilter(logging.Filter):
    """A handler filter: the message, its arguments and the traceback, redacted.

    Attached to handlers (not loggers) so that records propagated from any logger pass it.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def redact_failed_task(sender=None, task: dict | None = None, **kwargs) -> None:
    """django-q2's ``post_execute_in_worker``: a failed job's stored error text, redacted.

    A failed job's result is ``"<exception> : <traceback>"``; it runs in the worker that
    decrypted the tokens, so the known values are masked as well as the shapes.
    """
    if task is not None and not task.get("success") and isinstance(task.get("result"), str):
        task["result"] = redact(task["result"])
