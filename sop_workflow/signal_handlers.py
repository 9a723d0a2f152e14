"""Signal handlers of ``sop_workflow``, connected once from ``AppConfig.ready()``."""

from __future__ import annotations

from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db.models.signals import pre_delete
from wagtail.models import Page, WorkflowState
from wagtail.signals import (
    page_published,
    task_approved,
    task_cancelled,
    task_rejected,
    task_submitted,
    workflow_cancelled,
    workflow_submitted,
)

from sop_workflow.definition import Kind
from sop_workflow.models import InstalledSop, SopTaskState, StepOutcome
from sop_workflow.moderation.notifications import queue_task_submitted_email
from sop_workflow.moderation.rejections import queue_rejection_email


def on_task_submitted(sender, instance, user=None, **kwargs) -> None:
    from sop_workflow.timekeeping.timing import record_rework, start_task_timing

    record_rework(instance)
    start_task_timing(instance)


def _finisher(outcome: StepOutcome):
    def handler(sender, instance, user=None, **kwargs) -> None:
        from sop_workflow.timekeeping.timing import finish_task_timing

        finish_task_timing(instance, outcome)

    return handler


on_task_approved = _finisher(StepOutcome.APPROVED)
on_task_rejected = _finisher(StepOutcome.REJECTED)
on_task_cancelled = _finisher(StepOutcome.CANCELLED)


def on_workflow_submitted(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """A new submission: time the preparation steps, register the intake when asked, and close
    the disposition the draft was written from."""
    from sop_workflow.records.dispositions import mark_submitted
    from sop_workflow.records.intake import register_intake
    from sop_workflow.timekeeping.timing import record_preparation

    mark_submitted(int(instance.object_id))

    installed = InstalledSop.objects.filter(workflow_id=instance.workflow_id).first()
    if installed is None:
        return
    record_preparation(instance, installed)
    preparation = installed.definition.steps_of(Kind.PREPARATION)
    if any(step.intake_register for step in preparation):
        register_intake(instance.content_object, installed.site, user)


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    """After publication: the SOP's after-publication steps a person performs (link report,
    receipt, archive) become to-dos of their roles."""
    from sop_workflow.models import DispositionStatus
    from sop_workflow.records.dispositions import close_for_page
    from sop_workflow.records.follow_ups import create_follow_ups

    if instance.live:
        close_for_page(instance.pk, DispositionStatus.PUBLISHED)
    if revision is not None and instance.live:
        create_follow_ups(instance, revision)


def on_page_deleted(sender, instance, **kwargs) -> None:
    """A deleted page withdraws the dispositions that asked for it."""
    from sop_workflow.models import DispositionStatus
    from sop_workflow.records.dispositions import close_for_page

    if instance.pk:
        close_for_page(instance.pk, DispositionStatus.WITHDRAWN)


def on_link_report_sent(sender, report, page, **kwargs) -> None:
    """The social publishing app reported the post links: the SOP's link-report to-do is due
    (timed from now), and the report is kept with the page's archive record. A page that went
    live outside the SOP's workflow has no to-dos and no SOP step is timed for it (its report
    would otherwise count the time since an old or imported publication as a late step)."""
    from sop_workflow.records.archive import file_link_report
    from sop_workflow.records.follow_ups import links_reported

    links_reported(report, page)
    file_link_report(report, page)


def on_workflow_cancelled(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """A review withdrawn by its submitter withdraws the dispositions that asked for it."""
    from sop_workflow.records.dispositions import review_cancelled

    review_cancelled(int(instance.object_id))


def register_signal_handlers() -> None:
    from sop_workflow.records import dispositions

    request_started.connect(dispositions.request_started, dispatch_uid="sop_disposition_request")
    request_finished.connect(
        dispositions.request_finished, dispatch_uid="sop_disposition_request_end"
    )
    workflow_cancelled.connect(
        on_workflow_cancelled, sender=WorkflowState, dispatch_uid="sop_workflow_cancelled"
    )
    page_published.connect(on_page_published, dispatch_uid="sop_page_published_archive")
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="sop_page_deleted_dispositions")
    if apps.is_installed("social_publish"):
        from social_publish.signals import link_report_sent

        link_report_sent.connect(on_link_report_sent, dispatch_uid="sop_link_report_timing")
    task_submitted.connect(
        on_task_submitted, sender=SopTaskState, dispatch_uid="sop_task_submitted_timing"
    )
    task_submitted.connect(
        queue_task_submitted_email, sender=SopTaskState, dispatch_uid="sop_task_submitted_email"
    )
    task_approved.connect(
        on_task_approved, sender=SopTaskState, dispatch_uid="sop_task_approved_timing"
    )
    task_rejected.connect(
        on_task_rejected, sender=SopTaskState, dispatch_uid="sop_task_rejected_timing"
    )
    task_rejected.connect(
        queue_rejection_email, sender=SopTaskState, dispatch_uid="sop_task_rejected_email"
    )
    task_cancelled.connect(
        on_task_cancelled, sender=SopTaskState, dispatch_uid="sop_task_cancelled_timing"
    )
    workflow_submitted.connect(
        on_workflow_submitted, sender=WorkflowState, dispatch_uid="sop_workflow_submitted"
    )
