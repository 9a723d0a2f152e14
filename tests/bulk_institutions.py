"""Many institutions fast, for scale tests and benchmarks: rows written in bulk, not provisioned.

Each institution is what the regional roll-up reads: a site, its root page and its profile with
its parent; optionally live news below the root, SOP step times and a channel. No groups,
collections or section pages (full provisioning takes a second each; this a millisecond).
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import router
from django.db.models import F
from django.db.models.sql import InsertQuery
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from home.models import InstitutionSettings, NewsPage
from social_publish.models import Channel, ChannelStatus
from sop_workflow.models import StepTiming


def _pages(parent_path: str, depth: int, first_step: int, titles: list[str], page_type, **fields):
    locale = Locale.get_default()
    return [
        Page(
            title=title,
            draft_title=title,
            slug=f"massal-{first_step + offset}",
            path=Page._get_path(parent_path, depth, first_step + offset),
            depth=depth,
            numchild=0,
            url_path=f"/massal-{first_step + offset}/",
            content_type=page_type,
            locale=locale,
            **fields,
        )
        for offset, title in enumerate(titles)
    ]


def _next_step(parent: Page) -> int:
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def add_institutions(
    parent: Site, names: list[str], kind: str, *, news: int = 0, hosts: str = "massal"
) -> list[Site]:
    """Institutions ``names`` of type ``kind`` directly below ``parent``, each with ``news``
    live news pages (published over the last weeks), three SOP step times and a channel
    (every tenth needing reconnection). Returns their sites, in the order of ``names``."""
    root = Page.get_first_root_node()
    first = _next_step(root)
    roots = Page.objects.bulk_create(
        _pages(root.path, 2, first, names, ContentType.objects.get_for_model(Page), live=True)
    )
    Page.objects.filter(pk=root.pk).update(numchild=F("numchild") + len(roots))
    sites = Site.objects.bulk_create(
        Site(hostname=f"{hosts}{first + n}.localhost", root_page=page, site_name=page.title)
        for n, page in enumerate(roots)
    )
    InstitutionSettings.objects.bulk_create(
        InstitutionSettings(site=site, official_name=site.site_name, institution_type=kind,
                            parent=parent)
        for site in sites
    )  # fmt: skip
    now = timezone.now()
    if news:
        _add_news(roots, news, now)
    StepTiming.objects.bulk_create(
        StepTiming(
            site=site, page=page, step_number=2, step_label="2", kind="review",
            started_at=now - timedelta(days=n + 1), finished_at=now - timedelta(days=n + 1),
            outcome="approved", standard_max_seconds=900, working_seconds=600 + 300 * n,
        )
        for site, page in zip(sites, roots, strict=True)
        for n in range(3)
    )  # fmt: skip
    Channel.objects.bulk_create(
        Channel(
            site=site, kind="facebook", name=f"Halaman {site.site_name}", account_id=f"fb-{n}",
            status=ChannelStatus.NEEDS_RECONNECT if n % 10 == 0 else ChannelStatus.ACTIVE,
        )
        for n, site in enumerate(sites)
    )  # fmt: skip
    Site.clear_site_root_paths_cache()
    return sites


def _add_news(roots: list[Page], count: int, now) -> None:
    """``count`` live news pages under each root: base rows in bulk, then the news rows."""
    news_type = ContentType.objects.get_for_model(NewsPage)
    pages = []
    for root in roots:
        titles = [f"Kabar {root.title} {n}" for n in range(count)]
        moments = [now - timedelta(days=7 * n) for n in range(count)]
        made = _pages(root.path, 3, 1, titles, news_type, live=True)
        for page, moment in zip(made, moments, strict=True):
            page.first_published_at = page.last_published_at = moment
        pages.extend(made)
    pages = Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk__in=[root.pk for root in roots]).update(numchild=count)
    # The news table's rows alone (bulk_create refuses a child model): what Model.save does
    # for the child table, one INSERT per batch.
    news_rows = [NewsPage(page_ptr_id=page.pk, lead="Ringkasan kegiatan warga.") for page in pages]
    fields = NewsPage._meta.local_concrete_fields
    for start in range(0, len(news_rows), 200):
        query = InsertQuery(NewsPage)
        query.insert_values(fields, news_rows[start : start + 200], raw=True)
        query.get_compiler(using=router.db_for_write(NewsPage)).execute_sql()
