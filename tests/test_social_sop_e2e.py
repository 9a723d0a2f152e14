"""The Bunder SOP end to end: approvals, the Seksi's platform choice, a real worker, the links.

Bunder steps 7–11: after the Ketua PPID approves, the Seksi chooses the platforms, the Admin
Medsos publishes, and the links of the posts go back up the chain.
"""

from __future__ import annotations

import pytest

from social_publish.models import LinkReport, Syndication
from sop_workflow.models import StepTiming
from tests.social_support import (  # noqa: F401 - fixture
    facebook_channel,
    instagram_channel,
    social_env,
    x_channel,
)
from tests.sop_helpers import act, as_user, create_with_sop, current_task, draft, latest, submit
from tests.worker import qcluster, wait_until  # noqa: F401 - fixture

pytest_plugins = ["tests.fakes.fixtures"]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_bunder_chosen_platforms_get_exactly_one_post_and_the_links_are_reported(
    client, social_env, fake_graph, fake_x, request  # noqa: F811
):
    bunder = create_with_sop("kalurahan_bunder")
    facebook_channel(bunder, fake_graph)
    instagram_channel(bunder, fake_graph)
    x_channel(bunder, fake_x)
    request.getfixturevalue("qcluster")  # started after social_env: it inherits the fakes' URLs
    admin, seksi, ketua = (bunder.user(key) for key in ("admin_medsos", "seksi", "ketua_ppid"))
    page = draft(bunder, title="Posyandu balita Padukuhan Karang")

    submit(as_user(client, admin), page)
    act(as_user(client, seksi), page, "approve")
    act(as_user(client, ketua), page, "approve")
    act(as_user(client, seksi), page, "approve", channels=["website", "facebook", "instagram"])
    assert current_task(page).step_number == 9
    act(as_user(client, admin), page, "approve")

    assert latest(page).live
    reported = StepTiming.objects.filter(page_id=page.pk, kind="after_publication")
    sent = LinkReport.objects.filter(page_id=page.pk, sent_at__isnull=False)
    # the worker saves the report, sends it, then the SOP records steps 10–11: wait for all
    assert wait_until(lambda: sent.exists() and reported.count() == 2, timeout=90)
    rows = {row.channel.kind: row for row in Syndication.objects.filter(page_id=page.pk)}
    assert set(rows) == {"facebook", "instagram"}  # X is connected but was not chosen
    assert {row.state for row in rows.values()} == {"sent"}
    assert len(fake_graph.posts_for(fake_graph.page_id)) == 1
    assert len(fake_graph.posts_for(fake_graph.ig_user_id)) == 1
    assert not fake_x.posts
    report = LinkReport.objects.get(page_id=page.pk)
    assert {row.permalink for row in rows.values()} == {link["permalink"] for link in report.links}
    assert all(row.permalink in report.body for row in rows.values())
    status = as_user(client, seksi).get(f"/admin/social/syndications/page/{page.pk}/")
    for row in rows.values():
        assert row.permalink in status.content.decode()
    assert sorted(t.step_number for t in reported) == [10, 11]  # timed for the SOP report
    assert {t.finished_at for t in reported} == {report.sent_at}
