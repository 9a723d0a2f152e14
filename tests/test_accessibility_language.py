"""Language advice for editors: Indonesian spelling, long sentences, readability."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accessibility.language import (
    advise,
    advise_page,
    count_syllables,
    language_problems,
    split_sentences,
)
from tests.tooling import require_path, require_tool


@pytest.fixture
def hunspell():
    require_tool("hunspell", "hunspell")
    require_path("/usr/share/hunspell/id_ID.dic", "hunspell-id")


def test_misspelled_indonesian_words_are_found(hunspell):
    advice = advise(
        [
            "Pemerintahaan Kapanewon Bantul menggelar kegitan kerja bakti di Jl. Parangtritis "
            "pukul 09.00 WIB.",
            "Warga bergotong royong membersihkan saluran irigasi.",
        ]
    )

    assert advice.misspellings == ("Pemerintahaan", "kegitan")


def test_names_initialisms_and_abbreviations_are_not_spelling_mistakes(hunspell):
    advice = advise(
        [
            "Panewu Bantul, Drs. Suharyanto, membuka Musrenbang di Kab. Bantul.",
            "PPID dan OPD menyampaikan laporan kepada Bupati Halim.",
            "Bantul menjadi tuan rumah lomba desa tahun ini.",
        ]
    )

    assert advice.misspellings == ()


def test_sentences_over_25_words_are_reported_with_an_excerpt():
    advice = advise(
        [
            "Kegiatan ini diikuti oleh seluruh perangkat kalurahan, ketua RT, ketua RW, kader "
            "posyandu, tokoh masyarakat, pemuda karang taruna, dan warga padukuhan yang bergotong "
            "royong membersihkan saluran irigasi sepanjang dua kilometer. Acara selesai siang hari."
        ]
    )

    assert [s.words for s in advice.long_sentences] == [30]
    assert "Kegiatan ini diikuti oleh seluruh perangkat" in advice.messages()[-1]


def test_abbreviations_initials_and_times_do_not_end_a_sentence():
    text = "Rapat dipimpin H. Abdul di Kab. Bantul pukul 09.00 WIB. Rapat selesai pukul 12.00."

    assert split_sentences(text) == [
        "Rapat dipimpin H. Abdul di Kab. Bantul pukul 09.00 WIB.",
        "Rapat selesai pukul 12.00.",
    ]


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("desa", 2), ("kegiatan", 4), ("pemerintahan", 5), ("kesejahteraan", 6), ("pantai", 2)],
)
def test_indonesian_syllables(word, syllables):
    assert count_syllables(word) == syllables


def test_plain_text_reads_easier_than_bureaucratic_text():
    plain = advise(["Warga membersihkan sungai. Lurah ikut bekerja. Sampah dibawa ke TPS."])
    heavy = advise(
        [
            "Pemberdayaan kelembagaan kemasyarakatan dilaksanakan berkesinambungan demi "
            "peningkatan kesejahteraan dan keberlanjutan pembangunan perdesaan secara "
            "menyeluruh melalui pengoptimalan pemanfaatan sumber daya setempat."
        ]
    )

    assert plain.readability.label == "mudah"
    assert heavy.readability.score > plain.readability.score + 30


def test_the_sop_check_reads_the_page_and_its_alt_texts(hunspell, bantul):
    photo = bantul.image("Kerja bakti", "Warga membersihkan saluran")
    body = [
        {
            "type": "image",
            "value": {
                "image": {
                    "image": photo.pk,
                    "alt_text": "Warga mengikuti kegitan",
                    "decorative": False,
                },
                "caption": "",
                "credit": "",
            },
        }
    ]
    page = bantul.news("Laporan pemerintahaan", body=body, lead="Ringkasan berita.")

    problems = language_problems(page)

    assert problems == ["Kemungkinan salah eja: “pemerintahaan”, “kegitan”."]


def test_sop_requirement_registry_offers_indonesian_language(bantul):
    from sop_workflow.moderation.checks import registry

    page = bantul.news("Berita yang rapi", lead="Warga membersihkan sungai bersama.")

    assert registry()["indonesian_language"](page, None) == []


def test_author_sees_the_advice_in_the_admin(hunspell, client, bantul, bunder):
    page = bantul.news("Kegitan kerja bakti", publish=False)
    client.force_login(bantul.user("penulis"))
    url = reverse("accessibility:language", args=[page.pk])

    response = client.get(url)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    client.force_login(bunder.user("penulis"))

    assert "kegitan" in response.content.decode().lower()
    assert url in edit.content.decode()
    assert client.get(url).status_code == 404


def test_advice_is_on_the_latest_revision(hunspell, bantul):
    page = bantul.news("Kerja bakti warga")
    page.title = "Kerja bakti warga kampung pemerintahaan"
    page.save_revision()

    assert advise_page(page.get_latest_revision_as_object()).misspellings == ("pemerintahaan",)
