"""Indonesian grade 1 braille through liblouis: round trips, BRF pages, known cells."""

from __future__ import annotations

import re

import pytest

from accessibility.braille.translate import (
    TABLE_PATH,
    BrailleFailed,
    BrailleUnavailable,
    LibLouis,
    back_translate,
    brf_to_unicode,
    prepare_text,
    to_brf,
    to_unicode_braille,
)
from tests.tooling import require_library, require_path

TITLE = "Pemkab Bantul Salurkan Bantuan Rp 1.500.000 untuk 1.250 Keluarga"

PARAGRAPHS = [
    (
        "Pemerintah Kabupaten (Pemkab) Bantul menyalurkan bantuan langsung tunai sebesar "
        "Rp 1.500.000 kepada 1.250 keluarga penerima manfaat pada Minggu, 17 Agustus 2025. "
        "Penyaluran dilakukan di Balai Kalurahan Bunder, Jl. Wonosari Km. 5 No. 12, mulai "
        "pukul 09.00 WIB."
    ),
    (
        '"Bantuan ini harus tepat sasaran; jangan sampai ada warga yang terlewat," kata '
        "Bupati Bantul, H. Abdul Halim Muslih. Ia meminta lurah dan ketua RT 03/RW 05 "
        "memeriksa ulang data penerima sebelum Jum'at pekan depan."
    ),
    (
        "Menurut data Badan Pusat Statistik (BPS), angka kemiskinan di Bantul turun dari "
        "12,5% pada 2023 menjadi 11,04% pada 2024. Penurunan terbesar tercatat di Kapanewon "
        "Dlingo, Imogiri, dan Pundong; ketiganya menerima 40% dari total anggaran."
    ),
    (
        "Dana sebesar Rp 2,5 miliar berasal dari APBD Perubahan dan dana BUMDes. Kepala "
        "Dinas Sosial menjelaskan, setiap keluarga menerima Rp 500.000 per bulan selama 3 "
        "bulan (September-November) melalui rekening bank milik pemerintah daerah."
    ),
    (
        "Warga yang belum terdata dapat melapor ke kantor kalurahan setempat pada hari kerja, "
        "pukul 08.00-14.00 WIB, dengan membawa KTP dan KK asli. Pengaduan juga diterima "
        "melalui nomor (0274) 367509 atau laman PPID Pemkab Bantul."
    ),
    (
        'Apakah bantuan akan dilanjutkan tahun depan? "Kami akan evaluasi dulu hasilnya!" '
        "ujar Sekretaris Daerah. Evaluasi dijadwalkan pada 15/12/2025 bersama DPRD, OPD "
        "terkait, dan perwakilan penerima ke-1 sampai ke-10."
    ),
]


@pytest.fixture(scope="module", autouse=True)
def liblouis() -> None:
    require_library("liblouis.so.20", "liblouis20")
    require_path("/usr/share/liblouis/tables/unicode.dis", "liblouis-data")


# --- round trips -------------------------------------------------------------------
@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_paragraph_round_trip_is_exact(paragraph: str) -> None:
    braille = to_unicode_braille(paragraph)
    assert braille
    assert all("\u2800" <= ch <= "\u28ff" for ch in braille)
    # Capitals, digits, thousands points, decimal commas, quotes, parentheses,
    # apostrophes and percent signs all come back: nothing is lost, not even case.
    assert back_translate(braille) == paragraph


def test_title_round_trip() -> None:
    assert back_translate(to_unicode_braille(TITLE)) == TITLE


def test_typographic_characters_come_back_plain() -> None:
    """Braille has one sign for curly and straight quotes, for – and —, for … and ..."""
    text = "\u201cKami siap,\u201d ujarnya \u2014 lalu\u2026 Caf\u00e9 Kopi\u00a0Joss"
    expected = '"Kami siap," ujarnya \u2013 lalu... Cafe Kopi Joss'
    assert prepare_text(text) == expected
    assert back_translate(to_unicode_braille(text)) == expected


def test_every_printable_ascii_character_survives() -> None:
    for code in range(0x21, 0x7F):
        char = chr(code)
        # "?", '"', "(" and ")" are told apart by their place at the start or end
        # of a word; inside a word they are ambiguous in the code itself.
        positional = {"(": "ab (x cd", ")": "ab x) cd", "?": "ab x? cd", '"': 'ab "x y" cd'}
        text = positional.get(char, f"ab {char}x cd x{char}y z{char}")
        braille = to_unicode_braille(text)
        assert all("\u2800" <= cell <= "\u283f" for cell in braille), (char, braille)  # 6-dot
        assert back_translate(braille) == text, char
    assert to_brf("ASCII", ["".join(map(chr, range(0x20, 0x7F)))]).isascii()


def test_lines_are_kept() -> None:
    text = "Baris pertama.\nBaris kedua: 2 orang."
    assert back_translate(to_unicode_braille(text)) == text


