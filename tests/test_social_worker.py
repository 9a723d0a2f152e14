"""End to end with a real django-q2 ``qcluster``: publish → jobs → posts → link report."""

from __future__ import annotations

import pytest
from django.core import mail

from social_publish.models import LinkReport, Syndication
from tests.social_support import facebook_channel, social_env, x_channel  # noqa: F401
from tests.worker import qcluster, wait_until  # noqa: F401 - fixture

pytest_plugins = ["tests.fakes.fixtures"]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_posts_once_per_channel(social_env, bunder, fake_graph, fake_x, request):  # noqa: F811
    facebook_channel(bunder, fake_graph)
    x_channel(bunder, fake_x)
    request.getfixturevalue("qcluster")  # started after social_env: it inherits the fakes' URLs
    page = bunder.news("Posyandu balita bulan Maret")

    assert wait_until(lambda: LinkReport.objects.filter(page_id=page.pk).exists(), timeout=60)
    rows = Syndication.objects.filter(page_id=page.pk)
    assert {r.state for r in rows} == {"sent"} and all(r.permalink for r in rows)
    assert len(fake_graph.posts) == 1 and len(fake_x.posts) == 1


@pytest.mark.django_db
def test_the_health_check_marks_a_dead_token_and_tells_the_admins(social_env, bunder, fake_graph):  # noqa: F811
    from social_publish.health import check_all

    channel = facebook_channel(bunder, fake_graph)
    admin = bunder.user("admin")
    fake_graph.expire_token(fake_graph.page_token, subcode=463)

    assert check_all() == {"ok": 0, "needs_reconnect": 1}
    channel.refresh_from_db()
    assert channel.status == "needs_reconnect" and mail.outbox[0].to == [admin.email]
