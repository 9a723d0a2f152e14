"""The toolbar's "listen" and "braille" shortcuts in Chromium: only where they lead somewhere."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import site_url
from tests.browser.test_accessibility_site import build_site, media_urls  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_shortcuts_are_hidden_on_a_page_without_an_article(live_server, browser_page, bantul):
    browser_page.goto(site_url(live_server, bantul.hostname, "/"))
    toolbar = browser_page.get_by_role("region", name="Pengaturan aksesibilitas")
    expect(toolbar.get_by_role("button", name="Aksesibilitas")).to_be_visible()

    expect(toolbar.get_by_text("Dengarkan artikel ini")).to_be_hidden()
    expect(toolbar.get_by_text("Versi braille")).to_be_hidden()


def test_shortcuts_on_an_article_download_its_audio_and_braille(
    live_server,
    browser_page,
    bantul,
    media_urls,  # noqa: F811
):
    news = build_site(bantul)
    browser_page.goto(site_url(live_server, bantul.hostname, news.get_url_parts()[2]))
    toolbar = browser_page.get_by_role("region", name="Pengaturan aksesibilitas")
    listen = toolbar.get_by_role("link", name="Dengarkan artikel ini")
    braille = toolbar.get_by_role("link", name="Versi braille")
    expect(listen).to_be_visible()
    expect(braille).to_be_visible()

    with browser_page.expect_download() as audio:
        listen.click()
    with browser_page.expect_download() as brf:
        braille.click()

    assert audio.value.suggested_filename.endswith(".mp3")
    assert brf.value.suggested_filename.endswith(".brf")
    head = audio.value.path().read_bytes()[:4]
    assert head[:3] == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    assert brf.value.path().read_text(encoding="ascii").strip()
