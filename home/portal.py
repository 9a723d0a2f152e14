"""The public portal's directory: institutions grouped by region, searchable, paginated, each
with its latest live news.

A page of the directory costs the same queries however many institutions exist: one count,
one query choosing the page's institutions (ordered by region, then name) and one reading
their names, hosts, region and latest news (correlated subqueries, not one query each).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.models import InstitutionSettings, NewsPage
from home.models.pages import public_pages_q

INSTITUTIONS_PER_PAGE = 50
SEARCH_MAX_LENGTH = 100
#: Tree paths use 0-9A-Z; every descendant of an institution root sorts below root + "Z…".
_UPPER_PAD = "Z" * 247


def _top_ancestor() -> RawSQL:
    """The site id of the row's highest ancestor (itself without a parent), walking up the
    parent chain in one recursive subquery; ``NULL`` for a chain that never ends (a loop)."""
    table = InstitutionSettings._meta.db_table
    site_table = Site._meta.db_table
    return RawSQL(
        f"(WITH RECURSIVE up(site_id, parent_id) AS ("  # noqa: S608 (only our table names)
        f"SELECT site_id, parent_id FROM {table} WHERE site_id = {site_table}.id "
        f"UNION SELECT p.site_id, p.parent_id FROM {table} p JOIN up ON p.site_id = up.parent_id"
        f") SELECT site_id FROM up WHERE parent_id IS NULL LIMIT 1)",
        (),
        output_field=IntegerField(),
    )


def _region_id() -> Case:
    """The row's region: its top ancestor; a parentless institution with none below it has
    no region (it is listed under *Lainnya*)."""
    has_children = Exists(InstitutionSettings.objects.filter(parent_id=OuterRef("pk")))
    return Case(
        When(Q(institutionsettings__parent__isnull=True) & ~has_children, then=Value(None)),
        default=_top_ancestor(),
        output_field=IntegerField(),
    )


def _name_of(site_ref: str) -> Subquery:
    settings = InstitutionSettings.objects.filter(site_id=OuterRef(site_ref))
    return Subquery(settings.values("official_name")[:1])


def directory_rows(query: str = "") -> QuerySet[Site]:
    """Every institution (a site with a profile), matching ``query`` by name when given,
    ordered by region name (*Lainnya* last), the region itself first, then by name."""
    sites = Site.objects.filter(institutionsettings__isnull=False)
    if query:
        sites = sites.filter(
            Q(institutionsettings__official_name__icontains=query)
            | Q(institutionsettings__short_name__icontains=query)
        )
    return sites.annotate(
        region_id=_region_id(),
        region_name=_name_of("region_id"),
        heads_region=Case(When(region_id=F("pk"), then=Value(0)), default=Value(1)),
    ).order_by(
        F("region_name").asc(nulls_last=True),
        "region_id",
        "heads_region",
        "institutionsettings__official_name",
        "pk",
    )


def _latest_news() -> QuerySet[NewsPage]:
    """The row's live, public news, newest first (as the institution's own listing)."""
    root = OuterRef("root_page__path")
    return (
        NewsPage.objects.live()
        .filter(public_pages_q(), path__gt=root, path__lte=Concat(root, Value(_UPPER_PAD)))
        .order_by("-date", "-first_published_at", "-pk")
    )


def _with_details(site_ids: list[int]) -> dict[int, Site]:
    """The page's institutions with their name, region and latest news, in one query."""
    news = _latest_news()
    rows = (
        Site.objects.filter(pk__in=site_ids)
        .annotate(
            name=F("institutionsettings__official_name"),
            region_id=_region_id(),
            region_name=_name_of("region_id"),
            news_title=Subquery(news.values("title")[:1]),
            news_path=Subquery(news.values("url_path")[:1]),
        )
        .select_related("root_page")
    )
    return {row.pk: row for row in rows}


@dataclass(frozen=True)
class DirectoryEntry:
    """One institution as the portal lists it."""

    name: str
    url: str
    news_title: str = ""
    news_url: str = ""


@dataclass
class RegionGroup:
    """The institutions of one region on this page (``name`` is *Lainnya* without one)."""

    name: str
    entries: list[DirectoryEntry] = field(default_factory=list)


def _site_url(request: HttpRequest, site: Site) -> str:
    port = request.get_port()
    suffix = "" if port in ("80", "443") else f":{port}"
    return f"{request.scheme}://{site.hostname}{suffix}/"


def _entry(request: HttpRequest, site: Site) -> DirectoryEntry:
    url = _site_url(request, site)
    if not site.news_title:
        return DirectoryEntry(site.name, url)
    relative = site.news_path[len(site.root_page.url_path) :]
    return DirectoryEntry(site.name, url, site.news_title, url + relative)


@dataclass
class Directory:
    """One page of the portal's directory."""

    query: str
    page: PaginatorPage
    groups: list[RegionGroup]


def directory_page(request: HttpRequest) -> Directory:
    """The directory page asked for by ``?q=`` (name search) and ``?halaman=`` (page number)."""
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    paginator = Paginator(directory_rows(query).values_list("pk", flat=True), INSTITUTIONS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("halaman", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    details = _with_details(list(page.object_list))
    sites = [details[pk] for pk in page.object_list if pk in details]
    groups = [
        RegionGroup(name or _("Other"), [_entry(request, site) for site in members])
        for (_region, name), members in groupby(sites, key=lambda s: (s.region_id, s.region_name))
    ]
    return Directory(query, page, groups)


def directory_page_number(site_id: int) -> int | None:
    """The directory page (without a search) that lists the institution, ``None`` if none."""
    ids = list(directory_rows().values_list("pk", flat=True))
    return ids.index(site_id) // INSTITUTIONS_PER_PAGE + 1 if site_id in ids else None


def portal_urls_listing(site_id: int) -> list[str]:
    """The portal's cached URLs that show the institution (its name and latest news)."""
    from home.models import PortalPage

    portal = PortalPage.objects.live().first()
    portal_site = portal.get_site() if portal else None
    number = directory_page_number(site_id) if portal_site else None
    if number is None:
        return []
    root = portal_site.root_url
    return [f"{root}/", f"{root}/?halaman=1"] if number == 1 else [f"{root}/?halaman={number}"]
