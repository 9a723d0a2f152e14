"""Connecting channels through the real OAuth screens (fakes), and tenant isolation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from social_publish.models import Channel, Syndication
from tests.social_support import connect_through_consent, facebook_channel, run_jobs

pytestmark = [pytest.mark.usefixtures("social_env"), pytest.mark.django_db]


def denied(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def admin_client(client, institution):
    client.force_login(institution.user("admin"))
    return client


def test_connect_a_facebook_page(client, bunder, fake_graph):
    response = connect_through_consent(admin_client(client, bunder), "facebook")

    channel = Channel.objects.get(site=bunder.site, kind="facebook")
    assert response.status_code == 302
    assert channel.account_id == fake_graph.page_id
    assert channel.access_token == fake_graph.page_token  # the page token from /me/accounts
    assert fake_graph.page_token not in channel.access_token_encrypted


def test_connect_an_instagram_account(client, bunder, fake_graph):
    connect_through_consent(admin_client(client, bunder), "instagram")

    channel = Channel.objects.get(site=bunder.site, kind="instagram")
    assert channel.account_id == fake_graph.ig_user_id
    assert channel.extra["page_id"]


def test_connect_youtube_with_offline_access(client, bunder, fake_google):
    connect_through_consent(admin_client(client, bunder), "youtube")

    channel = Channel.objects.get(site=bunder.site, kind="youtube")
    assert channel.account_id == fake_google.channel_id
    assert fake_google.token_info(channel.refresh_token, "refresh") is not None


def test_connect_x_with_pkce(client, bunder, fake_x):
    connect_through_consent(admin_client(client, bunder), "x")

    channel = Channel.objects.get(site=bunder.site, kind="x")
    consent = fake_x.requests_to(r"/i/oauth2/authorize")[0]
    assert consent.query["code_challenge_method"] == "S256"
    assert channel.extra["username"] == fake_x.username
    assert fake_x.token_info(channel.refresh_token, "refresh") is not None


def test_connect_ckan_with_an_api_token(client, bunder, fake_ckan):
    response = admin_client(client, bunder).post(
        reverse("social_publish_channels:connect_ckan"),
        {
            "base_url": fake_ckan.base_url,
            "organization": fake_ckan.org["name"],
            "api_token": fake_ckan.api_token,
        },
    )

    assert response.status_code == 302
    channel = Channel.objects.get(site=bunder.site, kind="ckan")
    assert channel.access_token == fake_ckan.api_token


def test_a_forged_state_connects_nothing(client, bunder, fake_x):
    admin_client(client, bunder)
    client.get(reverse("social_publish_channels:connect", args=["x"]))
    callback = reverse("social_publish_channels:callback", args=["x"])
    client.get(f"{callback}?code=stolen&state=forged")

    assert not Channel.objects.filter(kind="x").exists()


def test_reconnecting_resumes_parked_posts(
    client, bunder, fake_graph, monkeypatch, django_capture_on_commit_callbacks
):
    channel = facebook_channel(bunder, fake_graph)
    page = bunder.news()
    fake_graph.expire_token(fake_graph.page_token)
    run_jobs(page)
    assert Syndication.objects.get(page_id=page.pk).state == "needs_reconnect"

    monkeypatch.setenv("SOCIAL_SYNC", "1")
    with django_capture_on_commit_callbacks(execute=True):
        connect_through_consent(admin_client(client, bunder), "facebook")

    channel.refresh_from_db()
    assert channel.status == "active"
    assert Syndication.objects.get(page_id=page.pk).state == "sent"
    assert len(fake_graph.posts) == 1


# -- tenant isolation ----------------------------------------------------------------------


@pytest.fixture
def bunder_world(bunder, fake_graph):
    channel = facebook_channel(bunder, fake_graph)
    page = bunder.news()  # queues the post; its job is not run here
    Syndication.objects.filter(page_id=page.pk).update(state="failed")  # a retryable row
    return channel, page, Syndication.objects.get(page_id=page.pk)


def test_another_institution_s_admin_cannot_see_or_touch_our_channels(client, bunder_world, bantul):
    channel, page, row = bunder_world
    admin_client(client, bantul)

    listing = client.get(reverse("social_publish_channels:index"))
    assert listing.status_code == 200
    assert channel.name not in listing.content.decode()
    assert client.get(reverse("social_publish_channels:edit", args=[channel.pk])).status_code == 404
    assert (
        client.get(reverse("social_publish_channels:inspect", args=[channel.pk])).status_code == 404
    )
    assert denied(client.get(reverse("social_publish_channels:reconnect", args=[channel.pk])))
    assert denied(client.post(reverse("social_publish_channels:check", args=[channel.pk])))
    assert Channel.objects.get(pk=channel.pk).checked_at is None


def test_another_institution_s_admin_cannot_see_or_retry_our_posts(client, bunder_world, bantul):
    channel, page, row = bunder_world
    admin_client(client, bantul)

    listing = client.get(reverse("social_publish_syndications:index"))
    assert listing.status_code == 200
    assert page.title not in listing.content.decode()
    assert (
        client.get(reverse("social_publish_syndications:inspect", args=[row.pk])).status_code == 404
    )
    assert denied(client.post(reverse("social_publish_syndications:retry", args=[row.pk])))
    status_url = reverse("social_publish_syndications:page", args=[page.pk])
    assert client.get(status_url).status_code == 404
    assert Syndication.objects.get(pk=row.pk).state == "failed"


def test_the_institution_admin_inspects_a_post_of_its_own(client, bunder_world, bunder):
    channel, page, row = bunder_world
    admin_client(client, bunder)

    response = client.get(reverse("social_publish_syndications:inspect", args=[row.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert page.title in body
    assert channel.name in body
    assert reverse("social_publish_syndications:index") + "edit/" not in body


def test_only_the_institution_admin_manages_channels(client, bunder_world, bunder):
    channel, page, row = bunder_world
    status_url = reverse("social_publish_syndications:page", args=[page.pk])
    retry_url = reverse("social_publish_syndications:retry", args=[row.pk])
    admin_client(client, bunder)
    assert retry_url in client.get(status_url).content.decode()  # the admin may retry it

    client.force_login(bunder.user("penulis"))
    assert denied(client.get(reverse("social_publish_channels:edit", args=[channel.pk])))
    assert denied(client.get(reverse("social_publish_channels:reconnect", args=[channel.pk])))
    status = client.get(status_url)
    assert status.status_code == 200
    assert page.title in status.content.decode()
    assert retry_url not in status.content.decode()
    assert denied(client.post(retry_url))
    assert Syndication.objects.get(pk=row.pk).state == "failed"


def test_the_page_panel_shows_links_and_the_admin_can_retry(client, bunder, fake_graph):
    facebook_channel(bunder, fake_graph)
    page = bunder.news()
    fake_graph.fail_next(1, 400, body={"error": {"code": 100, "message": "bad"}}, path="/feed$")
    run_jobs(page)
    row = Syndication.objects.get(page_id=page.pk)
    assert row.state == "failed"
    admin_client(client, bunder)

    response = client.post(reverse("social_publish_syndications:retry", args=[row.pk]))
    assert response.status_code == 302
    run_jobs(page)
    status = client.get(reverse("social_publish_syndications:page", args=[page.pk]))
    row.refresh_from_db()
    assert row.state == "sent"
    assert row.permalink in status.content.decode()


def test_share_again_is_an_explicit_new_round_and_list_filters_work(client, bunder, fake_graph):
    channel = facebook_channel(bunder, fake_graph)
    page = bunder.news("Pasar murah di balai kalurahan")
    [first] = run_jobs(page)
    assert first.state == "sent"
    assert len(fake_graph.posts_for(fake_graph.page_id)) == 1
    page.save_revision().publish()  # re-publishing an edit shares nothing
    assert len(run_jobs(page)) == 1

    share = reverse("social_publish_syndications:share_again", args=[page.pk])
    client.force_login(bunder.user("penulis"))
    assert denied(client.post(share, {"channel": [channel.pk]}))
    admin_client(client, bunder)
    response = client.post(share, {"channel": [channel.pk]}, follow=True)
    assert "Membagikan lagi ke 1 kanal" in response.content.decode()
    again = {row.round: row for row in run_jobs(page)}[2]
    # The same text again: the platform refuses a duplicate; said plainly, nothing posted.
    assert again.state == "failed"
    assert "duplikat" in again.last_error
    assert len(fake_graph.posts_for(fake_graph.page_id)) == 1

    messages_url = reverse("social_publish_messages", args=[page.pk])
    client.post(messages_url, {f"text_{channel.pk}": f"Pasar murah diperpanjang. {page.full_url}"})
    client.post(share, {"channel": [channel.pk]})
    rows = {row.round: row for row in run_jobs(page)}

    assert rows[1].state == "sent"
    assert rows[3].state == "sent"
    assert len(fake_graph.posts_for(fake_graph.page_id)) == 2  # one per successful round
    assert fake_graph.posts_for(fake_graph.page_id)[0]["message"].startswith("Pasar murah diper")
    listing = reverse("social_publish_syndications:index")
    sent = client.get(listing, {"state": "sent"}).content.decode()
    failed = client.get(listing, {"state": "failed"}).content.decode()
    assert sent.count(page.title) >= 1
    assert failed.count(page.title) >= 1
    assert client.get(listing, {"state": "needs_reconnect"}).content.decode().count(page.title) == 0
