"""Admin dashboard panel: the user's open SOP tasks with the working time left or overdue."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from sop_workflow import sla
from sop_workflow.models import SopApprovalTask, SopPublicationTask, SopTaskState
from sop_workflow.timing import calendar_for_site

ZERO = timedelta(0)


def open_task_states(user):
    """In-progress SOP task states whose task belongs to one of ``user``'s groups."""
    groups = user.groups.all()
    mine = Q(task__in=SopApprovalTask.objects.filter(groups__in=groups)) | Q(
        task__in=SopPublicationTask.objects.filter(groups__in=groups)
    )
    return (
        SopTaskState.objects.filter(mine, status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "revision", "workflow_state")
        .order_by("started_at", "pk")
        .distinct()
    )


class SopTasksPanel(Component):
    """Each open task: the item, the SOP step, who submitted it, and its time standing."""

    name = "sop_tasks"
    template_name = "sop_workflow/home/sop_tasks_panel.html"
    order = 90

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        at = sla.now()
        calendars = {}
        rows = []
        for state in open_task_states(request.user):
            task = state.task.specific
            site_id = task.installed_sop.site_id if task.installed_sop_id else None
            if site_id not in calendars:
                calendars[site_id] = calendar_for_site(site_id) if site_id else None
            if calendars[site_id] is None:
                continue
            page = state.workflow_state.content_object
            rows.append(
                {
                    "state": state,
                    "task": task,
                    "page": page,
                    "title": page.get_latest_revision_as_object().title,
                    "sla": sla.sla_for(task, state.started_at, calendars[site_id], at),
                }
            )
        rows.sort(key=lambda row: (row["sla"].remaining is None, row["sla"].remaining or ZERO))
        return {"rows": rows, "request": request}
