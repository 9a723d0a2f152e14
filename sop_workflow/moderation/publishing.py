"""Publishing at the end of an SOP workflow (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

No SOP role holds Wagtail's ``publish_page`` permission, so nobody can publish past the SOP from
the page editor. The SOP itself still makes the page live: when the last task (the publication
step) is approved, the approved revision is published *as the approver* without Wagtail's
permission check. A ``go_live_at`` in the future schedules it (``publish_scheduled`` runs from
the django-q2 schedule), unless the publication task says to publish immediately.
"""

from __future__ import annotations

from wagtail.workflows import publish_workflow_state

# Wagtail imports this module while ``wagtail.models`` loads (``WorkflowState.on_finish``), so
# models are imported inside the functions.


def is_sop_workflow(workflow_id: int | None) -> bool:
    from sop_workflow.models import InstalledSop

    return bool(workflow_id) and InstalledSop.objects.filter(workflow_id=workflow_id).exists()


def _publishes_immediately(workflow_state) -> bool:
    state = workflow_state.current_task_state
    return bool(state and getattr(state.task.specific, "publish_immediately", False))


def finish_workflow(workflow_state, user=None) -> None:
    """Publish the approved revision when an SOP workflow is approved.

    Args:
        workflow_state: the workflow state Wagtail has just marked approved.
        user: the approver of the last task; the publication is logged as theirs.

    Workflows that are not an installed SOP's keep Wagtail's behaviour (with its permission
    check).
    """
    from home.wagtail_patches import drop_go_live_at  # edits the revision's content

    if not is_sop_workflow(workflow_state.workflow_id):
        publish_workflow_state(workflow_state, user=user)
        return
    revision = workflow_state.content_object.get_latest_revision()
    if _publishes_immediately(workflow_state):
        drop_go_live_at(revision)
    # The SOP's approvals are the permission: its publication step is done by a role that
    # deliberately has no publish_page permission.
    revision.publish(user=user, skip_permission_checks=True)
