"""Who may see and manage channels and syndications: tenant isolation lives here.

* Channels: only the institution admin role of the channel's site (``InstitutionRole.is_admin``)
  may view or manage them; operators (superusers) may everything.
* Syndications and link reports: members of the institution may view them; its admins may
  act on them (retry, share again).
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

from home.tenancy import sites_for_user

VIEW_ACTIONS = {"view"}


def admin_sites(user) -> QuerySet[Site]:
    """Sites where ``user`` holds the institution admin role."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(
        institution_roles__is_admin=True, institution_roles__group__user=user
    ).distinct()


class InstitutionPermissionPolicy(BasePermissionPolicy):
    """Permissions derived from the user's institution roles, per instance's site."""

    site_lookup = "site"
    members_may_view = False

    def sites_for(self, user, action: str) -> QuerySet[Site]:
        if action in VIEW_ACTIONS and self.members_may_view:
            return sites_for_user(user)
        return admin_sites(user)

    def instance_site_id(self, instance) -> int:
        return instance.site_id

    def user_has_permission(self, user, action: str) -> bool:
        if action == "add" and not self.allows_add:
            return False
        return self.sites_for(user, action).exists()

    allows_add = True

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return self.sites_for(user, action).filter(pk=self.instance_site_id(instance)).exists()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        sites = Site.objects.none()
        for action in actions:
            sites = sites | self.sites_for(user, action)
        return self.model._default_manager.filter(**{f"{self.site_lookup}__in": sites})

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(
            groups__institution_role__is_admin=True, is_active=True
        ).distinct() | get_user_model().objects.filter(is_superuser=True, is_active=True)


class ChannelPermissionPolicy(InstitutionPermissionPolicy):
    allows_add = False  # channels are added by connecting an account, not by a form


class SyndicationPermissionPolicy(InstitutionPermissionPolicy):
    site_lookup = "channel__site"
    members_may_view = True
    allows_add = False

    def instance_site_id(self, instance) -> int:
        return instance.channel.site_id


class LinkReportPermissionPolicy(InstitutionPermissionPolicy):
    members_may_view = True
    allows_add = False


def register_policies() -> None:
    from wagtail.permissions import register_permission_policy

    from social_publish.models import Channel, LinkReport, Syndication

    register_permission_policy(Channel, ChannelPermissionPolicy(Channel))
    register_permission_policy(Syndication, SyndicationPermissionPolicy(Syndication))
    register_permission_policy(LinkReport, LinkReportPermissionPolicy(LinkReport))
