"""Text-to-speech backends: a small interface and the default espeak-ng engine.

A backend turns (already written) article text into one audio file. The default,
:class:`EspeakNgBackend`, normalises Indonesian text (numbers, dates, abbreviations;
see :mod:`accessibility.speech.normalize`), speaks it with espeak-ng's ``id`` voice
and encodes it as MP3 with ``lame``. Other engines plug in through
:func:`get_backend` with a dotted path taken from a setting.
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from .normalize import normalize

__all__ = [
    "AudioInfo",
    "EspeakNgBackend",
    "SpeechBackend",
    "SpeechError",
    "SpeechFailed",
    "SpeechUnavailable",
    "get_backend",
    "mp3_duration",
]


class SpeechError(Exception):
    """Base class of the errors raised by speech backends."""


class SpeechUnavailable(SpeechError):
    """A program the backend needs is not installed."""

    def __init__(self, binary: str, debian_package: str) -> None:
        self.binary = binary
        self.debian_package = debian_package
        super().__init__(
            f"'{binary}' was not found on PATH; install the Debian package "
            f"'{debian_package}' (apt-get install -y {debian_package})."
        )


class SpeechFailed(SpeechError):
    """A program of the backend ran but failed; ``stderr`` says why."""

    def __init__(self, command: list[str], returncode: int | None, stderr: str) -> None:
        self.command = command
        self.returncode = returncode
        self.stderr = stderr
        super().__init__(
            f"{Path(command[0]).name} failed (exit status {returncode}): "
            f"{stderr.strip() or 'no error output'}"
        )


@dataclass(frozen=True)
class AudioInfo:
    """The audio file a backend wrote."""

    path: Path
    mime_type: str
    duration_seconds: float
    size_bytes: int


@runtime_checkable
class SpeechBackend(Protocol):
    """What the accessibility jobs need from a text-to-speech engine."""

    name: str

    def synthesize(self, text: str, out_path: Path) -> AudioInfo:
        """Speak ``text`` into ``out_path`` and describe the file written."""
        ...

    def available(self) -> bool:
        """Whether the engine can run on this machine now."""
        ...


class EspeakNgBackend:
    """espeak-ng (voice ``id``) to WAV, then ``lame`` to MP3.

    Why MP3 and not Ogg Opus: Opus is smaller at equal quality, but MP3 plays
    everywhere the audience of a kabupaten or desa website listens: Safari on
    iPhones has long lacked (and on older iOS versions still lacks) Ogg Opus
    playback, and MP3 is what low-end Android phones, the download-and-forward-on-
    WhatsApp path, podcast apps and screen-reader users' download managers all
    accept. ``lame`` is a small Debian package (``opus-tools`` is not installed
    here either). Encoding is mono VBR ``-V 9`` at espeak-ng's 22.05 kHz, about
    48-52 kbit/s: clear for synthetic speech, ~0.4 MB a minute.

    ``rate`` is espeak-ng's ``-s`` (approximate *English* words per minute);
    Indonesian words are longer, and 175 measures about 120-130 Indonesian words a
    minute on news text, a calm newsreader's pace.

    espeak-ng has no hard input limit, but long articles are spoken in chunks of
    whole paragraphs (split further at sentence ends when one paragraph is very
    long) so memory stays flat and a failure names the chunk; the chunks are
    joined in reading order with a short pause between paragraphs.
    """

    name = "espeak-ng"
    mime_type = "audio/mpeg"
    suffix = ".mp3"

    def __init__(
        self,
        voice: str = "id",
        rate: int = 175,
        *,
        pitch: int = 50,
        espeak_binary: str = "espeak-ng",
        lame_binary: str = "lame",
        normalize_text: bool = True,
        max_chunk_chars: int = 4000,
        paragraph_pause: float = 0.5,
        timeout: float = 600.0,
    ) -> None:
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self.espeak_binary = espeak_binary
        self.lame_binary = lame_binary
        self.normalize_text = normalize_text
        self.max_chunk_chars = max_chunk_chars
        self.paragraph_pause = paragraph_pause
        self.timeout = timeout

    # --- public API -------------------------------------------------------------
    def available(self) -> bool:
        return all(shutil.which(b) for b in (self.espeak_binary, self.lame_binary))

    def synthesize(self, text: str, out_path: Path) -> AudioInfo:
        out_path = Path(out_path)
        espeak = self._require(self.espeak_binary, "espeak-ng")
        lame = self._require(self.lame_binary, "lame")
        spoken = normalize(text) if self.normalize_text else text
        chunks = split_for_speech(spoken, self.max_chunk_chars)
        if not chunks:
            raise ValueError("Nothing to speak: the text is empty.")
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="tts-") as tmp:
            tmpdir = Path(tmp)
            wavs = []
            for i, chunk in enumerate(chunks):
                wav = tmpdir / f"chunk-{i:04d}.wav"
                self._speak(espeak, chunk, wav)
                wavs.append(wav)
            joined = tmpdir / "speech.wav"
            _join_wavs(wavs, joined, self.paragraph_pause)
            encoded = tmpdir / ("speech" + self.suffix)
            self._run([lame, "--quiet", "-m", "m", "-V", "9", str(joined), str(encoded)])
            duration = mp3_duration(encoded)
            if duration <= 0:
                raise SpeechFailed([lame], 0, "the encoded file has no audio frames")
            shutil.move(encoded, out_path)
        return AudioInfo(
            path=out_path,
            mime_type=self.mime_type,
            duration_seconds=duration,
            size_bytes=out_path.stat().st_size,
        )

    # --- helpers ----------------------------------------------------------------
    @staticmethod
    def _require(binary: str, debian_package: str) -> str:
        found = shutil.which(binary)
        if not found:
            raise SpeechUnavailable(binary, debian_package)
        return found

    def _speak(self, espeak: str, text: str, wav: Path) -> None:
        command = [espeak, "-v", self.voice, "-s", str(self.rate), "-p", str(self.pitch)]
        command += ["-b", "1", "-w", str(wav), "--stdin"]
        self._run(command, stdin=text)
        if not wav.exists() or wav.stat().st_size <= 44:
            raise SpeechFailed(command, 0, f"espeak-ng wrote no audio for: {text[:80]!r}")

    def _run(self, command: list[str], stdin: str | None = None) -> None:
        try:
            done = subprocess.run(
                command,
                input=stdin.encode("utf-8") if stdin is not None else None,
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise SpeechFailed(command, None, f"timed out after {self.timeout} s") from exc
        stderr = done.stderr.decode("utf-8", "replace")
        # espeak-ng exits 0 for some errors but always reports them on stderr.
        if done.returncode != 0 or re.search(r"^Error:", stderr, re.M):
            raise SpeechFailed(command, done.returncode, stderr)


def split_for_speech(text: str, max_chars: int = 4000) -> list[str]:
    """Group paragraphs into chunks of at most ``max_chars``, in reading order.

    Every paragraph ends with sentence punctuation, so that a heading is not run
    into the paragraph after it. A paragraph longer than ``max_chars`` is split
    at sentence ends (or, failing that, at spaces).
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text)]
    pieces: list[str] = []
    for para in filter(None, paragraphs):
        if para[-1] not in ".!?;:":
            para += "."
        if len(para) <= max_chars:
            pieces.append(para)
            continue
        current = ""
        for sentence in re.split(r"(?<=[.!?])\s+", para):
            while len(sentence) > max_chars:
                cut = sentence.rfind(" ", 0, max_chars)
                cut = cut if cut > 0 else max_chars
                pieces.append(sentence[:cut].strip())
                sentence = sentence[cut:].strip()
            if current and len(current) + 1 + len(sentence) > max_chars:
                pieces.append(current)
                current = ""
            current = f"{current} {sentence}".strip()
        if current:
            pieces.append(current)
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + 2 + len(piece) <= max_chars:
            chunks[-1] += "\n\n" + piece
        else:
            chunks.append(piece)
    return chunks


