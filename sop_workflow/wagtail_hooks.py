"""Admin hooks of ``sop_workflow``: URLs, menu items, page buttons and dashboard panels."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from sop_workflow import urls
from sop_workflow.access import leadership_sites, member_sites
from sop_workflow.components import DispositionsPanel, FreshnessPanel, SopTasksPanel
from sop_workflow.models import ArchiveRecord, InstalledSop
from sop_workflow.views.dispositions import DispositionViewSet


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("sop/", include((urls.urlpatterns, "sop_workflow"), namespace="sop_workflow"))]


@hooks.register("construct_homepage_panels")
def add_sop_panels(request, panels):
    panels.append(FreshnessPanel())
    panels.append(DispositionsPanel())
    panels.append(SopTasksPanel())


@hooks.register("register_admin_viewset")
def register_disposition_viewset():
    return DispositionViewSet()


class ComplianceReportMenuItem(MenuItem):
    def is_shown(self, request):
        return leadership_sites(request.user).exists()


class SopDocumentMenuItem(MenuItem):
    def is_shown(self, request):
        return InstalledSop.objects.filter(
            site__in=member_sites(request.user), is_current=True
        ).exists()


@hooks.register("register_reports_menu_item")
def register_compliance_report_menu_item():
    return ComplianceReportMenuItem(
        _("SOP compliance"), reverse("sop_workflow:compliance_report"), icon_name="time", order=900
    )


@hooks.register("register_reports_menu_item")
def register_sop_document_menu_item():
    return SopDocumentMenuItem(
        _("Print SOP"), reverse("sop_workflow:sop_index"), icon_name="doc-full", order=910
    )


@hooks.register("register_page_header_buttons")
def archive_button(page, user, view_name=None, next_url=None):
    """ "Archive record" in the page header's menu, once the page has been archived."""
    record = (
        ArchiveRecord.objects.filter(page_id=page.pk, site__in=member_sites(user))
        .order_by("-archived_at", "-pk")
        .first()
    )
    if record is not None:
        yield Button(
            _("Archive record %(number)s") % {"number": record.archive_number},
            reverse("sop_workflow:archive_print", args=[record.pk]),
            icon_name="doc-full",
            priority=80,
        )
