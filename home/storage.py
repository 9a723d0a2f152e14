"""Stored files through Django's storage API only, so that any machine can read them.

Media and everything generated (renditions, audio, braille, social upload sources) live in
``STORAGES["default"]``: the local filesystem (``MEDIA_ROOT``) by default, an S3-compatible
bucket shared by every web process and worker when ``S3_BUCKET`` is set (see
``cms/settings/base.py``). No code reads a stored file's ``.path``; a program that needs a
file on disk (a command-line tool) gets a temporary copy from :func:`local_copy`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO
from urllib.parse import unquote, urljoin, urlsplit

from django.core.files.storage import Storage, default_storage

COPY_CHUNK_BYTES = 1024 * 1024
# A name no stored file has: its URL shows where the storage's URLs start.
_PROBE = "__storage-url-probe__"


def open_stored(name: str, storage: Storage | None = None) -> IO[bytes]:
    """A new binary handle on the stored file ``name`` (the caller closes it)."""
    return (storage or default_storage).open(name, "rb")


@contextmanager
def local_copy(fieldfile, suffix: str | None = None) -> Iterator[Path]:
    """A temporary file on this machine with the content of ``fieldfile``; removed afterwards.

    ``fieldfile`` is a ``FieldFile`` (or anything with ``.name`` and ``.storage``). The copy
    keeps the file's extension unless ``suffix`` is given, for programs that look at it.
    """
    suffix = PurePosixPath(fieldfile.name).suffix if suffix is None else suffix
    with tempfile.TemporaryDirectory(prefix="stored-copy-") as directory:
        target = Path(directory) / f"copy{suffix}"
        with open_stored(fieldfile.name, fieldfile.storage) as source, target.open("wb") as sink:
            shutil.copyfileobj(source, sink, COPY_CHUNK_BYTES)
        yield target


def name_from_url(url: str, base_url: str, storage: Storage | None = None) -> str | None:
    """The stored name that ``url`` points at in ``storage``, or ``None`` for any other URL.

    ``url`` may be relative to ``base_url`` (``/media/x.png``) or absolute (the bucket's or
    custom domain's address). Names that climb out of the storage (``..``) are refused.
    """
    storage = storage or default_storage
    probe = urlsplit(urljoin(base_url, storage.url(_PROBE)))
    prefix = probe.path.removesuffix(_PROBE)
    parts = urlsplit(urljoin(base_url, url))
    if (parts.scheme, parts.netloc) != (probe.scheme, probe.netloc):
        return None
    if not prefix or not parts.path.startswith(prefix):
        return None
    name = unquote(parts.path.removeprefix(prefix))
    if not name or ".." in PurePosixPath(name).parts or name.startswith("/"):
        return None
    return name
