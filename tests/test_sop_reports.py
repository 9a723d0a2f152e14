"""The compliance report, the printed SOP and the freshness warning, per institution."""

import csv
import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sop_workflow.compliance import percentile
from sop_workflow.models import InstalledSop, StepTiming
from tests.sop_helpers import as_user, create_with_sop

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
REPORT = reverse("sop_workflow:compliance_report")


def timed(inst, minutes, outcome="approved", day=datetime(2025, 3, 3, 9, tzinfo=WIB)):
    """A finished step-3 timing (standard 15 min) of ``minutes`` working minutes."""
    page = inst.news(publish=False)
    return StepTiming.objects.create(
        site=inst.site, page_id=page.pk, step_number=3, step_label="3", kind="review",
        started_at=day, finished_at=day + timedelta(hours=2), outcome=outcome,
        standard_min_seconds=900, standard_max_seconds=900, working_seconds=minutes * 60,
    )  # fmt: skip


@pytest.fixture
def bantul():
    inst = create_with_sop("kapanewon_bantul")
    for minutes in (10, 15, 20):
        timed(inst, minutes)
    timed(inst, 50, outcome="rejected")
    timed(inst, 5, day=datetime(2025, 1, 6, 9, tzinfo=WIB))  # outside March
    return inst


def report_cells(html: str) -> list[str]:
    """The cells of the report's listing table (after the chart's own table)."""
    listing = html[html.index('<table class="listing">') :]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", listing, re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in cells]


def test_percentile_is_a_measured_value():
    assert percentile([600, 900, 1200, 3000], 0.9) == 3000
    assert percentile([60] * 9 + [600], 0.9) == 60


def test_leadership_sees_median_p90_max_share_within_and_rejections_for_a_period(client, bantul):
    as_user(client, bantul.user("panewu"))

    html = client.get(REPORT, {"period_from": "2025-03-01", "period_to": "2025-03-31"}).content
    html = html.decode()

    cells = report_cells(html)
    assert cells[:10] == [
        "Kapanewon Bantul", "3", "Pemeriksaan", "4", "17.5 mnt", "50 mnt", "50 mnt", "15 mnt",
        "50 %", "1",
    ]  # fmt: skip
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="sop-chart" role="img"' in html
    assert "Median langkah 3: 17.5 mnt" in html  # the bar's <title>
    assert cells[12:14] == ["50 mnt", "15 mnt"]  # the slowest item, first of its own table


def test_csv_export_has_one_row_per_step_with_the_numbers(client, bantul):
    as_user(client, bantul.user("panewu"))

    response = client.get(REPORT, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert rows[0][:4] == ["Instansi", "Langkah", "Jenis", "Item diproses"]
    step3 = next(row for row in rows[1:] if row[1] == "3")
    assert step3[3:] == ["5", "15.0", "50.0", "50.0", "15.0", "60.0", "1"]


def test_xlsx_export_is_offered(client, bantul):
    response = as_user(client, bantul.user("panewu")).get(REPORT, {"export": "xlsx"})

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_other_institutions_and_non_leadership_roles_see_nothing_of_it(client, bantul):
    other = create_with_sop("kalurahan_bunder")
    timed(other, 99)

    foreign = as_user(Client(), other.user("ketua_ppid")).get(REPORT).content.decode()
    staff = as_user(client, bantul.user("peliput")).get(REPORT)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "99 mnt" in foreign and "Kapanewon Bantul" not in foreign
    assert staff.status_code == 302 and staff["Location"] == reverse("wagtailadmin_home")
    assert REPORT not in menu


def test_printed_sop_has_the_header_block_and_a_column_per_pelaksana(client):
    bantul = create_with_sop("kapanewon_bantul")
    installed = InstalledSop.objects.get(site=bantul.site)

    response = as_user(client, bantul.user("peliput")).get(reverse("sop_workflow:sop_index"))
    html = client.get(response["Location"]).content.decode()

    assert "B/000.8.3.2/00767" in html and "Dasar Hukum" in html and "Peringatan" in html
    assert html.count('<td class="mark"><span') == sum(
        len(step.actor) for step in installed.definition.steps
    )
    assert "Uraian Prosedur" in html and "Kelengkapan" in html and "@media print" in html


def test_the_printed_sop_of_another_institution_is_not_found(client):
    bantul = create_with_sop("kapanewon_bantul")
    other = InstalledSop.objects.get(site=create_with_sop("kalurahan_bunder").site)

    url = reverse("sop_workflow:sop_print", args=[other.pk])
    assert as_user(client, bantul.user("panewu")).get(url).status_code == 404


def test_the_dashboard_warns_when_nothing_was_published_for_too_long(client, settings):
    settings.SOP_FRESHNESS_DAYS = 10
    bantul = create_with_sop("kapanewon_bantul")
    user = bantul.user("peliput")
    stale = timezone.now() - timedelta(days=12)
    bantul.home.get_descendants(inclusive=True).update(last_published_at=stale)

    warned = as_user(client, user).get(reverse("wagtailadmin_home")).content.decode()
    bantul.news("Berita baru")
    fresh = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Tidak ada yang ditayangkan selama 10 hari" in warned
    assert "sop-freshness" not in fresh
