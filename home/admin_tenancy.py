"""Close the places where Wagtail's admin lists every tenant's users, sites or workflows.

Wagtail documents that it "does not support full multi-tenancy": report and listing filters
offer every user, site and workflow of the deployment. Each filter below gets a queryset that
is limited to the requesting user's own institutions. Operators (superusers) still see all.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet
from wagtail.models import Task, Workflow

from home.tenancy import sites_for_user, users_visible_to


def _scoped(default: Callable[[object], QuerySet], scope: Callable[[object], QuerySet]):
    """Build a filter queryset callable: Wagtail's own list, intersected with the tenant's."""

    def queryset(request) -> QuerySet:
        base = default(request)
        if request is None or request.user.is_superuser:
            return base
        return base.filter(pk__in=scope(request.user).values("pk"))

    return queryset


def workflows_visible_to(user) -> QuerySet[Workflow]:
    if user.is_superuser:
        return Workflow.objects.all()
    roots = sites_for_user(user).values_list("root_page__path", flat=True)
    condition = Q(pk__in=[])
    for path in roots:
        condition |= Q(workflow_pages__page__path__startswith=path)
    return Workflow.objects.filter(condition).distinct()


def tasks_visible_to(user) -> QuerySet[Task]:
    return Task.objects.filter(workflow_tasks__workflow__in=workflows_visible_to(user)).distinct()


def _default_of(filter_obj) -> Callable[[object], QuerySet]:
    original = filter_obj.queryset
    if callable(original):
        return original
    return lambda request: original.all()


def _scope_filter(filterset, name: str, scope: Callable[[object], QuerySet]) -> None:
    filter_obj = filterset.base_filters[name]
    filter_obj.queryset = _scoped(_default_of(filter_obj), scope)


def _scope_site_history_users() -> None:
    from wagtail.admin.views.reports.audit_logging import (
        LogEntriesView,
        SiteHistoryReportFilterSet,
    )

    class TenantSiteHistoryReportFilterSet(SiteHistoryReportFilterSet):
        def get_users_queryset(self):
            users = super().get_users_queryset()
            if self.request.user.is_superuser:
                return users
            return users.filter(pk__in=users_visible_to(self.request.user).values("pk"))

        class Meta(SiteHistoryReportFilterSet.Meta):
            pass

    LogEntriesView.filterset_class = TenantSiteHistoryReportFilterSet


def _scope_privacy_groups() -> None:
    """The page privacy form offers every group of the deployment; offer the page's own."""
    from django.contrib.auth.models import Group
    from wagtail.admin.views.page_privacy import SetPrivacyView

    from home.tenancy import institution_root_path

    original_get_form = SetPrivacyView.get_form

    def get_form(self, form_class=None):
        form = original_get_form(self, form_class)
        form.fields["groups"].queryset = Group.objects.filter(
            institution_role__site__root_page__path=institution_root_path(self.page)
        ).order_by("name")
        return form

    SetPrivacyView.get_form = get_form


def scope_admin_filters() -> None:
    """Give every user/site/workflow filter of Wagtail's admin a tenant-scoped queryset."""
    from wagtail.admin.views.pages.listing import PageFilterSet
    from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet
    from wagtail.admin.views.reports.workflows import (
        WorkflowReportFilterSet,
        WorkflowTasksReportFilterSet,
    )

    for filterset in (PageFilterSet,):
        _scope_filter(filterset, "owner", users_visible_to)
        _scope_filter(filterset, "edited_by", users_visible_to)
        _scope_filter(filterset, "site", sites_for_user)
    _scope_filter(LockedPagesReportFilterSet, "locked_by", users_visible_to)
    _scope_filter(WorkflowReportFilterSet, "requested_by", users_visible_to)
    _scope_filter(WorkflowReportFilterSet, "workflow", workflows_visible_to)
    _scope_filter(WorkflowTasksReportFilterSet, "workflow", workflows_visible_to)
    _scope_filter(WorkflowTasksReportFilterSet, "task", tasks_visible_to)
    _scope_site_history_users()
    _scope_privacy_groups()
