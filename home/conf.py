"""Settings of ``home`` with their defaults: ``get("STAFF_…")``.

Each value comes from Django settings when set there, else from the default below.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Seconds an invitation or password link stays valid (3 days).
    "STAFF_INVITE_MAX_AGE": 3 * 24 * 60 * 60,
}


def get(name: str) -> Any:
    """The value of setting ``name`` (Django settings, else its default)."""
    return getattr(settings, name, DEFAULTS[name])
