"""The compliance report: per SOP step, actual working time against the standard."""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site
from wagtail.permissions import policy_registry

from home.tenancy import institution_time_zone
from sop_workflow.models import StepOutcome, StepTiming
from sop_workflow.timekeeping.compliance import (
    bar_chart_svg,
    monthly_trend,
    slowest_items,
    step_statistics,
    trend_chart_svg,
)


class ComplianceReportFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label=_("Institution"), queryset=Site.objects.none(), field_name="site"
    )
    period = django_filters.DateFromToRangeFilter(
        label=_("Period"), field_name="started_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = StepTiming
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        policy = policy_registry.get_by_type(StepTiming)
        self.filters["site"].queryset = policy.sites_for(request.user, "view").order_by("site_name")


class ComplianceReportView(ReportView):
    """Declared like Wagtail's reports; its rows are statistics computed from step timings."""

    page_title = _("SOP compliance")
    header_icon = "time"
    filterset_class = ComplianceReportFilterSet
    index_url_name = "sop_workflow:compliance_report"
    index_results_url_name = "sop_workflow:compliance_report_results"
    results_template_name = "sop_workflow/reports/compliance_results.html"
    paginate_by = 100
    columns = [
        Column("institution", label=_("Institution")),
        Column("step_label", label=_("Step")),
        Column("kind_label", label=_("Kind")),
        NumberColumn("count", label=_("Items processed")),
        Column("median_text", label=_("Median")),
        Column("p90_text", label=_("90th percentile")),
        Column("max_text", label=_("Maximum")),
        Column("standard_text", label=_("Standard")),
        Column("within_text", label=_("Within standard")),
        NumberColumn("rejections", label=_("Rejections")),
    ]
    list_export = [
        "institution",
        "step_label",
        "kind_label",
        "count",
        "median_minutes",
        "p90_minutes",
        "max_minutes",
        "standard_minutes",
        "within_percent",
        "rejections",
    ]
    export_headings = {
        "institution": _("Institution"),
        "step_label": _("Step"),
        "kind_label": _("Kind"),
        "count": _("Items processed"),
        "median_minutes": _("Median (working minutes)"),
        "p90_minutes": _("90th percentile (working minutes)"),
        "max_minutes": _("Maximum (working minutes)"),
        "standard_minutes": _("Standard (minutes)"),
        "within_percent": _("Within standard (%)"),
        "rejections": _("Rejections"),
    }

    permission_required = "view"  # of step timings: the institution's leadership roles

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(StepTiming)

    def get_filename(self):
        # Today in the chosen institution; otherwise in the request's zone (the member's
        # institution's, set by home.middleware), never the server's.
        site = self._filter_value("site")
        zone = institution_time_zone(site) if site else None
        return f"kepatuhan-sop-{timezone.localdate(timezone=zone):%Y-%m-%d}"

    def get_base_queryset(self):
        return (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
            .filter(finished_at__isnull=False)
            .exclude(outcome=StepOutcome.CANCELLED)
            .select_related("site")
            .order_by("started_at", "pk")
        )

    @cached_property
    def timings(self) -> list[StepTiming]:
        return list(self.filter_queryset(self.get_base_queryset()))

    def get_queryset(self):
        return step_statistics(self.timings)

    def get_filtered_queryset(self):
        return self.get_queryset()  # the filters were applied to the timings

    def _filter_value(self, name):
        if self.filters is None or not self.filters.is_valid():
            return None
        return self.filters.form.cleaned_data.get(name)

    def monthly_trends(self) -> list[dict]:
        """Per institution: its months in the chosen period, as a chart and a table."""
        period = self._filter_value("period")
        site = self._filter_value("site")
        trends = monthly_trend(
            self.timings,
            sites=[site] if site else [],
            # the period's dates as the user chose them (the filter made them datetimes)
            first=period.start.date() if period and period.start else None,
            last=period.stop.date() if period and period.stop else None,
        )
        return [
            {
                "trend": trend,
                "chart": trend_chart_svg(
                    trend,
                    gettext("Share of step times within standard per month, %(institution)s")
                    % {"institution": trend.institution},
                ),
            }
            for trend in trends
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows = list(context["object_list"])
        context["chart"] = bar_chart_svg(rows, gettext("Working time per SOP step"))
        context["chart_rows"] = [row for row in rows if row.count]
        context["trends"] = self.monthly_trends()
        context["slowest"] = slowest_items(self.timings)
        return context
