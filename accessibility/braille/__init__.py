"""Braille versions of articles: Indonesian grade 1 through liblouis."""

from .translate import (
    BrailleError,
    BrailleFailed,
    BrailleUnavailable,
    back_translate,
    prepare_text,
    to_brf,
    to_unicode_braille,
)

__all__ = [
    "BrailleError",
    "BrailleFailed",
    "BrailleUnavailable",
    "back_translate",
    "prepare_text",
    "to_brf",
    "to_unicode_braille",
]
