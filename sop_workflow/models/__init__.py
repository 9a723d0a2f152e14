"""Models of ``sop_workflow``: SOP task types and the records an SOP run leaves."""

from .disposition import Disposition, DispositionStatus
from .followup import ArchiveCounter, ArchiveRecord, FollowUpTodo, ReminderKind, SopReminder
from .records import (
    InstalledSop,
    IntakeCounter,
    IntakeRegisterEntry,
    ParafRecord,
    PlatformChoice,
    StepOutcome,
    StepTiming,
)
from .tasks import AbstractSopTask, SopApprovalTask, SopPublicationTask, SopTaskState

__all__ = [
    "AbstractSopTask",
    "ArchiveCounter",
    "ArchiveRecord",
    "Disposition",
    "DispositionStatus",
    "FollowUpTodo",
    "ReminderKind",
    "SopReminder",
    "InstalledSop",
    "IntakeCounter",
    "IntakeRegisterEntry",
    "ParafRecord",
    "PlatformChoice",
    "SopApprovalTask",
    "SopPublicationTask",
    "SopTaskState",
    "StepOutcome",
    "StepTiming",
]
