"""HTTP caching of the public sites: Cache-Control on every public response, gzip without BREACH.

Anonymous public HTML may be kept by browsers (``max-age``) and by the caching proxy in front of
the application (``s-maxage``, see ``deploy/varnish/default.vcl``), which Wagtail's frontend
cache app purges when content changes (``home.purging``). Anything that depends on who asks — a
session cookie, a CSRF token, a cookie being set — is marked never-cache, as Wagtail marks its
admin. ``ConditionalGetMiddleware`` then adds a content ETag to cacheable responses and answers
conditional requests with 304.

No ``Last-Modified`` is sent: a page's ``last_published_at`` does not change when the news it
lists is unpublished, when a sibling appears in its related news or when its audio version is
ready, so a date would give wrong 304s to clients that only send ``If-Modified-Since``; the
content ETag is always right.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

#: Paths that are never public: the admin (Wagtail sets its own never-cache headers, previews
#: included) and documents (their privacy follows collection restrictions, checked per request).
PRIVATE_PREFIXES = ("/admin/", "/documents/")


def public_max_age() -> int:
    """Seconds a browser may reuse a public page without asking (``PUBLIC_CACHE_MAX_AGE``)."""
    return getattr(settings, "PUBLIC_CACHE_MAX_AGE", 60)


def proxy_max_age() -> int:
    """Seconds the proxy may keep a public page between purges (``PUBLIC_CACHE_S_MAXAGE``)."""
    return getattr(settings, "PUBLIC_CACHE_S_MAXAGE", 300)


def uses_csrf(request: HttpRequest) -> bool:
    """Whether the response carries a CSRF token or sets the CSRF cookie."""
    return bool(
        request.META.get("CSRF_COOKIE_USED") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the response may differ per visitor: logged in, a session, CSRF or a new cookie."""
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return bool(
        (user is not None and user.is_authenticated)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or (session is not None and session.modified)
        or uses_csrf(request)
        or response.cookies
    )


def is_public_candidate(request: HttpRequest, response: HttpResponse) -> bool:
    """A successful GET/HEAD outside the admin whose view did not choose its own caching."""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not request.path.startswith(PRIVATE_PREFIXES)
        and not response.has_header("Cache-Control")
    )


def apply_cache_headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Mark ``response`` public (anonymous) or never-cache (personal); leave the rest alone."""
    if not is_public_candidate(request, response):
        return response
    # Logged-in readers see the Wagtail user bar: a shared cache must tell them apart.
    patch_vary_headers(response, ("Cookie",))
    if is_personal(request, response):
        add_never_cache_headers(response)
    else:
        patch_cache_control(
            response, public=True, max_age=public_max_age(), s_maxage=proxy_max_age()
        )
    return response


class CacheHeadersMiddleware:
    """Set Cache-Control and Vary on public responses. Place it after AuthenticationMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return apply_cache_headers(request, self.get_response(request))


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip, except for responses that carry a CSRF token or are never-cache.

    Compressing a secret next to text an attacker can reflect leaks it (BREACH); the public,
    anonymous pages carry no secret, so only they are compressed.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if uses_csrf(request) or "no-store" in response.get("Cache-Control", ""):
            return response
        return super().process_response(request, response)
