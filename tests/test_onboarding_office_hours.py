"""Office hours and time zone: given at creation, changed by the institution admin in the
profile; the SOP clock (``calendar_for_site``) follows."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from home.models import InstitutionSettings
from sop_workflow.timekeeping.working_time import calendar_for_site
from tests.institutions import ensure_wagtail_roots
from tests.test_institution_profile import edit_url, profile_form

pytestmark = pytest.mark.django_db

MAKASSAR, JAYAPURA = ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")
# Monday 7 December 2026: no public holiday that week.


def create(*args: str) -> str:
    out = StringIO()
    call_command("create_institution", *args, stdout=out)
    return out.getvalue()


def test_create_institution_takes_wita_office_hours_and_parent_and_the_clock_follows(bantul):
    create(
        *("--name", "Kalurahan Timur", "--hostname", "timur.localhost", "--type", "kalurahan"),
        *("--time-zone", "WITA", "--office-hours", "senin-jumat 08.00-15.00"),
        *("--parent", "bantul.localhost"),
    )

    site = Site.objects.get(hostname="timur.localhost")
    profile = InstitutionSettings.objects.get(site=site)
    assert profile.time_zone == "Asia/Makassar"
    assert profile.parent_id == bantul.site.pk
    assert profile.office_hours["fri"] == ["08:00", "15:00"]
    clock = calendar_for_site(site)
    start = datetime(2026, 12, 7, 14, 0, tzinfo=MAKASSAR)
    assert clock.add_working_time(start, timedelta(hours=2)) == datetime(
        2026, 12, 8, 9, 0, tzinfo=MAKASSAR
    )


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--time-zone", "WITB", "Zona waktu “WITB” tidak dikenal; tulis WIB, WITA atau WIT"),
        ("--office-hours", "senin-kamus 07.30-16.00", "Hari “senin-kamus” tidak dikenal."),
    ],
)
def test_create_institution_refuses_unreadable_zone_or_hours_and_writes_nothing(
    option, value, message
):
    ensure_wagtail_roots()
    with pytest.raises(CommandError, match=message):
        create("--name", "Desa X", "--hostname", "x.localhost", "--type", "desa", option, value)
    assert not Site.objects.filter(hostname="x.localhost").exists()


def test_admin_changes_office_hours_and_time_zone_and_the_sop_clock_follows(client, bantul):
    client.force_login(bantul.user("admin"))
    form_page = client.get(edit_url(bantul)).content.decode()
    assert 'value="mon 07:30-16:00; tue 07:30-16:00; wed 07:30-16:00; thu 07:30-16:00; ' in (
        form_page
    )

    response = client.post(
        edit_url(bantul),
        profile_form(
            bantul,
            time_zone="Asia/Jayapura",
            office_hours="senin-kamis 07.30-12.00, 13.00-16.00; jumat 07.30-11.00",
        ),
    )

    assert response.status_code == 302
    bantul.settings.refresh_from_db()
    assert bantul.settings.office_hours["mon"] == ["07:30-12:00", "13:00-16:00"]
    clock = calendar_for_site(bantul.site)
    start = datetime(2026, 12, 7, 11, 0, tzinfo=JAYAPURA)
    assert clock.add_working_time(start, timedelta(hours=2)) == datetime(
        2026, 12, 7, 14, 0, tzinfo=JAYAPURA
    )


def test_unreadable_office_hours_are_refused_with_the_reason_and_nothing_saved(client, bantul):
    client.force_login(bantul.user("admin"))
    before = bantul.settings.office_hours

    response = client.post(edit_url(bantul), profile_form(bantul, office_hours="senin 16.00-07.30"))

    assert response.status_code == 200
    assert "Jam buka harus sebelum jam tutup (16:00-07:30)." in response.content.decode()
    bantul.settings.refresh_from_db()
    assert bantul.settings.office_hours == before
