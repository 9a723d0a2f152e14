"""Tenant-scoped querysets for the places where Wagtail's admin lists every tenant's users,
sites, workflows or groups.

Wagtail documents that it "does not support full multi-tenancy": report and listing filters
offer every user, site and workflow of the deployment, and the page privacy form every group.
This module says what each of them should offer instead: the requesting user's own
institutions. Operators (superusers) still see all. Nothing here changes Wagtail; the patches
that hand these querysets to Wagtail's filter sets and views live in ``home/wagtail_patches.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet
from wagtail.models import Page, Task, Workflow

from home.tenancy import institution_root_path, sites_for_user, users_visible_to


def scoped(default: Callable[[object], QuerySet], scope: Callable[[object], QuerySet]):
    """Build a filter queryset callable: Wagtail's own list, intersected with the tenant's."""

    def queryset(request) -> QuerySet:
        base = default(request)
        if request is None or request.user.is_superuser:
            return base
        return base.filter(pk__in=scope(request.user).values("pk"))

    return queryset


def workflows_visible_to(user) -> QuerySet[Workflow]:
    """Workflows assigned to a page of the user's institutions; every workflow for operators."""
    if user.is_superuser:
        return Workflow.objects.all()
    roots = sites_for_user(user).values_list("root_page__path", flat=True)
    condition = Q(pk__in=[])
    for path in roots:
        condition |= Q(workflow_pages__page__path__startswith=path)
    return Workflow.objects.filter(condition).distinct()


def tasks_visible_to(user) -> QuerySet[Task]:
    """Tasks of the workflows :func:`workflows_visible_to` the user."""
    return Task.objects.filter(workflow_tasks__workflow__in=workflows_visible_to(user)).distinct()


def users_of_site_history(users: QuerySet, user) -> QuerySet:
    """The site history's user filter (``users``, Wagtail's list), colleagues only."""
    if user.is_superuser:
        return users
    return users.filter(pk__in=users_visible_to(user).values("pk"))


def privacy_groups_for(page: Page) -> QuerySet[Group]:
    """The groups a page's privacy may be limited to: the roles of the page's own institution."""
    return Group.objects.filter(
        institution_role__site__root_page__path=institution_root_path(page)
    ).order_by("name")
