"""YouTube: a resumable upload survives a dropped connection and resumes at the server's offset."""

from __future__ import annotations

import os

import pytest

from social_publish.models import Syndication
from tests.social_support import document, run_jobs, youtube_channel

pytestmark = [pytest.mark.usefixtures("social_env"), pytest.mark.django_db]


def video_page(institution):
    data = os.urandom(700_000)
    video = document(institution, "kerja-bakti.mp4", data)
    vtt = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHalo\n"
    captions = document(institution, "kerja-bakti.vtt", vtt)
    body = [("video", {"file": video, "embed": None, "captions": captions, "transcript": ""})]
    return institution.news(body=body), data


def test_an_interrupted_upload_resumes_from_the_server_offset(bunder, fake_google):
    youtube_channel(bunder, fake_google)
    fake_google.drop_after_bytes(100_000, path=r"/upload/youtube/v3/videos", method="PUT")
    page, data = video_page(bunder)

    rows = run_jobs(page)

    assert rows[0].state == "sent"
    assert len(fake_google.videos) == 1
    assert fake_google.videos[0]["content"] == data
    ranges = [r.header("Content-Range") for r in fake_google.requests_to("/videos", "PUT")]
    assert "bytes */700000" in ranges
    assert any(r.startswith("bytes 100000-") for r in ranges)
    assert rows[0].permalink.endswith(fake_google.videos[0]["id"])
    assert fake_google.captions


def test_a_lost_answer_after_the_last_byte_is_reconciled(bunder, fake_google):
    youtube_channel(bunder, fake_google)
    page, data = video_page(bunder)
    fake_google.drop_after_work(None, path=r"/upload/youtube/v3/videos", method="PUT")

    row = Syndication.objects.get(page_id=page.pk)
    from social_publish.delivery import deliver

    deliver(row.pk)
    fake_google.clear_failures()
    Syndication.objects.filter(pk=row.pk).update(next_attempt_at=None)
    deliver(row.pk)

    row.refresh_from_db()
    assert row.state == "sent"
    assert len(fake_google.videos) == 1
    assert row.external_id == fake_google.videos[0]["id"]
