from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Institutions and pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from . import signal_handlers, wagtail_patches

        wagtail_patches.apply()
        checks.register(wagtail_patches.check_patch_targets, checks.Tags.compatibility)
        signal_handlers.register_signal_handlers()
