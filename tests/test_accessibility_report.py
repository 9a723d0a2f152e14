"""The per-institution accessibility report, through the admin: content, filters, CSV, isolation."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accessibility.models import AudioVersion, BrailleVersion
from accessibility.spoken import spoken_article
from home.models import InstitutionSettings

pytestmark = pytest.mark.django_db

REPORT = "accessibility:report"
CELL = r"<td\b.*?</td>"


def image_body(image, alt):
    return [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": alt, "decorative": False},
                "caption": "",
                "credit": "",
            },
        }
    ]


@pytest.fixture
def content(bantul, bunder):
    photo = bantul.image("Pasar", "Pedagang di pasar")
    bantul.complete = bantul.news("Pasar Bantul ramai", body=image_body(photo, "Pedagang sayur"))
    # Published before the gate existed (straight through the API): the report must show it.
    bantul.incomplete = bantul.news("Kerja bakti tanpa alt", body=image_body(photo, "IMG_2024"))
    text_hash = spoken_article(bantul.complete).hash
    AudioVersion.objects.create(
        page=bantul.complete, text_hash=text_hash, file="a.mp3", duration_seconds=12.5
    )
    BrailleVersion.objects.create(page=bantul.complete, text_hash=text_hash, file="b.brf")
    bunder.secret = bunder.news("Kabar rahasia Bunder")
    return bantul, bunder


def rows(response) -> dict[str, list[str]]:
    """The report's listing table as ``{title: [cells after the title]}``."""
    html = response.content.decode().split('<table class="listing">', 1)[-1]
    out = {}
    for row in re.findall(r"<tr>.*?</tr>", html.split("</table>", 1)[0], re.S):
        cells = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in re.findall(CELL, row, re.S)]
        if cells:
            out[cells[0]] = cells[1:]
    return out


def test_members_see_each_page_with_its_status(client, content):
    bantul, _ = content
    client.force_login(bantul.user("penulis"))

    table = rows(client.get(reverse(REPORT)))

    assert table["Pasar Bantul ramai"][2:] == ["ya", "ya", "ya", "ya"]
    assert table["Kerja bakti tanpa alt"][2:] == ["tidak", "ya", "tidak", "tidak"]
    assert not any("Bunder" in title for title in table)


def test_status_filter_and_csv_export(client, content):
    bantul, _ = content
    client.force_login(bantul.user("penulis"))

    incomplete = rows(client.get(reverse(REPORT), {"status": "incomplete"}))
    csv = client.get(reverse(REPORT), {"export": "csv"})
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()

    assert "Pasar Bantul ramai" not in incomplete
    assert "Kerja bakti tanpa alt" in incomplete
    assert "IMG_2024" in body
    assert "Kabar rahasia Bunder" not in body


def test_the_export_is_dated_by_the_institutions_calendar(
    client, content, monkeypatch, django_user_model
):
    # 16:30 UTC on 31 January: still 31 January in Jakarta (WIB), 1 February in Jayapura (WIT).
    bantul, _ = content
    InstitutionSettings.objects.filter(site=bantul.site).update(time_zone="Asia/Jayapura")
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 1, 31, 16, 30, tzinfo=UTC))

    client.force_login(bantul.user("penulis"))
    member = client.get(reverse(REPORT), {"export": "csv"})
    client.force_login(django_user_model.objects.create_superuser("op", "op@x.id", "x"))
    chosen = client.get(reverse(REPORT), {"export": "csv", "site": bantul.site.pk})
    unchosen = client.get(reverse(REPORT), {"export": "csv"})

    assert member["Content-Disposition"] == 'attachment; filename="aksesibilitas-2026-02-01.csv"'
    assert chosen["Content-Disposition"] == 'attachment; filename="aksesibilitas-2026-02-01.csv"'
    # An operator's report of every institution is dated in the operator's zone (WIB).
    assert unchosen["Content-Disposition"] == 'attachment; filename="aksesibilitas-2026-01-31.csv"'


def test_other_institution_and_operator(client, content, django_user_model):
    bantul, bunder = content
    client.force_login(bunder.user("penulis"))
    bunder_view = rows(client.get(reverse(REPORT)))
    foreign = client.get(reverse(REPORT), {"site": bantul.site.pk})
    client.force_login(django_user_model.objects.create_superuser("op", "op@x.id", "x"))
    operator_view = rows(client.get(reverse(REPORT)))

    assert "Kabar rahasia Bunder" in bunder_view
    assert "Pasar Bantul ramai" not in bunder_view
    assert "Pasar Bantul ramai" not in foreign.content.decode()
    assert {"Kabar rahasia Bunder", "Pasar Bantul ramai"} <= set(operator_view)


def test_outsiders_are_refused(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("tamu", "t@x.id", "x"))

    assert client.get(reverse(REPORT)).status_code == 302


def test_the_page_header_says_what_a_live_page_lacks(client, content):
    bantul, _bunder = content
    client.force_login(bantul.user("penulis"))
    edit = lambda page: client.get(  # noqa: E731
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    ).content.decode()

    assert "Aksesibilitas: lengkap" in edit(bantul.complete)
    lacking = edit(bantul.incomplete)
    assert "Aksesibilitas: belum ada teks alternatif, audio, braille" in lacking
