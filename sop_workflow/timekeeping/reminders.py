"""Reminders and escalations for SOP steps past their standard time (in working time).

A step past its standard maximum gets one reminder to the members of its task's groups; past
``SOP_ESCALATION_FACTOR`` times the standard (default 2), one escalation to the next role in the
SOP: the actors of the next task, or the institution's leadership roles after the last task.
Each is recorded as a ``SopReminder`` before the e-mail goes out, inside one transaction, so
nothing is sent twice and a failed send is retried on the next run.
"""

from __future__ import annotations

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


def escalation_factor() -> float:
    """How many standard times a step may run before it is escalated."""
    return float(conf.get("SOP_ESCALATION_FACTOR"))


def due_kinds(task: AbstractSopTask, standing: sla.Sla) -> list[str]:
    """The follow-ups a step has earned: none, a reminder, or a reminder and an escalation."""
    if standing.status != sla.OVERDUE:
        return []
    limit = timedelta(seconds=task.standard_max_seconds) * escalation_factor()
    if standing.elapsed >= limit:
        return [ReminderKind.REMINDER, ReminderKind.ESCALATION]
    return [ReminderKind.REMINDER]


def _next_task(task_state):
    tasks = list(task_state.workflow_state.workflow.tasks.specific())
    ids = [task.pk for task in tasks]
    if task_state.task_id not in ids:
        return None
    index = ids.index(task_state.task_id)
    return tasks[index + 1] if index + 1 < len(tasks) else None


def escalation_groups(task_state, task: AbstractSopTask):
    """The groups one step up: the next task's actors, else the leadership roles."""
    following = _next_task(task_state)
    if following is not None:
        return list(following.groups.all())
    roles = InstitutionRole.objects.filter(site_id=task.installed_sop.site_id, is_leadership=True)
    return [role.group for role in roles.select_related("group")]


def recipients(task_state, task: AbstractSopTask, kind: str) -> list[str]:
    groups = (
        task.groups.all() if kind == ReminderKind.REMINDER else escalation_groups(task_state, task)
    )
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def task_url(task_state) -> str:
    """The direct link to the item's editor, where the task's actions are."""
    page_id = task_state.workflow_state.object_id
    return get_admin_base_url() + reverse("wagtailadmin_pages:edit", args=[page_id])


def _message(task_state, task: AbstractSopTask, kind: str, standing: sla.Sla) -> tuple[str, str]:
    page = task_state.workflow_state.content_object
    values = {
        "step": task.step_label,
        "title": page.get_latest_revision_as_object().title,
        "sop": task.installed_sop.title,
        "standard": task.standard_text,
        "overdue": sla.format_working_time(-standing.remaining),
        "url": task_url(task_state),
    }
    if kind == ReminderKind.ESCALATION:
        subject = _("Escalation: SOP step %(step)s is overdue — %(title)s") % values
        opening = _(
            "Step %(step)s of the SOP “%(sop)s” for “%(title)s” has been waiting far beyond its "
            "standard time. It is escalated to you as the next role in the SOP."
        )
    else:
        subject = _("Reminder: SOP step %(step)s is overdue — %(title)s") % values
        opening = _("Step %(step)s of the SOP “%(sop)s” for “%(title)s” is waiting for your group.")
    body = "\n\n".join(
        [
            opening % values,
            _("Standard time: %(standard)s. Overdue by %(overdue)s of working time.") % values,
            _("Open the task: %(url)s") % values,
        ]
    )
    return subject, body


@transaction.atomic
def send_follow_up(task_state, task: AbstractSopTask, kind: str, standing) -> SopReminder | None:
    """Record and send one reminder or escalation; ``None`` if it was sent before."""
    record, created = SopReminder.objects.get_or_create(
        task_state=task_state,
        kind=kind,
        defaults={"site_id": task.installed_sop.site_id, "step_label": task.step_label},
    )
    if not created:
        return None
    record.recipients = recipients(task_state, task, kind)
    record.save(update_fields=["recipients"])
    if record.recipients:
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = _message(task_state, task, kind, standing)
        send_mail(subject, body, None, record.recipients)
    return record


def open_task_states():
    return (
        SopTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "workflow_state__workflow")
        .order_by("started_at", "pk")
    )


def send_due_follow_ups(at: datetime | None = None) -> list[SopReminder]:
    """Send every reminder and escalation that is due at ``at`` (now by default)."""
    at = at or sla.now()
    sent_before = set(SopReminder.objects.values_list("task_state_id", "kind"))
    calendars: dict[int, object] = {}
    sent = []
    for state in open_task_states():
        task = state.task.specific
        if not isinstance(task, AbstractSopTask) or task.installed_sop_id is None:
            continue
        site_id = task.installed_sop.site_id
        calendar = calendars.setdefault(site_id, calendar_for_site(site_id))
        standing = sla.sla_for(task, state.started_at, calendar, at)
        for kind in due_kinds(task, standing):
            if (state.pk, kind) not in sent_before:
                record = send_follow_up(state, task, kind, standing)
                sent.extend([record] if record else [])
    return sent
