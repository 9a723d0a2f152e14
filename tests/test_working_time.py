"""The working-time clock: office hours, Indonesian holidays, time zones, deadlines."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

if not settings.configured and "DJANGO_SETTINGS_MODULE" not in os.environ:
    settings.configure(USE_I18N=False)  # run with -p no:django: no project settings needed

from django.utils import translation  # noqa: E402

from sop_workflow.definition import StandardTime  # noqa: E402
from sop_workflow.timekeeping.working_time import (  # noqa: E402
    OfficeHours,
    WorkingCalendar,
    indonesian_holidays,
)

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
H, M = timedelta(hours=1), timedelta(minutes=1)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)


@pytest.fixture
def calendar() -> WorkingCalendar:
    """Mon-Thu 07:30-16:00, Fri 07:30-14:30, Jakarta, real Indonesian holidays."""
    return WorkingCalendar("Asia/Jakarta")


# --------------------------------------------------------------------------- holidays


def test_the_holidays_library_knows_the_weekday_holidays_of_2025():
    holidays_2025 = indonesian_holidays(2025)
    assert {date(2025, 5, 1), date(2025, 5, 29), date(2025, 12, 25)} <= holidays_2025
    assert date(2025, 8, 17) in holidays_2025
    assert date(2025, 8, 17).weekday() == 6
    assert date(2025, 5, 2) not in holidays_2025


def test_labour_day_thursday_is_skipped(calendar):
    start = wib(2025, 4, 30, 15, 0)  # Wednesday, one hour before closing
    deadline = calendar.add_working_time(start, 2 * H)
    assert deadline == wib(2025, 5, 2, 8, 30)  # Thursday 1 May closed: Friday morning
    assert calendar.working_time_between(start, deadline) == 2 * H


def test_christmas_and_cuti_bersama_are_both_closed():
    calendar = WorkingCalendar("Asia/Jakarta", extra_holidays=[date(2025, 12, 26)])
    start = wib(2025, 12, 24, 15, 30)  # Wednesday
    assert calendar.add_working_time(start, H) == wib(2025, 12, 29, 8, 0)  # Monday
    assert not calendar.is_working_day(date(2025, 12, 25))
    assert not calendar.is_working_day(date(2025, 12, 26))


def test_holidays_are_fetched_once_per_year():
    years: list[int] = []

    def provider(year: int) -> set[date]:
        years.append(year)
        return set()

    calendar = WorkingCalendar("Asia/Jakarta", holidays_provider=provider)
    calendar.working_time_between(wib(2025, 12, 1, 8, 0), wib(2026, 1, 30, 8, 0))
    calendar.add_working_time(wib(2025, 12, 1, 8, 0), 40 * H)
    assert sorted(years) == [2025, 2026]


# --------------------------------------------------------------------------- office hours


def test_weekend_is_skipped(calendar):
    friday = wib(2025, 6, 13, 14, 0)
    assert calendar.add_working_time(friday, H) == wib(2025, 6, 16, 8, 0)
    assert calendar.working_time_between(friday, wib(2025, 6, 16, 8, 0)) == H


def test_friday_is_a_short_day(calendar):
    friday = wib(2025, 6, 13, 14, 0)
    assert calendar.add_working_time(friday, 30 * M) == wib(2025, 6, 13, 14, 30)
    assert calendar.add_working_time(friday, 31 * M) == wib(2025, 6, 16, 7, 31)
    assert calendar.working_time_between(wib(2025, 6, 13, 0, 0), wib(2025, 6, 14, 0, 0)) == 7 * H


def test_start_outside_office_hours_waits_for_the_office_to_open(calendar):
    monday_evening = wib(2025, 6, 16, 18, 0)
    assert calendar.add_working_time(monday_evening, 30 * M) == wib(2025, 6, 17, 8, 0)
    saturday = wib(2025, 6, 14, 10, 0)
    assert calendar.add_working_time(saturday, 30 * M) == wib(2025, 6, 16, 8, 0)


def test_time_between_two_closed_moments_counts_only_office_hours(calendar):
    friday_night, monday_dawn = wib(2025, 6, 13, 20, 0), wib(2025, 6, 16, 6, 0)
    assert calendar.working_time_between(friday_night, monday_dawn) == timedelta(0)
    assert calendar.working_time_between(wib(2025, 6, 14, 9, 0), wib(2025, 6, 16, 9, 0)) == 90 * M
    assert calendar.working_time_between(wib(2025, 6, 16, 9, 0), wib(2025, 6, 14, 9, 0)) == -90 * M


def test_a_lunch_break_is_not_working_time():
    calendar = WorkingCalendar(
        "Asia/Jakarta", "mon-thu 07:30-12:00, 13:00-16:00; fri 07:30-11:30, 13:00-14:30"
    )
    assert calendar.add_working_time(wib(2025, 6, 16, 11, 30), H) == wib(2025, 6, 16, 13, 30)
    assert not calendar.is_working_time(wib(2025, 6, 16, 12, 30))
    assert calendar.office_hours.weekly_total() == 4 * 7.5 * H + 5.5 * H


def test_zero_working_time_is_the_start_itself(calendar):
    saturday = wib(2025, 6, 14, 10, 0)
    assert calendar.add_working_time(saturday, timedelta(0)) == saturday


def test_extra_working_days_open_a_saturday():
    make_up = date(2025, 6, 14)
    calendar = WorkingCalendar("Asia/Jakarta", extra_working_days=[make_up])
    assert calendar.hours_on(make_up) == ((time(7, 30), time(16, 0)),)  # Monday's hours
    assert calendar.add_working_time(wib(2025, 6, 13, 14, 0), H) == wib(2025, 6, 14, 8, 0)
    custom = WorkingCalendar("Asia/Jakarta", extra_working_days={make_up: "08:00-12:00"})
    assert custom.working_time_between(wib(2025, 6, 14, 0, 0), wib(2025, 6, 15, 0, 0)) == 4 * H


def test_extra_working_day_overrides_a_national_holiday():
    calendar = WorkingCalendar("Asia/Jakarta", extra_working_days=[date(2025, 5, 1)])
    assert calendar.is_working_day(date(2025, 5, 1))


def test_a_day_cannot_be_both_closed_and_open():
    with pytest.raises(ValueError, match="both closed and open: 2025-06-14"):
        WorkingCalendar(
            "Asia/Jakarta",
            extra_holidays=[date(2025, 6, 14)],
            extra_working_days=[date(2025, 6, 14)],
        )


# --------------------------------------------------------------------------- time zones


def test_makassar_office_hours_are_local_to_makassar():
    calendar = WorkingCalendar("Asia/Makassar")
    start_utc = datetime(2025, 6, 16, 0, 0, tzinfo=UTC)  # 08:00 WITA, 07:00 WIB
    deadline = calendar.add_working_time(start_utc, H)
    assert deadline == datetime(2025, 6, 16, 9, 0, tzinfo=WITA)
    assert deadline.tzinfo == WITA
    jakarta = WorkingCalendar("Asia/Jakarta")
    assert jakarta.add_working_time(start_utc, H) == wib(2025, 6, 16, 8, 30)


def test_instants_in_different_zones_are_compared_as_instants(calendar):
    start = datetime(2025, 6, 16, 1, 0, tzinfo=UTC)  # 08:00 WIB
    end = datetime(2025, 6, 16, 10, 0, tzinfo=WITA)  # 09:00 WIB
    assert calendar.working_time_between(start, end) == H


def test_a_dst_zone_counts_real_elapsed_time():
    calendar = WorkingCalendar(
        "Europe/Berlin", "mon-sun 00:00-23:59", holidays_provider=lambda year: ()
    )
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2025, 3, 29, 12, 0, tzinfo=berlin)
    end = datetime(2025, 3, 30, 12, 0, tzinfo=berlin)  # clocks went forward at 02:00
    assert calendar.working_time_between(start, end) == 11 * H + 59 * M + 11 * H


def test_naive_datetimes_are_refused(calendar):
    naive = datetime(2025, 6, 16, 8, 0)  # noqa: DTZ001 - a naive moment is what is refused
    with pytest.raises(ValueError, match="aware"):
        calendar.working_time_between(naive, wib(2025, 6, 16, 9, 0))


# --------------------------------------------------------------------------- inverses


STARTS = [
    wib(2025, 4, 30, 15, 0),
    wib(2025, 6, 13, 14, 15),
    wib(2025, 6, 14, 10, 0),
    wib(2025, 12, 24, 7, 0),
    wib(2025, 12, 31, 15, 59),
]
DELTAS = [M, 30 * M, 7 * H, 8 * H + 30 * M, 41 * H, 100 * H]


@pytest.mark.parametrize("start", STARTS)
def test_adding_then_measuring_gives_the_same_working_time(calendar, start):
    for delta in DELTAS:
        deadline = calendar.add_working_time(start, delta)
        assert calendar.working_time_between(start, deadline) == delta
        assert calendar.is_working_time(deadline - timedelta(microseconds=1))


@pytest.mark.parametrize("start", STARTS)
def test_subtracting_is_the_inverse_of_adding_from_a_working_instant(calendar, start):
    for delta in DELTAS:
        deadline = calendar.add_working_time(start, delta)
        back = calendar.add_working_time(deadline, -delta)
        begin = calendar.add_working_time(start, M) - M  # the first working instant
        assert back == begin


def test_measuring_then_adding_returns_to_a_working_end(calendar):
    start, end = wib(2025, 4, 29, 9, 0), wib(2025, 5, 5, 10, 15)
    assert calendar.add_working_time(start, calendar.working_time_between(start, end)) == end


# --------------------------------------------------------------------------- deadlines


def test_deadline_uses_the_upper_bound_of_the_standard_time(calendar):
    start = wib(2025, 6, 16, 15, 0)
    assert calendar.deadline(start, StandardTime.parse("1-3 h")) == wib(2025, 6, 17, 9, 30)
    assert calendar.deadline(start, StandardTime.parse("tentative")) is None
    assert calendar.deadline(start, 15 * M) == wib(2025, 6, 16, 15, 15)


# --------------------------------------------------------------------------- parsing


def test_office_hours_read_the_institution_settings_shape():
    spec = {
        "mon": ["07:30", "16:00"],
        "tue": ["07:30", "16:00"],
        "wed": ["07:30", "16:00"],
        "thu": ["07:30", "16:00"],
        "fri": ["07:30", "14:30"],
    }
    hours = OfficeHours.parse(spec)
    assert hours == OfficeHours.default()
    assert hours.to_dict() == spec
    assert OfficeHours.parse(str(hours)) == hours


def test_office_hours_accept_ranges_breaks_and_indonesian_day_names():
    hours = OfficeHours.parse(
        {"senin-kamis": ["07.30-12.00", "13:00-16:00"], "jumat": "07:30-11:00"}
    )
    assert hours.intervals(3) == ((time(7, 30), time(12, 0)), (time(13, 0), time(16, 0)))
    assert hours.intervals(4) == ((time(7, 30), time(11, 0)),)
    assert hours.intervals(5) == ()
    assert OfficeHours.parse(hours.to_dict()) == hours


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"funday": ["07:30", "16:00"]}, "Unknown weekday “funday”."),
        ({"mon": ["7", "16:00"]}, "Cannot read the time “7”; use HH:MM."),
        (
            {"mon": ["16:00", "07:30"]},
            "The opening time must be before the closing time (16:00-07:30).",
        ),
        ({"mon": "07:30-12:00, 11:00-16:00"}, "Office hours of one day overlap."),
        ({"sat": []}, "At least one weekday needs office hours."),
        ("mon-fri", "Cannot read the hours “mon-fri”; write for example “07:30-16:00”."),
    ],
)
def test_unreadable_office_hours_are_refused(spec, message):
    with pytest.raises(ValueError) as error:
        OfficeHours.parse(spec)
    assert str(error.value) == message


def test_a_calendar_that_never_opens_gives_up():
    def every_day(year: int) -> list[date]:
        first = date(year, 1, 1)
        return [
            first + timedelta(days=n)
            for n in range(366)
            if (first + timedelta(days=n)).year == year
        ]

    calendar = WorkingCalendar("Asia/Jakarta", holidays_provider=every_day)
    with pytest.raises(ValueError, match="No working time found"):
        calendar.add_working_time(wib(2025, 6, 16, 8, 0), H)
