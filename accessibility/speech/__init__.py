"""Audio versions of articles: Indonesian text normalisation and TTS backends."""

from .backends import (
    AudioInfo,
    EspeakNgBackend,
    SpeechBackend,
    SpeechError,
    SpeechFailed,
    SpeechUnavailable,
    get_backend,
)
from .normalize import normalize

__all__ = [
    "AudioInfo",
    "EspeakNgBackend",
    "SpeechBackend",
    "SpeechError",
    "SpeechFailed",
    "SpeechUnavailable",
    "get_backend",
    "normalize",
]
