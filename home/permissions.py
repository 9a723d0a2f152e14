"""One permission policy for every tenant-owned model: rows belong to an institution (a site),
and the user's institution roles decide what they may do with them.

A policy is declared by how a row finds its site (``site_lookup``, e.g. ``"site"`` or
``"channel__site"``) and which role may do each action (``MEMBER``, ``LEADERSHIP``, ``ADMIN``;
an action that is not given is allowed to nobody, operators included)::

    register_permission_policy(
        Channel, InstitutionPermissionPolicy(Channel, view=ADMIN, change=ADMIN, delete=ADMIN)
    )

Operators (superusers) may do every allowed action in every institution.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from django.db.models import Model, QuerySet
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

from home.tenancy import sites_for_user, users_with_roles

ACTIONS = ("add", "change", "delete", "view")


class Role(enum.Enum):
    """Which of the user's institution roles grant an action."""

    MEMBER = "member"  # any role of the institution
    LEADERSHIP = "leadership"  # a leadership role (``InstitutionRole.is_leadership``)
    ADMIN = "admin"  # the institution administrator (``InstitutionRole.is_admin``)


MEMBER, LEADERSHIP, ADMIN = Role.MEMBER, Role.LEADERSHIP, Role.ADMIN


class InstitutionPermissionPolicy(BasePermissionPolicy):
    """Permissions on a tenant-owned model, derived from the user's roles per row's site.

    Class attributes give the defaults, so a subclass may declare them; keyword arguments
    override them per instance. ``sites_for`` answers everything else.
    """

    site_lookup: str = "site"
    view: Role | None = MEMBER
    add: Role | None = None
    change: Role | None = None
    delete: Role | None = None

    def __init__(self, model, *, site_lookup: str | None = None, **roles: Role | None) -> None:
        super().__init__(model)
        unknown = set(roles) - set(ACTIONS)
        if unknown:
            raise TypeError(f"unknown actions: {', '.join(sorted(unknown))}")
        if site_lookup is not None:
            self.site_lookup = site_lookup
        for action, role in roles.items():
            setattr(self, action, role)

    def role_for(self, action: str) -> Role | None:
        """The role that grants ``action``; ``None`` when nobody may do it."""
        return getattr(self, action, None) if action in ACTIONS else None

    def sites_for(self, user, action: str) -> QuerySet[Site]:
        """The institutions in which ``user`` may do ``action`` on this model's rows."""
        role = self.role_for(action)
        if role is None:
            return Site.objects.none()
        return sites_for_user(user, admin=role is ADMIN, leadership=role is LEADERSHIP)

    def instance_site_id(self, instance: Model) -> int | None:
        """The site id of ``instance``, following ``site_lookup`` (``"pk"`` for sites)."""
        *path, last = self.site_lookup.split("__")
        for name in path:
            instance = getattr(instance, name)
        return instance.pk if last == "pk" else getattr(instance, f"{last}_id")

    def user_has_permission(self, user, action: str) -> bool:
        return self.sites_for(user, action).exists()

    def user_has_any_permission(self, user, actions: Iterable[str]) -> bool:
        # "view" first: it is usually the cheapest query and menus ask often
        return any(self.user_has_permission(user, a) for a in sorted(actions, key="view".__ne__))

    def user_has_permission_for_instance(self, user, action: str, instance: Model) -> bool:
        return self.sites_for(user, action).filter(pk=self.instance_site_id(instance)).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance: Model) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        sites = Site.objects.none()
        for action in actions:
            sites = sites | self.sites_for(user, action)
        return self.model._default_manager.filter(**{f"{self.site_lookup}__in": sites})

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission(self, actions) -> QuerySet:
        roles = {self.role_for(action) for action in actions} - {None}
        if not roles:
            return users_with_roles().none()
        if MEMBER in roles:
            return users_with_roles()
        return users_with_roles(admin=ADMIN in roles, leadership=LEADERSHIP in roles)
