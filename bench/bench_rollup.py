"""Time the regional roll-up at 100, 1,000 and 10,000 institutions below one region.

    .venv/bin/python bench/bench_rollup.py [--requests 5] [--news 2] [--sizes 100,1000,10000]

On a throw-away SQLite database: one provisioned kabupaten whose oversight user reads the
roll-up; below it kapanewon with 19 kalurahan each, written in bulk (``tests.bulk_institutions``:
site, root page, profile, ``--news`` live news, three SOP step times and a channel each). Prints,
per size, the median and 90th-percentile time of the first page (default order), of the first
page sorted by SOP compliance, and of the CSV export of every institution, with query counts;
and the median time of provisioning one more institution as operators do
(``provision_institution``: site, page tree, collection, role groups, profile) at that size.
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

KALURAHAN_PER_KAPANEWON = 19


def setup_django(database: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def region_user():
    """The kabupaten (provisioned as operators do) and its oversight user."""
    from django.contrib.auth import get_user_model

    from home.models import InstitutionRole
    from home.provisioning import InstitutionSpec, provision_institution

    kabupaten = provision_institution(
        InstitutionSpec("Kabupaten Bantul", "kabbantul.localhost", "kabupaten")
    ).site
    user = get_user_model().objects.create_user("pengawas", password="rahasia-bench-123")
    user.groups.add(InstitutionRole.objects.get(site=kabupaten, key="pengawas").group)
    return kabupaten, user


def grow(kabupaten, total: int, have: int, news: int) -> float:
    """Add institutions below ``kabupaten`` until it has ``total``; returns seconds taken."""
    from django.db import transaction

    from tests.bulk_institutions import add_institutions

    started = time.perf_counter()
    group = KALURAHAN_PER_KAPANEWON + 1
    with transaction.atomic():
        for first in range(have, total, group):
            number = first // group
            (district,) = add_institutions(
                kabupaten, [f"Kapanewon {number}"], "kapanewon", news=news, hosts=f"kap{number}x"
            )
            count = min(KALURAHAN_PER_KAPANEWON, total - first - 1)
            add_institutions(
                district,
                [f"Kalurahan {number}-{n}" for n in range(count)],
                "kalurahan",
                news=news,
                hosts=f"kal{number}x",
            )
    return time.perf_counter() - started


def provisioning_ms(size: int, count: int = 3) -> float:
    """Median milliseconds to provision one new institution with ``size`` already there."""
    from home.provisioning import InstitutionSpec, provision_institution

    timings = []
    for n in range(count):
        spec = InstitutionSpec(
            f"Kalurahan Baru {size}-{n}", f"baru{size}x{n}.localhost", "kalurahan"
        )
        start = time.perf_counter()
        provision_institution(spec)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def measure(client, params: dict, repeat: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = reverse("oversight:rollup")
    timings, queries = [], 0
    for _ in range(repeat + 1):  # the first request warms the caches and is not counted
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
            assert response.status_code == 200, response.status_code
            if response.streaming:
                b"".join(response.streaming_content)
        timings.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    timings = sorted(timings[1:])
    p90 = timings[max(0, int(len(timings) * 0.9) - 1)]
    return statistics.median(timings), p90, queries


VIEWS = {
    "first page": {},
    "by compliance": {"ordering": "-steps_within_standard"},
    "CSV of all": {"export": "csv"},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--news", type=int, default=2, help="live news per institution")
    parser.add_argument("--sizes", default="100,1000,10000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.test import Client

        from tests.signin import mark_verified

        kabupaten, user = region_user()
        client = Client()
        client.force_login(user)
        mark_verified(client, user)
        have = 0
        for size in sizes:
            seconds = grow(kabupaten, size, have, args.news)
            have = size
            figures = []
            for name, params in VIEWS.items():
                median, p90, queries = measure(client, params, args.requests)
                figures.append(f"{name} {median:7.1f} ms (p90 {p90:7.1f}, {queries} q)")
            figures.append(f"provisioning one {provisioning_ms(size):6.1f} ms")
            print(f"{size:6,d} institutions (added in {seconds:5.1f} s): " + "   ".join(figures))


if __name__ == "__main__":
    main()
