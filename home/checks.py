"""System checks of the deployment's data: no group spans institutions."""

from __future__ import annotations

from django.core import checks
from django.db import DatabaseError


def check_cross_institution_groups(app_configs=None, databases=None, **kwargs) -> list:
    """``home.E002`` for each group holding permissions above an institution's root.

    A page permission on the tree's root page (depth 1) or a collection permission on the root
    collection reaches every institution. Operators are superusers and need no group; an
    institution role's permissions stay on its own home page and collection.
    """
    if not databases:
        return []  # a data check: run by ``migrate``, ``check --database default`` and tests
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    try:
        names = sorted(
            set(
                GroupPagePermission.objects.filter(page__depth=1).values_list(
                    "group__name", flat=True
                )
            )
            | set(
                GroupCollectionPermission.objects.filter(collection__depth=1).values_list(
                    "group__name", flat=True
                )
            )
        )
    except DatabaseError:  # before the first migration
        return []
    return [
        checks.Error(
            f"Group {name!r} holds page or collection permissions above an institution's root: "
            "its members act on every institution.",
            hint="Remove the group's permissions on the root page and the root collection "
            "(Settings > Groups), or give its members an institution role instead.",
            id="home.E002",
        )
        for name in names
    ]
