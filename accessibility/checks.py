"""Which images and videos of a page still lack a text alternative.

:func:`missing_alternatives` is the one source of truth: the admin publish/submit gate
(:mod:`accessibility.forms`), the SOP requirement check ``alt_text`` (registered in
``wagtail_hooks.py``) and reports all call it, so an author and an approver see the same list.

It walks what reaches the public page: images and galleries in StreamFields (Wagtail's
``ImageBlock`` with its contextual alt text and decorative flag), images embedded in rich text
(``<embed embedtype="image" alt="…">``, where Wagtail's own form stores ``alt=""`` only when the
editor ticked "decorative"), the share image with ``share_image_alt``, and videos, which need
WebVTT captions or a transcript.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText

from accessibility.alternatives import AltTextFault, alt_text_fault

__all__ = ["Problem", "missing_alternatives", "problem_messages"]

_EMBED = re.compile(r"<embed\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


@dataclass(frozen=True)
class Problem:
    """One image or video that reaches the page without a usable text alternative.

    Attributes:
        kind: ``"image"``, ``"rich_text_image"``, ``"share_image"`` or ``"video"``.
        position: Where it is, for people ("Body, block 3 (Gallery), image 2").
        name: The image title or video title.
        reason: What is missing or wrong, as a sentence fragment.
        anchor: The editor's HTML id of the block or field to fix (without ``#``).
        image_id: The image to describe in the library, if any.
    """

    kind: str
    position: str
    name: str
    reason: str
    anchor: str = ""
    image_id: int | None = None

    @property
    def message(self) -> str:
        return _("%(position)s: “%(name)s” — %(reason)s") % {
            "position": self.position,
            "name": self.name,
            "reason": self.reason,
        }

    def fix_url(self, page=None) -> str:
        """Where to fix it: the block in the page editor (or just the anchor on a new page)."""
        fragment = f"#{self.anchor}" if self.anchor else ""
        if page is not None and getattr(page, "pk", None):
            return reverse("wagtailadmin_pages:edit", args=[page.pk]) + fragment
        return fragment


def missing_alternatives(page) -> list[Problem]:
    """Every image lacking real alt text (and not decorative) and every video lacking captions.

    Args:
        page: A page (specific), typically the revision about to be submitted or published.

    Returns:
        The problems in reading order; an empty list when the page may go out.
    """
    problems: list[Problem] = []
    share = _share_image_problem(page)
    for field in page._meta.concrete_fields:
        value = getattr(page, field.attname, None)
        label = str(field.verbose_name).capitalize()
        if isinstance(field, StreamField) and value is not None:
            problems.extend(_stream_problems(field.stream_block, value, label, field.name))
        elif isinstance(field, RichTextField) and value:
            problems.extend(_rich_text_problems(value, label, f"panel-child-content-{field.name}"))
    return ([share] if share else []) + problems


def problem_messages(page) -> list[str]:
    """:func:`missing_alternatives` as sentences (the SOP requirement-check signature)."""
    return [problem.message for problem in missing_alternatives(page)]


# --- the share image --------------------------------------------------------------------
def _share_image_problem(page) -> Problem | None:
    image = getattr(page, "share_image", None) if getattr(page, "share_image_id", None) else None
    if image is None:
        return None
    fault = alt_text_fault(getattr(page, "share_image_alt", ""))
    if fault is None:
        return None
    return Problem(
        kind="share_image",
        position=_("Share image"),
        name=image.title,
        reason=_reason(fault, page.share_image_alt),
        anchor="panel-child-content-share_image_alt-section",
        image_id=image.pk,
    )


# --- StreamField ------------------------------------------------------------------------
def _stream_problems(stream_block, stream_value, label: str, field_name: str) -> Iterator[Problem]:
    for index, child in enumerate(stream_value, start=1):
        where = _("%(field)s, block %(number)s (%(type)s)") % {
            "field": label,
            "number": index,
            "type": child.block.label,
        }
        anchor = f"block-{child.id}-section" if child.id else f"panel-child-content-{field_name}"
        yield from _block_problems(child.block, child.value, where, anchor)


def _block_problems(block, value, where: str, anchor: str) -> Iterator[Problem]:
    if value is None:
        return
    if isinstance(block, ImageBlock):  # before StructBlock: an ImageBlock is one
        yield from _image_block_problem(value, where, anchor)
    elif _is_video_block(block):
        yield from _video_problem(value, where, anchor)
    elif isinstance(block, blocks.RichTextBlock):
        yield from _rich_text_problems(value, where, anchor)
    elif isinstance(block, blocks.StreamBlock):
        yield from _stream_problems(block, value, where, anchor)
    elif isinstance(block, blocks.ListBlock):
        for number, item in enumerate(value, start=1):
            item_where = _("%(where)s, item %(number)s") % {"where": where, "number": number}
            yield from _block_problems(block.child_block, item, item_where, anchor)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_problems(child_block, value.get(name), where, anchor)


def _image_block_problem(image, where: str, anchor: str) -> Iterator[Problem]:
    if getattr(image, "decorative", False):
        return
    alt = getattr(image, "contextual_alt_text", None)
    fault = alt_text_fault(alt)
    if fault is not None:
        yield Problem("image", where, image.title, _reason(fault, alt), anchor, image.pk)


def _is_video_block(block) -> bool:
    """A struct with a transcript and a captions file, like ``home.blocks.VideoBlock``."""
    return isinstance(block, blocks.StructBlock) and {"captions", "transcript"} <= set(
        block.child_blocks
    )


def _video_problem(value, where: str, anchor: str) -> Iterator[Problem]:
    if value.get("captions") or (value.get("transcript") or "").strip():
        return
    reason = _("has neither captions (a WebVTT file) nor a transcript")
    yield Problem("video", where, value.get("title") or _("video"), reason, anchor)


# --- rich text --------------------------------------------------------------------------
def _rich_text_problems(value, where: str, anchor: str) -> Iterator[Problem]:
    source = value.source if isinstance(value, RichText) else str(value)
    embeds = [dict(_ATTR.findall(tag)) for tag in _EMBED.findall(source)]
    images = [attrs for attrs in embeds if attrs.get("embedtype") == "image"]
    titles = _image_titles(attrs.get("id") for attrs in images)
    for number, attrs in enumerate(images, start=1):
        if "alt" in attrs and attrs["alt"] == "":
            continue  # Wagtail's image form writes alt="" only for "Image is decorative"
        alt = unescape(attrs.get("alt", ""))
        fault = alt_text_fault(alt)
        if fault is None:
            continue
        image_id = int(attrs["id"]) if attrs.get("id", "").isdigit() else None
        yield Problem(
            kind="rich_text_image",
            position=_("%(where)s, image %(number)s in the text")
            % {"where": where, "number": number},
            name=titles.get(image_id, _("image")),
            reason=_reason(fault, alt),
            anchor=anchor,
            image_id=image_id,
        )


def _image_titles(ids) -> dict[int, str]:
    wanted = {int(i) for i in ids if i and str(i).isdigit()}
    if not wanted:
        return {}
    return dict(get_image_model().objects.filter(pk__in=wanted).values_list("pk", "title"))


def _reason(fault: AltTextFault, alt: Any) -> str:
    alt = " ".join(str(alt or "").split())
    if fault is AltTextFault.FILE_NAME:
        return _("the alt text “%(alt)s” is a file name") % {"alt": alt}
    if fault is AltTextFault.PLACEHOLDER:
        return _("the alt text “%(alt)s” is a placeholder, not a description") % {"alt": alt}
    if fault is AltTextFault.TOO_SHORT:
        return _("the alt text “%(alt)s” is too short to describe the image") % {"alt": alt}
    return _("has no alt text and is not marked decorative")
