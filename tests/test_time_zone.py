"""Dates and times follow the institution's time zone, on its site and in its admin."""

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from home.middleware import InstitutionTimezoneMiddleware

pytestmark = pytest.mark.django_db


def zone_seen_by_view(rf, host, path="/", user=None):
    seen = {}

    def view(request):
        seen["zone"] = timezone.get_current_timezone_name()
        return None

    request = rf.get(path, HTTP_HOST=host)
    if user is not None:
        request.user = user
    InstitutionTimezoneMiddleware(view)(request)
    return seen["zone"]


def test_public_pages_use_the_served_institutions_zone(rf, make_institution):
    make_institution("sumba", time_zone="Asia/Makassar")
    make_institution("bunder")

    assert zone_seen_by_view(rf, "sumba.localhost") == "Asia/Makassar"
    assert zone_seen_by_view(rf, "bunder.localhost") == "Asia/Jakarta"


def test_admin_uses_the_members_institution_zone_unless_they_chose_one(rf, make_institution):
    papua = make_institution("jayapura", time_zone="Asia/Jayapura")
    member, traveller = papua.user(), papua.user()
    UserProfile.objects.create(user=traveller, current_time_zone="Asia/Jakarta")

    UserProfile.objects.create(user=member, current_time_zone="")
    member = type(member).objects.get(pk=member.pk)  # as the auth middleware loads it
    zone = zone_seen_by_view(rf, "localhost", "/admin/", user=member)
    zone_seen_by_view(rf, "localhost", "/admin/", user=traveller)

    assert zone == "Asia/Jayapura"
    # what Wagtail's admin views activate (wagtail.admin.localization):
    assert member.wagtail_userprofile.get_current_time_zone() == "Asia/Jayapura"
    assert traveller.wagtail_userprofile.get_current_time_zone() == "Asia/Jakarta"
