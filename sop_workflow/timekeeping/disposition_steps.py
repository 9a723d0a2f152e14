"""The instruction steps of a *disposisi* chain, each timed on its own.

Bunder: step 1 (Ketua PPID) runs from the disposition's creation to its forwarding, step 2
(Seksi) from the forwarding to the draft, step 3 (Admin Medsos) from the draft to the
submission. In general the SOP's ``instruction`` steps are matched, in order, with the chain's
dispositions (the last instruction step runs until the draft, however often it was passed on
in between), and the preparation steps after them run from the draft to the submission, as one
span when there are several (the system sees no boundary between them).

The same spans are shown on the disposition's page while the chain runs and stored as
``StepTiming`` rows at submission, so the compliance report counts each step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from sop_workflow.definition import Kind, StandardTime
from sop_workflow.models import Disposition, InstalledSop, StepOutcome, StepTiming
from sop_workflow.timekeeping.sla import format_working_time
from sop_workflow.timekeeping.timing import standard_seconds
from sop_workflow.timekeeping.working_time import calendar_for_site

INSTRUCTION = "instruction"


@dataclass(frozen=True)
class StepSpan:
    """One SOP step of the chain: its numbers, who acted, from when until when (``None``:
    still running), against the standard."""

    numbers: tuple[int, ...]
    role: str
    actor: object | None
    standard: StandardTime
    started_at: datetime
    finished_at: datetime | None

    @property
    def label(self) -> str:
        first, last = self.numbers[0], self.numbers[-1]
        return str(first) if first == last else f"{first}–{last}"


@dataclass(frozen=True)
class StepRow:
    """A span as the disposition page shows it, in the institution's working time."""

    span: StepSpan
    working_seconds: int
    standard_min_seconds: int | None
    standard_max_seconds: int | None

    @property
    def running(self) -> bool:
        return self.span.finished_at is None

    @property
    def within(self) -> bool | None:
        if self.standard_max_seconds is None:
            return None
        return self.working_seconds <= self.standard_max_seconds

    @property
    def took(self) -> str:
        if self.working_seconds < 60:
            text = _("under a minute")
        else:
            text = format_working_time(timedelta(seconds=self.working_seconds))
        return _("%(time)s so far") % {"time": text} if self.running else text

    @property
    def standard(self) -> str:
        low, high = self.standard_min_seconds, self.standard_max_seconds
        if high is None:
            return _("Tentative")
        if low is None or low == high:
            return format_working_time(timedelta(seconds=high))
        shortest, longest = (format_working_time(timedelta(seconds=s)) for s in (low, high))
        return f"{shortest} – {longest}"

    @property
    def verdict(self) -> str:
        within = self.within
        if within is None:
            return _("No standard (tentative)")
        if self.running:
            return _("Running, within the standard") if within else _("Running, over the standard")
        return _("Within the standard") if within else _("Over the standard")


def _role_name(installed: InstalledSop, step) -> str:
    roles = {role.key: role.name for role in installed.definition.roles}
    return ", ".join(roles.get(key, key) for key in step.actor)


def spans(
    installed: InstalledSop,
    chain: list[Disposition],
    submitted_at: datetime | None = None,
    submitter=None,
) -> list[StepSpan]:
    """The chain's instruction steps and the steps after them, up to the submission."""
    preparation = installed.definition.steps_of(Kind.PREPARATION)
    instructions = [step for step in preparation if step.action == INSTRUCTION]
    if not chain or not instructions:
        return []
    used = instructions[: len(chain)]
    result: list[StepSpan] = []
    for index, step in enumerate(used):
        node = chain[index]
        last = index == len(used) - 1
        finished = chain[-1].done_at if last else node.done_at
        result.append(
            StepSpan(
                (step.number,),
                _role_name(installed, step),
                node.assigned_by,
                step.time,
                node.assigned_at,
                finished,
            )
        )
    rest = [s for s in preparation if s.action != INSTRUCTION and s.number > used[-1].number]
    drafted = chain[-1].done_at if chain[-1].page_id else None
    if rest and drafted is not None:
        standard = sum((step.time for step in rest[1:]), rest[0].time)
        drafter = submitter or chain[-1].page.owner
        result.append(
            StepSpan(
                tuple(step.number for step in rest),
                _role_name(installed, rest[0]),
                drafter,
                standard,
                drafted,
                submitted_at,
            )
        )
    return result


def _working_seconds(site_id: int, start: datetime, end: datetime) -> int:
    seconds = calendar_for_site(site_id).working_time_between(start, end).total_seconds()
    return max(0, int(seconds))


def rows(disposition: Disposition, at: datetime | None = None) -> list[StepRow]:
    """The chain through ``disposition`` step by step, for its page (running steps up to now)."""
    installed = InstalledSop.objects.filter(site_id=disposition.site_id, is_current=True).first()
    if installed is None:
        return []
    chain = disposition.chain()
    while True:  # follow the forwards to the disposition the draft answers
        forward = Disposition.objects.filter(parent=chain[-1]).order_by("pk").first()
        if forward is None:
            break
        chain.append(forward)
    submission = None
    if chain[-1].page_id:
        submission = (
            WorkflowState.objects.for_instance(chain[-1].page)
            .order_by("created_at", "pk")
            .select_related("requested_by")
            .first()
        )
    found = spans(
        installed,
        chain,
        submission.created_at if submission else None,
        submission.requested_by if submission else None,
    )
    now = at or timezone.now()
    result = []
    for span in found:
        low, high = standard_seconds(disposition.site_id, span.standard, span.started_at)
        end = span.finished_at or now
        result.append(
            StepRow(span, _working_seconds(disposition.site_id, span.started_at, end), low, high)
        )
    return result


def record(workflow_state: WorkflowState, installed: InstalledSop, chain: list[Disposition]):
    """At the first submission of a draft written from ``chain``: one ``StepTiming`` per
    step (``[]`` when the SOP has no instruction steps: the preparation is timed as a whole)."""
    from sop_workflow.timekeeping.timing import measured

    found = spans(installed, chain, workflow_state.created_at, workflow_state.requested_by)
    if not found or found[-1].finished_at is None:
        return []
    timings = []
    for span in found:
        finished = span.finished_at or workflow_state.created_at
        timings.append(
            StepTiming.objects.create(
                site_id=installed.site_id,
                page_id=int(workflow_state.object_id),
                workflow_state=workflow_state,
                step_number=span.numbers[-1],
                step_label=span.label,
                kind=Kind.PREPARATION,
                actor=span.actor,
                outcome=StepOutcome.SUBMITTED,
                **measured(installed.site_id, span.standard, span.started_at, finished),
            )
        )
    return timings
