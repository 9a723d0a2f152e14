"""The roll-up report of the institutions below a region, and one institution's overview."""

from __future__ import annotations

from datetime import date

import django_filters
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from home.models import InstitutionType, NewsPage
from home.models.pages import subtree_q
from home.oversight.metrics import RollupMetric, RollupPeriod, rollup_metrics
from home.oversight.permissions import ROLLUP_POLICY
from home.tenancy import institution_time_zone
from home.vocabulary import institution_kind


def rollup_period() -> RollupPeriod:
    """Now, with months in the reader's time zone (home.middleware sets it to theirs)."""
    return RollupPeriod.at(timezone.now(), timezone.get_current_timezone())


def rollup_rows(sites: QuerySet[Site], metrics: list[RollupMetric]) -> QuerySet[Site]:
    """``sites`` with their name, type, parent and ``metrics``, as database annotations."""
    return sites.annotate(
        name=Coalesce(F("institutionsettings__official_name"), F("site_name")),
        kind=F("institutionsettings__institution_type"),
        parent_name=Coalesce(
            F("institutionsettings__parent__institutionsettings__official_name"),
            F("institutionsettings__parent__site_name"),
        ),
        **{metric.key: metric.expression for metric in metrics},
    )


def with_figures(rows: list[Site], metrics: list[RollupMetric]) -> list[Site]:
    """``rows`` with every figure set on them, read in one query for all of them."""
    figures = (
        Site.objects.filter(pk__in=[row.pk for row in rows])
        .order_by()
        .annotate(**{metric.key: metric.expression for metric in metrics})
    )
    by_site = {site.pk: site for site in figures}
    for row in rows:
        for metric in metrics:
            setattr(row, metric.key, getattr(by_site[row.pk], metric.key))
    return rows


def kind_label(key: str | None) -> str:
    try:
        return institution_kind(key).label if key else ""
    except KeyError:
        return key or ""


class MetricColumn(Column):
    """A figure, shown the way its kind says (percent, days, count)."""

    def __init__(self, metric: RollupMetric, period: RollupPeriod):
        super().__init__(metric.key, label=metric.label, sort_key=metric.key)
        self.metric, self.period = metric, period

    def get_value(self, instance):
        return self.metric.text(instance, self.period)


class RollupFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Institution type"),
        choices=InstitutionType.choices,
        field_name="institutionsettings__institution_type",
    )

    class Meta:
        model = Site
        fields = []


class InstitutionPaginator(WagtailPaginator):
    """Counts rows as institutions ("2 instansi"), not as Wagtail's sites."""

    verbose_name = gettext_lazy("institution")
    verbose_name_plural = gettext_lazy("institutions")


