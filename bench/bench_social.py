"""Social publishing on the fake platforms: approval → all posts sent, and worker throughput.

    .venv/bin/python bench/bench_social.py [--pages 100] [--institutions 5] [--workers 2]

Builds a throw-away SQLite database, starts the fake Graph (Facebook + Instagram), X and CKAN
servers on loopback, connects 4 channels per institution and starts a **real `manage.py
qcluster` subprocess** (django-q2, ORM broker, ``--workers`` processes). Then it publishes the
pages (each with a share image and a document, so every channel applies) and waits until every
syndication job has ended. Prints the time from the first approval to the last post, the
per-page latency and the worker's throughput in jobs per second.
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SETTINGS = """from cms.settings.test import *  # noqa: F403
Q_CLUSTER = {**Q_CLUSTER, "workers": %d, "poll": 0.05}  # noqa: F405
"""


def fake_env(graph, x, workdir: Path) -> dict[str, str]:
    return {
        "SOCIAL_GRAPH_BASE_URL": f"{graph.base_url}/v25.0",
        "SOCIAL_FACEBOOK_APP_ID": graph.app_id,
        "SOCIAL_FACEBOOK_APP_SECRET": graph.app_secret,
        "SOCIAL_X_BASE_URL": x.base_url,
        "SOCIAL_X_CLIENT_ID": x.client_id,
        "SOCIAL_X_CLIENT_SECRET": x.client_secret,
        "SOCIAL_IG_POLL_SECONDS": "0",
        "SOCIAL_HTTP_TIMEOUT": "10",
        "SOCIAL_RETRY_BASE_SECONDS": "1",
        "TEST_MEDIA_ROOT": str(workdir / "media"),
    }


def setup_django(workdir: Path, workers: int) -> None:
    (workdir / "bench_settings.py").write_text(SETTINGS % workers)
    sys.path.insert(0, str(workdir))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(institutions: int, graph, x, ckan):
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from PIL import Image
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from home.models import InstitutionSettings
    from home.provisioning import InstitutionSpec, provision_institution
    from social_publish.models import Channel

    setups = []
    for n in range(institutions):
        site = provision_institution(
            InstitutionSpec(f"Kalurahan Uji {n}", f"uji{n}.localhost", "kalurahan")
        ).site
        collection = InstitutionSettings.objects.get(site=site).collection
        fb = graph.add_page(
            f"13000000000000{n:02d}",
            f"Halaman {n}",
            ig_user_id=f"178415000000{n:05d}",
            ig_username=f"uji{n}",
        )
        tokens = x.issue_tokens()
        for kind, account, token, extra in [
            ("facebook", fb.id, fb.access_token, {}),
            ("instagram", fb.ig_user_id, fb.access_token, {"page_id": fb.id}),
            ("x", x.user_id, tokens["access_token"], {"username": x.username}),
            ("ckan", ckan.org["id"], ckan.api_token, {}),
        ]:
            channel = Channel(
                site=site,
                kind=kind,
                name=f"{kind} {n}",
                account_id=account,
                extra=extra,
                base_url=ckan.base_url if kind == "ckan" else "",
            )
            channel.access_token = token
            if kind == "x":
                channel.refresh_token = tokens["refresh_token"]
            channel.save()
        buffer = io.BytesIO()
        Image.new("RGB", (1200, 630), (20, 90, 140)).save(buffer, "PNG")
        image = get_image_model()(title="Foto", collection=collection)
        image.file = ImageFile(buffer, name=f"foto-{n}.png")
        image.save()
        document = get_document_model()(title="Data", collection=collection)
        document.file.save(f"data-{n}.csv", ContentFile(b"tahun,jumlah\n2025,12\n"), save=True)
        setups.append((site, image, document))
    return setups


def draft_pages(setups, pages: int):
    from datetime import date

    from home.models import NewsIndexPage, NewsPage

    drafts = []
    for number in range(pages):
        site, image, document = setups[number % len(setups)]
        index = NewsIndexPage.objects.child_of(site.root_page).get()
        page = NewsPage(
            title=f"Kabar uji nomor {number}",
            slug=f"kabar-{number}",
            live=False,
            lead="Ringkasan kegiatan warga.",
            date=date(2025, 3, 1),
            share_image=image,
            body=[("document", {"document": document, "title": "Data"})],
        )
        index.add_child(instance=page)
        drafts.append((page.pk, page.save_revision()))
    return drafts


def start_worker(workdir: Path, env: dict[str, str]) -> subprocess.Popen:
    log = (workdir / "qcluster.log").open("w")
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "qcluster"],
        cwd=ROOT,
        env={**os.environ, **env, "PYTHONPATH": str(workdir), "PYTHONUNBUFFERED": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop_worker(worker: subprocess.Popen) -> None:
    os.killpg(worker.pid, signal.SIGINT)
    try:
        worker.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def phase(name: str, since: float) -> float:
    print(f"  ({name}: {time.perf_counter() - since:.1f} s)", file=sys.stderr)
    return time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--institutions", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    from tests.fakes import FakeCkan, FakeGraph, FakeX

    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeGraph() as graph,
        FakeX() as x,
        FakeCkan() as ckan,
    ):
        workdir = Path(tmp)
        x.rate_limits["POST /2/tweets"] = (10_000, 900)  # measure our side, not X's quota
        env = fake_env(graph, x, workdir)
        os.environ.update(env)
        mark = time.perf_counter()
        setup_django(workdir, args.workers)
        mark = phase("migrate", mark)
        setups = build(args.institutions, graph, x, ckan)
        drafts = draft_pages(setups, args.pages)
        mark = phase("institutions, channels and drafts", mark)
        worker = start_worker(workdir, env)
        try:
            run(args, drafts, graph, x, ckan)
        finally:
            stop_worker(worker)


def run(args, drafts, graph, x, ckan) -> None:
    from django.utils import timezone

    from social_publish.models import Syndication

    time.sleep(3)  # let the cluster start its workers
    approved_at = {}
    start = time.perf_counter()
    for page_id, revision in drafts:
        revision.publish()
        approved_at[page_id] = timezone.now()
    published = time.perf_counter() - start
    jobs = Syndication.objects.all()
    deadline = time.monotonic() + args.timeout
    while jobs.exclude(state__in=["sent", "failed"]).exists() or jobs.count() < len(drafts) * 4:
        if time.monotonic() > deadline:
            sys.exit(f"timeout: {jobs.exclude(state='sent').count()} jobs not sent")
        time.sleep(0.2)
    total = time.perf_counter() - start
    rows = list(
        jobs.values(
            "page_id", "state", "started_at", "sent_at", "attempts", "channel__kind", "last_error"
        )
    )
    report(args, rows, approved_at, published, total, graph, x, ckan)


def report(args, rows, approved_at, published, total, graph, x, ckan) -> None:
    sent = [r for r in rows if r["state"] == "sent"]
    last_per_page: dict[int, object] = {}
    for row in sent:
        key = row["page_id"]
        last_per_page[key] = max(last_per_page.get(key, row["sent_at"]), row["sent_at"])
    latencies = sorted(
        (last - approved_at[key]).total_seconds() for key, last in last_per_page.items()
    )
    busy = (max(r["sent_at"] for r in sent) - min(r["started_at"] for r in sent)).total_seconds()
    print(
        f"pages × channels:           {args.pages} × 4 = {len(rows)} jobs "
        f"({len(sent)} sent) over {args.institutions} institutions"
    )
    print(
        "worker:                     real `manage.py qcluster` subprocess, "
        f"{args.workers} worker process(es), ORM broker on SQLite"
    )
    print(f"publishing (approval) took: {published:.1f} s for {args.pages} pages")
    print(f"first approval → all sent:  {total:.1f} s")
    print(
        f"per page, approval → its last post: median {statistics.median(latencies):.1f} s, "
        f"p90 {latencies[int(len(latencies) * 0.9) - 1]:.1f} s, max {latencies[-1]:.1f} s"
    )
    print(
        f"worker throughput:          {len(sent) / busy:.1f} jobs/s "
        f"({len(sent)} jobs in {busy:.1f} s of work)"
    )
    retried = [r for r in rows if r["attempts"] > 1]
    print(f"jobs retried:               {len(retried)}")
    for row in rows:
        if row["state"] != "sent":
            print(f"  not sent: page {row['page_id']} {row['channel__kind']}: {row['last_error']}")
    posts = {"facebook": 0, "instagram": 0}
    for post in graph.posts:
        posts[post["platform"]] = posts.get(post["platform"], 0) + 1
    print(
        f"posts on the fakes:         facebook {posts['facebook']}, instagram "
        f"{posts['instagram']}, x {len(x.posts)}, ckan datasets {len(ckan.posts)}"
    )


if __name__ == "__main__":
    main()
