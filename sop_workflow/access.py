"""Who may see an institution's SOP records: its members, its leadership, and operators."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

from home.models import InstitutionRole
from home.tenancy import sites_for_user


def member_sites(user) -> QuerySet[Site]:
    """Sites whose records ``user`` may read (every site for an operator)."""
    return sites_for_user(user)


def leadership_sites(user) -> QuerySet[Site]:
    """Sites whose reports ``user`` may read: leadership roles only, or every site (operators)."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    roles = InstitutionRole.objects.filter(is_leadership=True, group__user=user)
    return Site.objects.filter(pk__in=roles.values("site_id"))


class MemberRecordsPolicy(BasePermissionPolicy):
    """Records an SOP run leaves (``site`` field): members of the institution view them,
    nobody adds, edits or deletes them in the admin; operators see every institution's."""

    def user_has_permission(self, user, action: str) -> bool:
        return action == "view" and member_sites(user).exists()

    def user_has_any_permission(self, user, actions) -> bool:
        # "view" first: it is one query (a subclass's "add" may cost more; menus ask often)
        return any(self.user_has_permission(user, a) for a in sorted(actions, key="view".__ne__))

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return action == "view" and member_sites(user).filter(pk=instance.site_id).exists()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if "view" not in actions:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(site__in=member_sites(user))

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(groups__institution_role__isnull=False).distinct()
