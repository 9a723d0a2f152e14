"""Tenant isolation for the generic admin views: every object comes through the policy."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404


class TenantQuerysetMixin:
    """Lists and single objects limited to what the permission policy allows the user."""

    object_actions = ("view", "change")

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, self.object_actions
        )
        return queryset.filter(pk__in=allowed.values("pk"))

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, self.object_actions, obj
        ):
            raise Http404
        return obj


def check_instance(policy, user, action: str, instance) -> None:
    """403 unless ``user`` may do ``action`` on ``instance``."""
    if not policy.user_has_permission_for_instance(user, action, instance):
        raise PermissionDenied


class PageBreadcrumbsMixin:
    """Breadcrumbs of a page-level admin view: Home › the page (its editor) › this view."""

    def get_breadcrumbs_items(self):
        from django.urls import reverse

        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_header_title(self):
        return self.get_page_title()
