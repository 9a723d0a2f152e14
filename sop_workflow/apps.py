from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SopWorkflowConfig(AppConfig):
    name = "sop_workflow"
    verbose_name = _("SOP workflows")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sop_workflow.moderation import checks  # noqa: F401  (registers the built-in check names)
        from sop_workflow.permissions import register_policies
        from sop_workflow.signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_policies()
