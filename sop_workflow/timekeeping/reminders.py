"""Reminders and escalations for SOP steps running late (in working time).

A step is reminded to the members of its task's groups at each *stage* of its standard maximum:
the SOP's ``[sop] reminders`` shares (e.g. ``[0.8, 1.0]``), by default once at 100 %. Past
``SOP_ESCALATION_FACTOR`` times the standard (default 2) it is escalated once to the role *above*
the actors: the step's ``escalate_to`` role, else the institution's leadership roles — never to
the next actor in the flow. Each is recorded as a ``SopReminder`` (one per stage) before the
e-mail goes out, inside one transaction, so nothing is sent twice and a failed send is retried
on the next run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import TaskState

from home.models import InstitutionRole
from sop_workflow import conf
from sop_workflow.models import AbstractSopTask, ReminderKind, SopReminder, SopTaskState
from sop_workflow.timekeeping import sla
from sop_workflow.timekeeping.timing import calendar_for_site

#: Without ``[sop] reminders``, a step is reminded once, when its standard time has passed.
DEFAULT_STAGES = (1.0,)


@dataclass(frozen=True)
class FollowUp:
    """A reminder at a stage (% of the standard time), or the escalation (stage 0)."""

    kind: str
    stage: int = 0


def escalation_factor() -> float:
    """How many standard times a step may run before it is escalated."""
    return float(conf.get("SOP_ESCALATION_FACTOR"))


def reminder_stages(task: AbstractSopTask) -> tuple[float, ...]:
    """The shares of the standard time at which the step's actors are reminded."""
    return task.installed_sop.definition.sop.reminders or DEFAULT_STAGES


def due_follow_ups(task: AbstractSopTask, standing: sla.Sla) -> list[FollowUp]:
    """The latest reminder stage reached, and the escalation once past the escalation factor."""
    if standing.status == sla.NO_STANDARD:
        return []
    standard = timedelta(seconds=task.standard_max_seconds)
    reached = [share for share in reminder_stages(task) if standing.elapsed >= standard * share]
    due = [FollowUp(ReminderKind.REMINDER, round(reached[-1] * 100))] if reached else []
    if standing.elapsed >= standard * escalation_factor():
        due.append(FollowUp(ReminderKind.ESCALATION))
    return due


def _steps_of(task: AbstractSopTask):
    numbers = set(task.step_numbers or [task.step_number])
    return [step for step in task.installed_sop.definition.steps if step.number in numbers]


def escalation_roles(task: AbstractSopTask):
    """The roles one step up: the step's ``escalate_to`` role, else the leadership roles."""
    roles = InstitutionRole.objects.filter(site_id=task.installed_sop.site_id)
    above = [step.escalate_to for step in _steps_of(task) if step.escalate_to]
    if above:
        return roles.filter(key__in=above)
    return roles.filter(is_leadership=True)


def escalation_groups(task: AbstractSopTask):
    """The groups the escalation of ``task`` goes to."""
    return [role.group for role in escalation_roles(task).select_related("group")]


def recipients(task: AbstractSopTask, kind: str) -> list[str]:
    groups = task.groups.all() if kind == ReminderKind.REMINDER else escalation_groups(task)
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def task_url(task_state) -> str:
    """The direct link to the item's editor, where the task's actions are."""
    page_id = task_state.workflow_state.object_id
    return get_admin_base_url() + reverse("wagtailadmin_pages:edit", args=[page_id])


def _time_line(task: AbstractSopTask, standing: sla.Sla) -> str:
    values = {"standard": task.standard_text}
    if standing.remaining > timedelta(0):
        values["left"] = sla.format_working_time(standing.remaining)
        return _("Standard time: %(standard)s. %(left)s of working time left.") % values
    values["overdue"] = sla.format_working_time(-standing.remaining)
    return _("Standard time: %(standard)s. Overdue by %(overdue)s of working time.") % values


def _message(
    task_state, task: AbstractSopTask, follow_up: FollowUp, standing: sla.Sla
) -> tuple[str, str]:
    page = task_state.workflow_state.content_object
    values = {
        "step": task.step_label,
        "title": page.get_latest_revision_as_object().title,
        "sop": task.installed_sop.title,
        "roles": ", ".join(escalation_roles(task).values_list("name", flat=True)),
    }
    if follow_up.kind == ReminderKind.ESCALATION:
        subject = _("Escalation: SOP step %(step)s is overdue — %(title)s") % values
        opening = _(
            "Step %(step)s of the SOP “%(sop)s” for “%(title)s” has been waiting far beyond its "
            "standard time. It is escalated to you (%(roles)s) as the role above its actors."
        )
    elif standing.remaining > timedelta(0):
        subject = _("Reminder: SOP step %(step)s is nearly due — %(title)s") % values
        opening = _("Step %(step)s of the SOP “%(sop)s” for “%(title)s” is waiting for your group.")
    else:
        subject = _("Reminder: SOP step %(step)s is overdue — %(title)s") % values
        opening = _("Step %(step)s of the SOP “%(sop)s” for “%(title)s” is waiting for your group.")
    body = "\n\n".join(
        [
            opening % values,
            _time_line(task, standing),
            _("Open the task: %(url)s") % {"url": task_url(task_state)},
        ]
    )
    return subject, body


@transaction.atomic
def send_follow_up(
    task_state, task: AbstractSopTask, follow_up: FollowUp, standing: sla.Sla
) -> SopReminder | None:
    """Record and send one reminder stage or the escalation; ``None`` if it was sent before."""
    record, created = SopReminder.objects.get_or_create(
        task_state=task_state,
        kind=follow_up.kind,
        stage=follow_up.stage,
        defaults={"site_id": task.installed_sop.site_id, "step_label": task.step_label},
    )
    if not created:
        return None
    record.recipients = recipients(task, follow_up.kind)
    record.save(update_fields=["recipients"])
    if record.recipients:
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = _message(task_state, task, follow_up, standing)
        send_mail(subject, body, None, record.recipients)
    return record


def open_task_states():
    return (
        SopTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "workflow_state__workflow")
        .order_by("started_at", "pk")
    )


def send_due_follow_ups(at: datetime | None = None) -> list[SopReminder]:
    """Send every reminder stage and escalation that is due at ``at`` (now by default)."""
    at = at or sla.now()
    sent_before = set(SopReminder.objects.values_list("task_state_id", "kind", "stage"))
    calendars: dict[int, object] = {}
    installed: dict[int, object] = {}  # one parsed definition per SOP for the whole run
    sent = []
    for state in open_task_states():
        task = state.task.specific
        if not isinstance(task, AbstractSopTask) or task.installed_sop_id is None:
            continue
        task.installed_sop = installed.setdefault(task.installed_sop_id, task.installed_sop)
        site_id = task.installed_sop.site_id
        calendar = calendars.setdefault(site_id, calendar_for_site(site_id))
        standing = sla.sla_for(task, state.started_at, calendar, at)
        for follow_up in due_follow_ups(task, standing):
            if (state.pk, follow_up.kind, follow_up.stage) not in sent_before:
                record = send_follow_up(state, task, follow_up, standing)
                sent.extend([record] if record else [])
    return sent
