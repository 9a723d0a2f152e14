"""Wagtail's group-approval e-mails for SOP tasks, sent from django-q2 after the commit.

Wagtail connects its task e-mails for the plain ``TaskState`` class only, and sends them inside
the request. SOP tasks have their own ``SopTaskState``: the same notifier is connected for it
here, and the sending happens in a background job so that approving never waits on SMTP.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django_q.tasks import async_task
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier


class SopTaskSubmittedEmailNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """Wagtail's "submitted to your group" e-mail, with Wagtail's own templates."""

    def get_template_base_prefix(self, instance, **kwargs):
        return "task_state_"


def queue_task_submitted_email(sender, instance, user=None, **kwargs) -> None:
    """Signal handler: queue the e-mail once the task state is committed."""
    state_pk, user_pk = instance.pk, getattr(user, "pk", None)
    transaction.on_commit(
        lambda: async_task("sop_workflow.tasks.send_task_submitted_email", state_pk, user_pk)
    )


def send_task_submitted_email(task_state_pk: int, user_pk: int | None) -> bool:
    """Background job: e-mail the members of the task's groups (not the submitter)."""
    from sop_workflow.models import SopTaskState

    state = SopTaskState.objects.filter(pk=task_state_pk).first()
    if state is None:
        return False
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    return SopTaskSubmittedEmailNotifier()(instance=state, user=user)
