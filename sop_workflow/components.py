"""Admin dashboard panels: the user's open SOP tasks with the working time left or overdue,
the dispositions waiting for the user, and the freshness warning."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Max, Q
from django.db.models.functions import Substr
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from home.models import InstitutionSettings
from home.tenancy import INSTITUTION_ROOT_DEPTH, sites_for_user
from sop_workflow import conf
from sop_workflow.models import SopApprovalTask, SopPublicationTask, SopTaskState
from sop_workflow.records.dispositions import assigned_to, display_name
from sop_workflow.timekeeping import sla
from sop_workflow.timekeeping.timing import calendar_for_site

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


class DispositionsPanel(Component):
    """The open dispositions waiting for the user or the user's roles."""

    name = "sop_dispositions"
    template_name = "sop_workflow/home/dispositions_panel.html"
    order = 85

    def get_context_data(self, parent_context=None):
        at = sla.now()
        rows = [
            {
                "disposition": disposition,
                "by": display_name(disposition.assigned_by),
                "overdue": bool(disposition.deadline and disposition.deadline < at),
            }
            for disposition in assigned_to(parent_context["request"].user)
        ]
        return {"rows": rows}


def freshness_days() -> int:
    return int(conf.get("SOP_FRESHNESS_DAYS"))


def _last_published(sites) -> dict[str, object]:
    """Root path -> latest ``last_published_at`` inside each site, in one query."""
    length = Page.steplen * INSTITUTION_ROOT_DEPTH
    roots = [site.root_page.path for site in sites]
    rows = (
        Page.objects.annotate(root=Substr("path", 1, length))
        .filter(root__in=roots)
        .order_by()  # Page is ordered by path, which would split the groups
        .values("root")
        .annotate(last=Max("last_published_at"))
        .values_list("root", "last")
    )
    return dict(rows)


def stale_institutions(user, at=None) -> list[dict]:
    """The user's institutions that have published nothing for ``SOP_FRESHNESS_DAYS`` days.

    The SOPs' *Peringatan*: information that is not kept current reaches the public late.
    """
    at = at or sla.now()
    limit = timedelta(days=freshness_days())
    sites = list(
        sites_for_user(user)
        .filter(
            pk__in=InstitutionSettings.objects.values("site_id"),
            root_page__depth=INSTITUTION_ROOT_DEPTH,
        )
        .select_related("root_page")
        .order_by("site_name")
    )
    latest = _last_published(sites)
    stale = []
    for site in sites:
        last = latest.get(site.root_page.path)
        if last is None or at - last > limit:
            stale.append({"site": site, "last": last, "days": (at - last).days if last else None})
    return stale


class FreshnessPanel(Component):
    """A warning when an institution has published nothing for a while."""

    name = "sop_freshness"
    template_name = "sop_workflow/home/freshness_panel.html"
    order = 80

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        return {"stale": stale_institutions(request.user), "days": freshness_days()}
