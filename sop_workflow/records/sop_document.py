"""The official SOP document read from the installed definition ("Cetak SOP").

The printed document and the running workflow come from the same definition text, so they
cannot drift apart. The procedure table carries the flowchart in its *Pelaksana* columns
(:mod:`sop_workflow.records.flowchart`) and is printed in pages of a fixed number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sop_workflow.definition import SopDefinition, Step
from sop_workflow.records.flowchart import ROWS_PER_PAGE, FlowRow, flow_pages, paged


@dataclass(frozen=True)
class ProcedureRow:
    """One row of the procedure table: a step with a mark in each *Pelaksana* column."""

    step: Step
    marks: tuple[bool, ...]
    flow: FlowRow | None = None

    @property
    def time(self) -> str:
        return self.step.time.as_written


def procedure_table(definition: SopDefinition) -> list[ProcedureRow]:
    """Rows in step order; the columns follow ``definition.roles``."""
    return [
        ProcedureRow(step=step, marks=tuple(role.key in step.actor for role in definition.roles))
        for step in definition.steps
    ]


def procedure_pages(
    definition: SopDefinition, rows_per_page: int = ROWS_PER_PAGE
) -> list[list[ProcedureRow]]:
    """The procedure table with its flowchart, in the flowchart's pages (at most
    ``rows_per_page`` rows each)."""
    rows = procedure_table(definition)
    pages = flow_pages(definition, rows_per_page)
    flows = [flow for page in pages for flow in page]
    with_flow = [
        ProcedureRow(step=row.step, marks=row.marks, flow=flow)
        for row, flow in zip(rows, flows, strict=True)
    ]
    return paged(with_flow, [len(page) for page in pages])


def column_widths(lanes: int) -> dict[str, str]:
    """CSS widths of the columns (``"12.5%"``) for a table of ``lanes`` *Pelaksana* columns.

    The actor columns are equal, so the flowchart's lanes sit under their headings."""
    flow = min(12.0 * lanes, 45.0)
    rest = 100.0 - flow
    shares = {"number": 4, "description": 27, "kelengkapan": 21, "time": 10, "output": 21}
    shares["keterangan"] = 100 - sum(shares.values())
    widths = {name: f"{rest * share / 100:.2f}%" for name, share in shares.items()}
    widths["lane"] = f"{flow / max(lanes, 1):.3f}%"
    return widths
