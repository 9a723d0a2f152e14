"""The page of requirements that keep an SOP task from being approved."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request

from sop_workflow.models import SopTaskState
from sop_workflow.moderation.checks import requirement_problems
from sop_workflow.moderation.outcome import outcome_message


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


def action_result(request, task_state_id: int):
    """After a task action from the action modal: say what it did, then go on.

    Only the person who acted sees it (who finished the task, or gave the paraf on it).
    """
    state = get_object_or_404(SopTaskState, pk=task_state_id)
    acted = state.finished_by_id == request.user.pk or (
        state.status == SopTaskState.STATUS_IN_PROGRESS
        and state.parafs.filter(user=request.user).exists()
    )
    if not acted:
        raise Http404
    level, text = outcome_message(state)
    (messages.success if level == "success" else messages.error)(request, text)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
