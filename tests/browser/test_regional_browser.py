"""Many institutions in a real Chromium, on a phone (390 wide) and a desktop, with the demo:
the portal lists the institutions by region, an institution's home, Kabupaten Bantul's roll-up
read by its oversight user, and the articles offered to Kapanewon Bantul on its dashboard,
adopted as its own draft. Screenshots are kept under ``test-artifacts/screenshots/``."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site

from home.models import NewsPage, PortalPage
from tests.browser.support import DESKTOP, log_in, screenshot, site_url
from tests.institutions import Institution, ensure_wagtail_roots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PASSWORD = "demo-sop-2026"
OFFERED = "Pemkab Bantul Umumkan Jadwal Perekaman KTP-el Keliling di Kapanewon"


def ensure_portal() -> None:
    """The default site's portal page (a data migration makes it; a flush removes it)."""
    if PortalPage.objects.exists():
        return
    portal = Page.get_first_root_node().add_child(
        instance=PortalPage(
            title="Portal Publikasi Instansi",
            slug="portal",
            intro="Situs web instansi pemerintah yang dikelola pada platform ini.",
        )
    )
    portal.save_revision().publish()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=portal,
        is_default_site=True,
        site_name="Portal Publikasi Instansi",
    )


def fits(tab, viewport) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.fixture
def demo(live_server):
    ensure_wagtail_roots()  # an earlier transactional test may have flushed Wagtail's roots
    ensure_portal()
    call_command("seed_demo", "--allow-without-debug", stdout=io.StringIO())
    return {
        key: Institution(Site.objects.get(hostname=f"{key}.localhost"))
        for key in ("bantul", "bantulkab", "dpmk")
    }


@pytest.mark.parametrize(("size", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_portal_home_rollup_and_offered_articles(live_server, chromium, demo, size, viewport):
    users = get_user_model().objects
    context = chromium.new_context(viewport=viewport, locale="id-ID")
    try:
        tab = context.new_page()
        tab.goto(site_url(live_server, "localhost", "/"))
        text = tab.locator("main").inner_text()
        assert "Kapanewon Bantul" in text
        assert "Pemerintah Kabupaten Bantul" in text
        screenshot(tab, f"regional-1-portal-{size}")
        assert fits(tab, viewport)

        tab.goto(site_url(live_server, "bantul.localhost", "/"))
        assert "Kapanewon Bantul" in tab.locator("header").first.inner_text()
        screenshot(tab, f"regional-2-institution-home-{size}")
        assert fits(tab, viewport)
    finally:
        context.close()

    context = chromium.new_context(viewport=viewport, locale="id-ID")
    try:
        tab = context.new_page()
        pengawas = users.get(username="bantulkab.pengawas")
        log_in(tab, live_server, demo["bantulkab"], pengawas, PASSWORD)
        tab.goto(site_url(live_server, "bantulkab.localhost", reverse("oversight:rollup")))
        rows = tab.locator("table.listing tbody tr")
        names = " ".join(rows.all_inner_texts())
        assert rows.count() == 2, names
        assert "Kapanewon Bantul" in names
        assert "Dinas Pemberdayaan Masyarakat dan Kalurahan" in names
        assert "Bunder" not in names
        screenshot(tab, f"regional-3-rollup-{size}")
    finally:
        context.close()

    context = chromium.new_context(viewport=viewport, locale="id-ID")
    try:
        tab = context.new_page()
        writer = users.get(username="bantul.peliput")
        log_in(tab, live_server, demo["bantul"], writer, PASSWORD)
        panel = tab.locator(".offered-articles")
        panel.scroll_into_view_if_needed()
        assert "Artikel yang ditawarkan kepada Kapanewon Bantul" in panel.inner_text()
        row = panel.locator(".offered-articles__item", has_text=OFFERED)
        assert "Pemerintah Kabupaten Bantul" in row.inner_text()
        screenshot(tab, f"regional-4-offer-panel-{size}")
        assert fits(tab, viewport)
        with tab.expect_navigation():
            row.get_by_role("button", name=f"Adopsi '{OFFERED}'").click()
        screenshot(tab, f"regional-5-adopted-draft-{size}")
        assert "/edit/" in tab.url, (tab.url, tab.title())
        message = tab.locator(".messages").inner_text()
        assert "diadopsi sebagai draf di berita Kapanewon Bantul" in message
        copy = NewsPage.objects.child_of(demo["bantul"].news_index).get(title=OFFERED)
        assert not copy.live
        assert copy.source_institution == "Pemerintah Kabupaten Bantul"
        draft = reverse("wagtailadmin_pages:view_draft", args=[copy.pk])
        tab.goto(site_url(live_server, "bantul.localhost", draft))
        source = tab.locator(".article__source")
        assert source.inner_text() == "Sumber: Pemerintah Kabupaten Bantul"
        source.scroll_into_view_if_needed()
        screenshot(tab, f"regional-6-draft-preview-{size}")
        assert fits(tab, viewport)
    finally:
        context.close()
