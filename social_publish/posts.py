"""Turn a page into the :class:`~social_publish.providers.Post` a platform receives."""

from __future__ import annotations

import logging
import mimetypes
import os

from django.utils.text import slugify

from home.tenancy import site_for_page
from home.tenancy_content import media_belongs_to_page
from social_publish.providers import Media, Post

logger = logging.getLogger(__name__)

IG_MIN_RATIO, IG_MAX_RATIO = 0.8, 1.91


def absolute(site, url: str) -> str:
    return url if url.startswith(("http://", "https://")) else f"{site.root_url}{url}"


def share_rendition_spec(image) -> str:
    """A JPEG Instagram accepts: the aspect ratio brought inside 4:5 … 1.91:1.

    The crops aim a little inside the limits (1080×1340 ≈ 0.806, 1200×630 ≈ 1.905): Wagtail
    does not upscale, so a small original is cropped to the ratio in whole pixels, and an exact
    1.91 (or Facebook's 1200×628, which is 1.911) can land just outside after rounding.
    """
    ratio = image.width / image.height if image.height else 1
    if ratio < IG_MIN_RATIO:
        return "fill-1080x1340|format-jpeg|jpegquality-85"
    if ratio > IG_MAX_RATIO:
        return "fill-1200x630|format-jpeg|jpegquality-85"
    return "max-1440x1440|format-jpeg|jpegquality-85"


def image_media(site, image) -> Media:
    rendition = image.get_rendition(share_rendition_spec(image))
    with rendition.file.open("rb") as handle:
        data = handle.read()
    return Media(
        filename=os.path.basename(rendition.file.name),
        content_type="image/jpeg",
        data=data,
        size=len(data),
        public_url=absolute(site, rendition.url),
    )


def document_media(document) -> Media:
    """The stored file of ``document``, read through its storage when a provider uploads it."""
    name = os.path.basename(document.file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Media(name, content_type, stored=document.file, size=document.file.size)


def own_media(page, obj):
    """``obj`` when it is in the page's institution's collection; otherwise ``None``, logged.

    Checked before any file is read: another institution's file is never uploaded to this
    institution's channels, whatever the page's content points at.
    """
    if obj is None or media_belongs_to_page(obj, page):
        return obj
    logger.warning(
        "Not uploading %s %s for page %s: it is not in the page's institution's collection",
        obj._meta.verbose_name,
        obj.pk,
        page.pk,
    )
    return None


def body_media(page) -> tuple[Media | None, Media | None, list[Media]]:
    """The first uploaded video (with its captions) and the documents of the page's body."""
    video = captions = None
    documents: list[Media] = []
    for block in getattr(page, "body", None) or []:
        is_video = block.block_type == "video" and video is None
        if is_video and own_media(page, block.value.get("file")):
            video = document_media(block.value["file"])
            if own_media(page, block.value.get("captions")):
                captions = document_media(block.value["captions"])
        elif block.block_type == "document" and own_media(page, block.value["document"]):
            documents.append(document_media(block.value["document"]))
    return video, captions, documents


def image_reference(site, image) -> Media:
    """The share image named, not rendered: enough to tell which platforms can carry a post."""
    return Media(
        filename=os.path.basename(image.file.name),
        content_type="image/jpeg",
        public_url=absolute(site, image.file.url),
    )


def build_post(page, message: str = "", *, render: bool = True) -> Post:
    """What ``page`` (specific, live version) becomes; ``message`` empty = composed later.

    ``render=False`` names the share image without making its rendition (previews, checks).
    """
    page = page.specific
    site = site_for_page(page)
    image = own_media(page, getattr(page, "share_image", None))
    video, captions, documents = body_media(page)
    tags = list(page.tags.names()) if hasattr(page, "tags") else []
    host = (site.hostname.split(".")[0] if site else "situs")[:30]
    return Post(
        page_id=page.pk,
        url=page.get_full_url(),
        title=page.title,
        lead=getattr(page, "lead", "") or page.search_description,
        message=message,
        tags=sorted(tags),
        image=(image_media if render else image_reference)(site, image) if image and site else None,
        image_alt=getattr(page, "share_image_alt", ""),
        video=video,
        captions=captions,
        documents=documents,
        dataset_name=slugify(f"{host}-{page.pk}-{page.slug}")[:100],
    )
