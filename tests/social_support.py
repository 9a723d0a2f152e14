"""Helpers of the social_publish tests: channels, documents, jobs.

The ``social_env`` fixture (settings pointing at the fakes) is in :mod:`tests.fixtures.social`.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import requests
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from social_publish.models import Channel, Syndication
from tests.fakes import FakeCkan, FakeGoogle, FakeGraph, FakeX


def document(institution, name: str, content: bytes):
    """A file in the institution's document library (a video, captions, a data set)."""
    doc = get_document_model()(title=name, collection=institution.collection)
    doc.file.save(name, ContentFile(content))
    return doc


def connect_through_consent(client, kind: str):
    """Our connect view → the platform's consent screen → back to our callback."""
    response = client.get(reverse("social_publish_channels:connect", args=[kind]))
    assert response.status_code == 302, response
    back = requests.get(response["Location"], allow_redirects=False, timeout=5)
    assert back.status_code == 302, back.text
    parts = urlsplit(back.headers["Location"])
    return client.get(f"{parts.path}?{parts.query}")


def facebook_channel(institution, fake: FakeGraph, **fields) -> Channel:
    channel = Channel(
        site=institution.site, kind="facebook", name="Halaman FB", account_id=fake.page_id, **fields
    )
    channel.access_token = fake.page_token
    channel.save()
    return channel


def instagram_channel(institution, fake: FakeGraph) -> Channel:
    channel = Channel(
        site=institution.site, kind="instagram", name="IG", account_id=fake.ig_user_id
    )
    channel.access_token = fake.page_token
    channel.save()
    return channel


def x_channel(institution, fake: FakeX, *, expires_in: int = 7200) -> Channel:
    tokens = fake.issue_tokens()
    channel = Channel(
        site=institution.site,
        kind="x",
        name="@diskominfo",
        account_id=fake.user_id,
        extra={"username": fake.username},
        token_expires_at=timezone.now() + timedelta(seconds=expires_in),
    )
    channel.access_token = tokens["access_token"]
    channel.refresh_token = tokens["refresh_token"]
    channel.save()
    return channel


def youtube_channel(institution, fake: FakeGoogle) -> Channel:
    tokens = fake.issue_tokens()
    channel = Channel(
        site=institution.site,
        kind="youtube",
        name="YouTube",
        account_id=fake.channel_id,
        token_expires_at=timezone.now() + timedelta(seconds=tokens["expires_in"]),
    )
    channel.access_token = tokens["access_token"]
    channel.refresh_token = tokens["refresh_token"]
    channel.save()
    return channel


def ckan_channel(institution, fake: FakeCkan) -> Channel:
    channel = Channel(
        site=institution.site,
        kind="ckan",
        name="Portal Satu Data",
        account_id=fake.org["id"],
        base_url=fake.base_url,
    )
    channel.access_token = fake.api_token
    channel.save()
    return channel


def run_jobs(page, *, rounds: int = 5) -> list[Syndication]:
    """Run every due job of ``page`` inline, as a worker would, until none is left."""
    from social_publish.delivery import deliver

    for _ in range(rounds):
        pending = Syndication.objects.filter(page_id=page.pk, state__in=["queued", "unknown"])
        if not pending:
            break
        for row in pending:
            deliver(row.pk)
    return list(Syndication.objects.filter(page_id=page.pk).select_related("channel"))


def time_travel(row: Syndication) -> None:
    """Make a waiting retry due now."""
    Syndication.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
