"""Which cached URLs show a page, so that the caching proxy can be purged when it changes.

Wagtail's frontend cache app purges a page's own URLs (``Page.get_cached_paths``). A news item
is also shown by its news index and every pagination page, the home page and the RSS feed
(latest news), the sitemap, and the related-news block of the articles that list it; a page in
the main menu (a child of the home page) is shown by every page of the site. The functions here
collect all of these, on the institution's own hostname, into one ``PurgeBatch``, with the
portal's directory page that lists the institution (its name and latest news).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from home.models.pages import RELATED_NEWS, NewsPage, NewsPageTag
from home.portal import portal_urls_listing

_NEVER = datetime.min.replace(tzinfo=UTC)


def _listing_key(row: dict) -> tuple[date, datetime, int]:
    """The order of ``news_listing``: newest date, then newest first publication, then pk."""
    return (row["date"], row["first_published_at"] or _NEVER, row["pk"])


def _related_ids(own: int, ordered: list[int], tags: dict[int, set[int]]) -> list[int]:
    """``NewsPage.related_news`` computed in memory for the page ``own``."""
    others = [pk for pk in ordered if pk != own]
    own_tags = tags.get(own, set())
    tagged = [pk for pk in others if own_tags & tags.get(pk, set())] if own_tags else []
    return (tagged or others)[:RELATED_NEWS]


def pages_listing_in_related_news(page: NewsPage, index: Page) -> list[NewsPage]:
    """The live articles under ``index`` whose related-news block shows ``page`` (as if live).

    Computed from two queries, whether ``page`` is being published, unpublished, deleted or
    moved away: the articles that list it now, or did while it was live.
    """
    rows = list(
        NewsPage.objects.live()
        .public()
        .descendant_of(index)
        .exclude(pk=page.pk)
        .values("pk", "date", "first_published_at")
    )
    rows.append({"pk": page.pk, "date": page.date, "first_published_at": page.first_published_at})
    ordered = [row["pk"] for row in sorted(rows, key=_listing_key, reverse=True)]
    tags: dict[int, set[int]] = {}
    for object_id, tag_id in NewsPageTag.objects.filter(content_object_id__in=ordered).values_list(
        "content_object_id", "tag_id"
    ):
        tags.setdefault(object_id, set()).add(tag_id)
    listing = [pk for pk in ordered if pk != page.pk and page.pk in _related_ids(pk, ordered, tags)]
    return list(NewsPage.objects.filter(pk__in=listing))


def _live_pages(root: Page) -> Iterable[Page]:
    return root.get_descendants(inclusive=True).live().specific()


def add_surroundings(batch: PurgeBatch, page: Page, parent: Page | None) -> None:
    """Add the URLs that show ``page`` when it sits under ``parent``, on that site only."""
    site = page.get_site()
    if site is None:
        return
    home = site.root_page.specific
    batch.add_page(home)
    batch.add_url(f"{site.root_url}/sitemap.xml")
    if parent is None or parent.depth < home.depth:
        return  # the page is the site's root itself
    if parent.pk == home.pk:
        batch.add_pages(_live_pages(home))  # a child of the home page is in every page's menu
        return
    batch.add_page(parent.specific)
    if isinstance(page, NewsPage):
        batch.add_pages(pages_listing_in_related_news(page, parent))
        batch.add_urls(portal_urls_listing(site.pk))  # the portal shows its latest news


def purge_batch_for(page: Page, parent: Page | None = None) -> PurgeBatch:
    """Every cached URL that shows ``page`` (and its live descendants) under ``parent``.

    Args:
        page: the specific page that changed; its URL is taken from its current ``url_path``.
        parent: where the page sits; its current parent by default.

    Returns:
        A ``PurgeBatch`` whose ``purge()`` sends them to the configured frontend caches.
    """
    batch = PurgeBatch()
    batch.add_page(page)
    if not page.is_site_root():  # breadcrumbs show every ancestor's title but the home page's
        batch.add_pages(page.get_descendants().live().specific())
    add_surroundings(batch, page, page.get_parent() if parent is None else parent)
    return batch


def purge_batch_for_site(site) -> PurgeBatch:
    """Every live page of ``site`` with its feed and sitemap: what a profile change shows on.

    The header (name, logo, brand colour), the footer (address, office hours, social links) and
    the meta description are on every page of the institution.
    """
    batch = PurgeBatch()
    batch.add_pages(_live_pages(site.root_page))
    batch.add_url(f"{site.root_url}/feed/")
    batch.add_url(f"{site.root_url}/sitemap.xml")
    batch.add_urls(portal_urls_listing(site.pk))  # the portal lists it by name
    return batch
