"""The SOP's figures in the regional roll-up (hook ``oversight_rollup_metrics``)."""

from __future__ import annotations

from django.db.models import F, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState

from home.oversight.metrics import Kind, RollupMetric, RollupPeriod, SubqueryCount, share
from sop_workflow.models import ReminderKind, SopReminder, StepOutcome, StepTiming


def sop_metrics(period: RollupPeriod) -> list[RollupMetric]:
    """Steps within their standard over twelve months, and tasks overdue now.

    A task is overdue once the ``sop_reminders`` schedule (every 5 minutes, in working time)
    has sent its reminder, and stays so until the task ends.
    """
    measured = StepTiming.objects.filter(
        site=OuterRef("pk"),
        finished_at__gte=period.year_start,
        working_seconds__isnull=False,
        standard_max_seconds__isnull=False,
    ).exclude(outcome=StepOutcome.CANCELLED)
    within = measured.filter(working_seconds__lte=F("standard_max_seconds"))
    overdue = SopReminder.objects.filter(
        site=OuterRef("pk"),
        kind=ReminderKind.REMINDER,
        task_state__status=TaskState.STATUS_IN_PROGRESS,
    )
    return [
        RollupMetric(
            "steps_within_standard",
            _("SOP steps within standard"),
            share(SubqueryCount(within), SubqueryCount(measured)),
            kind=Kind.PERCENT,
            order=20,
            help_text=_("Share of the SOP steps of the last twelve months done within standard."),
        ),
        RollupMetric(
            "tasks_overdue",
            _("Tasks overdue now"),
            SubqueryCount(overdue),
            order=21,
        ),
    ]
