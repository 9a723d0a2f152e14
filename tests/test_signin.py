"""Sign-in security through the real admin login views: lockout, two-factor sign-in,
recovery codes, session expiry and password validators (README "Security")."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.security.policy import requires_second_factor
from tests.signin import authenticator, totp_code
from tests.sop_helpers import create_with_sop

PASSWORD = "rahasia-uji-123"
LOGIN = "/admin/login/"
DASHBOARD = "/admin/"


def sign_in(client, user, password: str = PASSWORD, address: str = "10.0.0.1"):
    return client.post(
        LOGIN, {"username": user.username, "password": password}, REMOTE_ADDR=address
    )


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def kapanewon(db):
    """Kapanewon Bantul with its SOP: the Panewu reviews, the Pengelola Website publishes."""
    return create_with_sop("kapanewon_bantul")


# --- who must use a second factor ---------------------------------------------------------


def test_approvers_publishers_leadership_and_operators_must_use_a_second_factor(
    kapanewon, django_user_model
):
    assert requires_second_factor(kapanewon.user("panewu"))  # reviews (and leads)
    assert requires_second_factor(kapanewon.user("pengelola_website"))  # publishes
    assert requires_second_factor(django_user_model.objects.create_superuser("op", "o@x.id", "x"))
    assert not requires_second_factor(kapanewon.user("peliput"))  # only covers the activity


# --- throttling and lockout ----------------------------------------------------------------


def test_an_account_is_locked_after_five_failures_with_an_indonesian_retry_time(
    client, bantul, settings
):
    user = bantul.user("penulis")
    for attempt in range(4):
        response = sign_in(client, user, "salah", address=f"10.0.1.{attempt}")
        assert response.status_code == 200
    locked = sign_in(client, user, "salah", address="10.0.1.9")

    assert locked.status_code == 429
    page = text(locked)
    assert "Terlalu banyak percobaan masuk yang gagal" in page
    retry_at = timezone.localtime(timezone.now() + settings.AXES_COOLOFF_TIME)
    assert re.search(r"Coba lagi pukul \d\d\.\d\d WIB \(15 menit lagi\)", page)
    assert f"{retry_at:%H}." in page
    assert int(locked["Retry-After"]) == 15 * 60
    # the right password from yet another address is refused too: the account is locked
    assert sign_in(client, user, address="10.0.1.10").status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_address_is_locked_after_five_failures_whatever_the_account(client, bantul):
    users = [bantul.user("penulis") for _ in range(6)]
    for user in users[:5]:
        sign_in(client, user, "salah", address="10.0.2.1")

    assert sign_in(client, users[5], address="10.0.2.1").status_code == 429
    assert sign_in(client, users[5], address="10.0.2.2").status_code == 302  # another address


def test_the_operator_unlocks_with_axes_reset(client, bantul):
    user = bantul.user("penulis")
    for _ in range(5):
        sign_in(client, user, "salah")
    assert sign_in(client, user).status_code == 429

    call_command("axes_reset_username", user.username, verbosity=0)
    call_command("axes_reset_ip", "10.0.0.1", verbosity=0)

    assert sign_in(client, user).status_code == 302
    assert client.get(DASHBOARD).status_code == 200


# --- enrolment, verification, recovery -----------------------------------------------------


def test_an_approver_without_a_device_must_enrol_before_any_admin_page(client, kapanewon):
    panewu = kapanewon.user("panewu")
    response = sign_in(client, panewu)
    assert response.status_code == 302
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/signin/enrol/?next=")
    assert client.get("/admin/pages/").status_code == 302

    enrol = client.get(response["Location"])
    page = text(enrol)
    assert "Aktifkan verifikasi dua langkah" in page
    assert "<svg" in page
    assert "<path" in page
    secret = re.search(r"<code data-secret>([A-Z2-7 ]+)</code>", page).group(1)
    device = TOTPDevice.objects.get(user=panewu, confirmed=False)
    assert secret.replace(" ", "") in device.config_url

    wrong = client.post("/admin/signin/enrol/", {"code": "000000", "next": DASHBOARD})
    assert "Kode ini tidak cocok" in text(wrong)
    assert client.get(DASHBOARD).status_code == 302
    # right after a wrong code django-otp pauses the device: the next code waits
    paused = client.post("/admin/signin/enrol/", {"code": totp_code(device)})
    assert "Terlalu banyak kode salah. Tunggu beberapa detik" in text(paused)
    time.sleep(1.1)

    done = client.post("/admin/signin/enrol/", {"code": totp_code(device), "next": DASHBOARD})
    assert done.status_code == 302
    codes_page = client.get(done["Location"])
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", text(codes_page))
    assert len(codes) == 10
    assert "Verifikasi dua langkah kini aktif untuk akun Anda." in text(codes_page)
    assert client.get(DASHBOARD).status_code == 200
    # shown once only
    again = client.get("/admin/signin/recovery-codes/", follow=True)
    assert "Kode pemulihan hanya ditampilkan satu kali" in text(again)
    assert not re.findall(r"<li><code>([a-z0-9]+)</code></li>", text(again))


def test_an_enrolled_approver_needs_the_code_after_the_password(client, kapanewon):
    publisher = kapanewon.user("pengelola_website")
    device = authenticator(publisher)
    sign_in(client, publisher)

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/signin/verify/?next=%2Fadmin%2Fpages%2F"
    assert "Masukkan kode verifikasi Anda" in text(client.get(response["Location"]))

    wrong = client.post("/admin/signin/verify/", {"code": "123456"})
    assert "Kode ini salah, kedaluwarsa, atau sudah dipakai" in text(wrong)
    assert client.get(DASHBOARD).status_code == 302
    time.sleep(1.1)  # django-otp pauses a device for a second after a wrong code

    ok = client.post("/admin/signin/verify/", {"code": totp_code(device), "next": "/admin/pages/"})
    assert ok["Location"] == "/admin/pages/"
    assert client.get(DASHBOARD).status_code == 200


def test_a_code_already_used_is_refused(client, kapanewon):
    publisher = kapanewon.user("pengelola_website")
    device = authenticator(publisher)
    sign_in(client, publisher)
    code = totp_code(device)
    client.post("/admin/signin/verify/", {"code": code})
    client.post("/admin/logout/")

    sign_in(client, publisher)
    reused = client.post("/admin/signin/verify/", {"code": code})
    assert "sudah dipakai" in text(reused)


def test_a_recovery_code_signs_in_once(client, kapanewon):
    panewu = kapanewon.user("panewu")
    sign_in(client, panewu)
    device = TOTPDevice.objects.create(user=panewu, name="app", confirmed=False)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post("/admin/signin/enrol/", {"code": f"{totp.token():06d}"})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", text(client.get(response["Location"])))
    client.post("/admin/logout/")

    sign_in(client, panewu)
    used = client.post("/admin/signin/verify/", {"code": codes[0]}, follow=True)
    assert "Anda masuk dengan kode pemulihan" in text(used)
    assert "Tersisa 9 kode pemulihan" in text(used)
    assert client.get(DASHBOARD).status_code == 200
    client.post("/admin/logout/")

    sign_in(client, panewu)
    again = client.post("/admin/signin/verify/", {"code": codes[0]})
    assert "sudah dipakai" in text(again)
    assert client.get(DASHBOARD).status_code == 302
    assert StaticToken.objects.filter(device__user=panewu).count() == 9


def test_a_password_alone_cannot_enrol_a_new_device_or_turn_the_factor_off(client, kapanewon):
    peliput = kapanewon.user("peliput")
    authenticator(peliput)  # optional for this role, but set up
    sign_in(client, peliput)

    assert client.get("/admin/signin/enrol/")["Location"].startswith("/admin/signin/verify/")
    assert client.post("/admin/signin/disable/")["Location"].startswith("/admin/signin/verify/")
    assert TOTPDevice.objects.filter(user=peliput, confirmed=True).count() == 1


def test_others_may_enrol_from_the_account_menu_and_turn_it_off(client, kapanewon):
    peliput = kapanewon.user("peliput")
    sign_in(client, peliput)
    assert client.get(DASHBOARD).status_code == 200  # optional: no second step

    account = text(client.get("/admin/account/"))
    assert "Verifikasi dua langkah" in account
    assert 'href="/admin/signin/"' in account
    overview = text(client.get("/admin/signin/"))
    assert "Verifikasi dua langkah tidak aktif" in overview

    response = client.get("/admin/signin/enrol/")
    device = TOTPDevice.objects.get(user=peliput)
    assert response.status_code == 200
    client.post("/admin/signin/enrol/", {"code": totp_code(device)})
    assert "10 kode pemulihan" in text(client.get("/admin/signin/"))

    off = client.post("/admin/signin/disable/", follow=True)
    assert "Verifikasi dua langkah kini dimatikan untuk akun Anda." in text(off)
    assert not TOTPDevice.objects.filter(user=peliput).exists()


def test_an_approver_cannot_turn_the_second_factor_off(client, kapanewon):
    panewu = kapanewon.user("panewu")
    client.force_login(panewu)  # passes the second factor (tests/fixtures/signin.py)

    refused = client.post("/admin/signin/disable/", follow=True)
    assert "verifikasi dua langkah tidak dapat dimatikan" in text(refused)
    assert TOTPDevice.objects.filter(user=panewu, confirmed=True).exists()


def test_the_two_step_page_shows_nothing_of_other_institutions(client, kapanewon, bunder):
    other = bunder.user("penyetuju")
    client.force_login(other)
    page = text(client.get("/admin/signin/"))

    assert "Verifikasi dua langkah" in page
    assert "Kapanewon Bantul" not in page
    assert "panewu" not in page.lower()


def test_a_half_signed_in_approver_is_anonymous_on_the_public_site(client, kapanewon):
    panewu = kapanewon.user("panewu")
    authenticator(panewu)
    client.force_login(panewu, otp=False)

    public = client.get("/", HTTP_HOST=kapanewon.hostname)
    assert public.status_code == 200
    assert "wagtail-userbar" not in text(public)


# --- sessions and passwords ----------------------------------------------------------------


def test_sessions_end_after_eight_hours_of_inactivity(client, bantul, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    user = bantul.user("penulis")
    sign_in(client, user)
    assert client.get(DASHBOARD).status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    # every request renews the session for another eight hours
    assert session.expire_date > timezone.now() + timedelta(hours=7, minutes=59)

    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_changing_the_password_ends_the_other_sessions(client, bantul, django_user_model):
    from django.test import Client

    user = bantul.user("penulis")
    other_device = Client()
    sign_in(other_device, user)
    sign_in(client, user, address="10.0.0.2")
    assert other_device.get(DASHBOARD).status_code == 200

    changed = client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "kata-sandi-baru-2026",
            "password-new_password2": "kata-sandi-baru-2026",
            "name_email-first_name": "Ani",
            "name_email-last_name": "Lestari",
            "name_email-email": user.email,
            "locale-preferred_language": "id",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_clipboard_shortcuts": "on",
        },
    )
    assert changed.status_code == 302, text(changed)
    assert client.get(DASHBOARD).status_code == 200  # this session stays
    assert other_device.get(DASHBOARD).status_code == 302  # the other one ended


def test_password_validators_refuse_weak_passwords_in_indonesian(settings):
    assert len(settings.AUTH_PASSWORD_VALIDATORS) == 4
    with translation.override("id"), pytest.raises(ValidationError) as error:
        validate_password("12345")
    messages = " ".join(error.value.messages)
    assert "terlalu pendek" in messages
    assert "terlalu umum" in messages
    assert "seluruhnya terdiri dari angka" in messages
