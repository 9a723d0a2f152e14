"""Compliance with the SOP's step standards: statistics per step and the chart that shows them.

Times are working times (``StepTiming.working_seconds``), so they compare with the standard
(*Mutu Baku*) directly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    return _("%(value)s min") % {"value": f"{value:g}"}


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
        value = self.within_percent
        return "—" if value is None else f"{value:g} %"


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


# --------------------------------------------------------------------------- the chart

BAR_HEIGHT, GAP, LABEL_WIDTH, PLOT_WIDTH = 14, 14, 70, 420


def _scale(rows: list[StepStats]) -> float:
    largest = max([value for row in rows for value in (row.p90, row.standard_max) if value] or [1])
    return PLOT_WIDTH / largest


def _bar(y: int, width: float, css: str, label: str) -> SafeString:
    return format_html(
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
        css, LABEL_WIDTH, y, f"{max(width, 1):.1f}", BAR_HEIGHT, label,
    )  # fmt: skip


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
        parts.append(
            format_html(
                '<line class="standard" x1="{}" x2="{}" y1="{}" y2="{}"><title>{}</title></line>',
                f"{x:.1f}",
                f"{x:.1f}",
                top - 3,
                top + 2 * BAR_HEIGHT + 3,
                _("Standard: %(value)s") % {"value": row.standard_text},
            )  # fmt: skip
        )
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
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="sop-chart" role="img" '
        'viewBox="0 0 {} {}" width="{}" height="{}" aria-labelledby="sop-chart-title '
        'sop-chart-desc"><title id="sop-chart-title">{}</title><desc id="sop-chart-desc">{}'
        "</desc>{}</svg>",
        width, height, width, height, title, description, body,
    )  # fmt: skip
