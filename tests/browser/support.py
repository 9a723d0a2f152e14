"""Helpers of the browser tests: where Chromium is, viewports, screenshots, URLs, logging in.

The ``chromium`` and ``browser_page`` fixtures are in :mod:`tests.fixtures.browser`.
"""

from __future__ import annotations

import os
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1366, "height": 900}


def screenshot(page, name: str) -> Path:
    """Keep a full-page screenshot as a test artefact and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def site_url(live_server, hostname: str, path: str = "/") -> str:
    """The live server's URL of ``path`` on the institution host ``hostname``."""
    port = live_server.url.rsplit(":", 1)[1]
    return f"http://{hostname}:{port}{path}"


def log_in(page, live_server, institution, user, password: str = "rahasia-uji-123") -> None:
    """Log ``user`` in through the Indonesian admin login form of the institution's host,
    then — for a role that must have two-factor sign-in — through the code step, with a code
    of the user's authenticator app (set up for the user if needed)."""
    from home.security.policy import requires_second_factor
    from tests.signin import authenticator, totp_code

    device = authenticator(user) if requires_second_factor(user) else None
    page.goto(site_url(live_server, institution.hostname, "/admin/login/"))
    page.get_by_label("Nama pengguna").fill(user.username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    if device is not None:
        page.wait_for_url("**/admin/signin/verify/**")
        page.get_by_role("textbox", name="Kode").fill(totp_code(device))
        page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_url("**/admin/")
