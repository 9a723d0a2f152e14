"""Audio and braille versions: made on publication, in reading order, only when the text changes."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.tasks import fetch
from wagtail.models import Page

from accessibility import signal_handlers
from accessibility.braille import back_translate, prepare_text
from accessibility.models import AudioVersion, BrailleVersion
from accessibility.spoken import spoken_article
from accessibility.tasks import UNCHANGED, generate_audio, generate_braille
from tests.institutions import host_client
from tests.tooling import require_library, require_tool
from tests.worker import wait_until

BODY = [
    {"type": "heading", "value": {"text": "Usulan warga", "level": "h2"}, "id": "h1"},
    {
        "type": "paragraph",
        "value": "<p>Musyawarah dimulai pukul 09.00 WIB di Balai Kalurahan Bunder.</p>"
        "<p>Warga mengusulkan perbaikan saluran irigasi.</p>",
        "id": "p1",
    },
    {
        "type": "quote",
        "value": {"quote": "Usulan warga kami catat.", "attribution": "Lurah"},
        "id": "q1",
    },
]


@pytest.fixture
def article(bunder):
    image = bunder.image("IMG_2025", "Warga duduk melingkar di pendopo")
    body = [
        *BODY,
        {
            "type": "image",
            "id": "i1",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "Warga duduk melingkar di pendopo",
                    "decorative": False,
                },
                "caption": "Musyawarah kalurahan",
                "credit": "",
            },
        },
    ]
    return bunder.news(
        "Musrenbang Kalurahan Bunder",
        publish=False,
        live=False,
        body=body,
        lead="Warga Bunder menyusun usulan pembangunan 2026.",
    )


@pytest.mark.django_db
def test_spoken_text_is_in_reading_order_without_editor_only_fields(article):
    article.what = "Catatan 5W+1H untuk editor"

    text = spoken_article(article).text

    assert text.startswith("Musrenbang Kalurahan Bunder\n\n1 Maret 2025\n\nWarga Bunder")
    assert text.index("Usulan warga") < text.index("pukul 09.00") < text.index("Gambar: Warga")
    assert "5W+1H" not in text


def publish(page):
    with transaction.atomic():
        page.save_revision().publish()


@pytest.mark.django_db
def test_braille_version_back_translates_to_the_article(article, settings):
    require_library("liblouis.so.20", "liblouis20")
    publish(article)

    generate_braille(article.pk)

    version = BrailleVersion.objects.get(page=article)
    brf = version.file.read()
    assert b"\f" not in brf or brf.count(b"\f") + 1 == version.braille_pages
    back = " ".join(back_translate(brf).split())
    assert "musyawarah dimulai pukul 09.00 wib" in back.lower()
    assert prepare_text(article.title).lower() in back.lower()


@pytest.fixture
def worker_media(settings, monkeypatch):
    """The worker process writes media where this test reads it (the test's own folder)."""
    monkeypatch.setenv("TEST_MEDIA_ROOT", str(settings.MEDIA_ROOT))


def fingerprint(version) -> tuple[int, str]:
    """A version's file as it is on disk: modification time and SHA-256 of the content."""
    path = Path(version.file.path)
    return path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


class QueuedJobs(list):
    """The jobs the publication handler hands to django-q: ``(function, args, task id)``.

    The boundary to the queue, whichever broker is configured. With ``enqueue`` the jobs are
    really queued, and their results can be awaited: django-q keeps results in the database
    (``fetch``) on the ORM and the Redis broker alike.
    """

    def __init__(self, monkeypatch, *, enqueue: bool = True):
        super().__init__()
        from django_q.tasks import async_task

        def recording(func, *args, **kwargs):
            task_id = async_task(func, *args, **kwargs) if enqueue else None
            self.append((func, args, task_id))
            return task_id

        monkeypatch.setattr(signal_handlers, "async_task", recording)

    def calls(self) -> list[tuple[str, tuple]]:
        return [(func, args) for func, args, _ in self]

    def wait_for_results(self, count: int, timeout: float) -> dict[str, str]:
        """Wait until ``count`` jobs were queued and have all finished; the last two results."""
        done = wait_until(
            lambda: len(self) == count and all(fetch(task_id) for _, _, task_id in self),
            timeout=timeout,
        )
        finished = [bool(fetch(task_id)) for _, _, task_id in self]
        assert done, f"{len(self)} of {count} jobs queued, finished: {finished}"
        results = {}
        for func, _, task_id in self[-2:]:
            task = fetch(task_id)
            assert task.success, task.result
            results[func.rsplit(".", 1)[1]] = task.result
        return results


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_real_worker_makes_audio_and_braille_once(
    make_institution,
    worker_media,
    monkeypatch,
    settings,
    qcluster,  # noqa: F811
):
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    require_library("liblouis.so.20", "liblouis20")
    bunder = make_institution("bunder", name="Kalurahan Bunder")
    page = bunder.news(
        "Musrenbang Kalurahan Bunder",
        publish=False,
        live=False,
        body=BODY,
        lead="Warga Bunder menyusun usulan pembangunan 2026.",
    )
    jobs = QueuedJobs(monkeypatch)

    publish(page)

    first = jobs.wait_for_results(2, timeout=120)
    audio = AudioVersion.objects.get(page=page)
    braille = BrailleVersion.objects.get(page=page)
    assert first == {"generate_audio": audio.file.name, "generate_braille": braille.file.name}
    words = len(spoken_article(Page.objects.get(pk=page.pk).specific).text.split())
    assert words / 4 <= audio.duration_seconds <= words * 1.2  # 50-240 words a minute
    before = {version.file.name: fingerprint(version) for version in (audio, braille)}

    page = Page.objects.get(pk=page.pk).specific
    page.search_description = "Ringkasan untuk mesin pencari"
    page.tags.add("musrenbang")
    publish(page)

    # Only once the worker has run the second publication's two jobs.
    assert jobs.wait_for_results(4, timeout=120) == {
        "generate_audio": UNCHANGED,
        "generate_braille": UNCHANGED,
    }
    assert get_broker().queue_size() == 0
    after = {
        version.file.name: fingerprint(version)
        for version in (AudioVersion.objects.get(page=page), BrailleVersion.objects.get(page=page))
    }
    assert after == before
    on_disk = Path(settings.MEDIA_ROOT, "accessibility").rglob("*")
    assert {p.name for p in on_disk if p.is_file()} == {Path(name).name for name in before}


@pytest.mark.django_db
def test_changed_text_replaces_the_audio_and_deletes_the_old_file(
    article, django_capture_on_commit_callbacks
):
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    publish(article)
    with django_capture_on_commit_callbacks(execute=True):
        generate_audio(article.pk)
    old = AudioVersion.objects.get(page=article)
    old_name = old.file.name

    article = Page.objects.get(pk=article.pk).specific
    article.title = "Musrenbang Kalurahan Bunder 2026"
    publish(article)
    with django_capture_on_commit_callbacks(execute=True):
        generate_audio(article.pk)

    new = AudioVersion.objects.get(page=article)
    assert new.file.name != old_name
    assert not old.file.storage.exists(old_name)


@pytest.mark.django_db
def test_changed_text_replaces_the_braille_file_and_deletes_the_old_one(
    article, django_capture_on_commit_callbacks
):
    require_library("liblouis.so.20", "liblouis20")
    publish(article)
    with django_capture_on_commit_callbacks(execute=True):
        generate_braille(article.pk)
    old = BrailleVersion.objects.get(page=article)
    old_name, storage = old.file.name, old.file.storage
    assert storage.exists(old_name)

    article = Page.objects.get(pk=article.pk).specific
    article.title = "Musrenbang Kalurahan Bunder 2026"
    publish(article)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        new_name = generate_braille(article.pk)

    new = BrailleVersion.objects.get(page=article)
    assert len(callbacks) == 2  # the deletion (and telling the other apps) wait for the commit
    assert new.file.name == new_name != old_name
    assert new.file.name.endswith(".brf")
    assert storage.exists(new.file.name)
    assert not storage.exists(old_name)
    assert "2026" in back_translate(new.file.read())
    assert list((Path(storage.path(new.file.name)).parent).iterdir()) == [
        Path(storage.path(new.file.name))
    ]


@pytest.mark.django_db
def test_scheduled_publication_queues_nothing(
    article, monkeypatch, django_capture_on_commit_callbacks
):
    broker = get_broker()  # the configured one: the ORM broker, or Redis with REDIS_URL
    waiting = broker.queue_size()  # on Redis, other tests' jobs may wait in the list
    jobs = QueuedJobs(monkeypatch)

    article.go_live_at = timezone.now() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert not Page.objects.get(pk=article.pk).live  # scheduled, not published
    assert (jobs.calls(), broker.queue_size() - waiting) == ([], 0)

    # The same capture sees a publication that does go live (recorded, not queued).
    jobs = QueuedJobs(monkeypatch, enqueue=False)
    article = Page.objects.get(pk=article.pk).specific
    article.go_live_at = None
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert jobs.calls() == [
        ("accessibility.tasks.generate_audio", (article.pk,)),
        ("accessibility.tasks.generate_braille", (article.pk,)),
    ]


@pytest.mark.django_db
def test_article_offers_audio_and_braille_only_while_they_match_the_live_text(client, article):
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    publish(article)
    generate_audio(article.pk)
    generate_braille(article.pk)
    url = Page.objects.get(pk=article.pk).url

    current = host_client(client, "bunder.localhost").get(url).content.decode()
    article = Page.objects.get(pk=article.pk).specific
    article.lead = "Ringkasan yang baru saja diubah."
    publish(article)
    stale = client.get(url).content.decode()

    audio = AudioVersion.objects.get(page=article)
    assert f'<source src="{audio.public_url()}" type="audio/mpeg">' in current
    assert "<details" in current
    assert BrailleVersion.objects.get(page=article).public_url() in current
    assert "<audio" not in stale
    assert ".brf" not in stale
