from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SopWorkflowConfig(AppConfig):
    name = "sop_workflow"
    verbose_name = _("SOP workflows")
    default_auto_field = "django.db.models.BigAutoField"
