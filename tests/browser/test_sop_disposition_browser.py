"""A *disposisi* in real Chromium, in the SOP's order: the Ketua PPID gives it to the Seksi, the
Seksi passes it on to the Admin Medsos, who finds it on the phone dashboard and writes the news
draft from it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import NewsPage
from sop_workflow.models import Disposition, DispositionStatus
from tests.browser.support import PHONE, log_in, screenshot, site_url
from tests.sop_helpers import create_with_sop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEKSI = "Seksi Pengolahan Data dan Dokumentasi Informasi"


def test_ketua_gives_a_disposition_and_the_admin_drafts_from_it_on_a_phone(live_server, chromium):
    bunder = create_with_sop("kalurahan_bunder")
    ketua, seksi = bunder.user("ketua_ppid"), bunder.user("seksi")
    admin = bunder.user("admin_medsos")
    deadline = timezone.localtime() + timedelta(days=2)

    context = chromium.new_context(viewport=PHONE, locale="id-ID")
    tab = context.new_page()
    log_in(tab, live_server, bunder, ketua)
    tab.goto(site_url(live_server, bunder.hostname, "/admin/sop/dispositions/new/"))
    tab.get_by_role("textbox", name="Kegiatan*", exact=True).fill("Liputan Musyawarah Kalurahan")
    tab.get_by_label("Bahan informasi kegiatan").fill("Sabtu 09.00 di balai kalurahan.")
    tab.locator("#id_deadline").fill(deadline.strftime("%Y-%m-%d %H:%M"))
    roles = tab.get_by_label("Ditujukan kepada peran")
    assert "Admin Medsos" not in roles.inner_text()  # step 2 is the Seksi's
    assert tab.get_by_text("Langkah 2 SOP: disposisi diberikan kepada Seksi").is_visible()
    roles.select_option(label=SEKSI)
    screenshot(tab, "sop-disposition-1-give")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Buat", exact=True).click()
    screenshot(tab, "sop-disposition-2-given")
    given = Disposition.objects.get()
    assert given.assigned_by == ketua
    assert given.deadline is not None
    assert tab.get_by_text(f"Disposisi diberikan kepada {SEKSI}").is_visible()
    context.close()

    context = chromium.new_context(viewport=PHONE, locale="id-ID")
    tab = context.new_page()
    log_in(tab, live_server, bunder, seksi)
    tab.goto(site_url(live_server, bunder.hostname, f"/admin/sop/dispositions/inspect/{given.pk}/"))
    assert not tab.get_by_role("button", name="Tulis draf berita").count()  # step 3 drafts
    with tab.expect_navigation():
        tab.get_by_role("link", name="Teruskan").click()
    tab.get_by_label("Ditujukan kepada peran").select_option(label="Admin Medsos")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Buat", exact=True).click()
    assert tab.get_by_text("Disposisi diberikan kepada Admin Medsos").is_visible()
    screenshot(tab, "sop-disposition-2b-passed-on")
    disposition = Disposition.objects.get(parent=given)
    context.close()

    context = chromium.new_context(viewport=PHONE, locale="id-ID")
    tab = context.new_page()
    log_in(tab, live_server, bunder, admin)
    panel = tab.locator("#sop-dispositions-section, [id^='sop-dispositions']").first
    assert panel.get_by_text("Liputan Musyawarah Kalurahan").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(tab, "sop-disposition-3-dashboard-phone")
    with tab.expect_navigation():
        panel.get_by_role("link", name="Liputan Musyawarah Kalurahan").click()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Tulis draf berita").click()
    screenshot(tab, "sop-disposition-4-draft")
    page = NewsPage.objects.get(title="Liputan Musyawarah Kalurahan")
    assert tab.url.endswith(f"/admin/pages/{page.pk}/edit/")
    disposition.refresh_from_db()
    assert disposition.status == DispositionStatus.DRAFTED
    assert disposition.page_id == page.pk
    context.close()
