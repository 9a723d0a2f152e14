"""Who may manage which user accounts: the permission policy of the user model.

Operators (superusers) manage everyone. An institution administrator may list, add and change
the people holding a role of its institution (``home.tenancy.staff_managed_by``), never an
operator; deleting accounts stays with operators (a leaving person is deactivated, so nothing
they wrote loses its author). Registered by ``home.users_app.InstitutionUsersAppConfig``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from home.tenancy import sites_for_user, staff_managed_by, users_with_roles

#: What an institution administrator may do with the accounts of its people.
ADMIN_ACTIONS = frozenset({"add", "change", "view"})


def is_operator(user) -> bool:
    return bool(user.is_active and user.is_superuser)


class StaffPermissionPolicy(BasePermissionPolicy):
    """Institution administrators manage their own institution's people; operators everyone."""

    def user_has_permission(self, user, action: str) -> bool:
        if is_operator(user):
            return True
        return action in ADMIN_ACTIONS and sites_for_user(user, admin=True).exists()

    def user_has_any_permission(self, user, actions: Iterable[str]) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet:
        if ADMIN_ACTIONS & set(actions):
            return users_with_roles(admin=True)
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def instances_user_has_any_permission_for(self, user, actions: Iterable[str]) -> QuerySet:
        if is_operator(user):
            return get_user_model().objects.all()
        if not ADMIN_ACTIONS & set(actions):
            return get_user_model().objects.none()
        return staff_managed_by(user)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)
