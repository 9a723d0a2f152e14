from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialPublishConfig(AppConfig):
    name = "social_publish"
    verbose_name = _("Social media publishing")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from social_publish.permissions import register_policies
        from social_publish.signal_handlers import register_signal_handlers

        register_policies()
        register_signal_handlers()
