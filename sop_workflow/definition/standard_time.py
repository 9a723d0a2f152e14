"""Standard time (*Waktu* of the *Mutu Baku*): parsing, spelling and adding working time.

Real SOPs write times many ways; all of these are read and kept as written::

    60 menit · 1,5 jam · 1-3 jam · 30 menit - 1 jam · 1 jam 30 menit
    1x24 jam · 2 hari kerja · Tentatif

``1x24 jam`` and ``hari kerja`` are working days of the institution's calendar (one day's office
hours each, see ``WorkingCalendar.deadline``); the other units are working time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from sop_workflow.definition.messages import _

__all__ = ["WORKING_DAY", "WORKING_WEEK", "StandardTime", "stored_time_text"]

# "Days" and "weeks" in a standard time are working days: the 37.5-hour working week of
# government employees (Perpres 21/2023) over five days. Minutes and hours are exact.
# A "hari kerja" is also stored as this length, for reports; the clock counts the institution's
# own working days instead (``StandardTime.working_days``).
WORKING_DAY = timedelta(hours=7, minutes=30)
WORKING_WEEK = 5 * WORKING_DAY

_NUMBER = r"\d+(?:[.,]\d+)?"
_RANGE_SPLIT = re.compile(r"\s*(?:[-–—]|\bs\.?\s?d\.?(?=\s|\d|$)|\bsampai\b)\s*")
_TIMES_24 = re.compile(rf"^({_NUMBER})\s*[x×]\s*24\s*(?:jam|h|hours?)$")
_QUANTITY = re.compile(rf"({_NUMBER})\s*([^\W\d_]+(?:\s+(?:kerja|days?))?)\.?")
_MINUTE = ("min", "min", timedelta(minutes=1))
_HOUR = ("h", "h", timedelta(hours=1))
_DAY = ("day", "days", WORKING_DAY)
_WORKING_DAY = ("working day", "working days", WORKING_DAY)
_WEEK = ("week", "weeks", WORKING_WEEK)
_UNITS = {
    **dict.fromkeys(("min", "mins", "minute", "minutes", "menit", "mnt"), _MINUTE),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "jam"), _HOUR),
    **dict.fromkeys(("day", "days", "hari"), _DAY),
    **dict.fromkeys(("hari kerja", "working day", "working days"), _WORKING_DAY),
    **dict.fromkeys(("week", "weeks", "minggu"), _WEEK),
}
_TENTATIVE = frozenset({"tentative", "tentatif"})


def _unreadable(text: str) -> ValueError:
    return ValueError(
        _(
            "Cannot read the standard time “%(value)s”; write for example “60 menit”, “1-3 jam”, "
            "“30 menit - 1 jam”, “1 jam 30 menit”, “1x24 jam”, “2 hari kerja” or “Tentatif”."
        )
        % {"value": text}
    )


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


@dataclass(frozen=True)
class _Amount:
    """One end of a time: ``span`` of working time; ``days`` when it is counted in working days."""

    span: timedelta
    days: Decimal | None
    spelled: str


def _amount(text: str, source: str, unit_hint: str | None = None) -> _Amount:
    """One end of a time: ``"1 jam 30 menit"``, ``"1x24 jam"``, ``"2 hari kerja"``.

    A bare number (``"1"`` of ``"1-3 jam"``) takes ``unit_hint``.
    """
    text = re.sub(r"\s+", " ", text.strip())
    if times := _TIMES_24.match(text):
        days = _number(times.group(1))
        name = "working day" if days == 1 else "working days"
        return _Amount(WORKING_DAY * float(days), days, f"{_plain(days)} {name}")
    if unit_hint and re.fullmatch(_NUMBER, text):
        text = f"{text} {unit_hint}"
    parts = list(_QUANTITY.finditer(text))
    if not parts or "".join(p.group(0) for p in parts).replace(" ", "") != text.replace(" ", ""):
        raise _unreadable(source)
    span, days, spelled = timedelta(0), Decimal(0), []
    for part in parts:
        unit = _UNITS.get(part.group(2))
        if unit is None:
            raise _unreadable(source)
        value = _number(part.group(1))
        singular, plural, size = unit
        span += size * float(value)
        if unit is _WORKING_DAY:
            days += value
        spelled.append(f"{_plain(value)} {singular if value == 1 else plural}")
    only_days = all(_UNITS[p.group(2)] is _WORKING_DAY for p in parts)
    return _Amount(span, days if only_days else None, " ".join(spelled))


def _unit_of(text: str) -> str | None:
    found = _QUANTITY.findall(text)
    if _TIMES_24.match(text.strip()):
        return None
    return found[-1][1] if found else None


@dataclass(frozen=True)
class StandardTime:
    """The standard time of a step (*Waktu*), in working time.

    ``min`` and ``max`` are equal for a single value; both are ``None`` when ``tentative``.
    ``text`` is the canonical spelling (``"60 min"``, ``"1-3 h"``, ``"1-3 weeks"``);
    ``original`` the SOP's own writing (``"60 menit"``, ``"1x24 jam"``), shown and printed.
    ``working_days`` (min, max) when the time is counted in the institution's working days.
    ``skipped_tentative`` when a sum left tentative parts out.
    """

    min: timedelta | None = None
    max: timedelta | None = None
    tentative: bool = False
    text: str = field(default="", compare=False)
    original: str = field(default="", compare=False)
    working_days: tuple[Decimal, Decimal] | None = None
    skipped_tentative: bool = field(default=False, compare=False)

    @classmethod
    def parse(cls, text: str) -> StandardTime:
        """Parse a time as SOPs write it (see the module docstring), in English or Indonesian.

        Raises:
            ValueError: with a translated message when the text cannot be read.
        """
        original = re.sub(r"\s+", " ", text.strip())
        lowered = original.lower()
        if lowered in _TENTATIVE:
            return cls(tentative=True, text="tentative", original=original)
        if not lowered:
            raise _unreadable(text)
        ends = _RANGE_SPLIT.split(lowered)
        if len(ends) > 2 or not all(ends):
            raise _unreadable(text)
        high = _amount(ends[-1], text)
        low = _amount(ends[0], text, unit_hint=_unit_of(ends[-1])) if len(ends) == 2 else high
        if low.span <= timedelta(0):
            raise ValueError(_("The standard time must be greater than zero."))
        if high.span < low.span:
            raise ValueError(_("The shorter time must come first (“%(value)s”).") % {"value": text})
        days = (low.days, high.days) if low.days is not None and high.days is not None else None
        return cls(
            min=low.span,
            max=high.span,
            text=_spelled(low, high),
            original=original,
            working_days=days,
        )

    @classmethod
    def stored(
        cls, text: str, min_seconds: int | None, max_seconds: int | None, tentative: bool
    ) -> StandardTime:
        """The time a task or to-do stored, re-read as written when it can be (so the clock
        counts the working days of ``2 hari kerja``), else from its seconds."""
        if tentative or max_seconds is None:
            return cls(tentative=True, text="tentative", original=text)
        try:
            written = cls.parse(text)
        except ValueError:  # a computed sum ("25 min + tentatif")
            written = None
        if written is not None and written.max == timedelta(seconds=max_seconds):
            return written
        return cls(
            min=timedelta(seconds=min_seconds or 0),
            max=timedelta(seconds=max_seconds),
            text=text,
            original=text,
        )

    @property
    def is_range(self) -> bool:
        return not self.tentative and self.min != self.max

    @property
    def as_written(self) -> str:
        """The time as the SOP writes it; the canonical spelling when it was computed."""
        return self.original or str(self)

    def __str__(self) -> str:
        if self.text:
            return self.text
        if self.min is None or self.max is None:
            return "tentative"
        return _format_span(self.min, self.max)

    def __add__(self, other: StandardTime) -> StandardTime:
        """The time of joined steps, as a total; tentative parts are left out and it says so."""
        if not isinstance(other, StandardTime):
            return NotImplemented
        timed = [t for t in (self, other) if not t.tentative]
        if not timed:
            return StandardTime(tentative=True, text="tentative", original="Tentatif")
        skipped = len(timed) < 2 or self.skipped_tentative or other.skipped_tentative
        low = sum((t.min for t in timed), timedelta(0))
        high = sum((t.max for t in timed), timedelta(0))
        days = None
        if all(t.working_days for t in timed):
            days = (sum(t.working_days[0] for t in timed), sum(t.working_days[1] for t in timed))
        # A sum of times the SOP writes in Indonesian ("15 menit" + "10 menit") is spelled in
        # Indonesian too ("25 menit"), as the SOP would write it.
        indonesian = any(_INDONESIAN_UNIT.search(t.original) for t in (self, other))
        canonical = _format_days(*days) if days else _format_span(low, high)
        if len(timed) == 1:
            total = timed[0].as_written.removesuffix(_TENTATIVE_NOTE)
        elif indonesian:
            total = _format_days_id(*days) if days else _format_span_id(low, high)
        else:
            total = canonical
        original = total if indonesian else ""
        if skipped:
            original = f"{total}{_TENTATIVE_NOTE}"
        return StandardTime(
            low,
            high,
            text=canonical,
            original=original,
            working_days=days,
            skipped_tentative=skipped,
        )


# Appended to a sum that left tentative steps out; the standard printed is then a lower bound.
_TENTATIVE_NOTE = " + tentatif"
_INDONESIAN_UNIT = re.compile(r"\b(?:menit|mnt|jam|hari|minggu|tentatif)\b", re.IGNORECASE)


def _spelled(low: _Amount, high: _Amount) -> str:
    if low.spelled == high.spelled:
        return low.spelled
    low_number, _sep, low_unit = low.spelled.partition(" ")
    high_number, _sep, high_unit = high.spelled.partition(" ")
    if low_unit.rstrip("s") == high_unit.rstrip("s"):
        return f"{low_number}-{high_number} {high_unit}"
    return f"{low.spelled} - {high.spelled}"


def _format_days(low: Decimal, high: Decimal) -> str:
    name = "working day" if low == high == 1 else "working days"
    return f"{_plain(low)} {name}" if low == high else f"{_plain(low)}-{_plain(high)} {name}"


def _format_span(low: timedelta, high: timedelta) -> str:
    """Spell a span in hours when both ends are whole hours, else in minutes."""
    hourly = all(span % timedelta(hours=1) == timedelta(0) for span in (low, high))
    unit, label = (timedelta(hours=1), "h") if hourly else (timedelta(minutes=1), "min")
    first, last = (_plain(Decimal(str(round(span / unit, 2)))) for span in (low, high))
    return f"{first} {label}" if first == last else f"{first}-{last} {label}"


def stored_time_text(time: StandardTime, limit: int = 40) -> str:
    """The time as written, for a ``standard_text`` column of ``limit`` characters.

    A long sum falls back to its canonical spelling, which the column always holds.
    """
    return time.as_written if len(time.as_written) <= limit else str(time)[:limit]


def _plain_id(number: Decimal) -> str:
    return _plain(number).replace(".", ",")  # Indonesian decimal comma: "1,5 jam"


def _format_days_id(low: Decimal, high: Decimal) -> str:
    if low == high:
        return f"{_plain_id(low)} hari kerja"
    return f"{_plain_id(low)}-{_plain_id(high)} hari kerja"


def _format_span_id(low: timedelta, high: timedelta) -> str:
    """:func:`_format_span` in Indonesian: ``"25 menit"``, ``"1-3 jam"``."""
    hourly = all(span % timedelta(hours=1) == timedelta(0) for span in (low, high))
    unit, label = (timedelta(hours=1), "jam") if hourly else (timedelta(minutes=1), "menit")
    first, last = (_plain_id(Decimal(str(round(span / unit, 2)))) for span in (low, high))
    return f"{first} {label}" if first == last else f"{first}-{last} {label}"