# --- known cells --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("a", "⠁"),
        ("abcdefghij", "⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚"),
        ("klmnopqrst", "⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞"),
        ("uvwxyz", "⠥⠧⠺⠭⠽⠵"),
        ("Bantul", "⠠⠃⠁⠝⠞⠥⠇"),  # capital sign, dot 6
        ("PPID", "⠠⠠⠏⠏⠊⠙"),  # a word in capitals: dots 6-6
        ("BUMDes", "⠠⠃⠠⠥⠠⠍⠠⠙⠑⠎"),  # mixed case: a sign per capital
        ("17 Agustus 2025", "⠼⠁⠛⠀⠠⠁⠛⠥⠎⠞⠥⠎⠀⠼⠃⠚⠃⠑"),  # number sign 3-4-5-6
        ("1.500.000", "⠼⠁⠄⠑⠚⠚⠄⠚⠚⠚"),  # thousands point dot 3, one number sign
        ("2,5", "⠼⠃⠂⠑"),  # decimal comma dot 2
        ("09.00", "⠼⠚⠊⠄⠚⠚"),
        ("25%", "⠼⠃⠑⠼⠚⠴"),
        ("5b", "⠼⠑⠰⠃"),  # letter sign 5-6 before a-j after a number
        ("3A", "⠼⠉⠠⠁"),
        ("ke-3", "⠅⠑⠤⠼⠉"),
        ("Ya.", "⠠⠽⠁⠲"),  # full stop 2-5-6
        ("a, b; c: d? e!", "⠁⠂⠀⠃⠆⠀⠉⠒⠀⠙⠦⠀⠑⠖"),
        ('"ya"', "⠦⠽⠁⠴"),  # opening 2-3-6, closing 3-5-6
        ("(ya)", "⠶⠽⠁⠶"),  # parentheses 2-3-5-6 both
        ("dan/atau", "⠙⠁⠝⠌⠁⠞⠁⠥"),
        ("Jum'at", "⠠⠚⠥⠍⠄⠁⠞"),
    ],
)
def test_known_cells(text: str, cells: str) -> None:
    assert to_unicode_braille(text) == cells


# --- BRF ------------------------------------------------------------------------------
def _pages(brf: bytes) -> list[list[str]]:
    text = brf.decode("ascii")
    assert "\n" not in text.replace("\r\n", "")  # every line ends with CR LF
    return [page.split("\r\n")[:-1] for page in text.split("\f")]


def _page_number(line: str) -> int:
    match = re.fullmatch(r" *#([A-J]+)", line)
    assert match, f"no braille page number in {line!r}"
    return int("".join(str("JABCDEFGHI".index(c)) for c in match.group(1)))


def test_brf_page_geometry_and_numbers() -> None:
    brf = to_brf(TITLE, PARAGRAPHS * 3)
    assert brf.isascii()
    pages = _pages(brf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert len(page) == 25
        assert all(len(line) <= 40 for line in page)
        assert len(page[-1]) == 40  # page number ends at the right margin, bottom line
        assert _page_number(page[-1]) == number
    assert all(not line.endswith(" ") for page in pages for line in page[:-1])


def test_brf_first_page_layout() -> None:
    first = _pages(to_brf(TITLE, PARAGRAPHS))[0]
    title_lines = [line for line in first[:3] if line]
    assert all(line.startswith(" ") for line in title_lines)  # centred
    blank = first.index("")
    assert first[blank + 1].startswith("  ,")
    assert first[blank + 1][2] != " "


def test_brf_never_splits_words() -> None:
    brf = to_brf(TITLE, PARAGRAPHS)
    lines = [line for page in _pages(brf) for line in page[:-1]]  # without page numbers
    text = back_translate("\r\n".join(lines))
    words = " ".join(text.split())
    assert words == " ".join([TITLE, *PARAGRAPHS])


def test_brf_other_geometry() -> None:
    pages = _pages(to_brf(TITLE, PARAGRAPHS, cells=32, lines=20))
    assert all(len(page) == 20 and all(len(line) <= 32 for line in page) for page in pages)
    assert [_page_number(page[-1]) for page in pages] == list(range(1, len(pages) + 1))


def test_back_translate_accepts_brf_bytes_and_lower_case() -> None:
    assert back_translate(b",PEMKAB #BJBE4") == "Pemkab 2025."
    assert back_translate(",pemkab #bjbe4") == "Pemkab 2025."
    assert brf_to_unicode("#a") == "⠼⠁"


# --- missing liblouis ---------------------------------------------------------------------
def test_missing_library_names_the_debian_package() -> None:
    louis = LibLouis(library="liblouis-not-installed.so.99")
    assert not louis.available()
    with pytest.raises(BrailleUnavailable) as caught:
        to_unicode_braille("a", louis=louis)
    assert caught.value.debian_package == "liblouis20"
    assert "apt-get install -y liblouis20" in str(caught.value)


def test_missing_tables_name_the_debian_package(tmp_path) -> None:
    louis = LibLouis(system_table_dirs=[tmp_path / "nowhere"])
    with pytest.raises(BrailleUnavailable) as caught:
        louis.load()
    assert caught.value.debian_package == "liblouis-data"


def test_table_is_shipped_with_its_documentation() -> None:
    header = TABLE_PATH.read_text(encoding="utf-8")
    assert "Pedoman Umum Simbol Braille" in header
    assert (TABLE_PATH.parent.parent / "README.md").is_file()


def test_a_broken_table_reports_liblouis_errors(tmp_path) -> None:
    table = tmp_path / "broken.utb"
    table.write_text("include spaces.uti\nnosuchopcode a 1\n", encoding="utf-8")
    with pytest.raises(BrailleFailed, match="nosuchopcode"):
        LibLouis(table=table).load()
