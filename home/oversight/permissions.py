"""Who reads the roll-up: operators, and the oversight roles of a region above the row."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

from home.tenancy import oversight_sites, sites_overseen_by, users_with_roles


class RollupPermissionPolicy(BasePermissionPolicy):
    """``view`` only, on the institutions (sites) below the user's oversight institutions.

    Not registered for ``Site`` (sites stay with operators); the roll-up views declare it.
    """

    def __init__(self) -> None:
        super().__init__(Site)

    def user_has_permission(self, user, action: str) -> bool:
        if action != "view" or not (user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or oversight_sites(user).exists()

    def user_has_any_permission(self, user, actions: Iterable[str]) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action: str, instance: Site) -> bool:
        return (
            action == "view"
            and self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance: Site) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet[Site]:
        return sites_overseen_by(user) if action == "view" else Site.objects.none()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet[Site]:
        return self.instances_user_has_permission_for(user, "view" if "view" in actions else "")

    def users_with_any_permission(self, actions) -> QuerySet:
        users = users_with_roles()
        if "view" not in actions:
            return users.none()
        return users.filter(groups__institution_role__is_oversight=True) | users.filter(
            is_superuser=True
        )


ROLLUP_POLICY = RollupPermissionPolicy()
