"""Settings of ``sop_workflow`` with their defaults: ``get("SOP_…")``.

Each value comes from Django settings when set there, else from the default below.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Archive class code for SOPs whose archive step names none (archive.classification_code).
    "SOP_ARCHIVE_CLASSIFICATION": "",
    # A step is escalated to the role above its actors after this many times its standard time.
    "SOP_ESCALATION_FACTOR": 2,
    # The dashboard warns when an institution has published nothing for this many days.
    "SOP_FRESHNESS_DAYS": 14,
}


def get(name: str) -> Any:
    """The value of setting ``name`` (Django settings, else its default)."""
    return getattr(settings, name, DEFAULTS[name])
