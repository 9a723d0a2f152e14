"""Standard times as real SOPs write them: read, kept as written where they are shown and
printed, and counted by the institution's working clock (``hari kerja``, ``1x24 jam``)."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from sop_workflow.definition import (
    DefinitionError,
    StandardTime,
    dump_definition,
    load_definition,
)
from sop_workflow.models import InstalledSop, StepTiming
from sop_workflow.timekeeping.sla import sla_for, sla_of_task_state
from sop_workflow.timekeeping.working_time import WorkingCalendar, calendar_for_site
from tests.institutions import Institution, ensure_wagtail_roots
from tests.sop_helpers import (
    act,
    as_user,
    current_state,
    current_task,
    draft,
    latest,
    redirect_of,
    submit,
)

KELURAHAN_SOP = Path(__file__).parent / "data" / "sop_kelurahan_waktu.toml"
JAKARTA = ZoneInfo("Asia/Jakarta")
OFFICE_HOURS = "senin-kamis 07.30-16.00; jumat 07.30-11.00"
CLOCK = WorkingCalendar(JAKARTA, OFFICE_HOURS)
H, M = timedelta(hours=1), timedelta(minutes=1)
DAY = timedelta(hours=7, minutes=30)


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("text", "low", "high", "days", "canonical"),
    [
        ("1x24 jam", DAY, DAY, (1, 1), "1 working day"),
        ("30 menit - 1 jam", 30 * M, H, None, "30 min - 1 h"),
        ("1 jam 30 menit", 90 * M, 90 * M, None, "1 h 30 min"),
        ("2 hari kerja", 2 * DAY, 2 * DAY, (2, 2), "2 working days"),
        ("1,5 jam", 90 * M, 90 * M, None, "1.5 h"),
        ("60 menit", 60 * M, 60 * M, None, "60 min"),
        ("1-3 jam", H, 3 * H, None, "1-3 h"),
        ("1 s.d. 3 hari kerja", DAY, 3 * DAY, (1, 3), "1-3 working days"),
        ("60 min", 60 * M, 60 * M, None, "60 min"),
    ],
)
def test_a_standard_time_is_read_and_kept_as_written(text, low, high, days, canonical):
    parsed = StandardTime.parse(text)

    assert (parsed.min, parsed.max, str(parsed)) == (low, high, canonical)
    assert parsed.as_written == text
    assert parsed.working_days == (None if days is None else (Decimal(days[0]), Decimal(days[1])))


@pytest.mark.parametrize("text", ["Tentatif", "tentatif", "TENTATIF", "Tentative"])
def test_tentative_is_read_in_any_case_and_printed_as_written(text):
    parsed = StandardTime.parse(text)

    assert (parsed.tentative, parsed.min, parsed.max, parsed.as_written) == (
        True,
        None,
        None,
        text,
    )


@pytest.mark.parametrize(
    ("parts", "total", "written", "maximum"),
    [
        (["10 menit", "15 menit"], "25 min", "25 menit", 25 * M),
        (["10 menit", "Tentatif"], "10 min", "10 menit + tentatif", 10 * M),
        (["Tentatif", "30 menit - 1 jam"], "30-60 min", "30 menit - 1 jam + tentatif", H),
        (["10 menit", "Tentatif", "5 menit"], "15 min", "15 menit + tentatif", 15 * M),
        (["1x24 jam", "2 hari kerja"], "3 working days", "3 hari kerja", 3 * DAY),
    ],
)
def test_a_sum_leaves_tentative_parts_out_and_says_so(parts, total, written, maximum):
    times = [StandardTime.parse(part) for part in parts]

    summed = sum(times[1:], times[0])

    assert (summed.tentative, str(summed), summed.as_written, summed.max) == (
        False,
        total,
        written,
        maximum,
    )


def test_only_tentative_parts_sum_to_tentative():
    summed = StandardTime.parse("Tentatif") + StandardTime.parse("tentatif")
    assert (summed.tentative, summed.max, summed.as_written) == (True, None, "Tentatif")


def test_a_tentative_step_joined_to_a_timed_one_leaves_its_time_alone():
    data = tomllib.loads(KELURAHAN_SOP.read_text(encoding="utf-8"))
    data["steps"][1].update(kind="publication", actor="operator", part_of=3, time="Tentatif")

    definition = load_definition(data)

    (task,) = definition.tasks()
    assert [step.number for step in task.steps] == [2, 3]
    assert (task.time.tentative, task.time.max, task.time.as_written) == (
        False,
        H,
        "30 menit - 1 jam + tentatif",
    )
    assert definition.step(3).time.as_written == "30 menit - 1 jam"


def test_the_times_as_written_survive_a_round_trip_and_their_respelling_reads_back():
    definition = load_definition(KELURAHAN_SOP)

    reloaded = load_definition(dump_definition(definition))

    assert reloaded == definition
    assert [step.time.as_written for step in reloaded.steps] == [
        "1 jam 30 menit",
        "1x24 jam",
        "30 menit - 1 jam",
    ]
    for step in definition.steps:  # the canonical spelling is readable too
        assert StandardTime.parse(str(step.time)) == step.time


# --------------------------------------------------------------------------- refusing

READ_ERROR = (
    "{file}: steps[1] (langkah 2): time: Cannot read the standard time “{value}”; write for "
    "example “60 menit”, “1-3 jam”, “30 menit - 1 jam”, “1 jam 30 menit”, “1x24 jam”, "
    "“2 hari kerja” or “Tentatif”."
)
READ_ERROR_ID = (
    "{file}: steps[1] (langkah 2): time: Waktu baku “{value}” tidak terbaca; tulis misalnya "
    "“60 menit”, “1-3 jam”, “30 menit - 1 jam”, “1 jam 30 menit”, “1x24 jam”, "
    "“2 hari kerja” atau “Tentatif”."
)


@pytest.mark.parametrize("value", ["sebentar", "1 x 24", "2 hari libur", "1 jam jam", "- 1 jam"])
@pytest.mark.parametrize(("language", "message"), [("en", READ_ERROR), ("id", READ_ERROR_ID)])
def test_an_unreadable_time_is_refused_with_its_location(value, language, message):
    text = KELURAHAN_SOP.read_text(encoding="utf-8").replace('"1x24 jam"', f'"{value}"')

    with translation.override(language), pytest.raises(DefinitionError) as error:
        load_definition(text, file="kelurahan.toml")

    assert message.format(file="kelurahan.toml", value=value) in str(error.value).splitlines()


# --------------------------------------------------------------------------- the clock


def march(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in March 2025 (no holiday in the weeks used), Jakarta time."""
    return datetime(2025, 3, day, hour, minute, tzinfo=JAKARTA)


