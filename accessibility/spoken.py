"""The article as one text, in reading order, for the audio and braille versions.

Title, date, lead, the share image's alt text, then the body: headings and paragraphs, images as
"Gambar: <alt text>" where they stand, captions, quotes, video titles and transcripts. Fields a
reader does not hear (tags, SEO description, the 5W+1H narrative for the editors) are left out,
so changing them does not change :func:`text_hash` and does not regenerate anything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText

from accessibility.speech.normalize import MONTHS

__all__ = ["SpokenArticle", "carries_media", "spoken_article", "text_hash"]

IMAGE_PREFIX = "Gambar: "
VIDEO_PREFIX = "Video: "
AUDIO_PREFIX = "Audio: "
#: Media blocks whose title is announced before their caption and transcript.
MEDIA_PREFIXES = {"video": VIDEO_PREFIX, "audio": AUDIO_PREFIX}
# Struct children that are not read aloud: layout choices, files, links.
_SILENT_BLOCKS = (
    blocks.ChoiceBlock,
    blocks.BooleanBlock,
    blocks.URLBlock,
    blocks.ChooserBlock,
)


@dataclass(frozen=True)
class SpokenArticle:
    """The title and the paragraphs after it; :attr:`text` is what is spoken and hashed."""

    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join((self.title, *self.paragraphs))

    @property
    def hash(self) -> str:
        return text_hash(self.text)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def text_hash(text: str) -> str:
    """SHA-256 of the spoken text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def carries_media(model) -> bool:
    """Whether a page model can show images or videos (a StreamField, rich text, share image)."""
    fields = model._meta.concrete_fields
    return any(isinstance(f, StreamField | RichTextField) for f in fields) or any(
        f.name == "share_image" for f in fields
    )


def spoken_date(value: date) -> str:
    """``17 Agustus 2025`` whatever the active language (the audio is always Indonesian)."""
    return f"{value.day} {MONTHS[value.month]} {value.year}"


def spoken_article(page) -> SpokenArticle:
    """The article ``page`` (specific, with its live or previewed content) in reading order."""
    paragraphs: list[str] = []
    if isinstance(getattr(page, "date", None), date):
        paragraphs.append(spoken_date(page.date))
    for name in ("lead", "intro"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            paragraphs.extend(_rich_text_paragraphs(value))
    share_alt = getattr(page, "share_image_alt", "") or ""
    if getattr(page, "share_image_id", None) and share_alt.strip():
        paragraphs.append(IMAGE_PREFIX + share_alt.strip())
    body = getattr(page, "body", None)
    if body is not None:
        for child in body:
            paragraphs.extend(_block_paragraphs(child.block, child.value, child.block_type))
    clean = tuple(" ".join(p.split()) for p in paragraphs if p and p.strip())
    return SpokenArticle(title=" ".join(page.title.split()), paragraphs=clean)


def _block_paragraphs(block, value, name: str = "") -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(block, ImageBlock):
        alt = "" if getattr(value, "decorative", False) else value.contextual_alt_text or ""
        return [IMAGE_PREFIX + alt.strip()] if alt.strip() else []
    if isinstance(block, blocks.RichTextBlock):
        return _rich_text_paragraphs(value)
    if isinstance(block, blocks.ListBlock):
        return [p for item in value for p in _block_paragraphs(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [p for c in value for p in _block_paragraphs(c.block, c.value, c.block_type)]
    if isinstance(block, blocks.StructBlock):
        return _struct_paragraphs(block, value, name)
    if isinstance(block, _SILENT_BLOCKS) or not isinstance(value, str):
        return []
    return [value]


def _struct_paragraphs(block, value, name: str) -> list[str]:
    out: list[str] = []
    for child_name, child_block in block.child_blocks.items():
        child_value = value.get(child_name)
        if name in MEDIA_PREFIXES and child_name == "title" and child_value:
            out.append(MEDIA_PREFIXES[name] + child_value)
        elif name == "document":
            continue  # a download link, not article text
        else:
            out.extend(_block_paragraphs(child_block, child_value, child_name))
    return out


def _rich_text_paragraphs(value) -> list[str]:
    source = value.source if isinstance(value, RichText) else str(value)
    parser = _ReadingOrder()
    parser.feed(source)
    parser.close()
    return parser.paragraphs()


class _ReadingOrder(HTMLParser):
    """Rich text (Wagtail's stored HTML) -> paragraphs; image embeds become "Gambar: …"."""

    BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK_TAGS:
            self._break()
        if tag == "embed":
            attributes = dict(attrs)
            if attributes.get("embedtype") == "image" and (attributes.get("alt") or "").strip():
                self._break()
                self._parts.append(IMAGE_PREFIX + attributes["alt"].strip())

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.BLOCK_TAGS:
            self._break()

    def handle_data(self, data):
        self._current.append(data)

    def _break(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self._parts.append(text)
        self._current = []

    def paragraphs(self) -> list[str]:
        self._break()
        return self._parts
