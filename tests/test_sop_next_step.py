"""Every role knows what to do next: "Menunggu Anda" first on the dashboard, and the person's
own guide to the installed SOP ("Panduan SOP saya") as a page and a one-page PDF."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from sop_workflow.models import SopTaskState
from sop_workflow.timekeeping import sla
from tests.sop_helpers import act, as_user, create_with_sop, current_state, draft, submit
from tests.test_sop_pdf import read_pdf

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
GUIDE = reverse("sop_workflow:my_guide")
GUIDE_PDF = reverse("sop_workflow:my_guide_pdf")
STEP_3 = (
    "Pengelola website mengajukan materi liputan berbentuk release berita, foto atau video "
    "ke Panewu untuk memperoleh persetujuan tayang"
)


def dashboard(user, monkeypatch=None, at=None) -> str:
    """The dashboard as ``user`` sees it (at ``at``, when given), in a fresh browser."""
    if at is not None:
        monkeypatch.setattr(sla, "now", lambda: at)
    response = as_user(Client(), user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def text_of(html: str) -> str:
    """The words a person reads: tags dropped, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def bantul():
    return create_with_sop("kapanewon_bantul")


@pytest.fixture
def waiting(client, bantul):
    """A Bantul item waiting for the Panewu (standard 15 min) since Friday 14:25 WIB."""
    page = draft(bantul, title="Kerja bakti Padukuhan Karang")
    submit(as_user(client, bantul.user("pengelola_website")), page)
    started = datetime(2025, 2, 28, 14, 25, tzinfo=WIB)  # Friday; the office closes at 14:30
    SopTaskState.objects.filter(pk=current_state(page).pk).update(started_at=started)
    return page


def test_the_approver_sees_the_task_first_with_its_step_kelengkapan_and_time_left(
    bantul, waiting, monkeypatch
):
    monday = datetime(2025, 3, 3, 7, 35, tzinfo=WIB)  # 5 min on Friday + 5 min on Monday

    html = dashboard(bantul.user("panewu"), monkeypatch, monday)

    panels = re.findall(r'<section[^>]*class="[^"]*w-panel--dashboard[^"]*"[^>]*>', html)
    assert panels
    assert 'id="sop-waiting' in panels[0]  # the first panel of the dashboard
    text = text_of(html)
    assert "Menunggu Anda" in text
    assert f"Kerja bakti Padukuhan Karang Langkah 3: {STEP_3}" in text
    assert "Kelengkapan: Materi berita, foto dan video yang sudah terpilih" in text
    assert "Sisa 5 menit waktu kerja" in text
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[waiting.pk])}"' in html


def test_a_rejection_shows_the_item_sent_back_to_its_submitter_with_who_when_and_why(
    client, bantul, waiting
):
    panewu = bantul.user("panewu")
    panewu.first_name, panewu.last_name = "Sri", "Wahyuni"
    panewu.save()
    response = act(as_user(client, panewu), waiting, "reject", comment="Foto belum diberi narasi.")
    assert response.status_code == 200

    text = text_of(dashboard(bantul.user("pengelola_website")))

    assert "Dikembalikan kepada Anda" in text
    assert "Kerja bakti Padukuhan Karang Perbaikan diminta oleh Sri Wahyuni," in text
    assert "Foto belum diberi narasi." in text
    other = text_of(dashboard(bantul.user("peliput")))
    assert "Kerja bakti Padukuhan Karang" not in other
    assert "Dikembalikan kepada Anda" not in other


def test_with_nothing_waiting_the_panel_says_so_and_what_the_role_does(bantul):
    text = text_of(dashboard(bantul.user("peliput")))

    assert (
        "Tidak ada yang menunggu Anda. Dalam SOP Kapanewon Bantul, Peliput/Petugas Lapangan "
        "melaksanakan langkah 1."
    ) in text
    assert "Panduan SOP saya: langkah Anda" in text
    assert "Bulan ini" not in text  # not a leadership role


