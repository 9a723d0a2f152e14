"""Admin dashboard panels: "Menunggu Anda" (what waits for the signed-in person: open SOP
tasks with the working time left or overdue, dispositions, items sent back, and this month's
compliance for leadership), and the freshness warning."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permissions import policy_registry

from home.models import InstitutionRole, InstitutionSettings
from home.tenancy import INSTITUTION_ROOT_DEPTH, sites_for_user
from sop_workflow import conf
from sop_workflow.models import (
    SopApprovalTask,
    SopPublicationTask,
    SopTaskState,
    StepOutcome,
    StepTiming,
)
from sop_workflow.moderation.outcome import sent_back_role_keys
from sop_workflow.moderation.step_brief import task_steps
from sop_workflow.records.dispositions import assigned_to, display_name
from sop_workflow.records.guide import guides_for, has_guide
from sop_workflow.timekeeping import sla
from sop_workflow.timekeeping.compliance import monthly_trend
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


def task_rows(user, at: datetime) -> list[dict]:
    """The user's open SOP tasks: the item, the SOP step(s) with their *kelengkapan*, and the
    working time left or overdue; the least time left first."""
    calendars: dict[int, object] = {}
    definitions: dict[int, object] = {}
    rows = []
    for state in open_task_states(user):
        task = state.task.specific
        if not task.installed_sop_id:
            continue
        site_id = task.installed_sop.site_id
        if site_id not in calendars:
            calendars[site_id] = calendar_for_site(site_id)
        if calendars[site_id] is None:
            continue
        if task.installed_sop_id not in definitions:
            definitions[task.installed_sop_id] = task.installed_sop.definition
        steps = task_steps(definitions[task.installed_sop_id], task)
        page = state.workflow_state.content_object
        rows.append(
            {
                "state": state,
                "task": task,
                "page": page,
                "title": page.get_latest_revision_as_object().title,
                "step_name": steps[0].description if steps else task.name,
                "kelengkapan": "; ".join(s.kelengkapan for s in steps if s.kelengkapan),
                "sla": sla.sla_for(task, state.started_at, calendars[site_id], at),
            }
        )
    rows.sort(key=lambda row: (row["sla"].remaining is None, row["sla"].remaining or ZERO))
    return rows


def disposition_rows(user, at: datetime) -> list[dict]:
    """The open dispositions waiting for the user or the user's roles, earliest deadline first."""
    return [
        {
            "disposition": disposition,
            "by": display_name(disposition.assigned_by),
            "overdue": bool(disposition.deadline and disposition.deadline < at),
        }
        for disposition in assigned_to(user)
    ]


def sent_back_rows(user, at: datetime | None = None) -> list[dict]:
    """Items a rejection sent back to the user: submitted by them, or sent to one of their roles
    by the SOP (``on_reject``; else the roles of the last preparation step). Newest first."""
    at = at or timezone.now()
    sites = sites_for_user(user)
    role_keys: dict[int, set[str]] = {}
    for site_id, key in InstitutionRole.objects.filter(group__user=user).values_list(
        "site_id", "key"
    ):
        role_keys.setdefault(site_id, set()).add(key)
    states = (
        WorkflowState.objects.filter(
            Q(requested_by=user) | Q(workflow__installed_sop__site_id__in=list(role_keys)),
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            base_content_type=ContentType.objects.get_for_model(Page),
            workflow__installed_sop__site__in=sites,
        )
        .select_related("workflow__installed_sop")
        .distinct()
    )
    rows = []
    for state in states:
        rejected = (
            TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
            .select_related("finished_by", "task")
            .order_by("-finished_at", "-pk")
            .first()
        )
        if rejected is None:
            continue
        installed = state.workflow.installed_sop
        mine = state.requested_by_id == user.pk or bool(
            role_keys.get(installed.site_id, set())
            & sent_back_role_keys(installed.definition, rejected.task.specific)
        )
        if not mine:
            continue
        page = state.content_object
        rows.append(
            {
                "page": page,
                "title": page.get_latest_revision_as_object().title,
                "by": display_name(rejected.finished_by),
                "at": rejected.finished_at,
                "ago": _("%(time)s ago") % {"time": timesince(rejected.finished_at, at)},
                "comment": rejected.specific.get_comment(),
            }
        )
    rows.sort(key=lambda row: row["at"], reverse=True)
    return rows


def compliance_line(user, at: datetime) -> dict | None:
    """For leadership: this month's items and share of step times within the standard, with
    the link to the compliance report for the month; ``None`` for other roles."""
    policy = policy_registry.get_by_type(StepTiming)
    if not policy.user_has_permission(user, "view"):
        return None
    today = timezone.localtime(at).date()
    first = today.replace(day=1)
    start = timezone.make_aware(datetime.combine(first, time.min))
    timings = (
        policy.instances_user_has_permission_for(user, "view")
        .filter(finished_at__isnull=False, started_at__gte=start)
        .exclude(outcome=StepOutcome.CANCELLED)
        .select_related("site")
    )
    months = [month for trend in monthly_trend(timings) for month in trend.months]
    items = sum(month.items for month in months)
    with_standard = sum(month.with_standard for month in months)
    within = sum(month.within for month in months)
    query = urlencode({"period_from": first.isoformat(), "period_to": today.isoformat()})
    if with_standard:
        percent = _("%(percent)s %% of steps within the standard") % {
            "percent": round(within / with_standard * 100)
        }
    else:
        percent = _("no step with a standard time yet")
    text = ngettext(
        "This month: %(items)s item, %(percent)s",
        "This month: %(items)s items, %(percent)s",
        items,
    ) % {"items": items, "percent": percent}
    return {"text": text, "url": f"{reverse('sop_workflow:compliance_report')}?{query}"}


def role_summaries(user) -> list[str]:
    """What each of the user's roles does in their institutions' SOP, one sentence each."""
    sentences = []
    for guide in guides_for(user):
        values = {
            "institution": guide.institution,
            "roles": guide.role_names,
            "steps": guide.step_numbers,
        }
        if guide.steps:
            sentences.append(
                _("In the SOP of %(institution)s, %(roles)s carries out steps %(steps)s.") % values
            )
        else:
            sentences.append(
                _("In the SOP of %(institution)s, %(roles)s carries out no step of its own.")
                % values
            )
    return sentences


class WaitingForYouPanel(Component):
    """ "Menunggu Anda": first on the dashboard, everything that waits for the signed-in person."""

    name = "sop_waiting"
    template_name = "sop_workflow/home/waiting_panel.html"
    order = 10  # before Wagtail's own panels (110 and up)

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        user, at = request.user, sla.now()
        context = {
            "request": request,
            "tasks": task_rows(user, at),
            "dispositions": disposition_rows(user, at),
            "sent_back": sent_back_rows(user, at),
            "compliance": compliance_line(user, at),
        }
        context["empty"] = not (context["tasks"] or context["dispositions"] or context["sent_back"])
        context["roles"] = role_summaries(user) if context["empty"] else []
        context["has_guide"] = has_guide(user)
        return context


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
