"""Checks for the Debian tools the accessibility features and their tests rely on."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(binary: str, debian_package: str) -> str:
    """Return the tool's path; skip the test if it is missing, but fail when ``CI=true``."""
    path = shutil.which(binary)
    if path:
        return path
    message = f"'{binary}' is not installed: apt-get install {debian_package}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
    return ""
