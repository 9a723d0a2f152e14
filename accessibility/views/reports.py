"""The per-institution accessibility report: every live page, what its readers get."""

from __future__ import annotations

import zoneinfo

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site

from accessibility.status import live_pages, page_status
from home.permissions import MEMBER, InstitutionPermissionPolicy
from home.tenancy import institution_time_zone

#: Members read the report of their institutions' pages; operators of every one. Not registered:
#: the policy of ``Site`` itself stays Wagtail's (sites are managed by operators only).
REPORT_POLICY = InstitutionPermissionPolicy(Site, site_lookup="pk", view=MEMBER)

STATUS_CHOICES = (("incomplete", _("Something missing")), ("complete", _("Complete")))


class AccessibilityReportFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label=_("Institution"), queryset=Site.objects.none(), method="filter_site"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_nothing"
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["site"].queryset = REPORT_POLICY.sites_for(request.user, "view").order_by(
            "site_name"
        )

    def filter_site(self, queryset, name, value):
        return queryset.filter(path__startswith=value.root_page.path) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset  # the status is computed per page (see get_queryset)


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.text(self.accessor)


class AccessibilityReportView(ReportView):
    """Declared like Wagtail's reports; rows are :class:`accessibility.status.PageStatus`."""

    page_title = _("Accessibility")
    header_icon = "view"
    filterset_class = AccessibilityReportFilterSet
    index_url_name = "accessibility:report"
    index_results_url_name = "accessibility:report_results"
    paginate_by = 50
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page.pk]),
        ),
        Column("institution", label=_("Institution")),
        Column("page_type", label=_("Type")),
        StatusColumn("alt_text_ok", label=_("Alt text")),
        StatusColumn("captions_ok", label=_("Captions")),
        StatusColumn("audio_ready", label=_("Audio ready")),
        StatusColumn("braille_ready", label=_("Braille ready")),
    ]
    list_export = [
        "institution",
        "title",
        "url",
        "alt_text",
        "captions",
        "audio",
        "braille",
        "problems",
    ]
    export_headings = {
        "institution": _("Institution"),
        "title": _("Page"),
        "url": _("URL"),
        "alt_text": _("Alt text"),
        "captions": _("Captions"),
        "audio": _("Audio ready"),
        "braille": _("Braille ready"),
        "problems": _("Problems"),
    }

    permission_policy = REPORT_POLICY
    permission_required = "view"  # of an institution: being one of its members

    @cached_property
    def sites(self):
        """The institutions whose pages the user may see in the report."""
        return REPORT_POLICY.instances_user_has_permission_for(self.request.user, "view")

    def get_filename(self):
        return f"aksesibilitas-{timezone.localdate(timezone=self.report_zone()):%Y-%m-%d}"

    def report_zone(self) -> zoneinfo.ZoneInfo | None:
        """The chosen institution's time zone; ``None`` (the request's zone, which
        home.middleware sets to the member's institution's) when none is chosen."""
        valid = self.filters is not None and self.filters.is_valid()
        site = self.filters.form.cleaned_data.get("site") if valid else None
        if site is None:
            return None
        return institution_time_zone(site)

    def get_base_queryset(self):
        return live_pages(self.sites).filter(depth__gte=2)

    @cached_property
    def institutions(self) -> dict[str, str]:
        return {
            path: name or host
            for path, name, host in self.sites.values_list(
                "root_page__path", "site_name", "hostname"
            )
        }

    def get_queryset(self):
        pages = self.filter_queryset(self.get_base_queryset())
        rows = [page_status(page, self.institutions) for page in pages]
        valid = self.filters is not None and self.filters.is_valid()
        wanted = self.filters.form.cleaned_data.get("status") if valid else None
        if wanted:
            rows = [row for row in rows if row.complete == (wanted == "complete")]
        return rows

    def get_filtered_queryset(self):
        return self.get_queryset()

    def to_row_dict(self, item):
        return {
            "institution": item.institution,
            "title": item.title,
            "url": item.page.full_url or "",
            "alt_text": item.text("alt_text_ok"),
            "captions": item.text("captions_ok"),
            "audio": item.text("audio_ready"),
            "braille": item.text("braille_ready"),
            "problems": " | ".join(item.problems),
        }
