from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The project package: provisioning commands that span apps. It holds no models."""

    name = "cms"
    verbose_name = _("Platform")
