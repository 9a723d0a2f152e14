"""Which stored files may be served by their media URL, and the development server's media view.

Documents (Wagtail's ``documents/``) and the audio and braille versions (``accessibility/``)
are served only through their views, which check collection privacy (Wagtail's document
``serve`` view, ``WAGTAILDOCS_SERVE_METHOD = "serve_view"``) or the page's state and privacy
(:mod:`accessibility.views.versions`). Their media URLs must answer 404 everywhere: in
``make run`` (:func:`serve_public_media`), in the proxy configuration of ``deploy/`` and in an
S3 bucket's policy (README, *Security → Files*).
"""

from __future__ import annotations

import posixpath

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve

#: Media path prefixes never served by their media URL.
PRIVATE_MEDIA_PREFIXES = ("documents/", "accessibility/")


def is_private_media(name: str) -> bool:
    """Whether the stored file ``name`` (relative to the media root) is served only by a view."""
    normalised = posixpath.normpath(name.replace("\\", "/")).lstrip("/")
    return normalised.startswith(PRIVATE_MEDIA_PREFIXES)


def serve_public_media(request: HttpRequest, path: str) -> HttpResponse:
    """``make run``'s ``/media/`` (``DEBUG`` only): Django's static view, minus private files."""
    if is_private_media(path):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
