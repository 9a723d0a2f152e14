"""Standard time (*Waktu* of the *Mutu Baku*): parsing, spelling and adding working time."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from sop_workflow.definition.messages import _

__all__ = ["WORKING_DAY", "WORKING_WEEK", "StandardTime"]

# "Days" and "weeks" in a standard time are working days: the 37.5-hour working week of
# government employees (Perpres 21/2023) over five days. Minutes and hours are exact.
WORKING_DAY = timedelta(hours=7, minutes=30)
WORKING_WEEK = 5 * WORKING_DAY

_TIME_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:[-–]\s*(\d+(?:[.,]\d+)?)\s*)?([^\W\d_]+)\.?\s*$")
_MINUTE = ("min", "min", timedelta(minutes=1))
_HOUR = ("h", "h", timedelta(hours=1))
_DAY = ("day", "days", WORKING_DAY)
_WEEK = ("week", "weeks", WORKING_WEEK)
_UNITS = {
    **dict.fromkeys(("min", "mins", "minute", "minutes", "menit"), _MINUTE),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "jam"), _HOUR),
    **dict.fromkeys(("day", "days", "hari"), _DAY),
    **dict.fromkeys(("week", "weeks", "minggu"), _WEEK),
}
_TENTATIVE = frozenset({"tentative", "tentatif"})


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


@dataclass(frozen=True)
class StandardTime:
    """The standard time of a step (*Waktu*), in working time.

    ``min`` and ``max`` are equal for a single value; both are ``None`` when ``tentative``.
    ``text`` is the canonical spelling (``"60 min"``, ``"1-3 h"``, ``"1-3 weeks"``).
    """

    min: timedelta | None = None
    max: timedelta | None = None
    tentative: bool = False
    text: str = field(default="", compare=False)

    @classmethod
    def parse(cls, text: str) -> StandardTime:
        """Parse ``"60 min"``, ``"1-3 h"``, ``"1-3 weeks"``, ``"tentative"`` (or Indonesian).

        Raises:
            ValueError: with a translated message when the text cannot be read.
        """
        if text.strip().lower() in _TENTATIVE:
            return cls(tentative=True, text="tentative")
        match = _TIME_RE.match(text.lower())
        unit = _UNITS.get(match.group(3)) if match else None
        if match is None or unit is None:
            raise ValueError(
                _(
                    "Cannot read the standard time “%(value)s”; write for example “60 min”, "
                    "“1-3 h”, “1-3 weeks” or “tentative”."
                )
                % {"value": text}
            )
        low = _number(match.group(1))
        high = _number(match.group(2)) if match.group(2) else low
        if low <= 0:
            raise ValueError(_("The standard time must be greater than zero."))
        if high < low:
            raise ValueError(_("The shorter time must come first (“%(value)s”).") % {"value": text})
        singular, plural, size = unit
        name = singular if (low == high == 1) else plural
        spelled = _plain(low) if low == high else f"{_plain(low)}-{_plain(high)}"
        return cls(min=size * float(low), max=size * float(high), text=f"{spelled} {name}")

    @property
    def is_range(self) -> bool:
        return not self.tentative and self.min != self.max

    def __str__(self) -> str:
        if self.text:
            return self.text
        if self.min is None or self.max is None:
            return "tentative"
        return _format_span(self.min, self.max)

    def __add__(self, other: StandardTime) -> StandardTime:
        if not isinstance(other, StandardTime):
            return NotImplemented
        if self.min is None or self.max is None or other.min is None or other.max is None:
            return StandardTime(tentative=True, text="tentative")
        low, high = self.min + other.min, self.max + other.max
        return StandardTime(low, high, text=_format_span(low, high))


def _format_span(low: timedelta, high: timedelta) -> str:
    """Spell a span in hours when both ends are whole hours, else in minutes."""
    hourly = all(span % timedelta(hours=1) == timedelta(0) for span in (low, high))
    unit, label = (timedelta(hours=1), "h") if hourly else (timedelta(minutes=1), "min")
    first, last = (_plain(Decimal(str(round(span / unit, 2)))) for span in (low, high))
    return f"{first} {label}" if first == last else f"{first}-{last} {label}"
