"""Rejections go where the SOP says: to its ``on_reject`` role (else the last preparation
step's actors) as well as to the person who submitted.

The people it returns to see the comment, who rejected and how long ago at the top of the
editor (``before_edit_page``) and on their dashboard, and are e-mailed from django-q2.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django_q.tasks import async_task
from wagtail.models import TaskState, WorkflowState

from home.models import InstitutionRole
from sop_workflow.moderation.outcome import sent_back_role_keys
from sop_workflow.records.dispositions import display_name


@dataclass(frozen=True)
class Rejection:
    """The latest rejection of an item waiting for changes."""

    task_state: TaskState
    by: str
    at: datetime
    comment: str

    @property
    def ago(self) -> str:
        """ "2 menit yang lalu": how long ago, in the admin's language."""
        return _("%(time)s ago") % {"time": timesince(self.at, timezone.now())}


def latest_rejection(workflow_state: WorkflowState) -> Rejection | None:
    state = (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if state is None:
        return None
    state = state.specific
    return Rejection(state, display_name(state.finished_by), state.finished_at, state.get_comment())


def returns_to_users(workflow_state: WorkflowState, task):
    """The active users a rejection of ``task`` returns the item to."""
    users = get_user_model().objects.filter(is_active=True)
    installed = getattr(task, "installed_sop", None)
    if installed is None:
        return users.filter(pk=workflow_state.requested_by_id)
    keys = sent_back_role_keys(installed.definition, task)
    groups = InstitutionRole.objects.filter(site_id=installed.site_id, key__in=keys).values(
        "group_id"
    )
    return users.filter(pk__in=users.filter(groups__in=groups).values("pk")) | users.filter(
        pk=workflow_state.requested_by_id
    )


def rejection_for(user, page) -> Rejection | None:
    """The rejection waiting for ``user`` on ``page``, when it returned to them."""
    workflow_state = page.workflow_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).first()
    if workflow_state is None:
        return None
    rejection = latest_rejection(workflow_state)
    if rejection is None:
        return None
    task = rejection.task_state.task.specific
    if not returns_to_users(workflow_state, task).filter(pk=user.pk).exists():
        return None
    return rejection


def show_in_editor(request, page) -> None:
    """``before_edit_page`` (GET): the rejection at the top of the editor."""
    if request.method != "GET":
        return
    rejection = rejection_for(request.user, page)
    if rejection is None:
        return
    messages.warning(
        request,
        _("Returned for changes by %(by)s, %(ago)s: “%(comment)s”. Change it, then submit again.")
        % {"by": rejection.by, "ago": rejection.ago, "comment": rejection.comment},
    )


def queue_rejection_email(sender, instance, user=None, **kwargs) -> None:
    """``task_rejected`` for SOP task states: e-mail the SOP's roles once committed."""
    pk = instance.pk
    transaction.on_commit(lambda: async_task("sop_workflow.tasks.send_rejection_email", pk))


def send_rejection_email(task_state_pk: int) -> int:
    """E-mail the people a rejection returns the item to (the submitter gets Wagtail's own
    e-mail); returns how many were sent."""
    state = TaskState.objects.filter(pk=task_state_pk).first()
    if state is None:
        return 0
    state = state.specific
    task, workflow_state = state.task.specific, state.workflow_state
    recipients = sorted(
        set(
            returns_to_users(workflow_state, task)
            .exclude(pk=workflow_state.requested_by_id)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return 0
    page = workflow_state.content_object
    subject = _("Returned for changes: %(title)s") % {"title": page.get_admin_display_title()}
    body = _(
        "%(by)s returned “%(title)s” for changes at step %(step)s:\n\n%(comment)s\n\n"
        "Open it in the admin, change it and submit it again."
    ) % {
        "by": display_name(state.finished_by),
        "title": page.get_admin_display_title(),
        "step": task.step_label,
        "comment": state.get_comment(),
    }
    return send_mail(subject, body, None, recipients)
