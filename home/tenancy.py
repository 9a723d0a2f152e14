"""Who belongs to which institution. The single place that answers tenancy questions:
which institutions (sites) a user may see or act on, in which role, and each institution's
time zone."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.models import Page, Site

from home.models import InstitutionRole, InstitutionSettings

INSTITUTION_ROOT_DEPTH = 2
DEFAULT_TIME_ZONE = "Asia/Jakarta"

RoleKeys = Callable[[Site], Collection[str]]


def sites_for_user(
    user,
    *,
    admin: bool = False,
    leadership: bool = False,
    role_keys: RoleKeys | None = None,
) -> QuerySet[Site]:
    """The institutions (sites) where ``user`` holds a role; every site for an operator.

    Without flags any role counts. With flags, only a role that matches one of them does:
    ``admin`` (the institution administrator), ``leadership``, or ``role_keys`` — a function
    giving, per site, the role keys that count there (e.g. the roles an SOP step names).
    Inactive and anonymous users get no site.
    """
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    roles = InstitutionRole.objects.filter(group__user=user)
    wanted = Q()
    if admin:
        wanted |= Q(is_admin=True)
    if leadership:
        wanted |= Q(is_leadership=True)
    if role_keys is None:
        if wanted:
            roles = roles.filter(wanted)
        return Site.objects.filter(pk__in=roles.values("site_id"))
    flagged = set(roles.filter(wanted).values_list("site_id", flat=True)) if wanted else set()
    allowed = flagged | {
        role.site_id
        for role in roles.exclude(site_id__in=flagged).select_related("site")
        if role.key in role_keys(role.site)
    }
    return Site.objects.filter(pk__in=allowed)


def users_with_roles(*, admin: bool = False, leadership: bool = False) -> QuerySet:
    """Active users holding an institution role (only matching ones with flags), and operators."""
    wanted = Q(groups__institution_role__isnull=False)
    if admin or leadership:
        wanted = Q(pk__in=[])
        if admin:
            wanted |= Q(groups__institution_role__is_admin=True)
        if leadership:
            wanted |= Q(groups__institution_role__is_leadership=True)
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(pk__in=users.filter(wanted).values("pk")) | users.filter(is_superuser=True)


def time_zone_named(name: str | None) -> ZoneInfo:
    """The zone of an institution profile's ``time_zone`` value; Asia/Jakarta when unset."""
    return ZoneInfo(name or DEFAULT_TIME_ZONE)


def institution_time_zones(sites: Iterable[Site | int]) -> dict[int, ZoneInfo]:
    """Each institution's time zone (from its profile; Asia/Jakarta without one), by site id."""
    site_ids = [site if isinstance(site, int) else site.pk for site in sites]
    zones = dict(
        InstitutionSettings.objects.filter(site_id__in=site_ids).values_list("site_id", "time_zone")
    )
    return {site_id: time_zone_named(zones.get(site_id)) for site_id in site_ids}


def institution_time_zone(site: Site | int) -> ZoneInfo:
    """The institution's time zone (from its profile; Asia/Jakarta without one)."""
    site_id = site if isinstance(site, int) else site.pk
    return institution_time_zones([site_id])[site_id]


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


def roles_managed_by(user) -> QuerySet[InstitutionRole]:
    """The institution roles ``user`` may give and take: every role for an operator, else the
    roles of the institutions where ``user`` is the administrator (none for anyone else)."""
    roles = InstitutionRole.objects.select_related("site", "group")
    if user.is_active and user.is_superuser:
        return roles.all()
    return roles.filter(site__in=sites_for_user(user, admin=True))


def staff_managed_by(user) -> QuerySet:
    """The people ``user`` manages: everyone for an operator; for an institution administrator,
    those holding a role of its institutions — never an operator; nobody for anyone else."""
    User = get_user_model()
    if user.is_active and user.is_superuser:
        return User.objects.all()
    holders = User.objects.filter(groups__institution_role__in=roles_managed_by(user))
    return User.objects.filter(pk__in=holders.values("pk"), is_superuser=False)


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