def test_leadership_sees_this_months_compliance_in_one_line_linking_to_the_report(client, bantul):
    page = draft(bantul, title="Posyandu balita")
    submit(as_user(client, bantul.user("pengelola_website")), page)
    panewu = bantul.user("panewu")
    assert act(as_user(client, panewu), page, "approve").status_code == 200

    html = dashboard(panewu)

    line = re.search(r'<a class="sop-tap" href="([^"]+)">(Bulan ini: [^<]+)</a>', html)
    assert line, text_of(html)
    assert re.fullmatch(r"Bulan ini: 1 item, \d+ % langkah dalam standar", line.group(2))
    url = line.group(1).replace("&amp;", "&")
    assert url.startswith(reverse("sop_workflow:compliance_report") + "?period_from=")
    first = url.split("period_from=")[1].split("&")[0]
    assert first.endswith("-01")  # the first of this month
    report = as_user(Client(), panewu).get(url)
    assert report.status_code == 200
    assert f'value="{first}"' in report.content.decode()  # the report opens on this month


def test_the_guide_lists_the_persons_steps_with_needs_time_and_neighbours(client, bantul):
    response = as_user(client, bantul.user("pengelola_website")).get(GUIDE)

    assert response.status_code == 200
    text = text_of(response.content.decode())
    assert "Panduan SOP saya" in text
    assert "Peran Anda: Pengelola Website (SOP versi 1)." in text
    assert (
        "Langkah 2: Pemilahan bahan liputan yang layak tayang di website dan media sosial "
        "Kelengkapan Bahan release berita website, foto dan video yang akan ditayangkan di "
        "media sosial Output Materi berita, foto dan video yang sudah terpilih "
        "Waktu baku 30 menit Sebelumnya Langkah 1 oleh Peliput/Petugas Lapangan "
        "Sesudahnya Langkah 3 oleh Panewu"
    ) in text
    assert "Langkah 4: Pengelola Website menayangkan informasi" in text
    assert "Ini langkah terakhir prosedur." in text
    assert f"Langkah 3: {STEP_3}" not in text  # the Panewu's step, not theirs
    assert GUIDE_PDF in response.content.decode()


def test_the_guide_is_in_the_admin_menu_and_linked_from_the_panel(bantul):
    html = dashboard(bantul.user("panewu"))

    assert "Panduan SOP saya" in html  # the menu item, in the sidebar's data
    assert f'href="{GUIDE}"' in html


def test_another_institutions_user_sees_only_their_own_guide_and_dashboard(client, bantul, waiting):
    bunder = create_with_sop("kalurahan_bunder")
    seksi = bunder.user("seksi")

    guide = text_of(as_user(client, seksi).get(GUIDE).content.decode())
    home = text_of(dashboard(seksi))

    assert "Kalurahan Bunder" in guide
    for seen in (guide, home):
        assert "Kapanewon Bantul" not in seen
        assert "Panewu" not in seen
        assert "Kerja bakti Padukuhan Karang" not in seen
        assert "Pemilahan bahan liputan" not in seen


def test_a_person_without_a_role_is_told_how_to_get_one(client, bantul):
    loner = get_user_model().objects.create_user("tanpa_peran", password="rahasia-uji-123")
    loner.user_permissions.add(*_admin_access())

    response = as_user(client, loner).get(GUIDE)

    assert response.status_code == 200
    text = text_of(response.content.decode())
    assert "Mintalah administrator instansi Anda memberikan peran Anda." in text
    assert "Kapanewon Bantul" not in text


def _admin_access():
    return Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def test_the_guide_pdf_reads_back_as_one_a4_page(client, bantul):
    response = as_user(client, bantul.user("pengelola_website")).get(GUIDE_PDF)

    text, info = read_pdf(response, "panduan-sop-pengelola-website.pdf")

    assert info["Pages"] == "1"
    assert info["Page size"] == "595.276 x 841.89 pts (A4)"  # portrait
    assert "PANDUAN SOP SAYA" in text  # the heading, in capitals as printed
    assert (
        "Langkah 2: Pemilahan bahan liputan yang layak tayang di website dan media sosial" in text
    )
    assert "Sebelumnya Langkah 1 oleh Peliput/Petugas Lapangan" in text
    assert "Waktu baku 5 menit" in text
    assert "attachment;" in response["Content-Disposition"]


def test_the_longest_guide_of_the_bundled_sops_still_fits_one_page(client):
    bunder = create_with_sop("kalurahan_bunder")  # the Seksi has 5 steps, the most of any role

    response = as_user(client, bunder.user("seksi")).get(GUIDE_PDF)

    text, info = read_pdf(response, "panduan-sop-bunder-seksi.pdf")
    assert info["Pages"] == "1"
    assert text.count("Sebelumnya") == 5
