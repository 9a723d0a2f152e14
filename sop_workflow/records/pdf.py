"""PDF versions of the printable documents (archive record, SOP), made with WeasyPrint.

The PDF is rendered from the same template as the browser's print page, with ``pdf=True`` in
the context. WeasyPrint needs Debian's pango (``DEBIAN_PACKAGES``); when it or WeasyPrint
itself cannot be loaded, :func:`render_pdf` raises :class:`PdfUnavailable` so the view can say
so instead of failing with a server error.

Images and stylesheets are read only from the project's own files: ``/static/…`` from
``STATIC_ROOT`` or the static files finders, media (``/media/…``, or the object store's URLs when
S3 is configured) through Django's storage API (:mod:`home.storage`); ``data:`` URLs are allowed.
Any other URL is refused, so rendering never fetches an address the HTML names.
"""

from __future__ import annotations

import functools
import logging
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage, default_storage
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from home.storage import name_from_url

logger = logging.getLogger(__name__)

DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"

# base_url of the rendered HTML: relative URLs (``/static/x.png``) resolve to it, and the
# fetcher maps its paths to local files. ``.invalid`` can never be a real host.
BASE_URL = "http://pdf.invalid/"


class PdfUnavailable(Exception):
    """WeasyPrint, or a library it loads (pango), is not installed on this server."""


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    """``template_name`` rendered with ``context`` (plus ``pdf=True``) as the bytes of a PDF."""
    _load_weasyprint()  # before rendering the template: unavailable is said at once
    html = render_to_string(
        template_name,
        {**context, "pdf": True, "pdf_page_counter": page_counter_css()},
        request=request,
    )
    return html_to_pdf(html)


def html_to_pdf(html: str) -> bytes:
    """``html`` as a PDF; its URLs resolve only to local static and media files."""
    weasyprint = _load_weasyprint()
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_local_fetcher_class()())
    return document.write_pdf()


def _load_weasyprint():
    # Imported on first use: importing WeasyPrint loads pango through cffi, which raises
    # OSError when the Debian library is missing; the rest of the site must work regardless.
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        logger.error("PDF rendering unavailable: %s", error)
        raise PdfUnavailable(str(error)) from error
    return weasyprint


def page_counter_css() -> SafeString:
    """The CSS ``content`` value "Page X of Y" in the active language, for ``@page`` boxes.

    The translation may put the two numbers in any order; its text is escaped for CSS.
    """
    text = _("Page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    parts = []
    for index, part in enumerate(text.split("\0")):
        if index % 2:
            parts.append(f"counter({part})")
        elif part:
            parts.append(css_string(part))
    return mark_safe(" ".join(parts))  # every text part went through css_string


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string (safe inside a ``<style>`` element)."""
    escaped = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):06x}" for ch in text)
    return f'"{escaped}"'


def local_path(url: str) -> Path | None:
    """The static file on this machine that ``url`` names, if any (media: :func:`media_name`)."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None  # another host or scheme (file:, https://…): never read, never fetched
    path = unquote(parts.path)
    prefix = urlsplit(settings.STATIC_URL or "").path
    if prefix and path.startswith(prefix):
        found = _static_file(path.removeprefix(prefix))
        return Path(found) if found and Path(found).is_file() else None
    return None


def media_name(url: str) -> str | None:
    """The stored media file that ``url`` names (relative or the storage's own URL), if any."""
    if urlsplit(url).scheme not in {"http", "https", ""}:
        return None
    name = name_from_url(url, BASE_URL)
    return name if name and default_storage.exists(name) else None


def read_local(url: str) -> tuple[str, bytes] | None:
    """``(file name, content)`` of the static or media file ``url`` names; ``None`` otherwise."""
    path = local_path(url)
    if path is not None:
        return path.name, path.read_bytes()
    name = media_name(url)
    if name is None:
        return None
    with default_storage.open(name, "rb") as handle:
        return Path(name).name, handle.read()


def _static_file(name: str) -> str | None:
    if getattr(settings, "STATIC_ROOT", None):
        try:
            candidate = FileSystemStorage(location=settings.STATIC_ROOT).path(name)
        except ValueError:  # outside STATIC_ROOT (../)
            return None
        if Path(candidate).is_file():
            return candidate
    if ".." in Path(name).parts:
        return None
    return finders.find(name)


@functools.cache
def _local_fetcher_class() -> type:
    """A WeasyPrint ``URLFetcher`` that serves :func:`read_local` files and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            found = read_local(url)
            if found is None:
                raise ValueError(f"not a static or stored media file, not fetched: {url}")
            name, content = found
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, content, headers={"Content-Type": content_type})

    return LocalFilesFetcher


def safe_filename_part(text: str) -> str:
    """``text`` reduced to letters, digits, dots, dashes and underscores, for a file name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "dokumen"
