"""Where an open SOP task stands against its standard time, in the institution's working time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sop_workflow.models import AbstractSopTask
from sop_workflow.timekeeping.timing import calendar_for_site
from sop_workflow.timekeeping.working_time import WorkingCalendar

ON_TRACK, DUE_SOON, OVERDUE, NO_STANDARD = "on-track", "due-soon", "overdue", "tentative"
#: Below this share of the standard left, a task shows as due soon.
DUE_SOON_SHARE = 0.25


def now() -> datetime:
    """The current instant (a function so that tests can move the clock)."""
    return timezone.now()


def format_working_time(delta: timedelta) -> str:
    """``1 jam 5 menit`` style, rounded down to whole minutes (at least one minute)."""
    minutes = max(1, int(delta.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if minutes:
        parts.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
    return " ".join(parts)


@dataclass(frozen=True)
class Sla:
    """The standing of one task: status, deadline and the working time left or overdue."""

    status: str
    deadline: datetime | None
    remaining: timedelta | None
    elapsed: timedelta

    @property
    def label(self) -> str:
        if self.status == NO_STANDARD:
            return _("No deadline (tentative)")
        if self.status == OVERDUE:
            return _("Overdue by %(time)s of working time") % {
                "time": format_working_time(-self.remaining)
            }
        return _("%(time)s of working time left") % {"time": format_working_time(self.remaining)}


def sla_for(
    task: AbstractSopTask, started_at: datetime, calendar: WorkingCalendar, at: datetime
) -> Sla:
    """How a task started at ``started_at`` stands at ``at`` against its standard maximum."""
    elapsed = calendar.working_time_between(started_at, at)
    if task.standard_tentative or task.standard_max_seconds is None:
        return Sla(NO_STANDARD, None, None, elapsed)
    deadline = calendar.deadline(started_at, task.standard)
    limit = calendar.working_time_between(started_at, deadline)
    remaining = limit - elapsed
    if remaining <= timedelta(0):
        status = OVERDUE
    elif remaining <= limit * DUE_SOON_SHARE:
        status = DUE_SOON
    else:
        status = ON_TRACK
    return Sla(status, deadline, remaining, elapsed)


def sla_of_task_state(task_state, at: datetime | None = None) -> Sla:
    task = task_state.task.specific
    calendar = calendar_for_site(task.installed_sop.site_id)
    return sla_for(task, task_state.started_at, calendar, at or now())
