"""Compliance with the SOP's step standards: statistics per step and per month, and the charts.

Times are working times (``StepTiming.working_seconds``), so they compare with the standard
(*Mutu Baku*) directly. Months are calendar months in the institution's time zone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median
from zoneinfo import ZoneInfo

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.tenancy import institution_time_zones
from sop_workflow.definition import Kind
from sop_workflow.models import StepOutcome, StepTiming

KIND_LABELS = {
    Kind.PREPARATION: gettext_lazy("Preparation"),
    Kind.REVIEW: gettext_lazy("Review"),
    Kind.PUBLICATION: gettext_lazy("Publication"),
    Kind.AFTER_PUBLICATION: gettext_lazy("After publication"),
}


def percentile(values: list[int], share: float) -> int:
    """Nearest-rank percentile (``share`` of 0.9 is the 90th): always a measured value."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _minutes_text(seconds: float | None) -> str:
    value = minutes(seconds)
    if value is None:
        return "—"
    return _("%(value)s min") % {"value": figure(value)}


def figure(value: float) -> str:
    """``value`` the way the active language writes numbers: 3,9 and 1.250 in Indonesian."""
    shown = int(value) if float(value).is_integer() else value
    return number_format(shown, use_l10n=True, force_grouping=True)


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{figure(value)} %"


@dataclass
class StepStats:
    """One SOP step (or joined steps) of one institution over the chosen period."""

    institution: str
    step_number: int
    step_label: str
    kind: str
    standard_max: int | None
    seconds: list[int] = field(default_factory=list)
    rejections: int = 0

    @property
    def count(self) -> int:
        return len(self.seconds)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def median(self) -> float | None:
        return median(self.seconds) if self.seconds else None

    @property
    def p90(self) -> int | None:
        return percentile(self.seconds, 0.9) if self.seconds else None

    @property
    def maximum(self) -> int | None:
        return max(self.seconds) if self.seconds else None

    @property
    def within_share(self) -> float | None:
        if self.standard_max is None or not self.seconds:
            return None
        return sum(1 for value in self.seconds if value <= self.standard_max) / len(self.seconds)

    # Values for the table and the spreadsheet export.
    median_minutes = property(lambda self: minutes(self.median))
    p90_minutes = property(lambda self: minutes(self.p90))
    max_minutes = property(lambda self: minutes(self.maximum))
    standard_minutes = property(lambda self: minutes(self.standard_max))
    median_text = property(lambda self: _minutes_text(self.median))
    p90_text = property(lambda self: _minutes_text(self.p90))
    max_text = property(lambda self: _minutes_text(self.maximum))

    @property
    def standard_text(self) -> str:
        return _minutes_text(self.standard_max) if self.standard_max else _("tentative")

    @property
    def within_percent(self) -> float | None:
        share = self.within_share
        return None if share is None else round(share * 100, 1)

    @property
    def within_text(self) -> str:
        return percent_text(self.within_percent)


def step_statistics(timings: Iterable[StepTiming]) -> list[StepStats]:
    """Statistics per institution and step, in step order; cancelled steps do not count."""
    stats: dict[tuple, StepStats] = {}
    for timing in timings:
        if timing.outcome == StepOutcome.CANCELLED or timing.working_seconds is None:
            continue
        key = (timing.site_id, timing.step_label, timing.kind)
        row = stats.get(key)
        if row is None:
            row = stats[key] = StepStats(
                institution=timing.site.site_name or timing.site.hostname,
                step_number=timing.step_number,
                step_label=timing.step_label,
                kind=timing.kind,
                standard_max=timing.standard_max_seconds,
            )
        row.seconds.append(timing.working_seconds)
        row.rejections += timing.outcome == StepOutcome.REJECTED
    return sorted(stats.values(), key=lambda row: (row.institution, row.step_number))


def slowest_items(timings: Iterable[StepTiming], limit: int = 5) -> list[StepTiming]:
    """The step times furthest over their standard, slowest first."""
    over = [
        t
        for t in timings
        if t.working_seconds is not None
        and t.standard_max_seconds
        and t.working_seconds > t.standard_max_seconds
    ]
    return sorted(over, key=lambda t: t.working_seconds / t.standard_max_seconds, reverse=True)[
        :limit
    ]


# --------------------------------------------------------------------------- the monthly trend


@dataclass
class MonthStats:
    """One calendar month of one institution: items processed and step times within standard."""

    month: date  # the first day
    pages: set[int] = field(default_factory=set)
    steps: int = 0
    with_standard: int = 0
    within: int = 0

    @property
    def has_data(self) -> bool:
        return self.steps > 0

    @property
    def items(self) -> int:
        return len(self.pages)

    @property
    def label(self) -> str:
        return date_format(self.month, "YEAR_MONTH_FORMAT")

    @property
    def within_percent(self) -> float | None:
        if not self.with_standard:
            return None
        return round(self.within / self.with_standard * 100, 1)

    @property
    def within_text(self) -> str:
        return percent_text(self.within_percent) if self.has_data else _("no data")


