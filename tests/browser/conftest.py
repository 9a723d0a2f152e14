"""Playwright driving Debian's Chromium (never a downloaded browser) against a live server."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from accessibility.tooling import require_tool

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


@pytest.fixture(scope="session")
def chromium():
    require_tool(Path(CHROMIUM).name if shutil.which(CHROMIUM) else CHROMIUM, "chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
    # around it are synchronous and safe. Only set while browser tests run.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _launch(sync_playwright)
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _launch(sync_playwright):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh browser context per test (own cookies), desktop-sized, Indonesian locale."""
    context = chromium.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Keep a full-page screenshot as a test artefact and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def site_url(live_server, hostname: str, path: str = "/") -> str:
    port = live_server.url.rsplit(":", 1)[1]
    return f"http://{hostname}:{port}{path}"


def log_in(page, live_server, institution, user, password: str = "rahasia-uji-123") -> None:
    """Log ``user`` in through the Indonesian admin login form of the institution's host."""
    page.goto(site_url(live_server, institution.hostname, "/admin/login/"))
    page.get_by_label("Nama pengguna").fill(user.username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/admin/")
