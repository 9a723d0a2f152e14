from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The project package: provisioning and schedules that span apps. It holds no models."""

    name = "cms"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from django.apps import apps

        from cms.schedules import ensure_schedules

        # This package has no models, so post_migrate is never sent for it: listen to django_q's.
        post_migrate.connect(
            ensure_schedules,
            sender=apps.get_app_config("django_q"),
            dispatch_uid="cms_ensure_schedules",
        )
