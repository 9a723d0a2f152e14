"""An editor writes a news draft in the Indonesian admin, in real Chromium."""

import pytest

from home.models import NewsPage
from tests.browser.support import PHONE, log_in, screenshot, site_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_editor_saves_a_news_draft_through_the_admin(live_server, browser_page, bantul):
    editor = bantul.user("penulis", username="penulis-bantul")
    log_in(browser_page, live_server, bantul, editor)

    browser_page.goto(
        site_url(
            live_server, bantul.hostname, f"/admin/pages/add/home/newspage/{bantul.news_index.pk}/"
        )
    )
    browser_page.locator("#id_title").fill("Kerja bakti membersihkan saluran irigasi")
    browser_page.locator("#id_lead").fill("Warga RT 03 membersihkan saluran irigasi.")
    screenshot(browser_page, "admin-news-editor")
    browser_page.get_by_role("button", name="Simpan draf").click()
    browser_page.wait_for_url("**/edit/")

    page = NewsPage.objects.get(title="Kerja bakti membersihkan saluran irigasi")
    assert not page.live
    assert page.owner == editor
    assert page.get_parent().pk == bantul.news_index.pk
    assert browser_page.get_by_text("telah dibuat").first.is_visible()


def test_admin_dashboard_is_usable_on_a_phone(live_server, browser_page, bantul):
    browser_page.set_viewport_size(PHONE)
    log_in(browser_page, live_server, bantul, bantul.user("penyetuju"))
    screenshot(browser_page, "admin-dashboard-phone")

    width = browser_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
