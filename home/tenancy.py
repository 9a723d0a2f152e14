"""Who belongs to which institution. The single place that answers tenancy questions."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.models import Page, Site

INSTITUTION_ROOT_DEPTH = 2


def sites_for_user(user) -> QuerySet[Site]:
    """The institutions (sites) the user works for; every site for an operator."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(institution_roles__group__user=user).distinct()


def institution_root_path(page: Page) -> str:
    """Tree path of the institution root page that ``page`` belongs to."""
    return page.path[: Page.steplen * INSTITUTION_ROOT_DEPTH]


def site_for_page(page: Page) -> Site | None:
    return (
        Site.objects.filter(root_page__path=institution_root_path(page))
        .select_related("root_page")
        .first()
    )


def users_visible_to(user) -> QuerySet:
    """Users an institution member may see in filters and pickers: colleagues only."""
    User = get_user_model()
    if user.is_superuser:
        return User.objects.all()
    return User.objects.filter(groups__institution_role__site__in=sites_for_user(user)).distinct()


def pages_of_user_institutions(user) -> QuerySet[Page]:
    """Every page inside the user's institutions (for choosers, search and reports)."""
    if user.is_superuser:
        return Page.objects.all()
    roots = list(sites_for_user(user).values_list("root_page__path", flat=True))
    if not roots:
        return Page.objects.none()
    query = None
    for path in roots:
        clause = Page.objects.filter(path__startswith=path)
        query = clause if query is None else query | clause
    return query
