"""Who may see an institution's SOP records: its members, its leadership, and operators."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Site

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
