"""The audio and braille versions of a page, one current file each, keyed by the text's hash."""

from __future__ import annotations

from pathlib import PurePosixPath

import swapper
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")


def _version_path(kind: str, instance, suffix: str) -> str:
    # The hash in the name: a new version gets a new URL, so no cache serves the old audio.
    return f"accessibility/{kind}/{instance.page_id}/{instance.text_hash[:16]}{suffix}"


def audio_upload_to(instance, filename: str) -> str:
    return _version_path("audio", instance, ".mp3")


def braille_upload_to(instance, filename: str) -> str:
    return _version_path("braille", instance, ".brf")


class AlternativeVersion(models.Model):
    """What the audio and braille versions share: the hash of the page's text, a file."""

    text_hash = models.CharField(_("text hash"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.page_id} ({self.text_hash[:8]})"

    #: The URL segment of this kind of version (``/alternatif/<page>/<kind>/<file>``).
    kind = ""

    def public_url(self) -> str:
        """Where readers download the file: the view that checks the page, not the media URL."""
        return reverse(
            "accessibility_version_file",
            args=[self.page_id, self.kind, PurePosixPath(self.file.name).name],
        )

    def matches(self, text_hash: str) -> bool:
        """Whether this version was made from the text with ``text_hash`` (and has its file)."""
        return bool(self.file) and self.text_hash == text_hash


class AudioVersion(AlternativeVersion):
    """The page read aloud in Indonesian (MP3)."""

    kind = "audio"

    page = models.OneToOneField(
        PAGE_MODEL,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="audio_version",
    )
    file = models.FileField(_("file"), upload_to=audio_upload_to, max_length=255)
    mime_type = models.CharField(_("MIME type"), max_length=40, default="audio/mpeg")
    duration_seconds = models.FloatField(_("duration (seconds)"))
    size_bytes = models.PositiveIntegerField(_("size (bytes)"), default=0)
    backend = models.CharField(_("speech engine"), max_length=100, blank=True)
    word_count = models.PositiveIntegerField(_("words"), default=0)

    class Meta:
        verbose_name = _("audio version")
        verbose_name_plural = _("audio versions")


class BrailleVersion(AlternativeVersion):
    """The page as an embosser-ready BRF file (Indonesian braille grade 1)."""

    kind = "braille"

    page = models.OneToOneField(
        PAGE_MODEL,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="braille_version",
    )
    file = models.FileField(_("file"), upload_to=braille_upload_to, max_length=255)
    unicode_text = models.TextField(_("Unicode braille"), blank=True)
    braille_pages = models.PositiveIntegerField(_("braille pages"), default=0)
    size_bytes = models.PositiveIntegerField(_("size (bytes)"), default=0)

    class Meta:
        verbose_name = _("braille version")
        verbose_name_plural = _("braille versions")
