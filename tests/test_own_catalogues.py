"""Every string of our own apps has an Indonesian translation, and the catalogues are valid."""

import subprocess
from pathlib import Path

import pytest

from tests.tooling import require_tool

ROOT = Path(__file__).resolve().parents[1]
APPS = ["cms", "home", "home/security", "sop_workflow", "social_publish", "accessibility"]
CATALOGUES = [
    ROOT / app / "locale/id/LC_MESSAGES/django.po"
    for app in APPS
    if (ROOT / app / "locale/id/LC_MESSAGES/django.po").exists()
]


def test_our_apps_ship_indonesian_catalogues():
    assert {path.parts[-5] for path in CATALOGUES} >= {"cms", "home"}


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_is_complete_and_valid(catalogue):
    require_tool("msgattrib", "gettext")
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(catalogue)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(catalogue)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalogue)])

    assert untranslated.count("msgid ") <= 1, untranslated  # only the header may remain
    assert fuzzy == ""
    assert check.returncode == 0
