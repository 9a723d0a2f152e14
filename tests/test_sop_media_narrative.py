"""Bantul step 1: coverage material is *audio, foto, atau video*, and each photo and video
carries its own short 5W+1H narrative — per media item, not only for the whole page.

Through the page editor as the Pengelola Website submits it (the body posted as the editor's
form posts it); the public article plays the audio with its transcript.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accessibility.spoken import spoken_article
from tests.institutions import host_client
from tests.social_support import document
from tests.sop_helpers import as_user, create_with_sop, current_task, draft, latest, submit

pytestmark = pytest.mark.django_db

MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64


def list_block(items: list[dict]) -> dict:
    """A ListBlock as the editor's form posts it."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def photo(image, caption: str = "") -> dict:
    return {
        "image": {"image": str(image.pk), "alt_text": "Warga membersihkan saluran"},
        "caption": caption,
        "credit": "",
    }


def audio(doc, caption: str = "") -> dict:
    return {
        "title": "Wawancara Panewu",
        "file": str(doc.pk),
        "caption": caption,
        "transcript": "Kami mengajak warga menjaga kebersihan saluran irigasi.",
    }


def editor_body(*blocks) -> dict:
    from wagtail.test.utils.form_data import streamfield

    return streamfield(list(blocks))


def shown_after(client, response) -> str:
    assert response.status_code == 302
    return client.get(response.url).content.decode()


def test_a_gallery_photo_without_its_narrative_is_not_submitted_and_the_message_names_it(client):
    bantul = create_with_sop("kapanewon_bantul")
    manager = as_user(client, bantul.user("pengelola_website"))
    page = draft(bantul, title="Kerja bakti saluran irigasi")
    described = bantul.image("Foto saluran bersih")
    bare = bantul.image("Foto warga bekerja")
    gallery = {
        "title": "",
        "images": list_block(
            [photo(described, "Warga Padukuhan Karang membersihkan saluran, Jumat pagi."),
             photo(bare)]
        ),
    }  # fmt: skip

    shown = shown_after(client, submit(manager, page, body=editor_body(("gallery", gallery))))

    assert "belum diajukan" in shown
    assert (
        "Foto “Foto warga bekerja” (blok ke-1 isi berita) belum memiliki narasi singkat 5W+1H: "
        "isi keterangannya." in shown
    )
    assert "Foto “Foto saluran bersih”" not in shown  # the described photo is not listed
    assert current_task(page) is None  # nothing reached the Panewu

    gallery["images"] = list_block(
        [photo(described, "Warga membersihkan saluran."), photo(bare, "Dua puluh warga ikut.")]
    )
    submit(manager, page, body=editor_body(("gallery", gallery)))
    assert current_task(page) is not None
    assert "dua puluh warga ikut." in str(latest(page).get_latest_revision_as_object().body).lower()


def test_audio_with_its_transcript_is_coverage_material_and_plays_on_the_article(client):
    bantul = create_with_sop("kapanewon_bantul")
    manager = as_user(client, bantul.user("pengelola_website"))
    page = draft(bantul, title="Wawancara kebersihan saluran", share_image=None)
    recording = document(bantul, "wawancara-panewu.mp3", MP3)

    nothing = shown_after(client, submit(manager, page))
    assert "Belum ada audio, foto, atau video yang dilampirkan." in nothing

    narrated = "Panewu menjelaskan jadwal kerja bakti di Kapanewon Bantul, Sabtu pagi."
    submit(manager, page, body=editor_body(("audio", audio(recording, narrated))))
    assert current_task(page) is not None  # audio alone is material; its narrative is given

    page = latest(page)
    revision = page.get_latest_revision()
    revision.publish()
    public = host_client(Client(), bantul.hostname).get(latest(page).url)
    html = public.content.decode()
    assert "<audio controls" in html
    assert recording.url in html
    assert narrated in html
    assert "Kami mengajak warga menjaga kebersihan saluran irigasi." in html  # the transcript
    assert "Unduh audio “Wawancara Panewu”" in html
    spoken = spoken_article(latest(page)).text
    assert "Audio: Wawancara Panewu" in spoken


def test_an_audio_block_refuses_a_file_that_is_not_audio(client):
    bantul = create_with_sop("kapanewon_bantul")
    manager = as_user(client, bantul.user("pengelola_website"))
    page = draft(bantul, title="Berkas keliru")
    wrong = document(bantul, "notulen.pdf", b"%PDF-1.4 notulen")

    response = submit(manager, page, body=editor_body(("audio", audio(wrong, "Narasi."))))

    assert response.status_code == 200  # the editor again, with the error at the block
    assert (
        "Berkas audio harus berformat MP3, OGG, Opus, M4A, atau WAV." in response.content.decode()
    )
    assert current_task(page) is None


def test_the_audio_block_is_offered_in_the_editor(client):
    bantul = create_with_sop("kapanewon_bantul")
    editor = as_user(client, bantul.user("pengelola_website"))
    page = draft(bantul)
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "berkas audio" in html
    assert "Narasi singkat tentang isinya: apa, siapa, kapan, di mana, mengapa" in html
