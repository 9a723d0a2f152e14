"""End to end with a real django-q2 ``qcluster``: publish → jobs → posts → link report, and a
worker killed while the platform is answering."""

from __future__ import annotations

import os
import signal
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db.models import F

from social_publish import conf
from social_publish.delivery import sweep
from social_publish.models import LinkReport, Syndication
from tests.social_support import facebook_channel, x_channel
from tests.worker import alive, connected_to, descendants, wait_until


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_posts_once_per_channel(social_env, bunder, fake_graph, fake_x, request):  # noqa: F811
    facebook_channel(bunder, fake_graph)
    x_channel(bunder, fake_x)
    request.getfixturevalue("qcluster")  # started after social_env: it inherits the fakes' URLs
    page = bunder.news("Posyandu balita bulan Maret")

    assert wait_until(lambda: LinkReport.objects.filter(page_id=page.pk).exists(), timeout=60)
    rows = Syndication.objects.filter(page_id=page.pk)
    assert {r.state for r in rows} == {"sent"}
    assert all(r.permalink for r in rows)
    assert len(fake_graph.posts) == 1
    assert len(fake_x.posts) == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("social_env")
def test_a_worker_killed_after_the_platform_accepted_the_post_is_reconciled_not_repeated(
    bunder, fake_graph, request
):
    from django_q.tasks import async_task

    facebook_channel(bunder, fake_graph)
    fake_graph.stall_after_work(120, path=r"/feed$", method="POST")  # accepted; answer pending
    cluster = request.getfixturevalue("qcluster")  # after social_env: it inherits the fakes
    page = bunder.news("Pasar murah di balai kalurahan")
    row = Syndication.objects.get(page_id=page.pk)

    assert wait_until(lambda: len(fake_graph.posts) == 1, timeout=60)
    port = urlsplit(fake_graph.base_url).port
    waiting = lambda: connected_to(port, descendants(cluster.pid))  # noqa: E731
    assert wait_until(lambda: bool(waiting()), timeout=10)
    (worker,) = waiting()  # the cluster's worker process, still waiting for Graph's answer
    os.kill(worker, signal.SIGKILL)
    assert wait_until(lambda: not alive(worker), timeout=10)

    row.refresh_from_db()
    assert (row.state, row.attempts, row.external_id) == ("sending", 1, "")
    assert sweep() == 0  # within its lease the worker might still be alive: left alone
    lease = timedelta(seconds=conf.get("SOCIAL_SENDING_LEASE_SECONDS") + 60)
    Syndication.objects.filter(pk=row.pk).update(started_at=F("started_at") - lease)
    async_task("social_publish.tasks.sweep")  # the periodic sweep, run by the cluster

    assert wait_until(lambda: Syndication.objects.get(pk=row.pk).state == "sent", timeout=60)
    row.refresh_from_db()
    (post,) = fake_graph.posts
    assert row.attempts == 2
    assert row.external_id == post["id"]
    assert row.permalink == post["permalink_url"]
    assert len(fake_graph.requests_to(r"/feed$", "POST")) == 1
    assert fake_graph.requests_to(r"/feed$", "GET")  # found by reading the page's feed
    assert wait_until(lambda: LinkReport.objects.filter(page_id=page.pk).exists(), timeout=30)
    report_links = [link["permalink"] for link in LinkReport.objects.get(page_id=page.pk).links]
    assert report_links.count(row.permalink) == 1  # after the website's own link, once


@pytest.mark.django_db
def test_the_health_check_marks_a_dead_token_and_tells_the_admins(social_env, bunder, fake_graph):  # noqa: F811
    from social_publish.health import check_all

    channel = facebook_channel(bunder, fake_graph)
    admin = bunder.user("admin")
    fake_graph.expire_token(fake_graph.page_token, subcode=463)

    assert check_all() == {"ok": 0, "needs_reconnect": 1}
    channel.refresh_from_db()
    assert channel.status == "needs_reconnect"
    assert mail.outbox[0].to == [admin.email]
