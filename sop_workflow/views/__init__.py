"""Admin views of ``sop_workflow``, grouped by area; URLs are in ``sop_workflow.urls``."""

from .agenda import agenda_pdf, agenda_print
from .documents import archive_pdf, archive_print, sop_index, sop_pdf, sop_print
from .follow_ups import follow_up_done
from .guide import my_guide, my_guide_pdf
from .reports import ComplianceReportView
from .tasks import action_result, requirements

__all__ = [
    "ComplianceReportView",
    "action_result",
    "agenda_pdf",
    "agenda_print",
    "archive_pdf",
    "archive_print",
    "follow_up_done",
    "my_guide",
    "my_guide_pdf",
    "requirements",
    "sop_index",
    "sop_pdf",
    "sop_print",
]
