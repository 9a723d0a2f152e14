"""The compliance report, the printed SOP and the freshness warning, per institution."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from home.models import InstitutionSettings
from sop_workflow.models import InstalledSop, StepTiming
from sop_workflow.timekeeping.compliance import percentile
from tests.sop_helpers import as_user, create_with_sop

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
REPORT = reverse("sop_workflow:compliance_report")


def timed(
    inst, minutes, outcome="approved", day=datetime(2025, 3, 3, 9, tzinfo=WIB), page=None, step=3
):
    """A finished timing (standard 15 min) of ``minutes`` working minutes, of a new item."""
    page = page or inst.news(publish=False)
    return StepTiming.objects.create(
        site=inst.site, page_id=page.pk, step_number=step, step_label=str(step), kind="review",
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
        "Kapanewon Bantul", "3", "Pemeriksaan", "4", "17,5 mnt", "50 mnt", "50 mnt", "15 mnt",
        "50 %", "1",
    ]  # fmt: skip
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="sop-chart" role="img"' in html
    assert "Median langkah 3: 17,5 mnt" in html  # the bar's <title>
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


# 16:30 UTC on 31 January 2026: still 31 January in Jakarta (WIB, the server's zone),
# already 1 February in Jayapura (WIT).
LATE_ON_31_JANUARY = datetime(2026, 1, 31, 16, 30, tzinfo=UTC)


def test_the_export_is_dated_by_the_institutions_calendar(
    client, bantul, monkeypatch, django_user_model
):
    InstitutionSettings.objects.filter(site=bantul.site).update(time_zone="Asia/Jayapura")
    monkeypatch.setattr(timezone, "now", lambda: LATE_ON_31_JANUARY)

    member = as_user(client, bantul.user("panewu")).get(REPORT, {"export": "csv"})
    client.force_login(django_user_model.objects.create_superuser("op", "op@x.id", "x"))
    chosen = client.get(REPORT, {"export": "csv", "site": bantul.site.pk})
    unchosen = client.get(REPORT, {"export": "csv"})

    assert member["Content-Disposition"] == 'attachment; filename="kepatuhan-sop-2026-02-01.csv"'
    assert chosen["Content-Disposition"] == 'attachment; filename="kepatuhan-sop-2026-02-01.csv"'
    # An operator's report of every institution is dated in the operator's zone (WIB).
    assert unchosen["Content-Disposition"] == (
        'attachment; filename="kepatuhan-sop-2026-01-31.csv"'
    )


def test_other_institutions_and_non_leadership_roles_see_nothing_of_it(client, bantul):
    other = create_with_sop("kalurahan_bunder")
    timed(other, 99)

    foreign = as_user(Client(), other.user("ketua_ppid")).get(REPORT).content.decode()
    staff = as_user(client, bantul.user("peliput")).get(REPORT)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "99 mnt" in foreign
    assert "Kapanewon Bantul" not in foreign
    assert staff.status_code == 302
    assert staff["Location"] == reverse("wagtailadmin_home")
    assert REPORT not in menu


def test_printed_sop_has_the_header_block_and_a_column_per_pelaksana(client):
    bantul = create_with_sop("kapanewon_bantul")
    installed = InstalledSop.objects.get(site=bantul.site)

    response = as_user(client, bantul.user("peliput")).get(reverse("sop_workflow:sop_index"))
    html = client.get(response["Location"]).content.decode()

    assert "B/000.8.3.2/00767" in html
    assert "Dasar Hukum" in html
    assert "Peringatan" in html
    definition = installed.definition
    assert html.count('<th scope="col" class="lane">') == len(definition.roles)
    # each step's row draws its flowchart symbol in its actor's column
    assert html.count('<svg class="flow"') == len(definition.steps)
    names = {role.key: role.name for role in definition.roles}
    for step in definition.steps:
        assert f"Langkah {step.number}: " in html
        assert f' — {names[step.actor[0]]}"' in html
    assert "Uraian Prosedur" in html
    assert "Kelengkapan" in html
    assert "@media print" in html


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


# --------------------------------------------------------------------------- monthly trend


@pytest.fixture
def months():
    """Bantul in January (2 items, 3 step times, 2 within), nothing in February but a
    cancelled step, March (2 items, 1 of 2 within) and a step started on 31 March in UTC that
    is 1 April in Jakarta; Bunder, another institution, only in February."""
    bantul = create_with_sop("kapanewon_bantul")
    first = timed(bantul, 10, day=datetime(2025, 1, 6, 9, tzinfo=WIB))
    timed(bantul, 20, day=datetime(2025, 1, 7, 9, tzinfo=WIB), page=first.page, step=4)
    timed(bantul, 15, day=datetime(2025, 1, 31, 23, tzinfo=WIB))
    timed(bantul, 5, outcome="cancelled", day=datetime(2025, 2, 10, 9, tzinfo=WIB))
    timed(bantul, 30, outcome="rejected", day=datetime(2025, 3, 3, 9, tzinfo=WIB))
    timed(bantul, 5, day=datetime(2025, 3, 4, 9, tzinfo=WIB))
    timed(bantul, 12, day=datetime(2025, 3, 31, 18, tzinfo=UTC))  # 1 April 01:00 WIB
    bunder = create_with_sop("kalurahan_bunder")
    timed(bunder, 99, day=datetime(2025, 2, 12, 9, tzinfo=WIB))
    timed(bunder, 1, day=datetime(2025, 2, 13, 9, tzinfo=WIB))
    return bantul, bunder


def trend_rows(html: str) -> dict[str, list[str]]:
    """The monthly trend table as ``{month: [cells]}``."""
    table = html.split('class="listing sop-compliance__numbers sop-compliance__months"', 1)[1]
    table = table.split("</table>", 1)[0]
    out = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:  # after the heading row
        month = re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1).strip()
        out[month] = [c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    return out


def no_data() -> str:
    with translation.override("id"):
        return gettext("no data")


def test_monthly_trend_counts_items_and_share_within_standard_with_gaps(client, months):
    bantul, bunder = months
    as_user(client, bantul.user("panewu"))

    html = client.get(REPORT, {"period_from": "2025-01-01", "period_to": "2025-05-31"})
    html = html.content.decode()

    assert trend_rows(html) == {
        "Januari 2025": ["2", "3", "66,7 %"],
        "Februari 2025": [no_data()],  # only a cancelled step: a gap, not zero
        "Maret 2025": ["2", "2", "50 %"],
        "April 2025": ["1", "1", "100 %"],  # started 31 March in UTC, 1 April in Jakarta
        "Mei 2025": [no_data()],
    }
    # Bunder's two February timings are not Bantul's: February stays a gap
    trend = html[html.index('class="sop-compliance__figure sop-compliance__trend"') :]
    assert "Kalurahan Bunder" not in trend
    assert f"sop-trend-{bunder.site.pk}" not in html


def test_monthly_trend_chart_is_an_image_with_a_text_alternative(client, months):
    bantul, _ = months
    as_user(client, bantul.user("panewu"))

    html = client.get(REPORT).content.decode()

    ident = f"sop-trend-{bantul.site.pk}"
    svg = re.search(rf'<svg [^>]*aria-labelledby="{ident}-title {ident}-desc".*?</svg>', html, re.S)
    assert svg, "the trend chart names itself by its title and description"
    svg = svg.group(0)
    assert 'role="img"' in svg
    assert "<script" not in svg
    title = re.search(rf'<title id="{ident}-title">(.*?)</title>', svg).group(1)
    desc = re.search(rf'<desc id="{ident}-desc">(.*?)</desc>', svg, re.S).group(1)
    assert "Kapanewon Bantul" in title
    assert len(desc) > 40
    assert svg.count('<rect class="within"') == 3  # January, March, April; February is a gap
    assert f"<title>Februari 2025: {no_data()}</title>" in svg
    assert "Januari 2025: 66,7 %" in svg  # the column's own tooltip
    # without a period the months run from the first to the last timing
    assert list(trend_rows(html)) == ["Januari 2025", "Februari 2025", "Maret 2025", "April 2025"]


def test_monthly_trend_follows_the_timings(client, months):
    bantul, _ = months
    as_user(client, bantul.user("panewu"))
    timed(bantul, 40, day=datetime(2025, 2, 3, 9, tzinfo=WIB))
    timed(bantul, 8, day=datetime(2025, 3, 5, 9, tzinfo=WIB))

    rows = trend_rows(client.get(REPORT).content.decode())

    assert rows["Februari 2025"] == ["1", "1", "0 %"]
    assert rows["Maret 2025"] == ["3", "3", "66,7 %"]


def test_operators_see_the_trend_of_the_chosen_institution_only(client, months, django_user_model):
    bantul, bunder = months
    client.force_login(django_user_model.objects.create_superuser("op", "op@x.id", "x"))

    html = client.get(REPORT, {"site": bunder.site.pk}).content.decode()

    assert trend_rows(html) == {"Februari 2025": ["2", "2", "50 %"]}
    assert f"sop-trend-{bantul.site.pk}" not in html
    assert f"sop-trend-{bunder.site.pk}" in html
