"""django-q2 jobs: the audio and braille versions of a published page.

Each job reads the page's *live* content, builds the spoken text (:mod:`accessibility.spoken`)
and does nothing when the stored version was made from the same text (same SHA-256). Otherwise
it writes a new file under a name derived from the hash, points the version at it and deletes
the previous file once the database change is committed.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Page

from accessibility import conf
from accessibility.braille import to_brf, to_unicode_braille
from accessibility.models import AudioVersion, BrailleVersion
from accessibility.speech import get_backend
from accessibility.spoken import SpokenArticle, spoken_article
from home.tenancy_content import foreign_references, institution_of_page

logger = logging.getLogger(__name__)

UNCHANGED = "unchanged"
NOT_LIVE = "not live"
FOREIGN_MEDIA = "foreign media"


def speech_backend():
    """The engine named by ``ACCESSIBILITY_SPEECH_BACKEND`` (espeak-ng when unset)."""
    return get_backend(conf.get("ACCESSIBILITY_SPEECH_BACKEND") or None)


def _live_article(page_id: int) -> tuple[Page, SpokenArticle] | str:
    """The live page and its spoken text; ``NOT_LIVE`` or ``FOREIGN_MEDIA`` (logged) if none.

    The job re-checks that every image and document the live page uses is its institution's
    before reading any of it (the alt texts and descriptions it speaks come from them).
    """
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return NOT_LIVE
    page = page.specific
    institution = institution_of_page(page)
    foreign = foreign_references(page, institution) if institution else []
    if foreign:
        logger.warning(
            "No audio or braille version of page %s: its %s uses another institution's %s",
            page.pk,
            ", ".join(ref.field for ref in foreign),
            ", ".join(ref.kind for ref in foreign),
        )
        return FOREIGN_MEDIA
    return page, spoken_article(page)


def generate_audio(page_id: int) -> str:
    """Synthesize the page's audio version unless its spoken text is unchanged.

    Returns:
        The stored file name, or ``"unchanged"`` / ``"not live"`` / ``"foreign media"``.
    """
    found = _live_article(page_id)
    if isinstance(found, str):
        return found
    page, article = found
    current = AudioVersion.objects.filter(page_id=page.pk).first()
    if current is not None and current.matches(article.hash):
        return UNCHANGED
    backend = speech_backend()
    with tempfile.TemporaryDirectory(prefix="audio-version-") as tmp:
        info = backend.synthesize(article.text, Path(tmp) / f"page-{page.pk}.mp3")
        version = current or AudioVersion(page_id=page.pk)
        old_name = version.file.name if current else ""
        version.text_hash = article.hash
        with info.path.open("rb") as handle:
            version.file.save(f"{page.pk}.mp3", File(handle), save=False)
    version.mime_type = info.mime_type
    version.duration_seconds = info.duration_seconds
    version.size_bytes = info.size_bytes
    version.backend = backend.name
    version.word_count = article.word_count
    _save_replacing(version, old_name)
    logger.info("Audio version of page %s: %.1f s", page.pk, info.duration_seconds)
    return version.file.name


def generate_braille(page_id: int) -> str:
    """Translate the page into a BRF file (and Unicode braille) unless its text is unchanged."""
    found = _live_article(page_id)
    if isinstance(found, str):
        return found
    page, article = found
    current = BrailleVersion.objects.filter(page_id=page.pk).first()
    if current is not None and current.matches(article.hash):
        return UNCHANGED
    brf = to_brf(article.title, article.paragraphs)
    version = current or BrailleVersion(page_id=page.pk)
    old_name = version.file.name if current else ""
    version.text_hash = article.hash
    version.file.save(f"{page.pk}.brf", ContentFile(brf), save=False)
    version.unicode_text = to_unicode_braille(article.text)
    version.braille_pages = brf.count(b"\f") + 1
    version.size_bytes = len(brf)
    _save_replacing(version, old_name)
    return version.file.name


def _save_replacing(version, old_name: str) -> None:
    """Save ``version``; after the commit, delete the file it used to point at."""
    storage = version.file.storage
    with transaction.atomic():
        version.save()
        if old_name and old_name != version.file.name:
            transaction.on_commit(lambda: storage.delete(old_name))
