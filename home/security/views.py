"""Two-factor sign-in views: verify, enrol, recovery codes, and the account page.

Devices are django-otp's: one ``TOTPDevice`` (authenticator app) and one ``StaticDevice``
holding the ten single-use recovery codes.
"""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.security.forms import CodeForm
from home.security.policy import requires_second_factor

RECOVERY_CODE_COUNT = 10
RECOVERY_SESSION_KEY = "security_new_recovery_codes"
TOTP_NAME = "Aplikasi autentikator"
RECOVERY_NAME = "Kode pemulihan"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def qr_svg(text: str) -> str:
    """An SVG QR code of ``text``, drawn locally (no network)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with ten new ones and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _throttled(devices) -> bool:
    """Whether wrong codes made django-otp pause every device of the user for a while."""
    devices = list(devices)
    return bool(devices) and all(not device.verify_is_allowed()[0] for device in devices)


def _wait_message() -> str:
    return _(
        "Too many wrong codes. Wait a few seconds (longer after each wrong code), then enter "
        "the code your app shows at that moment."
    )


def remaining_recovery_codes(user) -> int:
    """How many unused recovery codes ``user`` has left."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """Second step of signing in: a code from the app, or one recovery code (used up)."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not user_has_device(request.user):
        return redirect(f"{reverse('security_enrol')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _throttled(devices_for_user(request.user)):
            form.add_error("code", _wait_message())
            return render(
                request, "security/verify.html", {"form": form, "next": _next_url(request)}
            )
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code; it cannot be used again. "
                        "%(count)s recovery codes are left: make new ones under Account → "
                        "Two-step verification."
                    )
                    % {"count": remaining_recovery_codes(request.user)},
                )
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _(
                "This code is wrong, expired or already used. Enter the 6 digits your "
                "authenticator app shows now, or one of your unused recovery codes. After several "
                "wrong codes you must wait a little before the next try."
            ),
        )
    return render(request, "security/verify.html", {"form": form, "next": _next_url(request)})


@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: QR code and secret, confirmed by one code."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('security_verify')}?next={_next_url(request)}")
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        messages.info(request, _("Two-step verification is already on for your account."))
        return redirect("security_account")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _throttled([device]):
        form.add_error("code", _wait_message())
    elif request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session[RECOVERY_SESSION_KEY] = new_recovery_codes(user)
            otp_login(request, device)
            messages.success(request, _("Two-step verification is on for your account."))
            return redirect(f"{reverse('security_recovery_codes')}?next={_next_url(request)}")
        form.add_error(
            "code",
            _(
                "This code does not match. Check that the app shows the account just added "
                "and that your phone's clock is right, then enter the 6 digits it shows now."
            ),
        )
    secret_text = base64.b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": qr_svg(device.config_url),
        "secret": " ".join(secret_text[i : i + 4] for i in range(0, len(secret_text), 4)),
        "required": requires_second_factor(user),
    }
    return render(request, "security/enrol.html", context)


@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The new recovery codes, shown once right after they were made."""
    codes = request.session.pop(RECOVERY_SESSION_KEY, None)
    if not codes:
        messages.info(
            request,
            _("Recovery codes are shown only once. Make new ones if you lost them."),
        )
        return redirect("security_account")
    return render(
        request, "security/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """Account → Two-step verification: status, enrolment, new recovery codes, turning off."""
    user = request.user
    context = {
        "enrolled": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "required": requires_second_factor(user),
        "remaining": remaining_recovery_codes(user),
    }
    return render(request, "security/account.html", context)


@login_required
@require_POST
def regenerate_codes(request: HttpRequest) -> HttpResponse:
    """Make ten new recovery codes (the old ones stop working)."""
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        messages.error(
            request,
            _("Recovery codes belong to two-step verification: turn it on first."),
        )
        return redirect("security_account")
    request.session[RECOVERY_SESSION_KEY] = new_recovery_codes(request.user)
    messages.success(request, _("New recovery codes were made; the old ones no longer work."))
    return redirect("security_recovery_codes")


@login_required
@require_POST
def disable(request: HttpRequest) -> HttpResponse:
    """Turn two-step verification off — only for users whose role does not require it."""
    if requires_second_factor(request.user):
        messages.error(
            request,
            _(
                "Your role approves or publishes, so two-step verification cannot be turned "
                "off. If you lost your phone, sign in with a recovery code and set up the app "
                "again, or ask the platform operator."
            ),
        )
        return redirect("security_account")
    TOTPDevice.objects.filter(user=request.user).delete()
    StaticDevice.objects.filter(user=request.user).delete()
    messages.success(request, _("Two-step verification is off for your account."))
    return redirect("security_account")
