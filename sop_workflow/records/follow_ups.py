"""After-publication steps a person performs, as to-dos on the roles' dashboards.

Bunder 10–11: the Seksi receives the link report and passes it on to the Ketua PPID, who
receives it and closes the item (SELESAI). DPMK 5: the operator files the press release in the
archive, which gives the archive number. Each to-do is due from go-live (or from the link
report, or from the previous to-do being done), is timed against its step's standard, and is
done with one click that is recorded on the item (a step timing and the page's history).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_q.tasks import async_task
from wagtail.admin.utils import get_admin_base_url
from wagtail.log_actions import log

from home.models import InstitutionRole
from home.tenancy import institution_time_zone
from sop_workflow.definition import Kind, Step, stored_time_text
from sop_workflow.models import FollowUpTodo, InstalledSop, StepOutcome, StepTiming
from sop_workflow.records.archive import approved_workflow_state, archive_publication
from sop_workflow.timekeeping.timing import measured

#: After-publication actions a person performs (the others run by themselves).
PERSON_ACTIONS = ("link_report", "receive", "archive")
LOG_ACTION = "sop_workflow.follow_up_done"


@dataclass(frozen=True)
class Outcome:
    """What a click did (``done``) and the sentence that says so, or why not."""

    done: bool
    message: str


def person_steps(installed: InstalledSop) -> list[Step]:
    steps = installed.definition.steps_of(Kind.AFTER_PUBLICATION)
    return [step for step in steps if step.action in PERSON_ACTIONS]


def _seconds(delta) -> int | None:
    return int(delta.total_seconds()) if delta is not None else None


def create_follow_ups(page, revision) -> list[FollowUpTodo]:
    """The to-dos of ``page``'s approved SOP round, once: the first is due at go-live unless
    it waits for the link report."""
    workflow_state = approved_workflow_state(page)
    installed = (
        InstalledSop.objects.filter(workflow_id=workflow_state.workflow_id).first()
        if workflow_state
        else None
    )
    steps = person_steps(installed) if installed else []
    if not steps or FollowUpTodo.objects.filter(workflow_state=workflow_state).exists():
        return []
    now = timezone.now()
    todos = [
        FollowUpTodo.objects.create(
            site_id=installed.site_id,
            page_id=page.pk,
            revision=revision,
            workflow_state=workflow_state,
            step_number=step.number,
            action=step.action,
            role_keys=list(step.actor),
            description=step.description,
            standard_text=stored_time_text(step.time),
            standard_min_seconds=_seconds(step.time.min),
            standard_max_seconds=_seconds(step.time.max),
            standard_tentative=step.time.tentative,
            due_since=now if index == 0 and step.action != "link_report" else None,
        )
        for index, step in enumerate(steps)
    ]
    if todos[0].due_since is not None:
        queue_due_email(todos[0])
    return todos


def links_reported(report, page) -> bool:
    """The link report reached the SOP's roles: the link-report to-do is due from now, and an
    archive not filed yet keeps the report for its record. ``False``: the page has no to-dos
    (it went live outside the SOP's workflow)."""
    report_data = {
        "round": report.round,
        "sent_at": report.sent_at.isoformat() if report.sent_at else None,
        "links": report.links,
        "failures": report.failures,
    }
    open_todos = FollowUpTodo.objects.filter(
        page_id=page.pk, site_id=report.site_id, done_at__isnull=True
    )
    for archive in open_todos.filter(action="archive"):
        archive.data = {
            **archive.data,
            "link_reports": [*archive.data.get("link_reports", []), report_data],
        }
        archive.save(update_fields=["data"])
    todo = open_todos.filter(action="link_report", due_since__isnull=True).first()
    if todo is None:  # a later share round: the to-dos of the first one own the report steps
        return FollowUpTodo.objects.filter(page_id=page.pk, site_id=report.site_id).exists()
    todo.due_since = report.sent_at or timezone.now()
    todo.data = {**todo.data, "links": report.links, "failures": report.failures}
    todo.save(update_fields=["due_since", "data"])
    queue_due_email(todo)
    return True


def todos_for(user):
    """The due to-dos of ``user``'s roles, oldest first (operators have none)."""
    roles = InstitutionRole.objects.filter(group__user=user).values_list("site_id", "key")
    by_site: dict[int, set[str]] = {}
    for site_id, key in roles:
        by_site.setdefault(site_id, set()).add(key)
    todos = FollowUpTodo.objects.filter(
        site_id__in=list(by_site), done_at__isnull=True, due_since__isnull=False
    ).order_by("due_since", "pk")
    return [t for t in todos if by_site[t.site_id] & set(t.role_keys)]


def may_act(user, todo: FollowUpTodo) -> bool:
    """Whether ``user`` holds one of the to-do's roles at its institution."""
    return InstitutionRole.objects.filter(
        group__user=user, site_id=todo.site_id, key__in=todo.role_keys
    ).exists()


def role_names(site_id: int, keys) -> str:
    names = InstitutionRole.objects.filter(site_id=site_id, key__in=list(keys))
    return ", ".join(names.values_list("name", flat=True))


def complete(todo: FollowUpTodo, user) -> Outcome:
    """Do ``todo`` as ``user``: file the archive where the step is the archive, time the step,
    make the next to-do due and record it all on the item; or say why not."""
    with transaction.atomic():
        todo = FollowUpTodo.objects.select_for_update().get(pk=todo.pk)
        page = todo.page.specific
        refusal = _refusal(todo, page)
        if refusal:
            return Outcome(False, refusal)
        now = timezone.now()
        details = {}
        if todo.action == "archive":
            record = archive_publication(page, todo.revision, todo.data.get("link_reports", []))
            details["archive_number"] = record.archive_number if record else ""
        todo.done_at, todo.done_by = now, user
        todo.data = {**todo.data, **details}
        todo.save(update_fields=["done_at", "done_by", "data"])
        _time(todo)
        following = _next(todo)
        message = _done_message(todo, page, following)
        log(
            instance=page,
            action=LOG_ACTION,
            user=user,
            data={"step": todo.step_number, "message": message},
        )
    return Outcome(True, message)


def _refusal(todo: FollowUpTodo, page) -> str:
    values = {"step": todo.step_label, "title": page.title}
    if todo.done_at is not None:
        who = todo.done_by.get_full_name() or todo.done_by.get_username() if todo.done_by else "—"
        zone = institution_time_zone(todo.site_id)
        at = timezone.localtime(todo.done_at, zone).strftime("%d-%m-%Y %H:%M")
        return _("Step %(step)s of “%(title)s” was already done by %(name)s on %(at)s.") % {
            **values,
            "name": who,
            "at": at,
        }
    if todo.due_since is not None:
        return ""
    if todo.action == "link_report":
        return (
            _(
                "Step %(step)s of “%(title)s” is not due yet: the link report has not arrived. It "
                "comes once every channel has answered."
            )
            % values
        )
    return (
        _("Step %(step)s of “%(title)s” is not due yet: the step before it comes first.") % values
    )


def _time(todo: FollowUpTodo) -> StepTiming:
    standard = _standard(todo)
    return StepTiming.objects.create(
        site_id=todo.site_id,
        page_id=todo.page_id,
        revision_id=todo.revision_id,
        workflow_state=todo.workflow_state,
        step_number=todo.step_number,
        step_label=todo.step_label,
        kind=Kind.AFTER_PUBLICATION,
        outcome=StepOutcome.APPROVED,
        **measured(todo.site_id, standard, todo.due_since, todo.done_at),
    )


def _standard(todo: FollowUpTodo):
    installed = InstalledSop.objects.filter(workflow_id=todo.workflow_state.workflow_id).first()
    return installed.definition.step(todo.step_number).time


def _next(todo: FollowUpTodo) -> FollowUpTodo | None:
    """The next to-do of the same round becomes due now, with the links passed on."""
    following = (
        FollowUpTodo.objects.filter(
            workflow_state=todo.workflow_state,
            step_number__gt=todo.step_number,
            done_at__isnull=True,
        )
        .order_by("step_number")
        .first()
    )
    if following is None:
        return None
    if following.due_since is None and following.action != "link_report":
        following.due_since = todo.done_at
        queue_due_email(following)
    if "links" in todo.data and "links" not in following.data:
        following.data = {
            **following.data,
            "links": todo.data["links"],
            "failures": todo.data.get("failures", []),
        }
    following.save(update_fields=["due_since", "data"])
    return following


def _done_message(todo: FollowUpTodo, page, following: FollowUpTodo | None) -> str:
    values = {"step": todo.step_label, "title": page.title}
    if todo.action == "archive":
        message = _("Step %(step)s done: “%(title)s” is filed with archive number %(number)s.") % {
            **values,
            "number": todo.data.get("archive_number") or "—",
        }
    elif todo.action == "link_report" and following is not None:
        message = _("Step %(step)s done: the links of “%(title)s” were passed on to %(roles)s.") % {
            **values,
            "roles": role_names(todo.site_id, following.role_keys),
        }
    else:
        message = _("Step %(step)s done: you received the links of “%(title)s”.") % values
    if following is None:
        message = f"{message} {_('The item is closed (SELESAI).')}"
    return message


def queue_due_email(todo: FollowUpTodo) -> None:
    """Once committed, e-mail the to-do's roles that it is theirs now (a django-q2 job)."""
    pk = todo.pk
    transaction.on_commit(lambda: async_task("sop_workflow.tasks.notify_follow_up_due", pk))


def role_members(todo: FollowUpTodo):
    """The active people holding one of the to-do's roles at its institution."""
    groups = InstitutionRole.objects.filter(site_id=todo.site_id, key__in=todo.role_keys)
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups.values("group_id"))
        .distinct()
    )


