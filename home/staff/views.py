"""The staff pages an institution administrator uses next to Wagtail's users admin: invite,
send a password link, hand over and deactivate; and the public page where a person sets the
password from the link in their e-mail."""

from __future__ import annotations

import smtplib

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.log_actions import log
from wagtail.models import Site
from wagtail.permissions import policy_registry

from home.staff import leaving
from home.staff.forms import HandoverForm, InviteForm
from home.staff.invites import LinkProblem, read_token, send_password_link, valid_days
from home.staff.policy import is_operator
from home.tenancy import roles_managed_by, staff_managed_by

User = get_user_model()


def _require(request: HttpRequest, action: str) -> None:
    if not policy_registry.get_by_type(User).user_has_permission(request.user, action):
        raise PermissionDenied


def _person(request: HttpRequest, pk: int):
    """A person the signed-in user manages; 404 for anyone else (no name, no hint)."""
    _require(request, "change")
    return get_object_or_404(staff_managed_by(request.user), pk=pk)


def _institution_names(sites) -> str:
    return ", ".join(site.site_name or site.hostname for site in sites)


def shared_sites(request: HttpRequest, person) -> list[Site]:
    """The institutions of ``person`` that the signed-in user manages."""
    roles = roles_managed_by(request.user).filter(group__user=person)
    return list(Site.objects.filter(pk__in=roles.values("site_id")).order_by("site_name"))


def _free_username(email: str) -> str:
    base = slugify(email.split("@")[0]).replace("-", ".")[:140] or "staf"
    name, number = base, 1
    while User.objects.filter(username=name).exists():
        number += 1
        name = f"{base}{number}"
    return name


@transaction.atomic
def _invite(request: HttpRequest, form: InviteForm) -> str:
    data = form.cleaned_data
    roles = list(data["roles"])
    sites = _institution_names({role.institution_role.site for role in roles})
    person = User.objects.filter(email__iexact=data["email"]).first()
    if person is not None:
        person.groups.add(*roles)
        log(person, "home.staff.roles_given", user=request.user, data={"roles": _names(roles)})
        return _(
            "%(name)s already has an account: the roles %(roles)s were added. They sign in "
            "with the same account and now also see %(sites)s."
        ) % {"name": person.get_username(), "roles": _names(roles), "sites": sites}
    person = User(
        username=_free_username(data["email"]),
        email=data["email"],
        first_name=data["first_name"],
        last_name=data["last_name"],
    )
    person.set_unusable_password()
    person.save()
    person.groups.add(*roles)
    log(person, "home.staff.invite", user=request.user, data={"roles": _names(roles)})
    # Inside the transaction: when the e-mail cannot be sent, no account is left behind.
    send_password_link(request, person, institution=sites, invitation=True)
    return _(
        "Invitation sent to %(email)s (username %(username)s, roles %(roles)s). The link to "
        "set a password works for %(days)s days; send a new one from the staff list if needed."
    ) % {
        "email": person.email,
        "username": person.username,
        "roles": _names(roles),
        "days": valid_days(),
    }


def _names(groups) -> str:
    return ", ".join(group.institution_role.name for group in groups)


MAIL_FAILED = gettext_lazy(
    "The invitation was not sent: the mail server could not be reached. No account was "
    "made; try again later or tell the platform operator."
)


def invite(request: HttpRequest) -> HttpResponse:
    """Invite a person by e-mail into the user's institution, with its roles."""
    _require(request, "add")
    form = InviteForm(request.POST or None, for_user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                messages.success(request, _invite(request, form))
            except (smtplib.SMTPException, OSError):
                messages.error(request, MAIL_FAILED)
                return render(
                    request, "home/staff/invite.html", {"form": form, "days": valid_days()}
                )
            return redirect("wagtailusers_users:index")
        messages.error(request, _("The invitation was not sent: correct the marked fields."))
    return render(request, "home/staff/invite.html", {"form": form, "days": valid_days()})


def password_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a person a new link to set their password (also a new invitation)."""
    person = _person(request, pk)
    sites = shared_sites(request, person)
    if request.method == "POST":
        if not person.is_active or not person.email:
            messages.error(
                request,
                _(
                    "No link was sent: the account is inactive or has no e-mail address. "
                    "Ask a platform operator to activate it or add the address."
                ),
            )
            return redirect("wagtailusers_users:index")
        send_password_link(
            request,
            person,
            institution=_institution_names(sites) or _("the portal"),
            invitation=not person.has_usable_password(),
        )
        log(person, "home.staff.password_link", user=request.user)
        messages.success(
            request,
            _("A link to set the password was sent to %(email)s; it works for %(days)s days.")
            % {"email": person.email, "days": valid_days()},
        )
        return redirect("wagtailusers_users:index")
    return render(request, "home/staff/password_link.html", {"person": person})


def leave(request: HttpRequest, pk: int) -> HttpResponse:
    """A person leaves: their open work is listed, handed over, then the account deactivated
    (or, for someone who also works for another institution, only this one's roles taken)."""
    person = _person(request, pk)
    sites = shared_sites(request, person) if not is_operator(request.user) else None
    plan = leaving.plan(request.user, person, sites)
    form = HandoverForm(
        request.POST or None, for_user=request.user, person=person, sites=plan.sites
    )
    if request.method == "POST" and form.is_valid():
        outcome = leaving.carry_out(request.user, person, plan, form.cleaned_data["colleague"])
        if outcome.refusal:
            messages.error(request, outcome.refusal)
        else:
            messages.success(request, outcome.message)
            return redirect("wagtailusers_users:index")
    return render(
        request,
        "home/staff/leave.html",
        {"person": person, "plan": plan, "form": form, "self_leaving": person == request.user},
    )


STAFF_LINK_PROBLEMS = {
    LinkProblem.EXPIRED: gettext_lazy(
        "This link has expired. Ask your institution's administrator to send a new one "
        "(Users → the ⋯ menu → Send password link)."
    ),
    LinkProblem.USED: gettext_lazy(
        "This link was already used to set a password. Sign in with that password; if you "
        "forgot it, ask your institution's administrator for a new link."
    ),
    LinkProblem.INVALID: gettext_lazy(
        "This link is not valid (perhaps incomplete). Open the whole link from the e-mail, or "
        "ask your institution's administrator for a new one."
    ),
}


@never_cache
def set_password(request: HttpRequest, token: str) -> HttpResponse:
    """Public: set a password from the e-mailed link, then go to the sign-in page."""
    check = read_token(token)
    if check.problem:
        return render(
            request,
            "home/staff/set_password.html",
            {"problem": STAFF_LINK_PROBLEMS[check.problem]},
            status=410 if check.problem is not LinkProblem.INVALID else 404,
        )
    form = SetPasswordForm(check.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        log(person, "home.staff.password_set", user=person)
        messages.success(
            request,
            _("Your password is set. Sign in with username %(username)s and the new password.")
            % {"username": person.get_username()},
        )
        return redirect("wagtailadmin_login")
    return render(request, "home/staff/set_password.html", {"form": form, "person": check.user})
