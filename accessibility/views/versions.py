"""The public download of a page's audio and braille versions, checked like the page itself.

The files are never linked by their media URL (which any proxy or bucket would serve to
anyone, for ever): this view serves them only while the page is live, on its own
institution's hostname, and to readers who pass the page's privacy (password, sign-in or
group restrictions, Wagtail's ``PageViewRestriction``). Anything else is a 404, which says
nothing about whether the page exists.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.http import FileResponse, Http404, HttpRequest
from wagtail.models import Page, Site

from accessibility.models import AudioVersion, BrailleVersion

VERSION_MODELS = {"audio": AudioVersion, "braille": BrailleVersion}
CONTENT_TYPES = {"braille": "application/octet-stream"}


def _readable_page(request: HttpRequest, page_id: int) -> Page:
    """The live page ``page_id`` of the request's site, if the reader may see it."""
    site = Site.find_for_request(request)
    page = Page.objects.live().filter(pk=page_id).first()
    if site is None or page is None or not page.path.startswith(site.root_page.path):
        raise Http404
    if any(not r.accept_request(request) for r in page.get_view_restrictions()):
        raise Http404
    return page


def serve_version(request: HttpRequest, page_id: int, kind: str, filename: str) -> FileResponse:
    """``GET /alternatif/<page>/<audio|braille>/<file name>``: the current version's file."""
    model = VERSION_MODELS.get(kind)
    version = model.objects.filter(page_id=page_id).first() if model else None
    if version is None or not version.file or PurePosixPath(version.file.name).name != filename:
        raise Http404
    _readable_page(request, page_id)
    content_type = getattr(version, "mime_type", "") or CONTENT_TYPES.get(kind)
    response = FileResponse(
        version.file.open("rb"),
        content_type=content_type,
        as_attachment=kind == "braille",
        filename=filename,
    )
    # Never in a shared cache: the page may be unpublished or made private at any time.
    response["Cache-Control"] = "private, max-age=60"
    response["X-Content-Type-Options"] = "nosniff"
    return response
