"""What a leaving person still holds in an institution, and handing it over to a colleague.

Each kind of open work is a :class:`HandoverSection`: the items (each with its institution)
and how to give them to someone else. ``home`` lists drafts, submissions in review, locked
pages and the open tasks only this person could take; other apps add theirs through the hook
``staff_handover_sections(person, sites)`` (``sop_workflow`` adds the dispositions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, Site, TaskState, WorkflowState

from home.models import InstitutionRole


@dataclass
class HandoverItem:
    label: str
    url: str
    site_id: int
    pk: int


@dataclass
class HandoverSection:
    """Open work of one kind. ``reassign(pks, colleague)`` gives the items (by their ``pk``) to
    the colleague and returns how many it moved; ``None`` when the work stays with a role
    (``note`` says what to do)."""

    key: str
    title: str
    items: list[HandoverItem]
    reassign: Callable[[list[int], object], int] | None = None
    note: str = ""


def pages_in(sites: Iterable[Site]) -> QuerySet[Page]:
    """Pages inside the given institutions' trees."""
    query = Q(pk__in=[])
    for path in Site.objects.filter(pk__in=[s.pk for s in sites]).values_list(
        "root_page__path", flat=True
    ):
        query |= Q(path__startswith=path)
    return Page.objects.filter(query)


def _site_of(page: Page, roots: dict[str, int]) -> int:
    return next(site for path, site in roots.items() if page.path.startswith(path))


def _roots(sites) -> dict[str, int]:
    return dict(
        Site.objects.filter(pk__in=[s.pk for s in sites]).values_list("root_page__path", "pk")
    )


def _page_items(pages, roots, pks=None) -> list[HandoverItem]:
    pks = pks or [page.pk for page in pages]
    return [
        HandoverItem(
            page.get_admin_display_title(),
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            _site_of(page, roots),
            pk,
        )
        for page, pk in zip(pages, pks, strict=True)
    ]


def drafts(person, sites) -> HandoverSection:
    pages = list(
        pages_in(sites)
        .filter(owner=person)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .order_by("-latest_revision_created_at")
    )

    def reassign(pks, colleague) -> int:
        return Page.objects.filter(pk__in=pks, owner=person).update(owner=colleague)

    return HandoverSection("drafts", _("Drafts"), _page_items(pages, _roots(sites)), reassign)


def submissions(person, sites) -> HandoverSection:
    states = list(
        WorkflowState.objects.filter(
            requested_by=person,
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
    )
    page_ids = {int(state.object_id) for state in states}
    pages = {page.pk: page for page in pages_in(sites).filter(pk__in=page_ids)}
    states = [state for state in states if int(state.object_id) in pages]

    def reassign(pks, colleague) -> int:
        states = WorkflowState.objects.filter(pk__in=pks, requested_by=person)
        return states.update(requested_by=colleague)

    return HandoverSection(
        "submissions",
        _("Submitted for review"),
        _page_items(
            [pages[int(state.object_id)] for state in states],
            _roots(sites),
            [state.pk for state in states],
        ),
        reassign,
        note=_("The colleague receives the review's news and the rejections to revise."),
    )


def locked_pages(person, sites) -> HandoverSection:
    pages = list(pages_in(sites).filter(locked=True, locked_by=person))

    def reassign(pks, colleague) -> int:
        locks = Page.objects.filter(pk__in=pks, locked_by=person)
        return locks.update(locked=False, locked_by=None, locked_at=None)

    return HandoverSection(
        "locks",
        _("Pages locked by this person"),
        _page_items(pages, _roots(sites)),
        reassign,
        note=_("Handing over unlocks them."),
    )


def sole_holder_tasks(person, sites) -> HandoverSection:
    """Open tasks of roles nobody else active holds: they wait until someone gets the role."""
    roles = InstitutionRole.objects.filter(site__in=sites, group__user=person)
    alone = [
        role
        for role in roles.select_related("group")
        if not role.group.user_set.filter(is_active=True).exclude(pk=person.pk).exists()
    ]
    groups = [role.group_id for role in alone]
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__groupapprovaltask__groups__in=groups
    ).distinct()
    page_ids = {int(state.workflow_state.object_id) for state in states}
    pages = list(pages_in(sites).filter(pk__in=page_ids))
    return HandoverSection(
        "tasks",
        _("Open tasks nobody else can take"),
        _page_items(pages, _roots(sites)),
        note=_(
            "These tasks belong to a role only this person holds: give the role to a "
            "colleague (Edit → Roles) so the tasks can go on."
        ),
    )


def sections_for(person, sites) -> list[HandoverSection]:
    """Every kind of open work ``person`` holds in ``sites``, the project's and other apps'."""
    sites = list(sites)
    found = [
        drafts(person, sites),
        submissions(person, sites),
        locked_pages(person, sites),
        sole_holder_tasks(person, sites),
    ]
    for hook in hooks.get_hooks("staff_handover_sections"):
        found.extend(hook(person, sites))
    return found
