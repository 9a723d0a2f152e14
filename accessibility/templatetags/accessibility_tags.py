"""Template tags of the public site: the article's audio and braille versions, the toolbar."""

from __future__ import annotations

from django import template
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page

from accessibility.models import AudioVersion, BrailleVersion
from accessibility.spoken import spoken_article

register = template.Library()

PLAYBACK_RATES = ("0.75", "1", "1.25", "1.5", "2")
_VERSIONS = (("audio_version", AudioVersion), ("braille_version", BrailleVersion))
_VERSION_FIELDS = (
    "pk",
    *(f"{name}__{f.attname}" for name, model in _VERSIONS for f in model._meta.concrete_fields),
)


def _cached_versions(page) -> tuple[AudioVersion | None, BrailleVersion | None] | None:
    """The versions the page's own query already read (``select_related``, as the article's
    routing does: ``NewsPage.route_select_related``), or ``None`` when it did not read them."""
    relations = [Page._meta.get_field(name) for name, _model in _VERSIONS]
    if not all(relation.is_cached(page) for relation in relations):
        return None
    audio, braille = (relation.get_cached_value(page) for relation in relations)
    return audio, braille


def _stored_versions(page) -> tuple[AudioVersion | None, BrailleVersion | None]:
    """The page's audio and braille versions: from its own query when that read them, else in
    one query (both are one-to-one with it)."""
    cached = _cached_versions(page)
    if cached is not None:
        return cached
    row = (
        Page.objects.filter(pk=page.pk)
        .select_related("audio_version", "braille_version")
        .only(*_VERSION_FIELDS)
        .first()
    )
    if row is None:
        return None, None
    found = []
    for name, _model in _VERSIONS:
        try:
            found.append(getattr(row, name))
        except ObjectDoesNotExist:
            found.append(None)
    return found[0], found[1]


def current_versions(page) -> dict:
    """The audio and braille versions made from exactly the text ``page`` shows now.

    A version left over from an earlier revision is not offered: its audio would read out
    something the page no longer says (the job replacing it may still be running).
    """
    text_hash = spoken_article(page).hash
    audio, braille = _stored_versions(page)
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
