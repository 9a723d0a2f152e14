"""Settings of ``social_publish`` with their defaults: ``get("SOCIAL_…")``.

Each value comes from Django settings when set there, else from the environment variable of the
same name, else from the default below. Base URLs default to the real platforms; the tests point
them at the loopback fakes in ``tests/fakes``.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings

GRAPH_VERSION = "v25.0"

DEFAULTS: dict[str, Any] = {
    # Meta Graph API (Facebook Pages and Instagram) and Facebook Login.
    "SOCIAL_GRAPH_BASE_URL": f"https://graph.facebook.com/{GRAPH_VERSION}",
    "SOCIAL_FACEBOOK_DIALOG_URL": f"https://www.facebook.com/{GRAPH_VERSION}/dialog/oauth",
    "SOCIAL_FACEBOOK_APP_ID": "",
    "SOCIAL_FACEBOOK_APP_SECRET": "",
    # Google OAuth and the YouTube Data API.
    "SOCIAL_GOOGLE_BASE_URL": "https://www.googleapis.com",
    "SOCIAL_GOOGLE_AUTH_URL": "https://accounts.google.com/o/oauth2/v2/auth",
    "SOCIAL_GOOGLE_TOKEN_URL": "https://oauth2.googleapis.com/token",
    "SOCIAL_GOOGLE_CLIENT_ID": "",
    "SOCIAL_GOOGLE_CLIENT_SECRET": "",
    # X API v2.
    "SOCIAL_X_BASE_URL": "https://api.x.com",
    "SOCIAL_X_AUTH_URL": "https://x.com/i/oauth2/authorize",
    "SOCIAL_X_CLIENT_ID": "",
    "SOCIAL_X_CLIENT_SECRET": "",
    # Hosts or networks (comma-separated) that user-typed portal addresses may reach although
    # they are loopback, link-local or private (social_publish/outbound.py).
    "SOCIAL_OUTBOUND_ALLOWED_HOSTS": "",
    # Token encryption: comma-separated Fernet keys; the first encrypts, all decrypt.
    "SOCIAL_TOKEN_KEYS": "",
    # Delivery.
    "SOCIAL_HTTP_TIMEOUT": 30,
    "SOCIAL_MAX_ATTEMPTS": 8,
    "SOCIAL_RETRY_BASE_SECONDS": 30,
    "SOCIAL_RETRY_MAX_SECONDS": 6 * 3600,
    # A row left in "sending" longer than this belongs to a dead worker (> the cluster timeout).
    "SOCIAL_SENDING_LEASE_SECONDS": 600,
    # A link report waits this long for parked jobs (channel to reconnect), then goes out.
    "SOCIAL_REPORT_PARKED_GRACE_SECONDS": 24 * 3600,
    # A page that went to no channel is reported when its accessible versions are made within
    # this many days of going live (later remakes of old pages' versions send no report).
    "SOCIAL_REPORT_VERSION_WAIT_DAYS": 7,
    "SOCIAL_IG_POLL_SECONDS": 2.0,
    "SOCIAL_IG_POLL_TRIES": 15,
    "SOCIAL_YOUTUBE_CHUNK_BYTES": 8 * 1024 * 1024,
    # Run jobs inline instead of through django-q2 (tests, management commands).
    "SOCIAL_SYNC": False,
}


def get(name: str) -> Any:
    """The value of setting ``name`` (settings, then environment, then default)."""
    if hasattr(settings, name):
        return getattr(settings, name)
    default = DEFAULTS[name]
    raw = os.environ.get(name)
    if raw is None:
        return default
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int | float):
        return type(default)(raw)
    return raw
