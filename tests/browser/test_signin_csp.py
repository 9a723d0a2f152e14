"""Sign-in security and the Content-Security-Policy in real Chromium.

One phone-sized walk through the real login views: an approver enrols the authenticator app
(QR code, secret, confirming code, ten recovery codes), signs in again with a code, and a
stranger's guesses lock the sign-in with the Indonesian retry time. Then public pages and the
main admin pages (dashboard, editor, a task modal) load with no CSP violation.
"""

from __future__ import annotations

import base64
import re

import pytest
from django_otp.oath import TOTP

from tests.browser.support import PHONE, log_in, screenshot, site_url
from tests.sop_helpers import as_user, create_with_sop, draft, submit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "rahasia-uji-123"
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ` +
    `${event.sourceFile || document.location.href}:${event.lineNumber}`
  );
});
"""


def code_for(secret: str, step_offset: int = 0) -> str:
    """What an authenticator app shows for the secret typed from the enrolment page."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    totp = TOTP(key, drift=step_offset)
    return f"{totp.token():06d}"


def password_step(tab, live_server, inst, username: str, password: str = PASSWORD) -> None:
    tab.goto(site_url(live_server, inst.hostname, "/admin/login/"))
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Kata sandi").fill(password)
    tab.get_by_role("button", name="Masuk").click()


def test_enrolment_second_factor_and_lockout_on_a_phone(live_server, browser_page):
    tab = browser_page
    tab.set_viewport_size(PHONE)
    kapanewon = create_with_sop("kapanewon_bantul")
    panewu = kapanewon.user("panewu", username="panewu-bantul")

    password_step(tab, live_server, kapanewon, panewu.username)
    tab.wait_for_url("**/admin/signin/enrol/**")
    assert tab.get_by_role("heading", name="Aktifkan verifikasi dua langkah").is_visible()
    assert tab.get_by_role("img", name="Kode QR untuk aplikasi autentikator").is_visible()
    secret = tab.locator("[data-secret]").inner_text()
    screenshot(tab, "signin-enrol-phone")
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    tab.get_by_role("textbox", name="Kode").fill(code_for(secret))
    tab.get_by_role("button", name="Konfirmasi").click()
    tab.wait_for_url("**/admin/signin/recovery-codes/**")
    codes = tab.locator(".security-codes code").all_inner_texts()
    assert len(codes) == 10
    assert tab.get_by_text("Kode hanya ditampilkan sekarang").is_visible()
    screenshot(tab, "signin-recovery-codes-phone")
    tab.get_by_role("link", name="Kode sudah saya simpan, lanjutkan").click()
    tab.wait_for_url("**/admin/")

    tab.context.clear_cookies()  # a new sign-in, as after closing the browser
    password_step(tab, live_server, kapanewon, panewu.username)
    tab.wait_for_url("**/admin/signin/verify/**")
    tab.get_by_role("textbox", name="Kode").fill(
        code_for(secret, step_offset=1)
    )  # the first was used
    screenshot(tab, "signin-verify-phone")
    tab.get_by_role("button", name="Verifikasi").click()
    tab.wait_for_url("**/admin/")

    tab.context.clear_cookies()
    stranger = kapanewon.user("peliput", username="peliput-bantul")
    for _ in range(5):
        password_step(tab, live_server, kapanewon, stranger.username, "tebakan-salah")
    message = tab.get_by_role("alert")
    assert "Terlalu banyak percobaan masuk yang gagal" in message.inner_text()
    assert re.search(r"Coba lagi pukul \d\d\.\d\d WIB \(15 menit lagi\)", message.inner_text())
    screenshot(tab, "signin-locked-phone")


def visit(tab, url: str, violations: list[str]) -> None:
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    violations.extend(f"{url}: {entry}" for entry in tab.evaluate("window.__cspViolations"))


def test_public_and_admin_pages_load_without_csp_violations(live_server, chromium, client):
    kapanewon = create_with_sop("kapanewon_bantul")
    kapanewon.settings.brand_colour = "#1d4e89"
    kapanewon.settings.save()
    news = kapanewon.news("Kerja bakti di Padukuhan Karang")
    publisher = kapanewon.user("pengelola_website", username="pengelola-bantul")
    panewu = kapanewon.user("panewu", username="panewu-bantul")
    pending = draft(kapanewon, title="Musyawarah Kapanewon 2025")
    assert submit(as_user(client, publisher), pending).status_code == 302

    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
    context.add_init_script(COLLECT_VIOLATIONS)
    tab = context.new_page()
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text))
    violations: list[str] = []
    try:
        for path in ("/", news.get_parent().url, news.url, "/cari/?q=kerja"):
            visit(tab, site_url(live_server, kapanewon.hostname, path), violations)

        log_in(tab, live_server, kapanewon, panewu)
        violations.extend(tab.evaluate("window.__cspViolations"))
        admin = lambda path: site_url(live_server, kapanewon.hostname, path)  # noqa: E731
        visit(tab, admin("/admin/"), violations)
        tab.locator(".actions-container .w-dropdown__toggle").first.click()
        tab.locator("[data-launch-modal]").first.click()
        tab.locator(".modal-dialog").wait_for()
        tab.wait_for_load_state("networkidle")
        screenshot(tab, "csp-task-modal")
        violations.extend(tab.evaluate("window.__cspViolations"))
        visit(tab, admin(f"/admin/pages/{pending.pk}/edit/"), violations)
        tab.get_by_role("tab", name="Pengaturan").click() if tab.get_by_role(
            "tab", name="Pengaturan"
        ).count() else None
        tab.wait_for_timeout(300)
        violations.extend(tab.evaluate("window.__cspViolations"))
        started = tab.evaluate(
            "[...document.querySelectorAll('[data-security-chooser]')]"
            ".every((input) => input.dataset.securityStarted === 'true')"
        )
        assert started  # the date widgets started without their inline scripts
        visit(tab, admin("/admin/pages/"), violations)
        visit(tab, admin(f"/admin/pages/{kapanewon.news_index.pk}/"), violations)
        visit(tab, admin("/admin/signin/"), violations)
    finally:
        context.close()

    assert violations == []
    assert [text for text in console if "Content Security Policy" in text] == []
