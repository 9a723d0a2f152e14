"""The official SOP document read from the installed definition ("Cetak SOP").

The printed document and the running workflow come from the same definition text, so they
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from sop_workflow.definition import SopDefinition, Step


@dataclass(frozen=True)
class ProcedureRow:
    """One row of the procedure table: a step with a mark in each *Pelaksana* column."""

    step: Step
    marks: tuple[bool, ...]

    @property
    def time(self) -> str:
        return self.step.time.as_written


def procedure_table(definition: SopDefinition) -> list[ProcedureRow]:
    """Rows in step order; the columns follow ``definition.roles``."""
    return [
        ProcedureRow(step=step, marks=tuple(role.key in step.actor for role in definition.roles))
        for step in definition.steps
    ]
