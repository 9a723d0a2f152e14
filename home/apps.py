from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Institutions and pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import admin_tenancy, signal_handlers

        admin_tenancy.scope_admin_filters()
        signal_handlers.register_signal_handlers()
