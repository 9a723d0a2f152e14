"""The second-factor gate of the admin, and the Content-Security-Policy header."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_otp import user_has_device

from home.colours import style_source_hash
from home.security.policy import requires_second_factor

ADMIN_PREFIX = "/admin/"
# Reachable with a password alone: the sign-in steps themselves, logging out, and the icon
# sprite and JavaScript catalogue those pages load (static files are open too).
OPEN_ADMIN_PATHS = (
    "/admin/sprite/",
    "/admin/jsi18n/",
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/signin/verify/",
    "/admin/signin/enrol/",
    "/admin/signin/recovery-codes/",
)


class SecondFactorMiddleware:
    """After the password, a user with a confirmed device must give a code before any admin
    page, and a user who must have two-factor sign-in (see :mod:`home.security.policy`) must
    enrol first. On the public site such a half-signed-in user is treated as anonymous.

    Put it after django-otp's ``OTPMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or user.is_verified() or self._open(request.path):
            return self.get_response(request)
        enrolled = user_has_device(user)
        if not enrolled and not requires_second_factor(user):
            return self.get_response(request)
        if not request.path.startswith(ADMIN_PREFIX):
            request.user = AnonymousUser()
            return self.get_response(request)
        step = "security_verify" if enrolled else "security_enrol"
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(step)}?{query}")

    @staticmethod
    def _open(path: str) -> bool:
        return path.startswith(OPEN_ADMIN_PATHS) or path.startswith(settings.STATIC_URL)


def _policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(values)}".strip() for name, values in directives.items())


def public_policy(style_sources: list[str]) -> str:
    """The public sites' policy: no inline or foreign script; inline ``<style>`` only the one
    whose hash is given (the brand colour); style attributes allowed (responsive embeds)."""
    return _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'", *style_sources],
            "style-src-attr": ["'unsafe-inline'"],
            "img-src": ["'self'", "data:"],
            "media-src": ["'self'"],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "frame-src": ["'self'", "https:"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        }
    )


def admin_policy() -> str:
    """The admin's policy: no foreign script, style, font, frame ancestor or form target.

    Wagtail 8's chooser widgets (``BaseChooser.render``) still write an inline ``<script>``
    with no seam to change it, so inline scripts stay allowed here; the date/time widgets no
    longer need it (data attributes, ``static/security/admin-widgets.js``). Inline styles are
    allowed because Wagtail sets them.
    """
    return _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'", "'unsafe-inline'"],
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:", "blob:"],
            "media-src": ["'self'", "blob:"],
            "font-src": ["'self'", "data:"],
            "connect-src": ["'self'"],
            "frame-src": ["'self'", "https:"],
            "worker-src": ["'self'", "blob:"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        }
    )


class ContentSecurityPolicyMiddleware:
    """Sends the public or the admin Content-Security-Policy on every HTML response.

    The public policy allows the institution's brand-colour ``<style>`` by its hash
    (:func:`home.colours.style_source_hash`), so a page's bytes do not change per request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            return response
        if request.path.startswith(ADMIN_PREFIX):
            response["Content-Security-Policy"] = admin_policy()
        else:
            institution = getattr(request, "institution", None)
            style = institution.brand_style if institution else ""
            response["Content-Security-Policy"] = public_policy(
                [style_source_hash(style)] if style else []
            )
        return response
