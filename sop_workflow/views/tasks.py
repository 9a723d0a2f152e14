"""The page of requirements that keep an SOP task from being approved."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from sop_workflow.models import SopTaskState
from sop_workflow.moderation.checks import requirement_problems


def requirements(request, task_state_id: int):
    """Why an SOP task cannot be approved yet (shown after a refused approval)."""
    state = get_object_or_404(SopTaskState, pk=task_state_id)
    task = state.task.specific
    page = state.workflow_state.content_object
    if not task.get_actions(page, request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "sop_workflow/requirements.html",
        {
            "page_title": _("Requirements not met"),
            "header_title": _("Requirements not met"),
            "task": task,
            "page": page,
            "problems": requirement_problems(task, state),
        },
    )
