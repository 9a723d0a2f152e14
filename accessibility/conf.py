"""Settings of ``accessibility`` with their defaults: ``get("ACCESSIBILITY_…")``.

Each value comes from Django settings when set there, else from the default below.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Alt text shorter than this many characters counts as missing.
    "ACCESSIBILITY_MIN_ALT_LENGTH": 5,
    # Language advice: sentences longer than this many words are flagged.
    "ACCESSIBILITY_MAX_SENTENCE_WORDS": 25,
    # The hunspell program (a name on PATH or a path).
    "ACCESSIBILITY_HUNSPELL": "hunspell",
    # Extra words the spelling check accepts.
    "ACCESSIBILITY_SPELLING_WORDS": (),
    # Page models (``app_label.modelname``) that get audio and braille versions.
    "ACCESSIBILITY_VERSIONED_PAGE_MODELS": ("home.newspage",),
    # The speech engine, "package.module.Name"; empty or None is espeak-ng.
    "ACCESSIBILITY_SPEECH_BACKEND": None,
    # The sweep queues at most this many audio/braille jobs per run.
    "ACCESSIBILITY_SWEEP_LIMIT": 50,
}


def get(name: str) -> Any:
    """The value of setting ``name`` (Django settings, else its default)."""
    return getattr(settings, name, DEFAULTS[name])
