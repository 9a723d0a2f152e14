"""The roll-up's figures: one database expression per institution (a ``Site`` row) each.

Apps add their figures with the hook ``oversight_rollup_metrics``: a function taking the
:class:`RollupPeriod` and returning :class:`RollupMetric` objects, whose ``expression`` is
evaluated per site row (``OuterRef("pk")`` is the site, ``OuterRef("root_page__path")`` its
tree). Figures are annotations, so sorting and paging happen in the database.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import (
    Case,
    Expression,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat, NullIf
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import NewsPage

HOOK = "oversight_rollup_metrics"
#: Tree paths use 0-9A-Z; every descendant of an institution root sorts below root + "Z…".
_UPPER_PAD = "Z" * 247


class Kind(enum.Enum):
    """How a figure is shown and sorted."""

    COUNT = "count"  # a whole number
    AVERAGE = "average"  # a number with one decimal
    PERCENT = "percent"  # 0–100, or none when there is nothing to measure
    DAYS_SINCE = "days_since"  # the expression is a moment; shown as days before now


@dataclass(frozen=True)
class RollupPeriod:
    """The moments the figures are counted from, in the reader's time zone."""

    now: datetime
    month_start: datetime
    previous_month_start: datetime
    year_start: datetime  # twelve months before ``month_start``
    recent_start: datetime  # thirty days before ``now``

    @classmethod
    def at(cls, now: datetime, zone: ZoneInfo) -> RollupPeriod:
        local = now.astimezone(zone)
        month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        previous = (month_start - timedelta(days=1)).replace(day=1)
        year_start = month_start.replace(year=month_start.year - 1)
        return cls(now, month_start, previous, year_start, now - timedelta(days=30))


@dataclass(frozen=True)
class RollupMetric:
    """One column of the roll-up: a figure per institution, computed by the database."""

    key: str
    label: str
    expression: Expression
    kind: Kind = Kind.COUNT
    order: int = 100
    help_text: str = ""

    def sort_expressions(self, descending: bool):
        """How to order by this figure; institutions without a value always come last."""
        field = F(self.key)
        if self.kind is Kind.DAYS_SINCE:  # more days = an older moment; never = most days
            return [field.asc(nulls_first=True) if descending else field.desc(nulls_last=True)]
        return [field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)]

    def value(self, row, period: RollupPeriod):
        """The figure of ``row`` as a number (``None`` when there is nothing to measure)."""
        value = getattr(row, self.key)
        if value is None:
            return None
        if self.kind is Kind.DAYS_SINCE:
            return max(0, (period.now - value).days)
        if self.kind in (Kind.PERCENT, Kind.AVERAGE):
            return round(float(value), 1)
        return value

    def text(self, row, period: RollupPeriod) -> str:
        """The figure as the table shows it, in the active language."""
        value = self.value(row, period)
        if value is None:
            return _("never") if self.kind is Kind.DAYS_SINCE else "—"
        if self.kind is Kind.PERCENT:
            return f"{number_format(value, decimal_pos=1)} %"
        if self.kind is Kind.AVERAGE:
            return number_format(value, decimal_pos=1)
        return number_format(value, force_grouping=True)


class SubqueryCount(Subquery):
    """``COUNT(*)`` of a correlated queryset, as a number (0 when it has no rows).

    With ``where``, only the rows matching it count, and the condition is computed per row
    instead of filtering: the database then reads the queryset's own rows by their index
    (an institution's pages by tree path) rather than choosing an index on ``where``'s
    columns (a publication date shared by every institution), which would read every
    institution's rows for each one.
    """

    output_field = IntegerField()

    def __init__(self, queryset: QuerySet, where: Q | None = None, **extra):
        if where is None:
            self.template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
            rows = queryset.order_by().values("pk")
        else:
            self.template = "(SELECT COALESCE(SUM(counted.hit), 0) FROM (%(subquery)s) counted)"
            hit = Case(When(where, then=Value(1)), default=Value(0), output_field=IntegerField())
            rows = queryset.order_by().annotate(hit=hit).values("hit")
        super().__init__(rows, **extra)


def latest(queryset: QuerySet, field: str) -> Subquery:
    """The largest ``field`` of a correlated queryset (``None`` when it has no rows)."""
    rows = queryset.filter(**{f"{field}__isnull": False}).order_by(f"-{field}")
    return Subquery(rows.values(field)[:1])


def share(part: Expression, whole: Expression) -> Expression:
    """``part`` as a percentage of ``whole``; ``None`` when ``whole`` is zero."""
    return Cast(part, FloatField()) * Value(100.0) / NullIf(whole, Value(0))


def pages_of_institution(model=Page) -> QuerySet:
    """Pages below the row's institution root, read by index range (see ``subtree_q``)."""
    root = OuterRef("root_page__path")
    return model.objects.filter(path__gt=root, path__lte=Concat(root, Value(_UPPER_PAD)))


def base_metrics(period: RollupPeriod) -> list[RollupMetric]:
    """What ``home`` knows: news published per month, freshness, described images."""
    news = pages_of_institution(NewsPage).live()
    collection = OuterRef("institutionsettings__collection")
    images = get_image_model().objects.filter(collection=collection)
    return [
        RollupMetric(
            "news_this_month",
            gettext_lazy("News this month"),
            SubqueryCount(news, Q(first_published_at__gte=period.month_start)),
            order=10,
        ),
        RollupMetric(
            "news_last_month",
            gettext_lazy("News last month"),
            SubqueryCount(
                news,
                Q(
                    first_published_at__gte=period.previous_month_start,
                    first_published_at__lt=period.month_start,
                ),
            ),
            order=11,
        ),
        RollupMetric(
            "news_per_month",
            gettext_lazy("News per month (12 months)"),
            Cast(
                SubqueryCount(
                    news,
                    Q(
                        first_published_at__gte=period.year_start,
                        first_published_at__lt=period.month_start,
                    ),
                ),
                FloatField(),
            )
            / Value(12.0),
            kind=Kind.AVERAGE,
            order=12,
        ),
        RollupMetric(
            "last_news",
            gettext_lazy("Days since last news"),
            latest(news, "first_published_at"),
            kind=Kind.DAYS_SINCE,
            order=13,
        ),
        RollupMetric(
            "images_described",
            gettext_lazy("Images with alt text"),
            share(SubqueryCount(images, ~Q(description="")), SubqueryCount(images)),
            kind=Kind.PERCENT,
            order=40,
            help_text=gettext_lazy(
                "Share of the media collection's images with a description (their alt text)."
            ),
        ),
    ]


def rollup_metrics(period: RollupPeriod) -> list[RollupMetric]:
    """Every figure of the roll-up: ``home``'s and those of the ``oversight_rollup_metrics``
    hooks, in their ``order``."""
    metrics = base_metrics(period)
    for hook in hooks.get_hooks(HOOK):
        metrics.extend(hook(period))
    return sorted(metrics, key=lambda metric: metric.order)
