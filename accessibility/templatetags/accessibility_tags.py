"""Template tags of the public site: the article's audio and braille versions, the toolbar."""

from __future__ import annotations

from django import template

from accessibility.models import AudioVersion, BrailleVersion
from accessibility.spoken import spoken_article

register = template.Library()

PLAYBACK_RATES = ("0.75", "1", "1.25", "1.5", "2")


def current_versions(page) -> dict:
    """The audio and braille versions made from exactly the text ``page`` shows now.

    A version left over from an earlier revision is not offered: its audio would read out
    something the page no longer says (the job replacing it may still be running).
    """
    text_hash = spoken_article(page).hash
    audio = AudioVersion.objects.filter(page_id=page.pk).first()
    braille = BrailleVersion.objects.filter(page_id=page.pk).first()
    return {
        "audio": audio if audio and audio.matches(text_hash) else None,
        "braille": braille if braille and braille.matches(text_hash) else None,
    }


@register.inclusion_tag("accessibility/article_versions.html")
def article_versions(page) -> dict:
    """``{% article_versions page %}``: the listen and braille section of an article."""
    return {**current_versions(page), "page": page, "rates": PLAYBACK_RATES}


@register.filter
def minutes_seconds(seconds: float) -> str:
    """``125.4`` -> ``2:05``."""
    seconds = round(seconds or 0)
    return f"{seconds // 60}:{seconds % 60:02d}"
