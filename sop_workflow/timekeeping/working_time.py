"""Working time: the clock that SOP standard times run on.

A standard time ("60 min", "1-3 h") counts only while the institution's office is open: its office
hours per weekday, in its own time zone, minus Indonesian national public holidays (from the
maintained ``holidays`` library) and any extra closed days (*cuti bersama*), plus extra working
days (a Saturday that replaces a closed Friday, for example).

Office hours are written per weekday, the same shape ``InstitutionSettings.office_hours`` stores::

    {"mon": ["07:30", "16:00"], ..., "fri": ["07:30", "14:30"]}      # one period a day
    {"mon-thu": ["07:30-12:00", "13:00-16:00"], "fri": "07:30-11:30, 13:00-14:30"}  # breaks
    "mon-thu 07:30-16:00; fri 07:30-14:30"                             # the same as text

Days missing from the spec are closed. Day names are English (``mon``, ``monday``) or Indonesian
(``senin`` … ``minggu``); a key may be a range (``mon-thu``) or a list (``mon,wed``). Times are
``HH:MM`` (``07.30`` is accepted too). All datetimes given to and returned by the calendar are
time-zone aware; arithmetic is done on absolute instants, so DST zones are handled correctly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured
from django.utils.translation import gettext

__all__ = [
    "WEEKDAYS",
    "HolidayProvider",
    "OfficeHours",
    "WorkingCalendar",
    "calendar_for_site",
    "indonesian_holidays",
    "parse_day_hours",
]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = {
    **{name: i for i, name in enumerate(WEEKDAYS)},
    **{name: i for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )},
    **{name: i for i, name in enumerate(
        ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
    )},
    "jum'at": 4,
    "ahad": 6,
}  # fmt: skip
_TIME_RE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")
# How many days in a row without any working time before the search gives up.
_MAX_CLOSED_DAYS = 3 * 366

Interval = tuple[time, time]
HolidayProvider = Callable[[int], Iterable[date]]


def _(message: str) -> str:
    """Translate ``message``; outside a configured Django project return it unchanged."""
    try:
        return gettext(message)
    except (ImproperlyConfigured, AppRegistryNotReady):
        return message


@lru_cache(maxsize=64)
def indonesian_holidays(year: int) -> frozenset[date]:
    """Indonesia's national public holidays in ``year``, from the ``holidays`` library."""
    return frozenset(holidays.country_holidays("ID", years=year).keys())


# --------------------------------------------------------------------------- office hours


def _parse_time(text: str) -> time:
    match = _TIME_RE.match(text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(_("Cannot read the time “%(value)s”; use HH:MM.") % {"value": text})
    return time(int(match.group(1)), int(match.group(2)))


def _parse_interval(text: str) -> Interval:
    parts = text.split("-")
    if len(parts) != 2:
        raise ValueError(
            _("Cannot read the hours “%(value)s”; write for example “07:30-16:00”.")
            % {"value": text}
        )
    return _parse_time(parts[0]), _parse_time(parts[1])


def _parse_days(text: str) -> list[int]:
    """``mon``, ``mon-thu`` or ``mon,wed`` to weekday numbers (Monday = 0)."""
    days: list[int] = []
    for part in text.lower().split(","):
        ends = [end.strip() for end in part.split("-")]
        if len(ends) > 2 or any(end not in _DAY_NAMES for end in ends):
            raise ValueError(_("Unknown weekday “%(day)s”.") % {"day": part.strip()})
        first, last = _DAY_NAMES[ends[0]], _DAY_NAMES[ends[-1]]
        days.extend(
            range(first, last + 1) if first <= last else [*range(first, 7), *range(last + 1)]
        )
    return days


def parse_day_hours(value: Any) -> tuple[Interval, ...]:
    """The hours of one day: ``["07:30", "16:00"]``, ``["07:30-12:00", "13:00-16:00"]``,
    ``[["07:30", "12:00"], ...]``, ``"07:30-12:00, 13:00-16:00"``; empty or ``None`` = closed.

    Raises:
        ValueError: with a translated message.
    """
    if not value:
        return ()
    if isinstance(value, str):
        intervals = [_parse_interval(part) for part in value.split(",")]
    elif isinstance(value, list | tuple) and all(isinstance(v, list | tuple) for v in value):
        intervals = [(_parse_time(a), _parse_time(b)) for a, b in value]
    elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        if len(value) == 2 and not any("-" in v for v in value):
            intervals = [(_parse_time(value[0]), _parse_time(value[1]))]
        else:
            intervals = [_parse_interval(v) for v in value]
    else:
        raise ValueError(
            _("Cannot read the hours “%(value)s”; write for example “07:30-16:00”.")
            % {"value": value}
        )
    return _checked(intervals)


def _checked(intervals: list[Interval]) -> tuple[Interval, ...]:
    intervals = sorted(intervals)
    for start, end in intervals:
        if start >= end:
            raise ValueError(
                _("The opening time must be before the closing time (%(start)s-%(end)s).")
                % {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}
            )
    for (_start, end), (start, _end) in zip(intervals, intervals[1:], strict=False):
        if start < end:
            raise ValueError(_("Office hours of one day overlap."))
    return tuple(intervals)


def _format_day(intervals: tuple[Interval, ...]) -> str:
    return ", ".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in intervals)


