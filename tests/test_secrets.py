"""Platform tokens never reach a log line, an error record or a stored job result (issue 10)."""

from __future__ import annotations

import io
import logging
import queue
import uuid
from contextlib import contextmanager

import pytest
from django.urls import reverse
from django.utils import timezone
from django_q.models import Task
from django_q.monitor import save_task
from django_q.worker import worker

from social_publish.health import check_channel
from social_publish.models import Channel, Syndication
from social_publish.redaction import MASK, RedactingFilter, redact
from tests.social_support import connect_through_consent, facebook_channel, run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("social_env")]


@contextmanager
def console_log():
    """What the configured ``console`` handler (settings.LOGGING) writes, as text."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(previous)


def stored_texts() -> str:
    """Every error text the database holds about channels, syndications and jobs."""
    rows = [
        *Syndication.objects.values_list("last_error", "error_kind", "message", "checkpoint"),
        *Channel.objects.values_list("status_detail", "name", "extra"),
        *Task.objects.values_list("result", "args", "kwargs"),
    ]
    return repr(rows)


def test_timed_out_and_unreachable_calls_are_logged_and_stored_without_the_token(
    bunder, fake_graph, monkeypatch
):
    """The health check sends the page token in debug_token's query (Graph takes it no other
    way). A timed-out check, a timed-out post and an unreachable platform (whose error names
    the URL) are logged and stored; the token is in none of it."""
    monkeypatch.setenv("SOCIAL_HTTP_TIMEOUT", "1")
    channel = facebook_channel(bunder, fake_graph)
    token = fake_graph.page_token
    fake_graph.slow(3, n=1, path=r"/debug_token")
    fake_graph.slow(3, n=1, path=r"/feed$", method="POST")
    page = bunder.news(title="Kerja bakti warga Bunder")

    with console_log() as log:
        assert check_channel(channel)  # timed out: a platform problem, tried again tomorrow
        rows = run_jobs(page, rounds=1)
        fake_graph.stop()
        assert check_channel(channel)  # unreachable: the error text carries the whole URL

    text = log.getvalue()
    assert "Read timed out" in text
    assert "retrying (ReadTimeout)" in text
    assert "debug_token?input_token=[redacted]" in text  # the URL was logged, its token masked
    assert rows[0].state == "unknown"
    assert rows[0].last_error  # the timeout is on record for the admin
    assert token not in text
    assert token not in stored_texts()


def test_connecting_facebook_sends_tokens_in_bodies_and_headers_never_in_urls(
    client, bunder, fake_graph
):
    client.force_login(bunder.user("admin"))
    connect_through_consent(client, "facebook")

    channel = Channel.objects.get(site=bunder.site, kind="facebook")
    exchange = fake_graph.requests_to(r"/oauth/access_token$")
    assert channel.access_token == fake_graph.page_token
    assert exchange
    assert all(r.method == "POST" for r in exchange)
    issued = [v for v, t in fake_graph.tokens.items() if t.kind in {"user", "page", "code"}]
    for request in fake_graph.requests:
        assert not any(value in request.path for value in issued), request.path


def failing_job(channel_pk: int) -> None:
    """A job with a bug that puts a decrypted token into its exception (run by django-q2)."""
    channel = Channel.objects.get(pk=channel_pk)
    raise RuntimeError(f"GET /me?fields=id -H 'x-token: {channel.access_token}' failed")


@pytest.mark.django_db(transaction=True)  # django-q2's worker closes old connections
def test_a_failed_job_s_stored_result_has_no_token(bunder, fake_graph, monkeypatch):
    """django-q2's own worker and result saver: the Failure row keeps the error, not the token."""
    monkeypatch.setattr("django_q.worker.setproctitle", None)  # keep pytest's process title
    channel = facebook_channel(bunder, fake_graph)
    tasks, results = queue.Queue(), queue.Queue()
    package = {
        "id": uuid.uuid4().hex,
        "name": "secret-test",
        "func": f"{__name__}.failing_job",
        "args": (channel.pk,),
        "kwargs": {},
        "started": timezone.now(),
    }
    tasks.put(package)
    tasks.put("STOP")

    with console_log():
        worker(tasks, results, _Timer())
        save_task(results.get_nowait(), broker=None)

    failure = Task.objects.get(id=package["id"])
    assert not failure.success
    assert "RuntimeError" in failure.result
    assert MASK in failure.result
    assert fake_graph.page_token not in stored_texts()


class _Timer:
    """The shared value django-q2's cluster hands each worker (a lock and a number)."""

    def __init__(self) -> None:
        import threading

        self.value = -1
        self._lock = threading.Lock()

    def get_lock(self):
        return self._lock


@pytest.mark.parametrize(
    "text",
    [
        "https://graph.example/debug_token?input_token=EAAGabc123xyz&x=1",
        "POST body: grant_type=fb_exchange_token&fb_exchange_token=EAAGshort999&client_id=1",
        "headers={'Authorization': 'Bearer ya29.a0AfH6SMBx'}",
        '{"access_token": "EAAGpage777", "token_type": "bearer"}',
        "refresh_token%3Dabcdef123456",
    ],
)
def test_secret_shapes_are_masked_even_when_never_seen(text):
    masked = redact(text)
    assert MASK in masked
    assert not any(s in masked for s in ("abc123", "short999", "SMBx", "page777", "cdef12"))


def test_the_log_filter_masks_arguments_and_tracebacks():
    record = logging.LogRecord(
        "social_publish",
        logging.ERROR,
        __file__,
        1,
        "call %s failed",
        ("?access_token=T0k3n42x",),
        None,
    )
    try:
        raise ValueError("https://x/?access_token=T0k3n42x")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    RedactingFilter().filter(record)
    assert "T0k3n42x" not in record.getMessage() + record.exc_text


def test_the_channel_admin_pages_never_show_the_token(client, bunder, fake_graph):
    channel = facebook_channel(bunder, fake_graph)
    client.force_login(bunder.user("admin"))

    pages = [
        client.get(reverse(f"social_publish_channels:{name}", args=args))
        for name, args in (("index", []), ("inspect", [channel.pk]), ("edit", [channel.pk]))
    ]

    assert [p.status_code for p in pages] == [200, 200, 200]
    assert "Halaman FB" in pages[0].content.decode()
    assert fake_graph.page_id in pages[1].content.decode()  # the inspect view's own fields
    for page in pages:
        html = page.content.decode()
        assert fake_graph.page_token not in html
        assert channel.access_token_encrypted not in html  # not even encrypted


def test_the_post_inspect_page_shows_its_fields_not_the_upload_checkpoint(
    client, bunder, fake_graph
):
    facebook_channel(bunder, fake_graph)
    page = bunder.news(title="Kerja bakti warga Bunder")
    [row] = run_jobs(page)
    Syndication.objects.filter(pk=row.pk).update(
        checkpoint={"session_uri": "https://upload.example/?upload_id=SESI-RAHASIA-123"}
    )
    client.force_login(bunder.user("admin"))

    html = client.get(reverse("social_publish_syndications:inspect", args=[row.pk])).content

    assert row.external_id in html.decode()
    assert "SESI-RAHASIA-123" not in html.decode()
