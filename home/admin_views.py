"""Tenant isolation for Wagtail's generic admin views (ModelViewSet), shared by every app."""

from __future__ import annotations

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
