"""Background jobs of ``sop_workflow`` (run by django-q2; scheduled in ``cms.schedules``).

Every job queued by this app names a function of this module; each one takes primary keys
only and calls into the module that holds the logic.
"""

from __future__ import annotations


def send_reminders() -> int:
    """Schedule: remind and escalate overdue SOP steps; returns how many were sent."""
    from sop_workflow.timekeeping.reminders import send_due_follow_ups

    return len(send_due_follow_ups())


def notify_disposition_assignees(disposition_pk: int) -> int:
    """E-mail the assignee of a new disposition; returns how many e-mails were sent."""
    from sop_workflow.records.dispositions import notify_assignees

    return notify_assignees(disposition_pk)


def notify_follow_up_due(todo_pk: int) -> int:
    """E-mail the roles of an after-publication to-do that it is due; how many were sent."""
    from sop_workflow.records.follow_ups import notify_due

    return notify_due(todo_pk)


def send_task_submitted_email(task_state_pk: int, user_pk: int | None) -> bool:
    """E-mail the groups of an SOP task that an item was submitted to them."""
    from sop_workflow.moderation.notifications import send_task_submitted_email as send

    return send(task_state_pk, user_pk)


def send_rejection_email(task_state_pk: int) -> int:
    """E-mail the roles a rejection returns the item to, as the SOP says."""
    from sop_workflow.moderation.rejections import send_rejection_email as send

    return send(task_state_pk)


def notify_disposition_closed(disposition_pk: int) -> int:
    """E-mail the givers of a disposition chain that the page was published or withdrawn."""
    from sop_workflow.records.dispositions import notify_closed

    return notify_closed(disposition_pk)
