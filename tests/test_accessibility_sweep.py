"""The accessibility sweep: a live article whose audio or braille job was lost gets it later."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.models import Schedule, Task
from wagtail.models import Page

from accessibility import signal_handlers
from accessibility.models import AudioVersion, BrailleVersion
from accessibility.spoken import spoken_article
from accessibility.tasks import sweep
from cms.schedules import SCHEDULES, ensure_schedules
from tests.tooling import require_library, require_tool
from tests.worker import broker_tasks, wait_until

BODY = [
    {
        "type": "paragraph",
        "value": "<p>Musyawarah dimulai pukul 09.00 WIB di Balai Kalurahan.</p>",
        "id": "p1",
    },
]
AUDIO, BRAILLE = "accessibility.tasks.generate_audio", "accessibility.tasks.generate_braille"


def publish_dropping_jobs(page, monkeypatch) -> list[tuple]:
    """Publish ``page`` while the jobs its publication queues are lost on the way."""
    dropped: list[tuple] = []
    monkeypatch.setattr(signal_handlers, "async_task", lambda *args, **kw: dropped.append(args))
    with transaction.atomic():
        page.save_revision().publish()
    monkeypatch.undo()
    return dropped


def queued(pages) -> list[tuple[str, tuple]]:
    """The version jobs of ``pages`` waiting in the configured broker."""
    ids = {page.pk for page in pages}
    return sorted(
        (task["func"], tuple(task["args"]))
        for task in broker_tasks()
        if task.get("func") in (AUDIO, BRAILLE) and task["args"][0] in ids
    )


@pytest.fixture
def worker_media(settings, monkeypatch):
    """The worker process writes media where this test reads it (the test's own folder)."""
    monkeypatch.setenv("TEST_MEDIA_ROOT", str(settings.MEDIA_ROOT))


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_dropped_audio_job_is_made_after_one_sweep_by_a_real_qcluster(
    make_institution, worker_media, monkeypatch, qcluster
):
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    require_library("liblouis.so.20", "liblouis20")
    bunder = make_institution("bunder", name="Kalurahan Bunder")
    page = bunder.news("Musrenbang Kalurahan Bunder", publish=False, live=False, body=BODY)
    assert len(publish_dropping_jobs(page, monkeypatch)) == 2
    assert not AudioVersion.objects.filter(page=page).exists()

    # The cluster's scheduler runs the sweep schedule (only it, and now).
    ensure_schedules()
    Schedule.objects.update(next_run=timezone.now() + timedelta(days=1))
    Schedule.objects.filter(name="accessibility_sweep").update(next_run=timezone.now())

    assert wait_until(
        lambda: (
            AudioVersion.objects.filter(page=page).exists()
            and BrailleVersion.objects.filter(page=page).exists()
        ),
        timeout=150,
    ), "no audio/braille version after the sweep"
    audio = AudioVersion.objects.get(page=page)
    assert audio.matches(spoken_article(Page.objects.get(pk=page.pk).specific).hash)
    assert audio.duration_seconds > 0
    assert audio.file.storage.exists(audio.file.name)
    sweeps = Task.objects.filter(func=SCHEDULES["accessibility_sweep"][0])
    assert [task.result for task in sweeps] == [2]  # one sweep, the two lost jobs
    assert sweep() == 0  # nothing is missing any more


@pytest.mark.django_db
def test_sweep_queues_missing_and_stale_versions_once(bunder, monkeypatch):
    missing = bunder.news("Berita tanpa versi", publish=False, live=False, body=BODY)
    publish_dropping_jobs(missing, monkeypatch)
    stale = bunder.news("Berita yang diubah", publish=False, live=False, body=BODY)
    publish_dropping_jobs(stale, monkeypatch)
    current_hash = spoken_article(Page.objects.get(pk=stale.pk).specific).hash
    for model in (AudioVersion, BrailleVersion):
        version = model(page_id=stale.pk, text_hash=current_hash, file="x/lama.bin")
        if model is AudioVersion:
            version.duration_seconds = 3.0
        version.save()
    assert sweep() == 2  # the article without versions; the other one is current
    stale = Page.objects.get(pk=stale.pk).specific
    stale.lead = "Ringkasan baru."
    publish_dropping_jobs(stale, monkeypatch)

    assert sweep() == 2  # the changed article's two versions are stale now
    assert sweep() == 0  # every job is still queued: never twice in flight
    assert queued([missing, stale]) == sorted(
        [
            (AUDIO, (missing.pk,)),
            (BRAILLE, (missing.pk,)),
            (AUDIO, (stale.pk,)),
            (BRAILLE, (stale.pk,)),
        ]
    )


@pytest.mark.django_db
def test_sweep_retries_a_job_the_worker_refused_and_stops_at_its_limit(bunder, monkeypatch):
    pages = []
    for number in range(3):
        page = bunder.news(f"Berita {number}", publish=False, live=False, body=BODY)
        publish_dropping_jobs(page, monkeypatch)
        pages.append(page)
    # A job signed with the previous key: the worker refuses it, so it does not count.
    get_broker().enqueue("signed-with-the-old-key")

    assert sweep(limit=4) == 4
    assert sweep(limit=4) == 2
    assert sweep(limit=4) == 0
    assert len(queued(pages)) == 6
