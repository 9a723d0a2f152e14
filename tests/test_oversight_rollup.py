"""The regional roll-up, through the admin: who sees it, what it shows, sorting, exports,
the overview of one institution, and that nothing of another region or any draft shows."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from home.models import InstitutionRole, InstitutionSettings, NewsPage
from social_publish.models import Channel, ChannelStatus, Syndication, SyndicationState
from sop_workflow.models import ReminderKind, SopReminder, StepTiming

pytestmark = pytest.mark.django_db

ROLLUP = reverse("oversight:rollup")
CELL = r"<td\b.*?</td>"


def under(child, parent) -> None:
    """Put ``child`` directly below ``parent`` in the hierarchy (as an operator does)."""
    InstitutionSettings.objects.filter(site=child.site).update(parent=parent.site)


@pytest.fixture
def regions(make_institution):
    """Kabupaten Bantul above Kapanewon Bantul above Kalurahan Trirenggo; Kabupaten Sleman
    above Kapanewon Depok above Kalurahan Caturtunggal."""
    made = {
        "kab_bantul": make_institution(
            "kabbantul", name="Kabupaten Bantul", institution_type="kabupaten"
        ),
        "kap_bantul": make_institution(
            "kapbantul", name="Kapanewon Bantul", institution_type="kapanewon"
        ),
        "trirenggo": make_institution("trirenggo", name="Kalurahan Trirenggo"),
        "kab_sleman": make_institution(
            "kabsleman", name="Kabupaten Sleman", institution_type="kabupaten"
        ),
        "depok": make_institution("depok", name="Kapanewon Depok", institution_type="kapanewon"),
        "caturtunggal": make_institution("caturtunggal", name="Kalurahan Caturtunggal"),
    }
    under(made["kap_bantul"], made["kab_bantul"])
    under(made["trirenggo"], made["kap_bantul"])
    under(made["depok"], made["kab_sleman"])
    under(made["caturtunggal"], made["depok"])
    return made


@pytest.fixture
def pengawas(client, regions):
    """The oversight user of Kabupaten Bantul, signed in."""
    user = regions["kab_bantul"].user("pengawas")
    client.force_login(user)
    return user


def table_rows(response) -> dict[str, list[str]]:
    """The listing table as ``{institution: [the cells after the name]}``, in order."""
    html = response.content.decode()
    html = html.split('<table class="listing', 1)[-1].split("</table>", 1)[0]
    out = {}
    for row in re.findall(r"<tr\b.*?</tr>", html, re.S):
        cells = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in re.findall(CELL, row, re.S)]
        if cells:
            out[cells[0]] = cells[1:]
    return out


def headers(response) -> list[str]:
    html = response.content.decode().split('<table class="listing', 1)[-1].split("</thead>")[0]
    return [
        " ".join(re.sub(r"<[^>]+>", " ", h).split())
        for h in re.findall(r"<th\b.*?</th>", html, re.S)
    ]


def test_regions_get_the_oversight_role_and_villages_do_not(regions):
    role = InstitutionRole.objects.get(site=regions["kab_bantul"].site, key="pengawas")
    assert role.is_oversight
    assert role.name == "Pengawas Wilayah"
    assert not role.group.page_permissions.exists()
    assert not role.group.collection_permissions.exists()
    assert not InstitutionRole.objects.filter(site=regions["trirenggo"].site, is_oversight=True)


def test_kabupaten_oversight_sees_its_kapanewon_and_kalurahan_and_nothing_of_sleman(
    client, pengawas
):
    response = client.get(ROLLUP)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Rekap wilayah" in body
    rows = table_rows(response)
    assert list(rows) == ["Kalurahan Trirenggo", "Kapanewon Bantul"]
    assert rows["Kalurahan Trirenggo"][:2] == ["Kalurahan", "Kapanewon Bantul"]
    assert rows["Kapanewon Bantul"][:2] == ["Kapanewon", "Kabupaten Bantul"]
    for name in ("Sleman", "Depok", "Caturtunggal"):
        assert name not in body
    assert headers(response)[:4] == ["Instansi", "Jenis", "Langsung di bawah", "Berita bulan ini"]
    assert "2 instansi" in body  # the pager counts institutions, not Wagtail's sites
    assert "2 situs" not in body


def test_the_menu_item_is_shown_only_to_oversight_roles(client, regions, pengawas):
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Rekap wilayah" in dashboard

    client.force_login(regions["kap_bantul"].user("penulis"))
    assert "Rekap wilayah" not in client.get(reverse("wagtailadmin_home")).content.decode()
    refused = client.get(ROLLUP, follow=True)
    assert "Kalurahan Trirenggo" not in refused.content.decode()
    assert "Maaf, Anda tidak memiliki izin untuk mengakses area ini." in refused.content.decode()


def test_figures_count_what_was_published_timed_overdue_and_failed(client, regions, pengawas):
    trirenggo = regions["trirenggo"]
    now = timezone.now()
    for _number in range(2):
        trirenggo.news()
    old = trirenggo.news("Berita lama Trirenggo")
    old.first_published_at = now - timedelta(days=400)
    old.save(update_fields=["first_published_at"])
    trirenggo.news("Draf rahasia Trirenggo", publish=False)
    trirenggo.image("Tanpa deskripsi", description="")
    trirenggo.image("Berdeskripsi", description="Warga menanam padi")
    page = trirenggo.news()
    for minutes, standard in ((10, 15), (20, 15), (5, 15), (30, 15)):
        StepTiming.objects.create(
            site=trirenggo.site, page_id=page.pk, step_number=2, step_label="2", kind="review",
            started_at=now - timedelta(days=3), finished_at=now - timedelta(days=3),
            outcome="approved", standard_max_seconds=standard * 60, working_seconds=minutes * 60,
        )  # fmt: skip
    task = GroupApprovalTask.objects.create(name="Periksa")
    task.groups.set([InstitutionRole.objects.get(site=trirenggo.site, key="penyetuju").group])
    workflow = Workflow.objects.create(name="SOP uji")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    draft = trirenggo.news("Naskah menunggu", publish=False)
    state = workflow.start(draft, trirenggo.user("penulis"))
    SopReminder.objects.create(
        site=trirenggo.site,
        task_state=state.current_task_state,
        kind=ReminderKind.REMINDER,
        step_label="2",
    )
    channel = Channel.objects.create(
        site=trirenggo.site, kind="facebook", name="Halaman Trirenggo", account_id="fb-tri",
        status=ChannelStatus.NEEDS_RECONNECT,
    )  # fmt: skip
    Syndication.objects.create(page=page, channel=channel, state=SyndicationState.FAILED)

    response = client.get(ROLLUP)

    rows = table_rows(response)
    figures = dict(zip(headers(response)[3:], rows["Kalurahan Trirenggo"][2:], strict=True))
    assert figures == {
        "Berita bulan ini": "3",
        "Berita bulan lalu": "0",
        "Berita per bulan (12 bulan)": "0,0",
        "Hari sejak berita terakhir": "0",
        "Langkah SOP sesuai standar": "50,0 %",
        "Tugas terlambat saat ini": "1",
        "Gambar dengan teks alternatif": "50,0 %",
        "Artikel dengan audio": "0,0 %",
        "Artikel dengan braille": "0,0 %",
        "Unggahan gagal (30 hari)": "1",
        "Kanal perlu dihubungkan ulang": "1",
    }
    assert rows["Kapanewon Bantul"][2:6] == ["0", "0", "0,0", "belum pernah"]
    assert rows["Kapanewon Bantul"][6] == "—"  # no SOP step measured


def test_sorting_by_a_figure_and_by_freshness(client, regions, pengawas):
    regions["kap_bantul"].news()
    regions["kap_bantul"].news()
    regions["trirenggo"].news()

    most_news = table_rows(client.get(ROLLUP, {"ordering": "-news_this_month"}))
    fewest_news = table_rows(client.get(ROLLUP, {"ordering": "news_this_month"}))
    assert list(most_news) == ["Kapanewon Bantul", "Kalurahan Trirenggo"]
    assert list(fewest_news) == ["Kalurahan Trirenggo", "Kapanewon Bantul"]

    NewsPage.objects.filter(path__startswith=regions["trirenggo"].home.path).update(
        first_published_at=timezone.now() - timedelta(days=20)
    )
    stalest_first = table_rows(client.get(ROLLUP, {"ordering": "-last_news"}))
    assert list(stalest_first) == ["Kalurahan Trirenggo", "Kapanewon Bantul"]
    assert stalest_first["Kalurahan Trirenggo"][5] == "20"


def test_csv_and_xlsx_exports_list_the_same_institutions_with_numbers(client, regions, pengawas):
    regions["trirenggo"].news()

    response = client.get(ROLLUP, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "rekap-wilayah-" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["Instansi"] for row in rows] == ["Kalurahan Trirenggo", "Kapanewon Bantul"]
    assert rows[0]["Berita bulan ini"] == "1"
    assert rows[0]["Langsung di bawah"] == "Kapanewon Bantul"
    assert rows[0]["Host"] == "trirenggo.localhost"
    assert "Sleman" not in content
    assert "Depok" not in content

    xlsx = client.get(ROLLUP, {"export": "xlsx"})
    assert xlsx.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:4] == ["Instansi", "Jenis", "Langsung di bawah", "Host"]
    assert [row[0] for row in values[1:]] == ["Kalurahan Trirenggo", "Kapanewon Bantul"]


def test_overview_of_an_institution_below_shows_published_news_never_drafts(
    client, regions, pengawas
):
    trirenggo = regions["trirenggo"]
    trirenggo.news("Panen raya Trirenggo")
    trirenggo.news("Draf rahasia Trirenggo", publish=False)

    response = client.get(reverse("oversight:institution", args=[trirenggo.site.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Kalurahan Trirenggo" in body
    assert "langsung di bawah Kapanewon Bantul" in body
    assert "Panen raya Trirenggo" in body
    assert "Draf rahasia" not in body
    assert "Berita terbit per bulan" in body
    assert "Kembali ke rekap wilayah" in body


def test_overview_of_another_region_or_of_its_own_institution_is_not_found(
    client, regions, pengawas
):
    for key in ("depok", "caturtunggal", "kab_bantul"):
        response = client.get(reverse("oversight:institution", args=[regions[key].site.pk]))
        assert response.status_code == 404
        assert regions[key].settings.official_name not in response.content.decode()


def test_opening_or_previewing_a_draft_below_is_refused(client, regions, pengawas):
    draft = regions["trirenggo"].news("Draf rahasia Trirenggo", publish=False)

    for url in (
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[draft.pk]),
        reverse("wagtailadmin_explore", args=[draft.get_parent().pk]),
    ):
        response = client.get(url, follow=True)
        body = response.content.decode()
        assert "Draf rahasia Trirenggo" not in body, url
        assert response.status_code in (403, 404) or (
            "Maaf, Anda tidak memiliki izin untuk mengakses area ini." in body
        ), url


def test_oversight_user_cannot_edit_a_published_page_below(client, regions, pengawas):
    page = regions["trirenggo"].news("Berita Trirenggo")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(edit, {"title": "Diubah pengawas"}, follow=True)

    page.refresh_from_db()
    assert page.title == "Berita Trirenggo"
    # another institution's page does not exist for the overseer (home.admin_guard)
    assert response.status_code == 404
    assert "Berita Trirenggo" not in response.content.decode()


def test_search_by_name_and_filter_by_type(client, regions, pengawas):
    found = table_rows(client.get(ROLLUP, {"q": "trireng"}))
    villages = table_rows(client.get(ROLLUP, {"kind": "kapanewon"}))
    outside = client.get(ROLLUP, {"q": "Depok"})

    assert list(found) == ["Kalurahan Trirenggo"]
    assert list(villages) == ["Kapanewon Bantul"]
    assert "Tidak ada instansi di bawah wilayah Anda yang cocok." in outside.content.decode()
    assert "Kapanewon Depok" not in outside.content.decode()


def test_an_operator_reads_the_roll_up_of_every_institution(client, regions, django_user_model):
    operator = django_user_model.objects.create_superuser("operator-uji", password="rahasia-123")
    client.force_login(operator)

    rows = table_rows(client.get(ROLLUP, {"ordering": "name"}))

    assert set(rows) == {
        "Kabupaten Bantul", "Kapanewon Bantul", "Kalurahan Trirenggo",
        "Kabupaten Sleman", "Kapanewon Depok", "Kalurahan Caturtunggal",
    }  # fmt: skip
