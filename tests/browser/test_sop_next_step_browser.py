""" "Menunggu Anda" on an approver's phone (390 px): first on the dashboard, no sideways
scrolling, links large enough to tap, and the way to "Panduan SOP saya"."""

import pytest

from tests.browser.support import log_in, screenshot, site_url
from tests.sop_helpers import as_user, create_with_sop, draft, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE_390 = {"width": 390, "height": 844}


def test_the_panewu_sees_what_waits_first_on_a_phone_and_opens_the_guide(
    live_server, chromium, client
):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul, title="Kerja bakti Padukuhan Karang membersihkan saluran irigasi")
    submit(as_user(client, bantul.user("pengelola_website")), page)

    context = chromium.new_context(viewport=PHONE_390, locale="id-ID")
    tab = context.new_page()
    log_in(tab, live_server, bantul, bantul.user("panewu"))

    first_panel = tab.locator(".w-panel--dashboard").first
    assert first_panel.get_attribute("id").startswith("sop-waiting")
    assert first_panel.get_by_role("heading", name="Menunggu Anda").is_visible()
    task = first_panel.get_by_role("link", name="Kerja bakti Padukuhan Karang", exact=False)
    assert task.is_visible()
    assert first_panel.get_by_text("Kelengkapan: Materi berita").is_visible()
    assert first_panel.get_by_text("waktu kerja").first.is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE_390["width"]
    for link in first_panel.locator("a.sop-tap").all():
        assert link.bounding_box()["height"] >= 44, link.inner_text()
    screenshot(tab, "sop-next-step-1-dashboard-phone")

    with tab.expect_navigation():
        first_panel.get_by_role("link", name="Panduan SOP saya", exact=False).click()
    assert tab.url == site_url(live_server, bantul.hostname, "/admin/sop/guide/")
    assert tab.get_by_role("heading", name="Panduan SOP saya").is_visible()
    assert tab.get_by_text("Peran Anda: Panewu").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE_390["width"]
    screenshot(tab, "sop-next-step-2-guide-phone")
    context.close()
