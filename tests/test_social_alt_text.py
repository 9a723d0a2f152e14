"""The share image's alt text reaches every platform whose API accepts it.

X: ``POST /2/media/metadata`` before the post (https://docs.x.com/x-api/media/create-media-metadata);
Facebook: ``alt_text_custom`` on ``POST /{page-id}/photos``
(https://developers.facebook.com/docs/graph-api/reference/page/photos/); Instagram: ``alt_text``
on the image container (https://developers.facebook.com/docs/instagram-platform/
instagram-graph-api/reference/ig-user/media).
"""

from __future__ import annotations

import pytest
import requests

from social_publish.models import LinkReport
from tests.social_support import facebook_channel, instagram_channel, run_jobs, x_channel

pytestmark = pytest.mark.usefixtures("social_env")

ALT = "Warga Bunder membersihkan saluran irigasi bersama"


def illustrated_news(institution, alt: str = ALT):
    return institution.news(
        title="Kerja bakti saluran irigasi", share_image=institution.image(), share_image_alt=alt
    )


@pytest.mark.django_db
def test_each_platform_receives_the_share_image_alt_text(bunder, fake_graph, fake_x):
    facebook_channel(bunder, fake_graph)
    instagram_channel(bunder, fake_graph)
    x_channel(bunder, fake_x)
    page = illustrated_news(bunder)

    rows = run_jobs(page)

    assert {r.state for r in rows} == {"sent"}
    (media,) = fake_x.media.values()
    assert media["alt_text"] == ALT
    (metadata,) = fake_x.requests_to(r"/2/media/metadata$", "POST")
    (tweet,) = fake_x.requests_to(r"/2/tweets$", "POST")
    assert fake_x.requests.index(metadata) < fake_x.requests.index(tweet)
    facebook = next(p for p in fake_graph.posts if p["platform"] == "facebook")
    assert facebook["kind"] == "photo"
    assert facebook["alt_text_custom"] == ALT
    assert page.get_full_url() in facebook["message"]
    (instagram,) = fake_graph.posts_for(fake_graph.ig_user_id)
    assert instagram["alt_text"] == ALT
    report = LinkReport.objects.get(page=page)
    assert facebook["permalink_url"] in [link["permalink"] for link in report.links]


@pytest.mark.django_db
def test_a_page_without_share_image_stays_a_link_post_on_facebook(bunder, fake_graph):
    facebook_channel(bunder, fake_graph)
    page = bunder.news(title="Pengumuman jadwal pelayanan")

    (row,) = run_jobs(page)

    (post,) = fake_graph.posts
    assert row.state == "sent"
    assert post["kind"] == "feed"
    assert post["link"] == page.get_full_url()


def test_fake_x_refuses_alt_text_over_1000_characters_and_foreign_media(fake_x):
    token = fake_x.issue_tokens()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    upload = requests.post(
        f"{fake_x.base_url}/2/media/upload",
        headers=headers,
        files={"media": ("a.jpg", b"\xff\xd8\xff\x00", "image/jpeg")},
        data={"media_category": "tweet_image"},
        timeout=5,
    ).json()["data"]
    metadata = f"{fake_x.base_url}/2/media/metadata"

    long = {"id": upload["id"], "metadata": {"alt_text": {"text": "a" * 1001}}}
    unknown = {"id": "123", "metadata": {"alt_text": {"text": "Foto warga"}}}
    good = {"id": upload["id"], "metadata": {"alt_text": {"text": "Foto warga"}}}

    assert requests.post(metadata, headers=headers, json=long, timeout=5).status_code == 400
    assert requests.post(metadata, headers=headers, json=unknown, timeout=5).status_code == 400
    answer = requests.post(metadata, headers=headers, json=good, timeout=5)
    assert answer.json()["data"]["associated_metadata"]["alt_text"]["text"] == "Foto warga"
    assert fake_x.media[upload["id"]]["alt_text"] == "Foto warga"