def notify_due(todo_pk: int) -> int:
    """Background job: tell the to-do's roles, in Indonesian, what the step asks, by when, with
    the reported links and the dashboard's address; returns how many e-mails were sent. Nothing
    when the to-do was done or removed meanwhile."""
    todo = (
        FollowUpTodo.objects.filter(pk=todo_pk, done_at__isnull=True, due_since__isnull=False)
        .select_related("page")
        .first()
    )
    if todo is None:
        return 0
    recipients = sorted(set(role_members(todo).exclude(email="").values_list("email", flat=True)))
    if not recipients:
        return 0
    zone = institution_time_zone(todo.site_id)
    with translation.override(settings.LANGUAGE_CODE), timezone.override(zone):
        values = {
            "step": todo.step_label,
            "title": todo.page.title,
            "task": todo.description,
            "time": todo.standard_text or _("not set"),
            "url": get_admin_base_url() + reverse("wagtailadmin_home"),
        }
        subject = _("Step %(step)s is yours: %(title)s") % values
        parts = [
            _("“%(title)s” is published. Step %(step)s of your SOP is yours now: %(task)s")
            % values,
            _("Standard time: %(time)s.") % values,
        ]
        links = todo.data.get("links", [])
        if links:
            lines = [f"- {link.get('channel', '')}: {link.get('permalink', '')}" for link in links]
            parts.append("\n".join([_("Links reported:"), *lines]))
        failures = todo.data.get("failures", [])
        if failures:
            lines = [f"- {item.get('channel', '')}: {item.get('error', '')}" for item in failures]
            parts.append("\n".join([_("Not sent:"), *lines]))
        parts.append(_("Mark it done on your dashboard: %(url)s") % values)
    return send_mail(subject, "\n\n".join(parts), None, recipients)