@dataclass(frozen=True)
class OfficeHours:
    """Opening periods per weekday; ``days[0]`` is Monday. See the module docstring."""

    days: tuple[tuple[Interval, ...], ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("OfficeHours needs seven days, Monday first.")
        if not any(self.days):
            raise ValueError(_("At least one weekday needs office hours."))

    @classmethod
    def parse(cls, spec: OfficeHours | Mapping[str, Any] | str) -> OfficeHours:
        """Read office hours from a mapping (per weekday) or a text spec.

        Raises:
            ValueError: with a translated message naming what cannot be read.
        """
        if isinstance(spec, OfficeHours):
            return spec
        if isinstance(spec, str):
            clauses = [c.strip() for c in spec.split(";") if c.strip()]
            spec = dict(_split_clause(clause) for clause in clauses)
        days: list[tuple[Interval, ...]] = [()] * 7
        for key, value in spec.items():
            for day in _parse_days(key):
                days[day] = parse_day_hours(value)
        return cls(tuple(days))

    @classmethod
    def default(cls) -> OfficeHours:
        """Monday-Thursday 07:30-16:00, Friday 07:30-14:30 (the platform default)."""
        return cls.parse("mon-thu 07:30-16:00; fri 07:30-14:30")

    def intervals(self, weekday: int) -> tuple[Interval, ...]:
        return self.days[weekday]

    def weekly_total(self) -> timedelta:
        """Working time in a week without holidays."""
        anchor = date(2001, 1, 1)
        return sum(
            (
                datetime.combine(anchor, end) - datetime.combine(anchor, start)
                for day in self.days
                for start, end in day
            ),
            timedelta(0),
        )

    def to_dict(self) -> dict[str, list[str]]:
        """The ``InstitutionSettings.office_hours`` shape; reparses to equal hours."""
        result: dict[str, list[str]] = {}
        for name, day in zip(WEEKDAYS, self.days, strict=True):
            if len(day) == 1:
                result[name] = [f"{day[0][0]:%H:%M}", f"{day[0][1]:%H:%M}"]
            elif day:
                result[name] = [f"{start:%H:%M}-{end:%H:%M}" for start, end in day]
        return result

    def __str__(self) -> str:
        return "; ".join(
            f"{name} {_format_day(day)}"
            for name, day in zip(WEEKDAYS, self.days, strict=True)
            if day
        )


def _split_clause(clause: str) -> tuple[str, str]:
    days, _sep, hours = clause.partition(" ")
    if not hours.strip():
        raise ValueError(
            _("Cannot read the hours “%(value)s”; write for example “07:30-16:00”.")
            % {"value": clause}
        )
    return days, hours


# --------------------------------------------------------------------------- the calendar


def _require_aware(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a time-zone aware datetime")
    return moment.astimezone(UTC)


class WorkingCalendar:
    """When an institution works, and how much working time lies between two instants.

    Args:
        tz: the institution's time zone (``"Asia/Jakarta"``, ``"Asia/Makassar"`` or a tzinfo).
        office_hours: ``OfficeHours`` or a spec for ``OfficeHours.parse``; default Mon-Fri.
        extra_holidays: extra closed dates (*cuti bersama*, local closures).
        extra_working_days: dates open although a weekend or holiday; a mapping gives each its
            hours (any spec ``parse_day_hours`` reads), a plain date uses its weekday's hours or,
            on a closed weekday, those of the first open weekday.
        holidays_provider: ``year -> dates``; defaults to Indonesian national holidays.
    """

    def __init__(
        self,
        tz: tzinfo | str = "Asia/Jakarta",
        office_hours: OfficeHours | Mapping[str, Any] | str | None = None,
        extra_holidays: Iterable[date] = (),
        extra_working_days: Iterable[date] | Mapping[date, Any] = (),
        holidays_provider: HolidayProvider = indonesian_holidays,
    ) -> None:
        self.tz = ZoneInfo(tz) if isinstance(tz, str) else tz
        self.office_hours = (
            OfficeHours.default() if office_hours is None else OfficeHours.parse(office_hours)
        )
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_working_days = self._extra_days(extra_working_days)
        both = self.extra_holidays & self.extra_working_days.keys()
        if both:
            raise ValueError(
                _("A date cannot be both closed and open: %(dates)s.")
                % {"dates": ", ".join(sorted(d.isoformat() for d in both))}
            )
        self._provider = holidays_provider
        self._national: dict[int, frozenset[date]] = {}

    def _extra_days(
        self, days: Iterable[date] | Mapping[date, Any]
    ) -> dict[date, tuple[Interval, ...]]:
        if isinstance(days, Mapping):
            return {day: parse_day_hours(spec) for day, spec in days.items()}
        regular = next(day for day in self.office_hours.days if day)
        return {day: self.office_hours.intervals(day.weekday()) or regular for day in days}

    # --- days

    def national_holidays(self, year: int) -> frozenset[date]:
        """The provider's holidays in ``year``, cached per year."""
        if year not in self._national:
            self._national[year] = frozenset(self._provider(year))
        return self._national[year]

    def is_holiday(self, day: date) -> bool:
        return day in self.extra_holidays or day in self.national_holidays(day.year)

    def hours_on(self, day: date) -> tuple[Interval, ...]:
        """The office hours of a local calendar date (empty when closed)."""
        if day in self.extra_working_days:
            return self.extra_working_days[day]
        if self.is_holiday(day):
            return ()
        return self.office_hours.intervals(day.weekday())

    def is_working_day(self, day: date) -> bool:
        return bool(self.hours_on(day))

    def periods_on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working periods of a local date as UTC instants."""
        return [
            (
                datetime.combine(day, start, tzinfo=self.tz).astimezone(UTC),
                datetime.combine(day, end, tzinfo=self.tz).astimezone(UTC),
            )
            for start, end in self.hours_on(day)
        ]

    def _local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()

    def _days(self, first: date, step: int) -> Iterator[date]:
        """Dates from ``first`` onwards (``step`` 1) or backwards (-1), with a stop guard."""
        day, closed = first, 0
        while closed <= _MAX_CLOSED_DAYS:
            yield day
            closed = 0 if self.hours_on(day) else closed + 1
            day += timedelta(days=step)
        raise ValueError(_("No working time found within three years."))

    # --- instants

    def is_working_time(self, moment: datetime) -> bool:
        """Whether the office is open at ``moment`` (opening included, closing excluded)."""
        instant = _require_aware(moment, "moment")
        return any(a <= instant < b for a, b in self.periods_on(self._local_date(instant)))

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time from ``start`` to ``end``; negative when ``end`` is before ``start``."""
        start_utc, end_utc = _require_aware(start, "start"), _require_aware(end, "end")
        if end_utc < start_utc:
            return -self.working_time_between(end, start)
        total = timedelta(0)
        day, last = self._local_date(start_utc), self._local_date(end_utc)
        while day <= last:
            for opens, closes in self.periods_on(day):
                overlap = min(closes, end_utc) - max(opens, start_utc)
                total += max(overlap, timedelta(0))
            day += timedelta(days=1)
        return total

    def add_working_time(self, start: datetime, delta: timedelta) -> datetime:
        """The instant ``delta`` of working time after ``start`` (before it, if negative).

        The result is the earliest such instant (for a negative delta, the latest), in the
        calendar's time zone: a deadline that falls on a closing time stays at the closing time.
        ``working_time_between(start, add_working_time(start, d)) == d`` always holds, and
        ``add_working_time(start, working_time_between(start, end)) == end`` whenever ``end`` is
        a working instant.
        """
        start_utc = _require_aware(start, "start")
        if delta < timedelta(0):
            return self._subtract(start_utc, -delta)
        remaining = delta
        if not remaining:
            return start_utc.astimezone(self.tz)
        for day in self._days(self._local_date(start_utc), 1):
            for opens, closes in self.periods_on(day):
                begin = max(opens, start_utc)
                if closes <= begin:
                    continue
                if remaining <= closes - begin:
                    return (begin + remaining).astimezone(self.tz)
                remaining -= closes - begin
        raise AssertionError("unreachable")  # pragma: no cover - _days raises first

    def _subtract(self, start_utc: datetime, remaining: timedelta) -> datetime:
        for day in self._days(self._local_date(start_utc), -1):
            for opens, closes in reversed(self.periods_on(day)):
                finish = min(closes, start_utc)
                if finish <= opens:
                    continue
                if remaining <= finish - opens:
                    return (finish - remaining).astimezone(self.tz)
                remaining -= finish - opens
        raise AssertionError("unreachable")  # pragma: no cover - _days raises first

    def add_working_days(self, start: datetime, days: Decimal | float) -> datetime:
        """``start`` plus ``days`` working days, each the office hours of that day.

        The days counted begin with the day of ``start`` when it is a working day, else the next
        one, so ``1`` from Monday 10:00 ends on Tuesday 10:00 whatever each day's hours.
        """
        _require_aware(start, "start")
        whole, fraction = divmod(Decimal(str(days)), 1)
        working_days = (
            day
            for day in self._days(self._local_date(start), 1)
            if any(closes > start for _opens, closes in self.periods_on(day))
        )
        total = timedelta(0)
        for _count in range(int(whole)):
            total += self._open_time(next(working_days))
        if fraction:
            total += self._open_time(next(working_days)) * float(fraction)
        return self.add_working_time(start, total)

    def _open_time(self, day: date) -> timedelta:
        return sum((closes - opens for opens, closes in self.periods_on(day)), timedelta(0))

    def deadline(self, start: datetime, standard_time: Any) -> datetime | None:
        """When a step started at ``start`` is overdue: its standard ``max`` later.

        ``standard_time`` is a ``timedelta`` or anything with a ``max`` (``StandardTime``);
        ``None`` for a tentative time. A time in working days (``2 hari kerja``, ``1x24 jam``)
        counts this calendar's working days.
        """
        if days := getattr(standard_time, "working_days", None):
            return self.add_working_days(start, days[1])
        limit = standard_time if isinstance(standard_time, timedelta) else standard_time.max
        return None if limit is None else self.add_working_time(start, limit)


def calendar_for_site(site: Any) -> WorkingCalendar:
    """The institution's working calendar: its time zone (``home.tenancy``) and office hours
    (its profile; Mon-Fri without one, or when they cannot be read), national holidays.

    ``site`` is a ``Site`` or its id. Needs the Django project (the rest of this module not).
    """
    from home.models import InstitutionSettings
    from home.tenancy import institution_time_zone

    site_id = site if isinstance(site, int) else site.pk
    zone = institution_time_zone(site_id)
    hours = (
        InstitutionSettings.objects.filter(site_id=site_id)
        .values_list("office_hours", flat=True)
        .first()
    )
    try:
        return WorkingCalendar(zone, hours or None)
    except ValueError:  # unreadable office hours must not stop moderation
        return WorkingCalendar(zone)
