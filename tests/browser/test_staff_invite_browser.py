"""The institution administrator invites a person on a phone, in real Chromium; the person
opens the e-mailed link on their phone and sets a password."""

import re

import pytest
from django.core import mail

from tests.browser.support import PHONE, log_in, screenshot, site_url
from tests.sop_helpers import create_with_sop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_phone(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_admin_invites_a_person_on_a_phone(live_server, chromium):
    bantul = create_with_sop("kapanewon_bantul")
    admin = bantul.user("admin")

    context = chromium.new_context(viewport=PHONE, locale="id-ID")
    tab = context.new_page()
    log_in(tab, live_server, bantul, admin)
    tab.goto(site_url(live_server, bantul.hostname, "/admin/users/"))
    with tab.expect_navigation():
        tab.get_by_role("link", name="Undang").click()
    tab.get_by_label("Alamat surel").fill("dewi@example.go.id")
    tab.get_by_label("Nama depan").fill("Dewi")
    tab.get_by_label("Kapanewon Bantul — Pengelola Website").check()
    screenshot(tab, "staff-invite-1-form-phone")
    assert fits_the_phone(tab)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Kirim undangan").click()
    screenshot(tab, "staff-invite-2-sent-phone")
    assert tab.get_by_text("Undangan dikirim ke dewi@example.go.id").is_visible()
    assert tab.get_by_role("cell", name="Kapanewon Bantul — Pengelola Website").is_visible()
    context.close()

    (invitation,) = mail.outbox
    link = re.search(r"http://\S+/admin/password-link/\S+/", invitation.body).group(0)
    context = chromium.new_context(viewport=PHONE, locale="id-ID")
    tab = context.new_page()
    tab.goto(link)
    screenshot(tab, "staff-invite-3-set-password-phone")
    tab.get_by_label(re.compile(r"Kata sandi baru")).fill("Kata-sandi-dewi-2026")
    tab.get_by_label(re.compile(r"Konfirmasi kata sandi baru")).fill("Kata-sandi-dewi-2026")
    assert fits_the_phone(tab)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Simpan kata sandi").click()
    screenshot(tab, "staff-invite-4-sign-in-phone")
    assert "/admin/login/" in tab.url
    assert tab.get_by_text("Kata sandi Anda tersimpan").is_visible()
    context.close()
