"""*Paraf*: the initials an official puts on an approval, recorded per role and task state."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.models import TaskState

from home.models import InstitutionRole
from sop_workflow.models import AbstractSopTask, ParafRecord

OPERATOR_ROLE = "operator"


def acting_roles(task: AbstractSopTask, user) -> list[InstitutionRole]:
    """The institution roles through which ``user`` acts on ``task``."""
    return list(
        InstitutionRole.objects.filter(group__in=task.groups.all(), group__user=user).distinct()
    )


def paraf_roles(task: AbstractSopTask, user) -> list[tuple[str, str]]:
    """``(key, name)`` of the roles whose paraf ``user`` gives on ``task``."""
    roles = acting_roles(task, user)
    if task.paraf_by:
        roles = [role for role in roles if role.key in task.paraf_by]
    if not roles and user.is_superuser:
        return [(OPERATOR_ROLE, _("Operator"))]
    return [(role.key, role.name) for role in roles]


def owed_paraf(task: AbstractSopTask, task_state) -> set[str]:
    """Role keys of ``paraf_by`` that have not initialled ``task_state`` yet."""
    given = ParafRecord.objects.filter(task_state=task_state).values_list("role_key", flat=True)
    return set(task.paraf_by) - set(given)


def record_paraf(task: AbstractSopTask, task_state, user, initials: str) -> list[ParafRecord]:
    """Record ``user``'s paraf on ``task_state`` for each role they give it in."""
    page = task_state.workflow_state.content_object
    revision = page.get_latest_revision() or task_state.revision
    records = []
    for key, name in paraf_roles(task, user):
        record, _created = ParafRecord.objects.update_or_create(
            task_state=task_state,
            role_key=key,
            defaults={
                "page_id": page.pk,
                "revision": revision,
                "step_number": task.step_number,
                "role_name": name,
                "user": user,
                "initials": initials.strip(),
            },
        )
        records.append(record)
    return records


def missing_paraf_of_earlier_tasks(task, task_state) -> list[tuple[str, str]]:
    """``(step label, role names)`` for earlier paraf tasks of this round lacking a paraf."""
    workflow_state = task_state.workflow_state
    missing = []
    for earlier in workflow_state.workflow.tasks.specific():
        if earlier.pk == task.pk:
            break
        if not getattr(earlier, "paraf", False):
            continue
        latest = (
            TaskState.objects.filter(workflow_state=workflow_state, task=earlier)
            .order_by("-started_at", "-pk")
            .first()
        )
        approved = latest is not None and latest.status == TaskState.STATUS_APPROVED
        given = set(
            ParafRecord.objects.filter(task_state=latest).values_list("role_key", flat=True)
            if approved
            else ()
        )
        lacking = set(earlier.paraf_by) - given if earlier.paraf_by else set()
        if lacking or not given:
            names = InstitutionRole.objects.filter(
                group__in=earlier.groups.all(), key__in=lacking or set(earlier.paraf_by)
            ).values_list("name", flat=True)
            missing.append((earlier.step_label, ", ".join(names) or earlier.name))
    return missing
