"""How a platform call failed, classified for the retry policy.

``message`` is plain Indonesian for the people who read the syndication list (it is stored as
``last_error``); ``detail`` is technical, for logs. Both are redacted when the error is made
(:func:`social_publish.redaction.redact`), so neither ever carries a token.
"""

from __future__ import annotations

from social_publish.redaction import redact


class ProviderError(Exception):
    """Base class. ``kind`` names the class in the database (``Syndication.error_kind``)."""

    kind = "error"
    retry = False

    def __init__(self, message: str, detail: str = "", *, retry_after: float | None = None):
        message = redact(message) if message else message
        super().__init__(message)
        self.message = message
        self.detail = redact(detail) if detail else detail
        self.retry_after = retry_after


class TransientError(ProviderError):
    """5xx, timeouts, dropped connections, Graph codes 1/2: retry with backoff."""

    kind = "transient"
    retry = True


class OutcomeUnknown(TransientError):
    """The request may have been carried out (dropped connection after sending a write)."""

    kind = "unknown"


class ThrottledError(TransientError):
    """Rate limited; ``retry_after`` says when the platform lets us in again."""

    kind = "throttled"


class PermanentError(ProviderError):
    """Validation, permission or policy: retrying would fail again."""

    kind = "permanent"


class TokenError(ProviderError):
    """The credentials are dead (Graph 190, ``invalid_grant``, X 401 after refresh)."""

    kind = "token"
