from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Institutions and pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from . import checks as home_checks
        from . import signal_handlers, wagtail_patches

        wagtail_patches.apply()
        checks.register(wagtail_patches.check_patch_targets, checks.Tags.compatibility)
        checks.register(home_checks.check_cross_institution_groups, checks.Tags.security)
        signal_handlers.register_signal_handlers()
