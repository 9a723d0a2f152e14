"""A page going live reaches each chosen channel exactly once, whatever the platform does."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail import hooks

from social_publish.delivery import claim, deliver, resume_channel
from social_publish.models import Channel, LinkReport, Syndication
from tests.social_support import (
    ckan_channel,
    facebook_channel,
    instagram_channel,
    run_jobs,
    time_travel,
    x_channel,
)

pytestmark = pytest.mark.usefixtures("social_env")


def news_with_image(institution, **fields):
    return institution.news(share_image=institution.image(), **fields)


def only(rows, kind):
    return next(r for r in rows if r.channel.kind == kind)


@pytest.mark.django_db
def test_a_live_page_is_posted_once_on_each_channel_with_its_link(bunder, fake_graph, fake_x):
    facebook_channel(bunder, fake_graph)
    instagram_channel(bunder, fake_graph)
    x_channel(bunder, fake_x)
    admin = bunder.user("admin")
    page = news_with_image(bunder, title="Kerja bakti warga Bunder")

    rows = run_jobs(page)

    assert {r.state for r in rows} == {"sent"}
    assert [p["platform"] for p in fake_graph.posts].count("facebook") == 1
    assert [p["platform"] for p in fake_graph.posts].count("instagram") == 1
    assert len(fake_x.posts) == 1
    assert page.get_full_url() in fake_x.posts[0]["text"]
    assert (
        only(rows, "instagram").permalink
        == fake_graph.posts_for(fake_graph.ig_user_id)[0]["permalink"]
    )
    report = LinkReport.objects.get(page=page)
    assert admin.email in report.recipients
    assert len(mail.outbox) == 1
    assert only(rows, "x").permalink in mail.outbox[0].body


@pytest.mark.django_db
def test_a_scheduled_page_queues_nothing_until_it_goes_live(bunder, fake_graph):
    facebook_channel(bunder, fake_graph)
    page = bunder.news(publish=False)
    page.go_live_at = timezone.now() + timedelta(hours=2)
    page.save_revision().publish()  # Wagtail sends page_published with live=False here

    assert not Syndication.objects.filter(page_id=page.pk).exists()

    revision = page.get_latest_revision()
    revision.content["go_live_at"] = (timezone.now() - timedelta(minutes=1)).isoformat()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    assert Syndication.objects.filter(page_id=page.pk).count() == 1


@pytest.mark.django_db
def test_republishing_an_edit_queues_nothing_new(bunder, fake_graph):
    facebook_channel(bunder, fake_graph)
    page = bunder.news()
    run_jobs(page)
    page.title = "Judul diperbaiki"
    page.save_revision().publish()

    assert Syndication.objects.filter(page_id=page.pk).count() == 1
    assert len(fake_graph.posts) == 1


@pytest.mark.django_db
def test_a_post_accepted_but_unanswered_is_found_not_repeated(bunder, fake_graph):
    facebook_channel(bunder, fake_graph)
    page = bunder.news()
    fake_graph.drop_after_work(path=r"/feed$", method="POST")
    row = Syndication.objects.get(page_id=page.pk)

    assert deliver(row.pk) == "unknown"
    time_travel(row)
    assert deliver(row.pk) == "sent"

    row.refresh_from_db()
    assert len(fake_graph.posts) == 1
    assert row.external_id == fake_graph.posts[0]["id"]
    assert row.permalink == fake_graph.posts[0]["permalink_url"]
    assert row.attempts == 2


@pytest.mark.django_db
def test_a_dead_worker_s_job_is_reconciled_after_its_lease(bunder, fake_graph):
    facebook_channel(bunder, fake_graph)
    page = bunder.news()
    row = Syndication.objects.get(page_id=page.pk)
    fake_graph.drop_after_work(path=r"/feed$", method="POST")
    claim(row.pk)  # the worker claimed it, posted, and was killed before saving anything
    with pytest.raises(requests.ConnectionError):  # the fake drops the connection
        requests.post(
            f"{fake_graph.base_url}/{fake_graph.page_id}/feed",
            data={"message": "x", "link": page.get_full_url()},
            headers={"Authorization": f"Bearer {fake_graph.page_token}"},
            timeout=5,
        )

    assert deliver(row.pk) == "skipped"  # still within its lease: maybe alive
    Syndication.objects.filter(pk=row.pk).update(started_at=timezone.now() - timedelta(hours=1))
    assert deliver(row.pk) == "sent"
    assert len(fake_graph.posts) == 1


@pytest.mark.django_db
def test_a_server_error_is_retried_without_a_duplicate(bunder, fake_graph):
    facebook_channel(bunder, fake_graph)
    page = bunder.news()
    fake_graph.fail_next(1, 500, path=r"/feed$", method="POST")
    row = Syndication.objects.get(page_id=page.pk)

    assert deliver(row.pk) == "queued"
    row.refresh_from_db()
    assert row.next_attempt_at > timezone.now()
    assert row.error_kind == "transient"
    time_travel(row)
    assert deliver(row.pk) == "sent"
    assert len(fake_graph.posts) == 1


@pytest.mark.django_db
def test_an_x_post_carries_the_share_image_uploaded_through_v2_media(bunder, fake_x):
    x_channel(bunder, fake_x)
    page = news_with_image(bunder)

    (row,) = run_jobs(page)

    (upload,) = fake_x.requests_to(r"/2/media/upload$", "POST")
    (tweet_request,) = fake_x.requests_to(r"/2/tweets$", "POST")
    assert fake_x.requests.index(upload) < fake_x.requests.index(tweet_request)
    (media,) = fake_x.media.values()
    assert media["media_category"] == "tweet_image"
    assert media["content"][:3] == b"\xff\xd8\xff"
    assert tweet_request.json["media"] == {"media_ids": [media["id"]]}  # the id upload returned
    (tweet,) = fake_x.posts
    assert tweet["attachments"] == {"media_keys": [media["media_key"]]}
    assert row.state == "sent"
    assert row.external_id == tweet["id"]


@pytest.mark.django_db
def test_x_rate_limit_waits_for_the_reset_time(bunder, fake_x):
    x_channel(bunder, fake_x)
    page = bunder.news()
    fake_x.rate_limit(1, reset_in=600, path=r"/2/tweets$", method="POST")
    row = Syndication.objects.get(page_id=page.pk)

    assert deliver(row.pk) == "queued"
    row.refresh_from_db()
    assert row.next_attempt_at >= timezone.now() + timedelta(seconds=590)
    time_travel(row)
    assert deliver(row.pk) == "sent"
    assert len(fake_x.posts) == 1


@pytest.mark.django_db
def test_graph_throttling_honours_the_business_use_case_header(bunder, fake_graph):
    facebook_channel(bunder, fake_graph)
    page = bunder.news()
    fake_graph.rate_limit(1, code=32, regain_minutes=7, path=r"/feed$", method="POST")
    row = Syndication.objects.get(page_id=page.pk)

    assert deliver(row.pk) == "queued"
    row.refresh_from_db()
    assert row.error_kind == "throttled"
    assert row.next_attempt_at >= timezone.now() + timedelta(minutes=6, seconds=50)


@pytest.mark.django_db
def test_an_expired_token_parks_the_job_until_the_channel_is_reconnected(bunder, fake_graph):
    channel = facebook_channel(bunder, fake_graph)
    admin = bunder.user("admin")
    page = bunder.news()
    fake_graph.expire_token(fake_graph.page_token, subcode=460)
    row = Syndication.objects.get(page_id=page.pk)

    assert deliver(row.pk) == "needs_reconnect"
    channel.refresh_from_db()
    assert channel.status == "needs_reconnect"
    assert not fake_graph.posts
    assert [m.to for m in mail.outbox] == [[admin.email]]  # the reconnect notice; no report yet

    channel.connect(access_token=fake_graph.add_page("1100000000000002", "Baru").access_token)
    channel.account_id = "1100000000000002"
    channel.save()
    resume_channel(channel)
    run_jobs(page)
    row.refresh_from_db()
    assert row.state == "sent"
    assert len(fake_graph.posts) == 1
    website, post = LinkReport.objects.get(page=page).links
    assert website["permalink"] == page.get_full_url()  # the website link comes first
    assert post["permalink"] == row.permalink


@pytest.mark.django_db
def test_a_validation_error_fails_without_retry(bunder, fake_x):
    x_channel(bunder, fake_x)
    page = bunder.news()
    row = Syndication.objects.get(page_id=page.pk)
    Syndication.objects.filter(pk=row.pk).update(message="x" * 300)

    assert deliver(row.pk) == "failed"
    row.refresh_from_db()
    assert row.attempts == 1
    assert "280" in row.last_error
    assert not fake_x.posts


@pytest.mark.django_db
def test_x_refresh_token_is_rotated_and_stored_before_posting(bunder, fake_x):
    channel = x_channel(bunder, fake_x, expires_in=-10)
    old_refresh = channel.refresh_token
    page = bunder.news()

    run_jobs(page)

    channel.refresh_from_db()
    assert channel.refresh_token != old_refresh
    assert fake_x.token_info(channel.refresh_token, "refresh") is not None
    assert fake_x.token_info(old_refresh, "refresh") is None
    assert len(fake_x.posts) == 1


@pytest.mark.django_db
def test_a_registered_selector_decides_the_channels(bunder, fake_graph, fake_x):
    facebook_channel(bunder, fake_graph)
    x_only = x_channel(bunder, fake_x)

    def choose_x(*, page, revision, site, channels):
        return [x_only]

    with hooks.register_temporarily("social_publish_channel_selector", choose_x):
        page = bunder.news()
    assert [r.channel for r in Syndication.objects.filter(page_id=page.pk)] == [x_only]


@pytest.mark.django_db
def test_channels_of_other_institutions_are_never_used(bunder, bantul, fake_graph):
    facebook_channel(bantul, fake_graph)
    page = bunder.news()
    assert not Syndication.objects.filter(page_id=page.pk).exists()


@pytest.mark.django_db
def test_ckan_dataset_is_created_once_with_its_documents(bunder, fake_ckan):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    ckan_channel(bunder, fake_ckan)
    document = get_document_model()(title="Data", collection=bunder.collection)
    document.file.save("data-penduduk.csv", ContentFile(b"rt,jumlah\n1,120\n"))
    page = bunder.news(body=[("document", {"document": document, "title": "Data"})])
    fake_ckan.drop_after_work(path=r"resource_create")

    rows = run_jobs(page)
    time_travel(rows[0])
    rows = run_jobs(page)

    assert rows[0].state == "sent"
    assert len(fake_ckan.packages) == 1
    assert [r["name"] for r in fake_ckan.packages[0]["resources"]] == ["data-penduduk.csv"]
    assert rows[0].permalink.endswith(fake_ckan.packages[0]["name"])


@pytest.mark.django_db
def test_tokens_are_encrypted_and_keys_rotate(bunder, fake_graph, monkeypatch):
    from cryptography.fernet import Fernet

    from social_publish import crypto

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("SOCIAL_TOKEN_KEYS", old)
    channel = facebook_channel(bunder, fake_graph)
    assert fake_graph.page_token not in channel.access_token_encrypted

    monkeypatch.setenv("SOCIAL_TOKEN_KEYS", f"{new},{old}")
    call_command("rotate_social_tokens", stdout=None)
    monkeypatch.setenv("SOCIAL_TOKEN_KEYS", new)
    channel = Channel.objects.get(pk=channel.pk)
    assert channel.access_token == fake_graph.page_token
    assert crypto.decrypt(channel.access_token_encrypted) == fake_graph.page_token
