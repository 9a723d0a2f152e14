"""Real speech synthesis with espeak-ng and lame (no mocks, no Django, no database)."""

from __future__ import annotations

import math
import struct
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from accessibility.speech.backends import (
    AudioInfo,
    EspeakNgBackend,
    SpeechBackend,
    SpeechFailed,
    SpeechUnavailable,
    get_backend,
    mp3_duration,
    split_for_speech,
)
from accessibility.speech.normalize import normalize
from tests.tooling import require_tool

ARTICLE = """Pemkab Bantul Gelar Musrenbang Tingkat Kapanewon

Pemerintah Kabupaten Bantul menggelar Musyawarah Perencanaan Pembangunan tingkat \
kapanewon di Balai Kapanewon Sewon pada Senin, 3 Maret 2025. Kegiatan yang dimulai \
pukul 09.00 WIB itu dihadiri panewu, lurah, perwakilan OPD, tokoh masyarakat, dan \
kelompok perempuan dari seluruh kalurahan.

Dalam sambutannya, Wakil Bupati menyampaikan bahwa usulan warga harus disusun \
berdasarkan kebutuhan yang paling mendesak. Pembangunan jalan lingkungan, saluran \
irigasi, dan layanan kesehatan dasar masih menjadi prioritas utama masyarakat.

Tahun ini pemerintah daerah menyiapkan anggaran sebesar Rp 12,5 miliar untuk \
mendukung program pemberdayaan ekonomi, termasuk pelatihan bagi pelaku UMKM dan \
penguatan BUMDes. Warga juga diminta aktif mengawasi pelaksanaan kegiatan agar dana \
digunakan secara tepat sasaran.

Hasil musyawarah akan dibawa ke forum perangkat daerah pada akhir bulan. Pemerintah \
berharap seluruh usulan dapat ditindaklanjuti dalam rencana kerja tahun depan. Panewu \
Sewon menambahkan bahwa setiap kalurahan wajib mengumumkan hasil musyawarah di papan \
informasi dan laman resmi agar warga dapat ikut memantau."""


@pytest.fixture(scope="module")
def tools() -> None:
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")


@pytest.fixture(scope="module")
def spoken_article(tools: None, tmp_path_factory: pytest.TempPathFactory) -> AudioInfo:
    out = tmp_path_factory.mktemp("audio") / "article.mp3"
    return EspeakNgBackend().synthesize(ARTICLE, out)


def test_synthesis_writes_an_mp3(spoken_article: AudioInfo) -> None:
    assert spoken_article.path.is_file()
    assert spoken_article.mime_type == "audio/mpeg"
    assert spoken_article.size_bytes == spoken_article.path.stat().st_size > 10_000
    head = spoken_article.path.read_bytes()[:4]
    assert head[:3] == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def test_duration_is_plausible_for_the_word_count(spoken_article: AudioInfo) -> None:
    words = len(normalize(ARTICLE).split())
    words_per_minute = words / (spoken_article.duration_seconds / 60)
    # Indonesian speech runs at about 120-200 words a minute; espeak-ng's rate is in
    # English words, and Indonesian words are longer, so the band is generous.
    assert 70 <= words_per_minute <= 230, (words, spoken_article.duration_seconds)


def test_bitrate_is_speech_sized(spoken_article: AudioInfo) -> None:
    kbps = spoken_article.size_bytes * 8 / spoken_article.duration_seconds / 1000
    assert 30 <= kbps <= 70


def test_chunked_synthesis_keeps_everything_in_order(
    tools: None, spoken_article: AudioInfo, tmp_path: Path
) -> None:
    backend = EspeakNgBackend(max_chunk_chars=300, paragraph_pause=0.5)
    chunks = split_for_speech(normalize(ARTICLE), 300)
    assert len(chunks) >= 4
    info = backend.synthesize(ARTICLE, tmp_path / "chunked.mp3")
    # Same speech plus one pause per extra chunk, give or take sentence-end pauses.
    extra = info.duration_seconds - spoken_article.duration_seconds
    assert -2.0 <= extra <= 0.5 * len(chunks) + 2.0


def test_mp3_duration_reads_a_known_length(tools: None, tmp_path: Path) -> None:
    wav = tmp_path / "tone.wav"
    rate, seconds = 22050, 3.0
    with wave.open(str(wav), "wb") as sink:
        sink.setnchannels(1)
        sink.setsampwidth(2)
        sink.setframerate(rate)
        frames = (
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
            for i in range(int(rate * seconds))
        )
        sink.writeframes(b"".join(frames))
    mp3 = tmp_path / "tone.mp3"
    subprocess.run(["lame", "--quiet", "-m", "m", "-V", "9", str(wav), str(mp3)], check=True)
    assert mp3_duration(mp3) == pytest.approx(seconds, abs=0.03)


