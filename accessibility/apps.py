from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    name = "accessibility"
    verbose_name = _("Accessibility")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.models import get_page_models

        from accessibility import signal_handlers
        from accessibility.forms import install_gate
        from accessibility.spoken import carries_media

        signal_handlers.register_signal_handlers()
        install_gate(model for model in get_page_models() if carries_media(model))
