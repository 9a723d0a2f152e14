"""Helpers of the social admin views: instance checks and page breadcrumbs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


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