def _join_wavs(parts: list[Path], out: Path, pause: float) -> None:
    """Concatenate WAV files of identical format with ``pause`` seconds between."""
    with wave.open(str(parts[0]), "rb") as first:
        params = first.getparams()
    silence = b"\x00" * (int(params.framerate * pause) * params.sampwidth * params.nchannels)
    with wave.open(str(out), "wb") as sink:
        sink.setparams(params)
        for i, part in enumerate(parts):
            with wave.open(str(part), "rb") as source:
                if source.getparams()[:3] != params[:3]:
                    raise SpeechFailed(["espeak-ng"], 0, "chunks differ in audio format")
                if i:
                    sink.writeframes(silence)
                sink.writeframes(source.readframes(source.getnframes()))


# --- MP3 duration (pure Python, no decoder needed) ----------------------------------
_BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1 L3
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2/2.5 L3
}
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def mp3_duration(path: Path) -> float:
    """Seconds of audio in an MPEG Layer III file, from its frame headers.

    Counts every audio frame, skips an ID3v2 tag and the Xing/Info frame and
    subtracts the encoder delay and padding recorded in a LAME tag.
    """
    data = Path(path).read_bytes()
    pos = 0
    if data[:3] == b"ID3" and len(data) >= 10:
        size = 0
        for b in data[6:10]:
            size = (size << 7) | (b & 0x7F)
        pos = 10 + size
    frames = 0
    samples_per_frame = sample_rate = 0
    delay = padding = 0
    first = True
    while pos + 4 <= len(data):
        h = int.from_bytes(data[pos : pos + 4], "big")
        version_bits = (h >> 19) & 3
        if (h >> 21) != 0x7FF or version_bits == 1 or ((h >> 17) & 3) != 1:
            if first:
                pos += 1  # resynchronise (junk before the first frame)
                continue
            break
        bitrate_index = (h >> 12) & 0xF
        rate_index = (h >> 10) & 3
        if bitrate_index in (0, 15) or rate_index == 3:
            if first:
                pos += 1
                continue
            break
        mpeg1 = version_bits == 3
        bitrate = _BITRATES[1 if mpeg1 else 2][bitrate_index] * 1000
        sample_rate = _SAMPLE_RATES[version_bits][rate_index]
        samples_per_frame = 1152 if mpeg1 else 576
        length = (144 if mpeg1 else 72) * bitrate // sample_rate + ((h >> 9) & 1)
        frame = data[pos : pos + length]
        if first:
            first = False
            tag = max(frame.find(b"Xing"), frame.find(b"Info"))
            if tag >= 0:
                delay, padding = _lame_delay(frame, tag)
                pos += length
                continue
        frames += 1
        pos += length
    if not frames or not sample_rate:
        return 0.0
    return max(frames * samples_per_frame - delay - padding, 0) / sample_rate


