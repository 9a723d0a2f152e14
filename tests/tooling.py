"""Test helpers for the external programs and libraries that tests need (Chromium, Liblouis…).

Outside CI a missing tool skips the test with a message naming the Debian package
to install. With ``CI=true`` in the environment the same situation fails the
test: CI must have every tool, and a silently skipped accessibility test would
hide a broken install step.
"""

from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path

import pytest

__all__ = ["in_ci", "require_library", "require_path", "require_tool"]


def in_ci() -> bool:
    """Whether the environment says this is a CI run (``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() == "true"


def _missing(message: str) -> None:
    if in_ci():
        pytest.fail(f"{message} (CI=true: a missing tool fails instead of skipping)", pytrace=False)
    pytest.skip(message)


def require_tool(binary: str, debian_package: str) -> str:
    """The path of ``binary``; skip the calling test (fail under CI) when it is absent."""
    path = shutil.which(binary)
    if path is None:
        _missing(
            f"'{binary}' is not installed: apt-get install -y {debian_package} "
            f"(Debian package '{debian_package}')"
        )
    return path or ""


def require_library(soname: str, debian_package: str) -> None:
    """Skip the calling test (fail under CI) when the shared library cannot be loaded."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        _missing(
            f"the library '{soname}' is not installed: apt-get install -y {debian_package} "
            f"(Debian package '{debian_package}')"
        )


def require_path(path: str | Path, debian_package: str) -> Path:
    """``path`` (a data file a package installs); skip (fail under CI) when it is absent."""
    path = Path(path)
    if not path.exists():
        _missing(
            f"'{path}' does not exist: apt-get install -y {debian_package} "
            f"(Debian package '{debian_package}')"
        )
    return path
