"""What the actions of an SOP task do: approve (with paraf or platform choice), paraf, reject,
and the explicit restart at an earlier step after a rejection."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState

from sop_workflow.models import (
    AbstractSopTask,
    PlatformChoice,
    SopPublicationTask,
    SopTaskState,
)
from sop_workflow.moderation.checks import requirement_problems
from sop_workflow.moderation.paraf import owed_paraf, paraf_roles, record_paraf

REJECT = ("reject", _("Request changes"), True)


def _is_member(task: AbstractSopTask, obj, user) -> bool:
    """An operator, or a member of one of the task's groups (Wagtail's own test, cached)."""
    return task.user_can_access_editor(obj, user)


def actions_for(task: AbstractSopTask, obj, user) -> list[tuple[str, str, bool]]:
    """The ``(name, label, needs_modal)`` actions ``user`` may take on ``task`` for ``obj``."""
    if not _is_member(task, obj, user):
        return []
    if task.paraf:
        return [REJECT, *_paraf_actions(task, obj, user)]
    if getattr(task, "choose_platforms", False):
        return [REJECT, ("approve", _("Choose platforms and approve"), True)]
    if isinstance(task, SopPublicationTask):
        return [
            REJECT,
            ("approve", _("Approve and publish"), False),
            ("approve", _("Approve and publish with comment"), True),
        ]
    return [REJECT, ("approve", _("Approve"), False), ("approve", _("Approve with comment"), True)]


def _paraf_actions(task: AbstractSopTask, obj, user) -> list[tuple[str, str, bool]]:
    """One paraf completes the task unless ``paraf_by`` names other roles that still owe it."""
    task_state = obj.current_workflow_task_state
    mine = {key for key, _name in paraf_roles(task, user)}
    owed = owed_paraf(task, task_state) if task_state is not None else set(task.paraf_by)
    if owed - mine:
        return [("paraf", _("Give paraf"), True)] if owed & mine else []
    return [("approve", _("Approve with paraf"), True)]


@transaction.atomic
def perform_action(task: AbstractSopTask, task_state, user, action_name: str, **data):
    """Carry out an action; returns the URL that says what it did (or why not).

    The data is validated again here because the page editor passes it unvalidated. The
    action modal follows the URL; the page editor ignores it and says the same through
    ``sop_workflow.moderation.editor``.
    """
    form = task.get_form_for_action(action_name)(data=data)
    if not form.is_valid():
        raise PermissionDenied(form.errors.as_text())
    data = form.cleaned_data
    done = reverse("sop_workflow:action_result", args=[task_state.pk])
    if action_name == "reject":
        task_state.reject(user=user, comment=data["comment"])
        return done
    if action_name == "paraf":
        record_paraf(task, task_state, user, data["initials"])
        return done
    if action_name != "approve":
        raise PermissionDenied
    if requirement_problems(task, task_state):
        return reverse("sop_workflow:requirements", args=[task_state.pk])
    _record_decisions(task, task_state, user, data)
    approve(task_state, user, data.get("comment", ""))
    return done


def _record_decisions(task: AbstractSopTask, task_state, user, data) -> None:
    if task.paraf:
        record_paraf(task, task_state, user, data["initials"])
    if "channels" in data:
        page = task_state.workflow_state.content_object
        PlatformChoice.objects.create(
            site=task.installed_sop.site,
            page_id=page.pk,
            revision=page.get_latest_revision(),
            task_state=task_state,
            channels=list(data["channels"]),
            chosen_by=user,
        )


def approve(task_state: SopTaskState, user, comment: str) -> None:
    """Approve; while re-running the tasks a rejection sent back, go to the next of them."""
    next_task = _next_rewind_task(task_state)
    if next_task is None:
        task_state.approve(user=user, comment=comment)
        return
    task_state.approve(user=user, comment=comment, update=False)
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db()
    workflow_state.update(user=user, next_task=next_task)
    if next_task.pk != task_state.rewind_until_id:
        SopTaskState.objects.filter(pk=workflow_state.current_task_state_id).update(
            rewind_until=task_state.rewind_until_id
        )


def _next_rewind_task(task_state):
    """The task after this one when it runs again before the task that rejected."""
    until = getattr(task_state, "rewind_until_id", None)
    if until is None:
        return None
    tasks = list(task_state.workflow_state.workflow.tasks.specific())
    ids = [task.pk for task in tasks]
    if task_state.task_id not in ids or until not in ids:
        return None
    index = ids.index(task_state.task_id)
    if index + 1 > ids.index(until):
        return None
    return tasks[index + 1]


def restart_target(task: AbstractSopTask, workflow_state):
    """The task to restart instead of ``task`` when resubmitted after its own rejection.

    Wagtail resumes a workflow that needed changes at the task that rejected; the SOP may send
    the item further back (``on_reject``), which is done here explicitly.
    """
    if task.restart_step is None or task.restart_step == task.step_number:
        return None
    latest = (
        TaskState.objects.filter(workflow_state=workflow_state)
        .order_by("-started_at", "-pk")
        .first()
    )
    if latest is None or latest.task_id != task.pk or latest.status != TaskState.STATUS_REJECTED:
        return None
    for candidate in workflow_state.workflow.tasks.specific():
        if getattr(candidate, "step_number", None) == task.restart_step:
            return candidate
    return None
