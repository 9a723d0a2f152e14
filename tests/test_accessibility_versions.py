"""Audio and braille versions: made on publication, in reading order, only when the text changes."""

from __future__ import annotations

import pytest
from django.db import transaction
from wagtail.models import Page

from accessibility.braille import back_translate, prepare_text
from accessibility.models import AudioVersion, BrailleVersion
from accessibility.spoken import spoken_article
from accessibility.tasks import UNCHANGED, generate_audio, generate_braille
from accessibility.tooling import require_library, require_tool
from tests.conftest import host_client
from tests.worker import qcluster, wait_until  # noqa: F401 - fixture

BODY = [
    {"type": "heading", "value": {"text": "Usulan warga", "level": "h2"}, "id": "h1"},
    {
        "type": "paragraph",
        "value": "<p>Musyawarah dimulai pukul 09.00 WIB di Balai Kalurahan Bunder.</p>"
        "<p>Warga mengusulkan perbaikan saluran irigasi.</p>",
        "id": "p1",
    },
    {"type": "quote", "value": {"quote": "Usulan warga kami catat.", "attribution": "Lurah"},
     "id": "q1"},
]


@pytest.fixture
def article(bunder):
    image = bunder.image("IMG_2025", "Warga duduk melingkar di pendopo")
    body = [*BODY, {"type": "image", "id": "i1", "value": {
        "image": {"image": image.pk, "alt_text": "Warga duduk melingkar di pendopo",
                  "decorative": False},
        "caption": "Musyawarah kalurahan", "credit": ""}}]
    return bunder.news("Musrenbang Kalurahan Bunder", publish=False, live=False, body=body,
                       lead="Warga Bunder menyusun usulan pembangunan 2026.")


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


@pytest.mark.django_db(transaction=True)
def test_real_worker_makes_audio_and_braille_once(
    make_institution, worker_media, qcluster  # noqa: F811
):
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    require_library("liblouis.so.20", "liblouis20")
    bunder = make_institution("bunder", name="Kalurahan Bunder")
    page = bunder.news("Musrenbang Kalurahan Bunder", publish=False, live=False, body=BODY,
                       lead="Warga Bunder menyusun usulan pembangunan 2026.")

    publish(page)

    assert wait_until(lambda: AudioVersion.objects.filter(page=page).exists(), timeout=90)
    assert wait_until(lambda: BrailleVersion.objects.filter(page=page).exists(), timeout=30)
    audio = AudioVersion.objects.get(page=page)
    words = len(spoken_article(Page.objects.get(pk=page.pk).specific).text.split())
    assert words / 4 <= audio.duration_seconds <= words * 1.2  # 50-240 words a minute
    first_file, first_braille = audio.file.name, BrailleVersion.objects.get(page=page).file.name

    page = Page.objects.get(pk=page.pk).specific
    page.search_description = "Ringkasan untuk mesin pencari"
    page.tags.add("musrenbang")
    publish(page)

    assert generate_audio(page.pk) == UNCHANGED  # what the queued job found, too
    assert AudioVersion.objects.get(page=page).file.name == first_file
    assert BrailleVersion.objects.get(page=page).file.name == first_braille
    assert audio.file.storage.exists(first_file)


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
def test_scheduled_publication_queues_nothing(article, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone
    from django_q.models import OrmQ

    article.go_live_at = timezone.now() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert OrmQ.objects.count() == 0


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
    assert f'<source src="{audio.file.url}" type="audio/mpeg">' in current
    assert "<details" in current and BrailleVersion.objects.get(page=article).file.url in current
    assert "<audio" not in stale and ".brf" not in stale
