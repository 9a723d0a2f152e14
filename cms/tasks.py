"""Background jobs of the project package (run by django-q2; scheduled in ``cms.schedules``)."""

from __future__ import annotations

from django.core.management import call_command


def publish_scheduled() -> None:
    """Schedule: run Wagtail's ``publish_scheduled`` (pages whose go-live time has come)."""
    call_command("publish_scheduled")