@pytest.mark.parametrize(
    ("text", "start", "deadline"),
    [
        # Thursday's 8.5 office hours from 10:00 run to Friday 10:00.
        ("1x24 jam", march(6, 10), march(7, 10)),
        # Thursday (8.5 h) and the short Friday (3.5 h): Monday 10:00.
        ("2 hari kerja", march(6, 10), march(10, 10)),
        # Begun after closing: the day counted is Friday, whole.
        ("1x24 jam", march(6, 17), march(7, 11)),
        ("1 jam 30 menit", march(6, 15), march(7, 8)),
        ("30 menit - 1 jam", march(7, 10, 30), march(10, 8)),
        ("Tentatif", march(6, 10), None),
    ],
)
def test_the_clock_counts_the_institutions_working_days_and_hours(text, start, deadline):
    assert CLOCK.deadline(start, StandardTime.parse(text)) == deadline


# --------------------------------------------------------------------------- a kelurahan


@pytest.fixture
def sukamaju(db) -> Institution:
    """A kelurahan created with its SOP file, the way an operator does it."""
    ensure_wagtail_roots()
    call_command(
        "create_institution",
        *("--name", "Kelurahan Sukamaju", "--hostname", "sukamaju.localhost"),
        *("--type", "kelurahan", "--office-hours", OFFICE_HOURS, "--sop", str(KELURAHAN_SOP)),
        stdout=StringIO(),
    )
    return Institution(Site.objects.get(hostname="sukamaju.localhost"))


def test_the_kelurahan_sop_installs_with_its_times_as_written(sukamaju):
    installed = InstalledSop.objects.get(site=sukamaju.site, is_current=True)
    tasks = [task.specific for task in installed.workflow.tasks]

    assert installed.definition.sop.institution_type == "kelurahan"
    assert [(t.step_numbers, t.standard_text) for t in tasks] == [
        ([2], "1x24 jam"),
        ([3], "30 menit - 1 jam"),
    ]
    review = tasks[0]
    assert review.standard.working_days == (Decimal(1), Decimal(1))
    status = sla_for(review, march(6, 10), calendar_for_site(sukamaju.site), march(6, 13))
    assert status.deadline == march(7, 10)
    assert status.remaining == timedelta(hours=5, minutes=30)


def test_the_printed_sop_shows_the_times_as_written(client, sukamaju):
    installed = InstalledSop.objects.get(site=sukamaju.site, is_current=True)
    member = as_user(client, sukamaju.user("operator"))

    response = member.get(reverse("sop_workflow:sop_print", args=[installed.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    for written in ("1 jam 30 menit", "1x24 jam", "30 menit - 1 jam"):
        assert f">{written}<" in page.replace("\n", "").replace("  ", ""), written


def test_the_kelurahan_sop_runs_end_to_end_showing_each_steps_time(client, sukamaju):
    operator, lurah = sukamaju.user("operator"), sukamaju.user("lurah")
    item = draft(sukamaju, title="Pengumuman kerja bakti")

    submitted = submit(as_user(client, operator), item)
    assert submitted.status_code == 302
    assert current_task(item).standard_text == "1x24 jam"
    dashboard = as_user(client, lurah).get(reverse("wagtailadmin_home")).content.decode()
    assert "Pengumuman kerja bakti" in dashboard
    assert "1x24 jam" in dashboard

    review = current_state(item)
    standing = sla_of_task_state(review)
    approved = act(as_user(client, lurah), item, "approve")
    assert approved.status_code == 200, approved.content
    assert current_task(item).standard_text == "30 menit - 1 jam"
    timing = StepTiming.objects.get(task_state=review)  # the report's standard is the clock's
    assert timedelta(seconds=timing.standard_max_seconds) == standing.elapsed + standing.remaining
    one_day = calendar_for_site(sukamaju.site).add_working_days(review.started_at, 1)
    assert standing.deadline == one_day
    dashboard = as_user(client, operator).get(reverse("wagtailadmin_home")).content.decode()
    assert "30 menit - 1 jam" in dashboard

    published = act(as_user(client, operator), item, "approve")
    assert published.status_code == 200, published.content
    assert latest(item).live
    assert redirect_of(published)
