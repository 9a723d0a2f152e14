from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialPublishConfig(AppConfig):
    name = "social_publish"
    verbose_name = _("Social media publishing")
    default_auto_field = "django.db.models.BigAutoField"
