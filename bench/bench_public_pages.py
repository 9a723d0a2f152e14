"""Time the public pages of one institution among many, on a throw-away SQLite database.

    .venv/bin/python bench/bench_public_pages.py [--institutions 50] [--news 500] [--requests 50]
    .venv/bin/python bench/bench_public_pages.py --scaling [--news 50] [--requests 50]

Prints the median and 90th-percentile time and the query count per page type. ``--scaling``
prints the per-page time with 2, 1,000 and 10,000 institutions (the extra ones are created in
bulk: a site and its root page each, which is what URL building reads) and each page's time at
10,000 relative to 2 (the target: within 10 %).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(database: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(institutions: int, news: int):
    from datetime import date, timedelta

    from home.models import NewsIndexPage, NewsPage
    from home.provisioning import InstitutionSpec, provision_institution

    sites = [
        provision_institution(
            InstitutionSpec(f"Kalurahan {n}", f"desa{n}.localhost", "kalurahan")
        ).site
        for n in range(institutions)
    ]
    index = NewsIndexPage.objects.child_of(sites[0].root_page).get()
    for number in range(news):
        page = NewsPage(
            title=f"Kabar desa nomor {number}",
            slug=f"kabar-{number}",
            live=True,
            lead="Ringkasan kegiatan warga.",
            date=date(2025, 1, 1) + timedelta(days=number % 600),
        )
        index.add_child(instance=page)
    return sites[0], index, NewsPage.objects.child_of(index).first()


def add_sites_in_bulk(total: int) -> float:
    """Grow the deployment to ``total`` sites, each with its own root page, in bulk (no
    provisioning: URL building reads only the sites and their root pages). Returns seconds."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page, Site

    started = time.perf_counter()
    root = Page.get_first_root_node()
    existing = Site.objects.count()
    if total <= existing:
        return 0.0
    locale = Locale.get_default()
    page_type = ContentType.objects.get_for_model(Page)
    last = root.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    pages = []
    for offset, number in enumerate(range(existing, total)):
        slug = f"massal{number}"
        pages.append(
            Page(
                title=f"Kalurahan massal {number}",
                draft_title=f"Kalurahan massal {number}",
                slug=slug,
                path=Page._get_path(root.path, 2, first_step + offset),
                depth=2,
                numchild=0,
                url_path=f"/{slug}/",
                live=True,
                content_type=page_type,
                locale=locale,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=root.pk).update(numchild=root.numchild + len(pages))
    paths = {page.path for page in pages}
    created = [
        (pk, slug)
        for pk, slug, page_path in Page.objects.filter(
            depth=2, slug__startswith="massal"
        ).values_list("pk", "slug", "path")
        if page_path in paths
    ]
    Site.objects.bulk_create(
        [Site(hostname=f"{slug}.localhost", root_page_id=pk) for pk, slug in created],
        batch_size=500,
    )
    Site.clear_site_root_paths_cache()
    return time.perf_counter() - started


PAGES = ("home", "news index", "news page")


def scaling(news_count: int, repeat: int) -> None:
    """Per-page median time at 2, 1,000 and 10,000 institutions."""
    from django.test import Client

    site, index, news = build(2, news_count)
    urls = dict(zip(PAGES, ("/", index.url, news.url), strict=True))
    client = Client()
    results: dict[int, dict[str, tuple[float, int]]] = {}
    for institutions in (2, 1_000, 10_000):
        seconds = add_sites_in_bulk(institutions)
        row = {}
        for name, url in urls.items():
            median, _p90, queries = measure(client, site.hostname, url, repeat)
            row[name] = (median, queries)
        results[institutions] = row
        figures = "   ".join(f"{name} {ms:5.1f} ms ({q} q)" for name, (ms, q) in row.items())
        print(f"{institutions:6d} institutions (added in {seconds:4.1f} s): {figures}")
    for name in PAGES:
        small, large = results[2][name][0], results[10_000][name][0]
        print(f"{name:11s} 10,000 vs 2 institutions: {100 * (large / small - 1):+5.1f} %")


def measure(client, host: str, url: str, repeat: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, HTTP_HOST=host)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, HTTP_HOST=host).status_code == 200
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9) - 1], len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--institutions", type=int, default=50)
    parser.add_argument("--news", type=int, default=500)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument(
        "--scaling", action="store_true", help="per-page time at 2, 1,000, 10,000 institutions"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        if args.scaling:
            scaling(args.news, args.requests)
            return
        from django.test import Client

        started = time.perf_counter()
        site, index, news = build(args.institutions, args.news)
        print(
            f"data: {args.institutions} institutions, {args.news} news "
            f"(built in {time.perf_counter() - started:.1f} s)"
        )
        client = Client()
        for name, url in (("home", "/"), ("news index", index.url), ("news page", news.url)):
            median, p90, queries = measure(client, site.hostname, url, args.requests)
            print(f"{name:11s} median {median:6.1f} ms   p90 {p90:6.1f} ms   {queries} queries")


if __name__ == "__main__":
    main()
