"""SOPs end to end with a real worker: approvals, the platform choice, the posts, the links.

Bunder steps 7–11: after the Ketua PPID approves, the Seksi chooses the platforms, the Admin
Medsos publishes, and the links of the posts go back up the chain. Jenawi: the institution admin
connects every kind of channel through its own screens, the SOP's two approvals publish a page
with a photo, a captioned video and a data file, and each platform gets exactly one post.
"""

from __future__ import annotations

import os

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.test.utils.form_data import streamfield

from social_publish.models import Channel, LinkReport, Syndication
from sop_workflow.models import FollowUpTodo, StepTiming
from tests.social_support import (
    connect_through_consent,
    document,
    facebook_channel,
    instagram_channel,
    x_channel,
)
from tests.sop_helpers import act, as_user, create_with_sop, current_task, draft, latest, submit
from tests.worker import wait_until


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_bunder_chosen_platforms_get_exactly_one_post_and_the_links_are_reported(
    client,
    social_env,
    fake_graph,
    fake_x,
    request,  # noqa: F811
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
    due = FollowUpTodo.objects.filter(page_id=page.pk, step_number=10, due_since__isnull=False)
    # the worker saves the report, sends it, then step 10 is the Seksi's to-do: wait for both
    assert wait_until(lambda: sent.exists() and due.exists(), timeout=90)
    for user, todo in zip(
        (seksi, ketua), FollowUpTodo.objects.filter(page_id=page.pk), strict=True
    ):
        done = as_user(client, user).post(reverse("sop_workflow:follow_up_done", args=[todo.pk]))
        assert done.status_code == 302
    rows = {row.channel.kind: row for row in Syndication.objects.filter(page_id=page.pk)}
    assert set(rows) == {"facebook", "instagram"}  # X is connected but was not chosen
    assert {row.state for row in rows.values()} == {"sent"}
    assert len(fake_graph.posts_for(fake_graph.page_id)) == 1
    assert len(fake_graph.posts_for(fake_graph.ig_user_id)) == 1
    assert not fake_x.posts
    report = LinkReport.objects.get(page_id=page.pk)
    website, *posts = [link["permalink"] for link in report.links]
    assert website == latest(page).get_full_url()  # the website link comes first
    assert {row.permalink for row in rows.values()} == set(posts)
    assert all(row.permalink in report.body for row in rows.values())
    status = as_user(client, seksi).get(f"/admin/social/syndications/page/{page.pk}/")
    for row in rows.values():
        assert row.permalink in status.content.decode()
    assert sorted(t.step_number for t in reported) == [10, 11]  # each timed as its own step
    assert reported.get(step_number=10).started_at == report.sent_at


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_jenawi_every_channel_connected_on_its_screens_gets_exactly_one_post(
    client,
    social_env,
    fake_graph,
    fake_google,
    fake_x,
    fake_ckan,
    request,  # noqa: F811
):
    jenawi = create_with_sop("kecamatan_jenawi")  # step 4 disseminates to all six channels
    request.getfixturevalue("qcluster")  # started after social_env: it inherits the fakes' URLs
    admin, writer, ppid = (jenawi.user(k) for k in ("admin", "admin_website", "ppid_pelaksana"))

    as_user(client, admin)
    for kind in ("facebook", "instagram", "youtube", "x"):  # the OAuth consent screens
        assert connect_through_consent(client, kind)["Location"] == reverse(
            "social_publish_channels:index"
        )
    connected = client.post(
        reverse("social_publish_channels:connect_ckan"),
        {
            "base_url": fake_ckan.base_url,
            "organization": fake_ckan.org["name"],
            "api_token": fake_ckan.api_token,
        },
    )
    assert connected.status_code == 302
    channels = {c.kind: c for c in Channel.objects.filter(site=jenawi.site)}
    assert sorted(channels) == ["ckan", "facebook", "instagram", "x", "youtube"]
    assert {c.connected_by for c in channels.values()} == {admin}
    assert fake_x.requests_to(r"/i/oauth2/authorize")[0].query["code_challenge_method"] == "S256"

    video_bytes = os.urandom(300_000)
    video = document(jenawi, "kerja-bakti.mp4", video_bytes)
    captions = document(jenawi, "kerja-bakti.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHalo\n")
    data = document(jenawi, "data-penduduk.csv", b"rt,jumlah\n1,120\n")
    page = draft(jenawi, title="Kerja bakti saluran irigasi Jenawi")
    body = streamfield([
        ("video", {"title": "Kerja bakti", "file": video.pk, "embed": "",
                   "captions": captions.pk, "transcript": ""}),
        ("document", {"document": data.pk, "title": "Data penduduk per RT"}),
    ])  # fmt: skip

    assert submit(as_user(client, writer), page, body=body).status_code == 302
    assert act(as_user(client, ppid), page, "approve").status_code == 200
    assert current_task(page).step_number == 4
    assert act(as_user(client, writer), page, "approve").status_code == 200

    assert latest(page).live
    sent = LinkReport.objects.filter(page_id=page.pk, sent_at__isnull=False)
    assert wait_until(sent.exists, timeout=60)
    rows = {r.channel.kind: r for r in Syndication.objects.filter(page_id=page.pk)}
    assert sorted(rows) == sorted(channels)
    assert {r.state for r in rows.values()} == {"sent"}
    (fb_post,) = fake_graph.posts_for(fake_graph.page_id)
    (ig_post,) = fake_graph.posts_for(fake_graph.ig_user_id)
    (video_post,) = fake_google.videos
    (tweet,) = fake_x.posts
    (package,) = fake_ckan.packages
    assert rows["facebook"].permalink == fb_post["permalink_url"]
    assert rows["instagram"].permalink == ig_post["permalink"]
    assert rows["youtube"].permalink.endswith(video_post["id"])
    assert video_post["content"] == video_bytes
    assert len(fake_google.captions) == 1
    assert rows["x"].permalink == f"https://x.com/{fake_x.username}/status/{tweet['id']}"
    assert tweet["media_ids"] == list(fake_x.media)  # the share image, uploaded first
    assert rows["ckan"].permalink.endswith(package["name"])
    assert [r["name"] for r in package["resources"]] == ["data-penduduk.csv"]

    permalinks = {r.permalink for r in rows.values()}
    report = sent.get()
    assert report.links[0]["permalink"] == latest(page).get_full_url()  # the website first
    assert permalinks <= {link["permalink"] for link in report.links}
    assert [link["kind"] for link in report.links][-2:] == ["audio", "braille"]  # PerKI 1/2021
    assert all(link in report.body for link in permalinks)
    assert admin.email in report.recipients
    status = as_user(client, admin).get(reverse("social_publish_syndications:page", args=[page.pk]))
    assert status.status_code == 200
    assert all(escape(link) in status.content.decode() for link in permalinks)
