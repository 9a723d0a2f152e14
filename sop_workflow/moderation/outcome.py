"""What an SOP task action did, in one sentence for the person who took it.

"Disetujui pada Langkah 3; diteruskan ke Lurah", "Dikembalikan ke Operator Website": shown after
every task action, from the editor's action menu (``after_edit_page``) and from the action modal
of the dashboard and the task list (``sop_workflow:action_result``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowState

from home.models import InstitutionRole
from sop_workflow.definition import Kind


def role_names(task) -> str:
    """The institution role names of the groups owning ``task``, joined."""
    names = InstitutionRole.objects.filter(group__in=task.groups.all()).values_list(
        "name", flat=True
    )
    return ", ".join(sorted(set(names))) or task.name


def sent_back_role_keys(definition, task) -> set[str]:
    """Role keys a rejection of ``task`` sends the item back to, as the SOP says: its
    ``on_reject`` role, else the actors of the step it names, else those of the last
    preparation step."""
    number = getattr(task, "step_number", None)
    sop_task = next((t for t in definition.tasks() if t.number == number), None)
    target = sop_task.on_reject if sop_task else None
    if target is not None and target.role:
        return {target.role}
    if target is not None and target.step is not None:
        return set(definition.step(target.step).actor)
    preparation = definition.steps_of(Kind.PREPARATION)
    return set(preparation[-1].actor) if preparation else set()


def returned_to(task, workflow_state) -> str:
    """Who a rejection of ``task`` sends the item back to: the SOP's roles for it, else the
    person who submitted."""
    installed = getattr(task, "installed_sop", None)
    if installed is not None:
        keys = sent_back_role_keys(installed.definition, task)
        names = InstitutionRole.objects.filter(site_id=installed.site_id, key__in=keys)
        if names.exists():
            return ", ".join(sorted(names.values_list("name", flat=True)))
    user = workflow_state.requested_by
    if user is None:
        return _("the submitter")
    return user.get_full_name() or user.get_username()


def outcome_message(task_state) -> tuple[str, str]:
    """``(level, sentence)`` for what happened to ``task_state``: ``success`` or ``error``."""
    task_state = TaskState.objects.get(pk=task_state.pk).specific
    task = task_state.task.specific
    step = task.step_label
    workflow_state = task_state.workflow_state
    if task_state.status == TaskState.STATUS_REJECTED:
        return "success", _("Returned to %(to)s at step %(step)s with your comment.") % {
            "to": returned_to(task, workflow_state),
            "step": step,
        }
    if task_state.status == TaskState.STATUS_APPROVED:
        workflow_state.refresh_from_db()
        current = workflow_state.current_task_state
        if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and current is not None:
            return "success", _("Approved at step %(step)s; passed on to %(roles)s.") % {
                "step": step,
                "roles": role_names(current.task.specific),
            }
        page = workflow_state.content_object
        if page.live and not page.has_unpublished_changes:
            return "success", _("Approved at step %(step)s; the page is now live.") % {"step": step}
        return "success", _("Approved at step %(step)s; the SOP workflow is complete.") % {
            "step": step
        }
    if task_state.status == TaskState.STATUS_IN_PROGRESS and task_state.parafs.exists():
        return "success", _("Paraf recorded at step %(step)s.") % {"step": step}
    return "error", _("Nothing was done at step %(step)s.") % {"step": step}