def _lame_delay(frame: bytes, tag: int) -> tuple[int, int]:
    flags = int.from_bytes(frame[tag + 4 : tag + 8], "big")
    offset = tag + 8 + 4 * bool(flags & 1) + 4 * bool(flags & 2) + 100 * bool(flags & 4)
    offset += 4 * bool(flags & 8)
    if frame[offset : offset + 4] != b"LAME" or len(frame) < offset + 24:
        return 0, 0
    packed = int.from_bytes(frame[offset + 21 : offset + 24], "big")
    return packed >> 12, packed & 0xFFF


# --- plugging another engine ------------------------------------------------------
def get_backend(dotted_path: str | None = None, **options: object) -> SpeechBackend:
    """The backend named by ``dotted_path`` ("package.module.Name" or "package.module:Name").

    ``None`` or "" gives :class:`EspeakNgBackend`. ``Name`` may be a class or a
    factory (called with ``options``) or a ready instance. Raises ``ImportError``
    when the path does not resolve and ``TypeError`` when the object is not a
    :class:`SpeechBackend`.
    """
    if not dotted_path:
        return EspeakNgBackend(**options)  # type: ignore[arg-type]
    module_name, sep, attr = dotted_path.partition(":")
    if not sep:
        module_name, _, attr = dotted_path.rpartition(".")
    if not module_name or not attr:
        raise ImportError(f"Speech backend path {dotted_path!r} is not 'module.Name'.")
    try:
        target = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ImportError(f"Cannot import speech backend {dotted_path!r}: {exc}") from exc
    backend = target(**options) if callable(target) else target
    if not isinstance(backend, SpeechBackend):
        raise TypeError(
            f"{dotted_path!r} gave {type(backend).__name__}, which lacks name, "
            "synthesize(text, out_path) and available()."
        )
    return backend
