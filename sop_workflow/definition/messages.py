"""The translation helper of the definition package's validation messages."""

from __future__ import annotations

from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured
from django.utils.translation import gettext


def _(message: str) -> str:
    """Translate ``message``; outside a configured Django project return it unchanged."""
    try:
        return gettext(message)
    except (ImproperlyConfigured, AppRegistryNotReady):
        return message
