"""What the SOP says about the step a task is at, shown to its actor beside the actions.

The task modal (every action) and the top of the page editor show the step's *kelengkapan*,
output, *keterangan* and standard time as signed, with the working time left or overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from sop_workflow.models import AbstractSopTask
from sop_workflow.timekeeping import sla


def task_steps(definition, task: AbstractSopTask) -> list:
    """The definition's steps a task performs (a task can carry several rows of the SOP)."""
    numbers = task.step_numbers or [task.step_number]
    known = {step.number: step for step in definition.steps}
    return [known[number] for number in numbers if number in known]


@dataclass(frozen=True)
class StepBrief:
    """The SOP's row(s) for one open task, as its actor reads them."""

    step_label: str
    description: str
    kelengkapan: str
    output: str
    keterangan: str
    standard: str
    standing: str

    def lines(self) -> list[tuple[str, str]]:
        """(label, text) pairs, the empty ones left out."""
        pairs = [
            (_("Step %(step)s") % {"step": self.step_label}, self.description),
            (_("Requirements"), self.kelengkapan),
            (_("Output"), self.output),
            (_("Remarks"), self.keterangan),
            (_("Standard time"), f"{self.standard} — {self.standing}"),
        ]
        return [(label, text) for label, text in pairs if text]

    def as_html(self) -> SafeString:
        return format_html(
            "<strong>{}</strong> {}",
            _("What the SOP asks at this step:"),
            format_html_join("; ", "{}: {}", self.lines()),
        )


def brief_for(task_state, at: datetime | None = None) -> StepBrief | None:
    """The brief of ``task_state``'s step, or ``None`` for a task that is not an SOP step."""
    task = task_state.task.specific
    if not isinstance(task, AbstractSopTask) or not task.installed_sop_id:
        return None
    steps = task_steps(task.installed_sop.definition, task)
    standing = sla.sla_of_task_state(task_state, at)

    def joined(attribute: str) -> str:
        return "; ".join(dict.fromkeys(v for s in steps if (v := getattr(s, attribute))))

    return StepBrief(
        step_label=task.step_label,
        description=joined("description") or task.name,
        kelengkapan=joined("kelengkapan"),
        output=joined("output"),
        keterangan=joined("keterangan"),
        standard=task.standard.as_written if task.standard_text else _("not set"),
        standing=standing.label,
    )
