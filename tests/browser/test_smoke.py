"""A reader on a phone and a desktop, and an editor logging in, in real Chromium."""

import pytest

from tests.browser.support import DESKTOP, PHONE, screenshot, site_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def bantul_with_news(bantul):
    image = bantul.image(title="Musrenbang", description="Peserta musyawarah di pendopo kapanewon")
    news = bantul.news(
        "Musrenbang Kapanewon Bantul menyepakati 24 usulan",
        lead="Musyawarah perencanaan pembangunan menyepakati 24 usulan prioritas untuk 2026.",
        share_image=image,
        share_image_alt="Peserta musyawarah di pendopo kapanewon",
    )
    return bantul, news


@pytest.mark.parametrize("viewport_name", ["phone", "desktop"])
def test_home_fits_the_viewport_and_shows_the_institution(
    live_server, browser_page, bantul_with_news, viewport_name
):
    bantul, news = bantul_with_news
    viewport = PHONE if viewport_name == "phone" else DESKTOP
    browser_page.set_viewport_size(viewport)

    browser_page.goto(site_url(live_server, bantul.hostname))
    screenshot(browser_page, f"home-{viewport_name}")

    assert browser_page.locator("h1").inner_text() == "Kapanewon Bantul"
    assert browser_page.get_by_role("link", name=news.title).is_visible()
    scroll_width = browser_page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= viewport["width"]  # no horizontal scrolling


def test_news_page_opens_from_the_home_page(live_server, browser_page, bantul_with_news):
    bantul, news = bantul_with_news
    browser_page.goto(site_url(live_server, bantul.hostname))

    with browser_page.expect_navigation():
        browser_page.get_by_role("link", name=news.title).first.click()
    screenshot(browser_page, "news-page")

    assert browser_page.locator("h1").inner_text() == news.title
    hero = browser_page.locator(".article__hero img")
    assert hero.get_attribute("alt") == "Peserta musyawarah di pendopo kapanewon"
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")


def test_skip_link_is_the_first_keyboard_stop(live_server, browser_page, bantul_with_news):
    bantul, _ = bantul_with_news
    browser_page.goto(site_url(live_server, bantul.hostname))

    browser_page.keyboard.press("Tab")

    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Langsung ke konten utama"


def test_editor_logs_in_to_the_indonesian_admin(live_server, browser_page, bantul_with_news):
    bantul, _ = bantul_with_news
    editor = bantul.user("penulis", username="penulis-bantul")
    browser_page.goto(site_url(live_server, bantul.hostname, "/admin/login/"))

    browser_page.get_by_label("Nama pengguna").fill(editor.username)
    browser_page.get_by_label("Kata sandi").fill("rahasia-uji-123")
    browser_page.get_by_role("button", name="Masuk").click()
    browser_page.wait_for_url("**/admin/")
    screenshot(browser_page, "admin-dashboard-editor")

    assert "Dasbor" in browser_page.title()
    assert browser_page.get_by_text("Kapanewon Bantul").first.is_visible()