class RollupView(ReportView):
    """Every institution below the reader's region, one row each; figures from the database."""

    page_title = gettext_lazy("Regional roll-up")
    header_icon = "site"
    index_url_name = "oversight:rollup"
    index_results_url_name = "oversight:rollup_results"
    results_template_name = "home/oversight/rollup_results.html"
    filterset_class = RollupFilterSet
    is_searchable = True
    search_fields = ["site_name", "institutionsettings__official_name"]
    search_backend_name = None  # sites are not in the search index
    default_ordering = "name"
    paginate_by = 50
    paginator_class = InstitutionPaginator
    permission_policy = ROLLUP_POLICY
    permission_required = "view"

    @cached_property
    def period(self) -> RollupPeriod:
        return rollup_period()

    @cached_property
    def metrics(self) -> list[RollupMetric]:
        return rollup_metrics(self.period)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=gettext_lazy("Institution"),
                sort_key="name",
                get_url=lambda row: reverse("oversight:institution", args=[row.pk]),
            ),
            Column("kind_label", label=gettext_lazy("Type"), sort_key="kind"),
            Column("parent_name", label=gettext_lazy("Directly under"), sort_key="parent_name"),
            *(MetricColumn(metric, self.period) for metric in self.metrics),
        ]

    @property
    def list_export(self):
        return ["name", "kind", "parent_name", "hostname", *(m.key for m in self.metrics)]

    @property
    def export_headings(self):
        return {
            "name": _("Institution"),
            "kind": _("Type"),
            "parent_name": _("Directly under"),
            "hostname": _("Host"),
            **{metric.key: str(metric.label) for metric in self.metrics},
        }

    def get_filename(self):
        return f"rekap-wilayah-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def sort_metrics(self) -> list[RollupMetric]:
        """The figure the rows are sorted by, if any: the only one computed for every row."""
        key = (self.ordering or "").lstrip("-")
        return [metric for metric in self.metrics if metric.key == key]

    def get_base_queryset(self):
        # The page is chosen with names (and the sort figure) only; its figures are read
        # afterwards for its rows alone (decorate_paginated_queryset).
        sites = ROLLUP_POLICY.instances_user_has_permission_for(self.request.user, "view")
        return rollup_rows(sites, self.sort_metrics)

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        key = ordering.lstrip("-")
        descending = ordering.startswith("-")
        by_metric = {metric.key: metric for metric in self.metrics}
        if key in by_metric:
            first = by_metric[key].sort_expressions(descending)
        else:
            field = F(key)
            first = [field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)]
        return queryset.order_by(*first, "name", "pk")

    def decorate_paginated_queryset(self, object_list):
        rows = with_figures(list(object_list), self.metrics)
        for row in rows:
            row.kind_label = kind_label(row.kind)
            row.parent_name = row.parent_name or ""
        return rows

    def to_row_dict(self, item):
        row = {
            "name": item.name,
            "kind": kind_label(item.kind),
            "parent_name": item.parent_name or "",
            "hostname": item.hostname,
        }
        row.update({metric.key: metric.value(item, self.period) for metric in self.metrics})
        return row

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["metric_help"] = [m for m in self.metrics if m.help_text]
        return context


def _month_starts(first: date, count: int) -> list[date]:
    months, year, month = [], first.year, first.month
    for _index in range(count):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def institution_overview(request, site_id: int):
    """One institution below the reader's region, read-only: its figures, its news per month
    and its latest published news (never a draft). Another region's institution is a 404."""
    if not ROLLUP_POLICY.user_has_permission(request.user, "view"):
        raise Http404
    sites = ROLLUP_POLICY.instances_user_has_permission_for(request.user, "view")
    period = rollup_period()
    metrics = rollup_metrics(period)
    site = rollup_rows(sites.filter(pk=site_id), metrics).select_related("root_page").first()
    if site is None:
        raise Http404
    zone = institution_time_zone(site)
    news = NewsPage.objects.live().filter(subtree_q(site.root_page.path))
    per_month = dict(
        news.filter(first_published_at__gte=period.year_start)
        .annotate(month=TruncMonth("first_published_at", tzinfo=zone))
        .order_by()
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )
    per_month = {moment.date(): count for moment, count in per_month.items()}
    months = _month_starts(period.year_start.date(), 13)
    latest = news.order_by("-first_published_at")[:10]
    return TemplateResponse(
        request,
        "home/oversight/institution.html",
        {
            "page_title": site.name,
            "header_title": site.name,
            "site": site,
            "kind": kind_label(site.kind),
            "figures": [
                {"label": m.label, "text": m.text(site, period), "help": m.help_text}
                for m in metrics
            ],
            "months": [
                {"label": date_format(month, "YEAR_MONTH_FORMAT"), "count": per_month.get(month, 0)}
                for month in months
            ],
            "latest": [
                {
                    "title": page.title,
                    "url": page.get_full_url(request),
                    "published": date_format(
                        timezone.localtime(page.first_published_at, zone), "DATETIME_FORMAT"
                    ),
                }
                for page in latest
            ],
            "rollup_url": reverse("oversight:rollup"),
        },
    )
