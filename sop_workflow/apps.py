from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SopWorkflowConfig(AppConfig):
    name = "sop_workflow"
    verbose_name = _("SOP workflows")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from sop_workflow.access import MemberRecordsPolicy
        from sop_workflow.models import Disposition, IntakeRegisterEntry
        from sop_workflow.moderation import checks  # noqa: F401  (registers the built-in check names)
        from sop_workflow.records.dispositions import DispositionPermissionPolicy
        from sop_workflow.signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_permission_policy(Disposition, DispositionPermissionPolicy(Disposition))
        register_permission_policy(IntakeRegisterEntry, MemberRecordsPolicy(IntakeRegisterEntry))
