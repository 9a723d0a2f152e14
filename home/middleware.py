"""Attach the institution being served to the request and use its time zone."""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import Site

from home import site_registry
from home.models import InstitutionSettings
from home.tenancy import sites_for_user, time_zone_named
from home.wagtail_patches import give_admin_time_zone


def institution_for_request(request) -> InstitutionSettings | None:
    """The institution a request concerns: the served site, or the admin user's institution."""
    if request.path.startswith("/admin/"):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_superuser:
            return None
        site = sites_for_user(user).first()
    else:
        site = Site.find_for_request(request)
    return site_registry.institution_of(site)


def _default_admin_zone(request, zone: str) -> None:
    """Wagtail's admin uses the user's profile zone, else settings.TIME_ZONE: make the
    institution's zone the default for members who have not chosen one (not saved)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/admin/"):
        return
    give_admin_time_zone(user, zone)


class SiteListStampMiddleware:
    """Read the site list's stamp once per request (:mod:`home.site_registry`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = site_registry.begin_request()
        try:
            return self.get_response(request)
        finally:
            site_registry.end_request(token)


class InstitutionTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.institution = institution_for_request(request)
        if request.institution:
            zone = time_zone_named(request.institution.time_zone)
            timezone.activate(zone)
            _default_admin_zone(request, zone.key)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