@dataclass
class MonthlyTrend:
    """The months of one institution, gaps included (a month without timings has no data)."""

    site_id: int
    institution: str
    months: list[MonthStats]


def _month(moment: datetime | date, zone: ZoneInfo | None = None) -> date:
    if isinstance(moment, datetime) and zone is not None:
        moment = moment.astimezone(zone)
    return date(moment.year, moment.month, 1)


def _months_between(first: date, last: date) -> list[date]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_trend(
    timings: Iterable[StepTiming],
    *,
    sites: Iterable = (),
    first: date | None = None,
    last: date | None = None,
) -> list[MonthlyTrend]:
    """Per institution and calendar month (its own time zone): items and share within standard.

    Every institution in ``sites`` or with timings gets the same run of months, from ``first``
    (or its earliest timing) to ``last`` (or its latest); a month without timings stays in the
    run with no data, so a chart shows it as a gap and not as zero.
    """
    timings = [
        t for t in timings if t.outcome != StepOutcome.CANCELLED and t.working_seconds is not None
    ]
    names = {site.pk: site.site_name or site.hostname for site in sites}
    names.update({t.site_id: t.site.site_name or t.site.hostname for t in timings})
    if not names:
        return []
    zones = institution_time_zones(names)
    stats: dict[tuple[int, date], MonthStats] = {}
    for timing in timings:
        month = _month(timing.started_at, zones[timing.site_id])
        row = stats.setdefault((timing.site_id, month), MonthStats(month))
        row.pages.add(timing.page_id)
        row.steps += 1
        if timing.standard_max_seconds:
            row.with_standard += 1
            row.within += timing.working_seconds <= timing.standard_max_seconds
    bounds = [month for _site, month in stats] + [
        _month(bound) for bound in (first, last) if bound is not None
    ]
    if not bounds:
        return []
    run = _months_between(min(bounds), max(bounds))
    return [
        MonthlyTrend(
            site_id=site_id,
            institution=name,
            months=[stats.get((site_id, month)) or MonthStats(month) for month in run],
        )
        for site_id, name in sorted(names.items(), key=lambda item: item[1])
    ]


# --------------------------------------------------------------------------- the charts

BAR_HEIGHT, GAP, LABEL_WIDTH, PLOT_WIDTH = 14, 14, 70, 420


def _scale(rows: list[StepStats]) -> float:
    largest = max([value for row in rows for value in (row.p90, row.standard_max) if value] or [1])
    return PLOT_WIDTH / largest


def _rect(css: str, x: float, y: float, width: float, height: float, label: str) -> SafeString:
    """A bar with its value as a tooltip (``<title>``)."""
    return format_html(
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
        css, f"{x:.1f}", f"{y:.1f}", f"{max(width, 1):.1f}", f"{max(height, 1):.1f}", label,
    )  # fmt: skip


def _text(css: str, x: float, y: float, text: str, label: str = "") -> SafeString:
    """Text drawn in the chart; ``label`` adds a tooltip."""
    title = format_html("<title>{}</title>", label) if label else ""
    return format_html(
        '<text class="{}" x="{}" y="{}">{}{}</text>', css, f"{x:.1f}", f"{y:.1f}", title, text
    )


def _line(css: str, x1: float, y1: float, x2: float, y2: float, label: str = "") -> SafeString:
    title = format_html("<title>{}</title>", label) if label else ""
    return format_html(
        '<line class="{}" x1="{}" x2="{}" y1="{}" y2="{}">{}</line>',
        css, f"{x1:.1f}", f"{x2:.1f}", f"{y1:.1f}", f"{y2:.1f}", title,
    )  # fmt: skip


def _svg(ident: str, width: float, height: float, title: str, description: str, body) -> SafeString:
    """The chart's frame: ``role="img"`` named by its ``<title>`` and described by its ``<desc>``.

    The numbers are also in a table next to the chart, which is the full text alternative.
    """
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="sop-chart" role="img" '
        'viewBox="0 0 {} {}" width="{}" height="{}" aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        width, height, width, height, ident, ident, ident, title, ident, description, body,
    )  # fmt: skip


def _bar(y: int, width: float, css: str, label: str) -> SafeString:
    return _rect(css, LABEL_WIDTH, y, width, BAR_HEIGHT, label)


