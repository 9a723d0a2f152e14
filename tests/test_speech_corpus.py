"""Hundreds of sentences of government news, each with exactly what the TTS is given.

The corpus (``tests/data/speech_corpus.tsv``: a header line, then ``text<TAB>spoken``)
holds sentences of the kind kapanewon, kalurahan and dinas sites publish: meetings,
posyandu, social aid, infrastructure, regulations, ceremonies, weather, agriculture,
with numbers, dates, times, money, addresses, regulations, titles, units and
abbreviations. Three of them are also spoken through the real espeak-ng backend.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from accessibility.speech.backends import EspeakNgBackend, mp3_duration
from accessibility.speech.normalize import normalize
from tests.tooling import require_tool

CORPUS = Path(__file__).parent / "data" / "speech_corpus.tsv"


def read_corpus() -> list[tuple[int, str, str]]:
    """``(line number, text, expected spoken form)`` for every sentence of the corpus."""
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["text", "spoken"], "the first line is the header"
    return [(number, row[0], row[1]) for number, row in enumerate(rows[1:], start=2)]


def test_corpus_is_large_and_well_formed() -> None:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    body = [line for line in lines[1:] if line]
    assert all(line.count("\t") == 1 for line in body)
    corpus = read_corpus()
    assert len(corpus) >= 200
    texts = [text for _, text, _ in corpus]
    assert len(set(texts)) == len(texts), "no sentence twice"
    assert all(text.strip() and spoken.strip() for _, text, spoken in corpus)


def test_every_corpus_sentence_is_read_as_expected() -> None:
    mismatches = [
        f"line {number}: {text}\n    expected: {expected}\n    got:      {got}"
        for number, text, expected in read_corpus()
        if (got := normalize(text)) != expected
    ]
    assert not mismatches, f"{len(mismatches)} sentences read differently:\n" + "\n".join(
        mismatches
    )


def test_no_digit_or_unit_symbol_is_left_for_the_tts() -> None:
    spoken = {number: normalize(text) for number, text, _ in read_corpus()}
    leftovers = [
        (number, words)
        for number, words in spoken.items()
        if any(ch.isdigit() or ch in "%°²³" for ch in words)
    ]
    assert leftovers == []


@pytest.mark.parametrize(
    "needle",
    [
        "Perbup No. 12 Tahun 2024",  # a regulation with its number and year
        "Letkol. Inf.",  # a rank before a name, degrees after
        "23°C hingga 33°C",  # units and a temperature
    ],
)
def test_corpus_sentences_are_spoken_by_espeak_ng(needle: str, tmp_path: Path) -> None:
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    text = next(text for _, text, _ in read_corpus() if needle in text)

    audio = EspeakNgBackend().synthesize(text, tmp_path / "sentence.mp3")

    assert audio.path.stat().st_size == audio.size_bytes > 2_000
    assert audio.duration_seconds == pytest.approx(mp3_duration(audio.path), abs=0.5)
    # A sentence of some fifteen words takes seconds to say, not a blip of silence.
    assert 2 < audio.duration_seconds < 30
