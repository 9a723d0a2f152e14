"""Background jobs of ``sop_workflow`` (run by django-q2; scheduled in ``cms.schedules``)."""

from __future__ import annotations


def send_reminders() -> int:
    """Schedule: remind and escalate overdue SOP steps; returns how many were sent."""
    from sop_workflow.timekeeping.reminders import send_due_follow_ups

    return len(send_due_follow_ups())