def _row_svg(index: int, row: StepStats, scale: float) -> SafeString:
    top = index * (2 * BAR_HEIGHT + GAP) + 20
    median_label = _("Step %(step)s median: %(value)s") % {
        "step": row.step_label, "value": row.median_text
    }  # fmt: skip
    p90_label = _("Step %(step)s 90th percentile: %(value)s") % {
        "step": row.step_label, "value": row.p90_text
    }  # fmt: skip
    parts = [
        format_html(
            '<text x="0" y="{}" class="label">{} {}</text>',
            top + BAR_HEIGHT + 4,
            _("Step"),
            row.step_label,
        ),  # fmt: skip
        _bar(top, (row.median or 0) * scale, "median", median_label),
        _bar(top + BAR_HEIGHT, (row.p90 or 0) * scale, "p90", p90_label),
    ]
    if row.standard_max:
        x = LABEL_WIDTH + row.standard_max * scale
        label = _("Standard: %(value)s") % {"value": row.standard_text}
        parts.append(_line("standard", x, top - 3, x, top + 2 * BAR_HEIGHT + 3, label))
    return SafeString("".join(parts))


def bar_chart_svg(rows: list[StepStats], title: str) -> SafeString:
    """Horizontal bars (median, 90th percentile) per step with the standard as a line.

    The SVG has a ``<title>`` and ``<desc>`` and ``role="img"``; the same numbers are in the
    table next to it, which is the text alternative.
    """
    rows = [row for row in rows if row.count]
    scale = _scale(rows)
    height = len(rows) * (2 * BAR_HEIGHT + GAP) + 40
    width = LABEL_WIDTH + PLOT_WIDTH + 20
    description = _(
        "For each step, the upper bar is the median and the lower bar the 90th percentile of the "
        "working time; the vertical line is the standard time. The numbers are in the table."
    )
    body = format_html_join("", "{}", ((_row_svg(i, row, scale),) for i, row in enumerate(rows)))
    return _svg("sop-chart", width, height, title, description, body)


SLOT, COLUMN, TREND_HEIGHT, TREND_TOP, AXIS_WIDTH = 44, 28, 150, 22, 100


def _month_svg(index: int, row: MonthStats) -> SafeString:
    centre = AXIS_WIDTH + index * SLOT + SLOT / 2
    base = TREND_TOP + TREND_HEIGHT
    label = _("%(month)s: %(share)s within standard; items processed: %(items)s") % {
        "month": row.label, "share": percent_text(row.within_percent), "items": row.items,
    }  # fmt: skip
    parts = [_text("label centre", centre, base + 16, date_format(row.month, "M"))]
    if index == 0 or row.month.month == 1:
        parts.append(_text("label centre", centre, base + 30, str(row.month.year)))
    if not row.has_data:
        gap = _("%(month)s: no data") % {"month": row.label}
        x, y = f"{centre + 4:.1f}", base - 6  # written upwards from the axis
        values = (x, y, x, y, gap, _("no data"))
        gap_template = (
            '<text class="gap" x="{}" y="{}" transform="rotate(-90 {} {})"><title>{}</title>'
            "{}</text>"
        )
        parts.append(format_html(gap_template, *values))
        return SafeString("".join(parts))
    parts.append(_text("label centre", centre, base + 50, str(row.items), label))
    share = row.within_percent
    if share is None:  # timed, but no step had a standard (tentative)
        parts.append(_text("value", centre, base - 4, "—", label))
    else:
        height = share / 100 * TREND_HEIGHT
        parts.append(_rect("within", centre - COLUMN / 2, base - height, COLUMN, height, label))
        parts.append(_text("value", centre, base - height - 4, percent_text(share), label))
    return SafeString("".join(parts))


def trend_chart_svg(trend: MonthlyTrend, title: str) -> SafeString:
    """Columns per month: the share of step times within the standard, items processed below.

    Built like :func:`bar_chart_svg` (same frame and text alternative); a month without
    timings is a gap that says so, not a zero.
    """
    width = AXIS_WIDTH + len(trend.months) * SLOT + 10
    base = TREND_TOP + TREND_HEIGHT
    height = base + 60
    parts = []
    for share in (0, 50, 100):
        y = base - share / 100 * TREND_HEIGHT
        parts.append(_line("grid" if share else "axis", AXIS_WIDTH, y, width - 10, y))
        parts.append(_text("label end", AXIS_WIDTH - 6, y + 4, percent_text(share)))
    parts.append(_text("label end", AXIS_WIDTH - 6, base + 50, _("Items processed")))
    parts.extend(_month_svg(index, row) for index, row in enumerate(trend.months))
    description = _(
        "For each month, the column is the share of step times within the standard, from 0 to "
        "100 percent; the number below the month is the items processed. A month without any "
        "step time says no data. The numbers are in the table."
    )
    body = SafeString("".join(parts))
    return _svg(f"sop-trend-{trend.site_id}", width, height, title, description, body)
