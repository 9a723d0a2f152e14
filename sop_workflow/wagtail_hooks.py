"""Admin hooks of ``sop_workflow``: URLs, menu items, page buttons and dashboard panels; what
the SOP decides for ``social_publish`` (channels, link-report roles)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.permissions import policy_registry

from sop_workflow import channels, urls
from sop_workflow.components import FreshnessPanel, WaitingForYouPanel
from sop_workflow.models import ArchiveRecord, InstalledSop, IntakeRegisterEntry, StepTiming
from sop_workflow.permissions import viewable
from sop_workflow.records import dispositions
from sop_workflow.records.follow_ups import LOG_ACTION
from sop_workflow.records.guide import has_guide
from sop_workflow.views.dispositions import DispositionViewSet
from sop_workflow.views.follow_ups import FollowUpPanel
from sop_workflow.views.registers import IntakeRegisterViewSet

hooks.register("social_publish_channel_selector", channels.platform_choice)
hooks.register("social_publish_channel_limit", channels.fixed_channel_kinds)
hooks.register("social_publish_report_recipients", channels.link_report_roles)
hooks.register("social_publish_required_channels", channels.required_channels)
hooks.register("social_publish_required_versions", channels.required_versions)


@hooks.register("register_log_actions")
def register_follow_up_log_action(actions):
    """The page history names each after-publication step done, with what it did."""

    @actions.register_action(LOG_ACTION)
    class FollowUpDone(LogFormatter):
        label = _("SOP step after publication done")

        def format_message(self, log_entry):
            return log_entry.data.get("message") or str(self.label)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("sop/", include((urls.urlpatterns, "sop_workflow"), namespace="sop_workflow"))]


@hooks.register("construct_homepage_panels")
def add_sop_panels(request, panels):
    panels.append(WaitingForYouPanel())
    panels.append(FollowUpPanel())
    panels.append(FreshnessPanel())


@hooks.register("register_admin_viewset")
def register_disposition_viewset():
    return DispositionViewSet()


intake_register = IntakeRegisterViewSet()


@hooks.register("register_admin_viewset")
def register_intake_register_viewset():
    return intake_register


class IntakeRegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return viewable(IntakeRegisterEntry, request.user).exists()


@hooks.register("register_reports_menu_item")
def register_intake_register_menu_item():
    return IntakeRegisterMenuItem(
        _("Intake register"),
        reverse(intake_register.get_url_name("index")),
        icon_name="list-ol",
        order=920,
    )


class ComplianceReportMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(StepTiming).user_has_permission(request.user, "view")


class SopDocumentMenuItem(MenuItem):
    def is_shown(self, request):
        return viewable(InstalledSop, request.user).filter(is_current=True).exists()


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


class MyGuideMenuItem(MenuItem):
    def is_shown(self, request):
        return has_guide(request.user)


@hooks.register("register_admin_menu_item")
def register_my_guide_menu_item():
    return MyGuideMenuItem(
        _("My SOP guide"), reverse("sop_workflow:my_guide"), icon_name="help", order=250
    )


@hooks.register("register_page_header_buttons")
def record_buttons(page, user, view_name=None, next_url=None):
    """The page's *nomor agenda* and "Archive record" in the header's menu, once it has them."""
    record = (
        viewable(ArchiveRecord, user)
        .filter(page_id=page.pk)
        .order_by("-archived_at", "-pk")
        .first()
    )
    entry = viewable(IntakeRegisterEntry, user).filter(page_id=page.pk).first()
    if entry is not None:
        yield Button(
            _("Agenda number %(number)s") % {"number": entry.agenda_number},
            reverse(intake_register.get_url_name("inspect"), args=[entry.pk]),
            icon_name="list-ol",
            priority=79,
        )
    if record is not None:
        yield Button(
            _("Archive record %(number)s") % {"number": record.archive_number},
            reverse("sop_workflow:archive_print", args=[record.pk]),
            icon_name="doc-full",
            priority=80,
        )


@hooks.register("staff_handover_sections")
def disposition_handover(person, sites):
    return [dispositions.handover_section(person, sites)]
