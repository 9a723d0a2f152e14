"""Recurring jobs, run by django-q2's scheduler inside `qcluster` (no external cron)."""

from __future__ import annotations

from django_q.models import Schedule

# name -> (function path, args, minutes between runs); every function is in an app's tasks.py.
SCHEDULES: dict[str, tuple[str, str, int]] = {
    # Wagtail only publishes pages whose go-live time has come when this command runs.
    "publish_scheduled": ("cms.tasks.publish_scheduled", "", 1),
    # Social publishing: restart jobs of dead workers and lost retries; check channel tokens.
    "social_sweep": ("social_publish.tasks.sweep", "", 5),
    "social_health_check": ("social_publish.tasks.health_check", "", 24 * 60),
    # SOP: remind a step's group at its reminder stages; escalate to the role above past a multiple.
    # Accessibility: queue again the audio/braille jobs that were lost, refused or failed.
    "accessibility_sweep": ("accessibility.tasks.sweep", "", 10),
    "sop_reminders": ("sop_workflow.tasks.send_reminders", "", 5),
}


def ensure_schedules(**_kwargs) -> None:
    """Create or update the platform's schedules (connected to ``post_migrate``)."""
    for name, (func, args, minutes) in SCHEDULES.items():
        Schedule.objects.update_or_create(
            name=name,
            defaults={
                "func": func,
                "args": args,
                "schedule_type": Schedule.MINUTES,
                "minutes": minutes,
                "repeats": -1,
            },
        )
