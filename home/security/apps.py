from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Two-factor sign-in, lockout page and CSP; its own templates, static files, catalogue."""

    name = "home.security"
    label = "security"
    verbose_name = _("Sign-in security")
