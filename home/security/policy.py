"""Who must sign in with a second factor.

Operators (superusers), the leadership roles, and every role that acts in a review, approval
or publication task of an active workflow — the tasks an installed SOP builds (its
``SopApprovalTask`` and ``SopPublicationTask``), and Wagtail's own group approval tasks. The
answer follows the installed SOP: reinstalling one with other actors changes who must.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from wagtail.models import AbstractGroupApprovalTask

from home.models import InstitutionRole


def approving_groups() -> QuerySet[Group]:
    """Groups that approve or publish: actors of active approval tasks, and leadership roles."""
    group_ids: set[int] = set(
        InstitutionRole.objects.filter(is_leadership=True).values_list("group_id", flat=True)
    )
    for model in apps.get_models():
        if issubclass(model, AbstractGroupApprovalTask) and not model._meta.abstract:
            group_ids.update(
                model.objects.filter(active=True, groups__isnull=False).values_list(
                    "groups", flat=True
                )
            )
    return Group.objects.filter(pk__in=group_ids)


def requires_second_factor(user) -> bool:
    """Whether ``user`` may only use the admin after a second factor (TOTP or recovery code)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(pk__in=approving_groups().values("pk")).exists()
