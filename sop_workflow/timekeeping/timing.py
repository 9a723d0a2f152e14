"""Step times: when each SOP step of an item started and ended, in working time (including the
rework after a rejection)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState

from sop_workflow.definition import Kind
from sop_workflow.models import (
    AbstractSopTask,
    InstalledSop,
    SopPublicationTask,
    StepOutcome,
    StepTiming,
)
from sop_workflow.records.dispositions import disposition_for_page
from sop_workflow.timekeeping.working_time import calendar_for_site


def _seconds(delta: timedelta | None) -> int | None:
    return None if delta is None else int(delta.total_seconds())


def standard_seconds(site_id: int, standard, started: datetime) -> tuple[int | None, int | None]:
    """The standard's minimum and maximum in working seconds for a step begun at ``started``.

    A time in working days (``2 hari kerja``) is as long as those days' office hours on the
    institution's calendar, so the report and the dashboard's deadline agree.
    """
    if not standard.working_days:
        return _seconds(standard.min), _seconds(standard.max)
    calendar = calendar_for_site(site_id)
    low, high = (
        calendar.working_time_between(started, calendar.add_working_days(started, days))
        for days in standard.working_days
    )
    return _seconds(low), _seconds(high)


def start_task_timing(task_state) -> StepTiming | None:
    """Open the timing of a moderation step when its task starts."""
    task = task_state.task.specific
    if not isinstance(task, AbstractSopTask) or task.installed_sop_id is None:
        return None
    site_id = task.installed_sop.site_id
    low, high = standard_seconds(site_id, task.standard, task_state.started_at)
    timing, _created = StepTiming.objects.update_or_create(
        task_state=task_state,
        defaults={
            "site_id": task.installed_sop.site_id,
            "page_id": int(task_state.workflow_state.object_id),
            "revision_id": task_state.revision_id,
            "workflow_state_id": task_state.workflow_state_id,
            "step_number": task.step_number,
            "step_label": task.step_label,
            "kind": Kind.PUBLICATION if isinstance(task, SopPublicationTask) else Kind.REVIEW,
            "started_at": task_state.started_at,
            "standard_min_seconds": low,
            "standard_max_seconds": high,
        },
    )
    return timing


def record_rework(task_state) -> StepTiming | None:
    """After a rejection, time the rework: from the rejection to the resubmission that starts
    ``task_state``, as the step the SOP sends the item back to (``on_reject``; the last
    preparation step, e.g. drafting, when it names none). Wagtail resumes the same workflow, so
    without this the time spent correcting the item would be counted nowhere."""
    workflow_state = task_state.workflow_state
    rejected = (
        TaskState.objects.filter(
            workflow_state=workflow_state,
            status=TaskState.STATUS_REJECTED,
            finished_at__isnull=False,
            finished_at__lte=task_state.started_at,
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    if (
        rejected is None
        or TaskState.objects.filter(
            workflow_state=workflow_state, started_at__gt=rejected.finished_at
        )
        .exclude(pk=task_state.pk)
        .exists()
    ):
        return None  # no rejection, or this is not the first task after it
    task = rejected.task.specific
    if not isinstance(task, AbstractSopTask) or task.installed_sop_id is None:
        return None
    step = _rework_step(task.installed_sop.definition, task.step_number)
    if step is None:
        return None
    site_id = task.installed_sop.site_id
    span = measured(site_id, step.time, rejected.finished_at, task_state.started_at)
    timing, _created = StepTiming.objects.get_or_create(
        workflow_state=workflow_state,
        kind=Kind.PREPARATION,
        started_at=span.pop("started_at"),
        defaults={
            "site_id": site_id,
            "page_id": int(workflow_state.object_id),
            "revision_id": task_state.revision_id,
            "step_number": step.number,
            "step_label": str(step.number),
            "actor_id": workflow_state.requested_by_id,
            "outcome": StepOutcome.SUBMITTED,
            **span,
        },
    )
    return timing


def _rework_step(definition, task_number: int):
    task = next((t for t in definition.tasks() if t.number == task_number), None)
    target = task.on_reject if task else None
    if target is not None and target.step is not None:
        step = definition.step(target.step)
        if step.kind is Kind.PREPARATION:
            return step
    preparation = definition.steps_of(Kind.PREPARATION)
    return preparation[-1] if preparation else None


def finish_task_timing(task_state, outcome: StepOutcome) -> StepTiming | None:
    """Close the timing of a moderation step with who acted, how, and its working time."""
    timing = StepTiming.objects.filter(task_state=task_state).first() or start_task_timing(
        task_state
    )
    if timing is None:
        return None
    timing.finished_at = task_state.finished_at or timezone.now()
    timing.actor_id = task_state.finished_by_id
    timing.outcome = outcome
    timing.working_seconds = _working_seconds(timing.site_id, timing.started_at, timing.finished_at)
    timing.save(update_fields=["finished_at", "actor", "outcome", "working_seconds"])
    return timing


def measured(site_id: int, standard, started: datetime, finished: datetime) -> dict:
    """The fields of a closed timing: its span, the standard and the working time between."""
    low, high = standard_seconds(site_id, standard, started)
    return {
        "started_at": started,
        "finished_at": finished,
        "standard_min_seconds": low,
        "standard_max_seconds": high,
        "working_seconds": _working_seconds(site_id, started, finished),
    }


def _working_seconds(site_id: int, start: datetime, end: datetime) -> int:
    return max(0, int(calendar_for_site(site_id).working_time_between(start, end).total_seconds()))


def _first_round(workflow_state: WorkflowState) -> bool:
    return not WorkflowState.objects.filter(
        base_content_type_id=workflow_state.base_content_type_id,
        object_id=workflow_state.object_id,
        created_at__lt=workflow_state.created_at,
    ).exists()


def _draft_started(workflow_state: WorkflowState) -> datetime:
    """When the work on this round began: the first revision since the previous workflow, or
    for the first round of a draft written from a *disposisi*, the first instruction."""
    revisions = Revision.objects.filter(
        base_content_type_id=workflow_state.base_content_type_id,
        object_id=workflow_state.object_id,
    )
    previous = (
        WorkflowState.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
            created_at__lt=workflow_state.created_at,
        )
        .order_by("-created_at")
        .first()
    )
    if previous is not None:
        revisions = revisions.filter(created_at__gt=previous.created_at)
    first = revisions.order_by("created_at", "pk").values_list("created_at", flat=True).first()
    started = first or workflow_state.created_at
    disposition = disposition_for_page(int(workflow_state.object_id)) if previous is None else None
    return min(started, disposition.root().assigned_at) if disposition else started


def record_preparation(workflow_state: WorkflowState, installed: InstalledSop) -> StepTiming | None:
    """Time the preparation steps: for a draft written from a *disposisi*, each instruction
    step on its own and the drafting until submission (``disposition_steps``); otherwise
    together, from the draft's first revision to submission. Returns the last timing."""
    from sop_workflow.timekeeping import disposition_steps

    steps = installed.definition.steps_of(Kind.PREPARATION)
    if not steps:
        return None
    if _first_round(workflow_state):
        disposition = disposition_for_page(int(workflow_state.object_id))
        chain = disposition.chain() if disposition else []
        timings = disposition_steps.record(workflow_state, installed, chain) if chain else []
        if timings:
            return timings[-1]
    standard = sum((step.time for step in steps[1:]), steps[0].time)
    started = min(_draft_started(workflow_state), workflow_state.created_at)
    finished = workflow_state.created_at
    numbers = [step.number for step in steps]
    return StepTiming.objects.create(
        site_id=installed.site_id,
        page_id=int(workflow_state.object_id),
        workflow_state=workflow_state,
        step_number=numbers[-1],
        step_label=str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}",
        kind=Kind.PREPARATION,
        actor_id=workflow_state.requested_by_id,
        outcome=StepOutcome.SUBMITTED,
        **measured(installed.site_id, standard, started, finished),
    )
