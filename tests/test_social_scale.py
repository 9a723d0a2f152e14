"""Scale and faults: 100 pages go live at once across 5 institutions, platforms throttle.

Every page must reach each chosen fake platform exactly once: no duplicate, nothing lost.
The jobs run through :func:`social_publish.delivery.deliver` in a loop that behaves like the
django-q2 worker and its scheduler (a job runs when it is due; the clock jumps over long waits
such as Graph's minute-long throttling). The real ``qcluster`` runs the smaller end-to-end test
in ``test_social_worker.py``.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
from django.utils import timezone

from social_publish.delivery import deliver
from social_publish.models import Channel, LinkReport, Syndication
from tests.social_support import x_channel

pytestmark = [pytest.mark.usefixtures("social_env"), pytest.mark.django_db]

INSTITUTIONS, PAGES_EACH = 5, 20
OPEN = ["queued", "unknown"]


def facebook_page_of(institution, fake_graph, number: int) -> Channel:
    """Each institution has its own Facebook Page on the fake Graph."""
    page = fake_graph.add_page(f"12000000000000{number:02d}", f"Halaman {institution.hostname}")
    channel = Channel(site=institution.site, kind="facebook", name=page.name, account_id=page.id)
    channel.access_token = page.access_token
    channel.save()
    return channel


def run_like_a_worker(deadline: float = 45.0) -> int:
    """Run due jobs until none is open; jump the clock over waits longer than two seconds."""
    start, runs = time.monotonic(), 0
    while time.monotonic() - start < deadline:
        open_rows = Syndication.objects.filter(state__in=OPEN)
        if not open_rows.exists():
            return runs
        now = timezone.now()
        due = list(
            open_rows.filter(next_attempt_at__isnull=True).values_list("pk", flat=True)
        ) + list(open_rows.filter(next_attempt_at__lte=now).values_list("pk", flat=True))
        for pk in due:
            deliver(pk)
            runs += 1
        if due:
            continue
        soonest = open_rows.order_by("next_attempt_at").first().next_attempt_at
        wait = (soonest - now).total_seconds()
        if wait > 2:  # the scheduler would wake the job later; simulate the passing time
            open_rows.filter(next_attempt_at__lte=soonest).update(next_attempt_at=now)
        else:
            time.sleep(max(wait, 0.05))
    raise AssertionError("jobs still open after the deadline")


def test_100_pages_at_once_across_5_institutions_reach_each_platform_exactly_once(
    make_institution, fake_graph, fake_x
):
    institutions = [make_institution(f"desa{n}") for n in range(INSTITUTIONS)]
    for number, institution in enumerate(institutions):
        facebook_page_of(institution, fake_graph, number)
        x_channel(institution, fake_x)
    fake_x.rate_limits["POST /2/tweets"] = (25, 1)  # 25 posts a second, then 429 + reset
    fake_x.fail_next(3, 503, path=r"^/2/tweets$")
    fake_graph.rate_limit(10, code=32, regain_minutes=1, path=r"/feed$", method="POST")
    fake_graph.fail_next(3, 500, path=r"/feed$", method="POST")
    fake_graph.drop_after_work(3, path=r"/feed$", method="POST")  # posted, answer lost

    pages = [
        inst.news(f"Kabar {inst.hostname} {n}") for inst in institutions for n in range(PAGES_EACH)
    ]
    runs = run_like_a_worker()

    rows = Syndication.objects.all()
    assert rows.count() == 200
    assert set(rows.values_list("state", flat=True)) == {"sent"}
    fb_links = Counter(p["link"] for p in fake_graph.posts)
    x_links = Counter(
        url for p in fake_x.posts for url in [u for u in p["text"].split() if u.startswith("http")]
    )
    expected = {page.get_full_url() for page in pages}
    assert set(fb_links) == expected
    assert set(fb_links.values()) == {1}
    assert set(x_links) == expected
    assert set(x_links.values()) == {1}
    assert LinkReport.objects.count() == 100
    assert runs > 200  # the throttled and failed jobs really ran again
    assert len(fake_x.requests_to(r"^/2/tweets$", "POST")) > 100  # 429s were answered