def test_missing_espeak_names_the_debian_package(tmp_path: Path) -> None:
    backend = EspeakNgBackend(espeak_binary="espeak-ng-not-installed-here")
    assert not backend.available()
    with pytest.raises(SpeechUnavailable) as caught:
        backend.synthesize("Selamat pagi.", tmp_path / "x.mp3")
    assert caught.value.debian_package == "espeak-ng"
    assert "apt-get install -y espeak-ng" in str(caught.value)
    assert not (tmp_path / "x.mp3").exists()


def test_missing_lame_names_the_debian_package(tmp_path: Path) -> None:
    require_tool("espeak-ng", "espeak-ng")
    backend = EspeakNgBackend(lame_binary="lame-not-installed-here")
    with pytest.raises(SpeechUnavailable) as caught:
        backend.synthesize("Selamat pagi.", tmp_path / "x.mp3")
    assert caught.value.debian_package == "lame"


def test_a_failing_tool_reports_its_stderr(tools: None, tmp_path: Path) -> None:
    backend = EspeakNgBackend(voice="xx-no-such-voice")
    with pytest.raises(SpeechFailed) as caught:
        backend.synthesize("Selamat pagi.", tmp_path / "x.mp3")
    assert "voice" in caught.value.stderr.lower()


def test_empty_text_is_refused(tools: None, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Nothing to speak: the text is empty."):
        EspeakNgBackend().synthesize(" \n ", tmp_path / "x.mp3")


def test_split_for_speech_keeps_reading_order() -> None:
    text = "Judul Berita\n\n" + "\n\n".join(f"Paragraf nomor {i} selesai." for i in range(30))
    chunks = split_for_speech(text, 120)
    assert all(len(chunk) <= 120 for chunk in chunks)
    joined = " ".join(" ".join(chunks).split())
    assert joined.startswith("Judul Berita. Paragraf nomor 0 selesai.")
    positions = [joined.index(f"nomor {i} ") for i in range(30)]
    assert positions == sorted(positions)


def test_split_for_speech_cuts_an_overlong_paragraph_at_sentences() -> None:
    paragraph = " ".join(f"Kalimat ke-{i} tentang pembangunan desa." for i in range(40))
    chunks = split_for_speech(paragraph, 200)
    assert all(len(chunk) <= 200 for chunk in chunks)
    assert all(chunk.endswith(".") for chunk in chunks)
    assert " ".join(chunks) == paragraph


class RecordingBackend:
    """A plug-in backend as an operator might write one (used through get_backend)."""

    name = "recording"

    def __init__(self, label: str = "default") -> None:
        self.label = label

    def available(self) -> bool:
        return True

    def synthesize(self, text: str, out_path: Path) -> AudioInfo:
        out_path.write_bytes(text.encode())
        return AudioInfo(out_path, "text/plain", 1.0, out_path.stat().st_size)


def test_get_backend_default_is_espeak() -> None:
    backend = get_backend(None)
    assert isinstance(backend, EspeakNgBackend)
    assert isinstance(backend, SpeechBackend)
    assert backend.name == "espeak-ng"


def test_get_backend_loads_a_dotted_path_with_options() -> None:
    backend = get_backend("accessibility.speech.backends.EspeakNgBackend", rate=150)
    assert isinstance(backend, EspeakNgBackend)
    assert backend.rate == 150
    plugin = get_backend("tests.test_speech_backend:RecordingBackend", label="x")
    assert isinstance(plugin, RecordingBackend)
    assert plugin.label == "x"


def test_get_backend_rejects_bad_paths() -> None:
    with pytest.raises(ImportError):
        get_backend("accessibility.speech.no_such_module.Engine")
    with pytest.raises(ImportError):
        get_backend("accessibility.speech.backends.NoSuchEngine")
    with pytest.raises(TypeError):
        get_backend("pathlib.PurePosixPath")


def test_require_tool_skips_normally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y no-such-package"):
        require_tool("no-such-binary-for-tests", "no-such-package")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-package"):
        require_tool("no-such-binary-for-tests", "no-such-package")
    assert require_tool(sys.executable, "python3") == sys.executable
