"""The archive (*Arsip*, DPMK step 5): a numbered record of each item published through an SOP
whose definition has an archive step, with the approved revision, the approvals and the dates.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from sop_workflow import conf
from sop_workflow.definition import Kind, SopDefinition, Step
from sop_workflow.models import (
    ArchiveCounter,
    ArchiveRecord,
    InstalledSop,
    IntakeRegisterEntry,
    ParafRecord,
)
from sop_workflow.records.numbering import local_year, next_number


def archive_step(definition: SopDefinition) -> Step | None:
    return next(
        (step for step in definition.steps_of(Kind.AFTER_PUBLICATION) if step.archive), None
    )


def classification_code(definition: SopDefinition) -> str:
    """The class code the institution's own SOP gives its archive (``archive.classification_code``),
    else the deployment's ``SOP_ARCHIVE_CLASSIFICATION`` setting (empty by default).

    Never read from an SOP number: a number classifies the SOP document, and the setting once
    defaulted to another institution's number (Bantul's ``000.8.3.2``).
    """
    step = archive_step(definition)
    if step is None or not step.archive.classification:
        return ""
    return step.archive.classification_code or conf.get("SOP_ARCHIVE_CLASSIFICATION")


def approved_workflow_state(page) -> WorkflowState | None:
    return (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .order_by("-created_at", "-pk")
        .first()
    )


def approvals(workflow_state: WorkflowState) -> list[dict]:
    """Who approved each task of the final round, when, and with which paraf."""
    latest: dict[int, TaskState] = {}
    states = TaskState.objects.filter(
        workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
    ).select_related("finished_by")
    for state in states.order_by("finished_at", "pk"):
        latest[state.task_id] = state
    rows = []
    for state in sorted(latest.values(), key=lambda s: (s.finished_at, s.pk)):
        task = state.task.specific
        user = state.finished_by
        rows.append(
            {
                "step": getattr(task, "step_label", ""),
                "task": task.name,
                "by": (user.get_full_name() or user.get_username()) if user else "",
                "at": state.finished_at.isoformat() if state.finished_at else "",
                "paraf": [
                    {
                        "role": record.role_name,
                        "initials": record.initials,
                        "by": record.user.get_full_name() or record.user.get_username()
                        if record.user
                        else "",
                        "at": record.given_at.isoformat(),
                    }
                    for record in ParafRecord.objects.filter(task_state=state).select_related(
                        "user"
                    )
                ],
            }
        )
    return rows


@transaction.atomic
def archive_publication(page, revision, link_reports=()) -> ArchiveRecord | None:
    """File ``page`` in the archive: the archive step's to-do (DPMK 5), done by its operator.

    ``link_reports`` are the reports sent before the filing, kept on the record as sent.
    Returns ``None`` when the SOP has no archive step, the page did not come through an SOP
    workflow, or this approval was filed already.
    """
    workflow_state = approved_workflow_state(page)
    if workflow_state is None:
        return None
    installed = InstalledSop.objects.filter(workflow_id=workflow_state.workflow_id).first()
    step = archive_step(installed.definition) if installed else None
    if step is None or ArchiveRecord.objects.filter(workflow_state=workflow_state).exists():
        return None
    year = local_year(installed.site_id)
    intake = IntakeRegisterEntry.objects.filter(page_id=page.pk).first()
    record = ArchiveRecord.objects.create(
        site_id=installed.site_id,
        year=year,
        number=next_number(ArchiveCounter, installed.site_id, year),
        classification_code=classification_code(installed.definition),
        page_id=page.pk,
        revision=revision,
        workflow_state=workflow_state,
        title=revision.object_str or page.title,
        agenda_number=intake.agenda_number if intake else "",
        approvals=approvals(workflow_state),
        submitted_at=workflow_state.created_at,
        published_at=page.last_published_at or timezone.now(),
        link_reports=list(link_reports),
    )
    return record


def file_link_report(report, page) -> ArchiveRecord | None:
    """Keep the SOP's link report (links and failures, as sent) with the page's archive record.

    Called when ``social_publish`` has sent the report; a page without an archive record (an
    SOP without an archive step) keeps its report in ``social_publish`` only.
    """
    with transaction.atomic():
        record = (
            ArchiveRecord.objects.select_for_update()
            .filter(page_id=page.pk, site_id=report.site_id)
            .order_by("-archived_at", "-pk")
            .first()
        )
        if record is None or any(r.get("round") == report.round for r in record.link_reports):
            return record
        record.link_reports = [
            *record.link_reports,
            {
                "round": report.round,
                "sent_at": report.sent_at.isoformat() if report.sent_at else None,
                "links": report.links,
                "failures": report.failures,
            },
        ]
        record.save(update_fields=["link_reports"])
    return record
