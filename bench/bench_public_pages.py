"""Time the public pages of one institution among many, on a throw-away SQLite database.

    .venv/bin/python bench/bench_public_pages.py [--institutions 50] [--news 500] [--requests 50]

Prints the median and 90th-percentile time and the query count per page type.
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
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
