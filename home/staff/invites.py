"""Signed links to set a password: the invitation of a new person and a reset for anyone.

A link carries the user's id and a stamp of their password and last sign-in, signed with the
secret key; it stops working after ``STAFF_INVITE_MAX_AGE`` seconds (``home.conf``) and as soon
as a password is set with it (the stamp no longer matches), so an expired and a used link can
each be told apart and explained.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from home import conf

SALT = "home.staff.password-link"


class LinkProblem(enum.Enum):
    EXPIRED = "expired"
    USED = "used"
    INVALID = "invalid"


@dataclass(frozen=True)
class LinkCheck:
    user: object | None
    problem: LinkProblem | None = None


def _stamp(user) -> str:
    last_login = user.last_login.replace(microsecond=0, tzinfo=None) if user.last_login else ""
    state = f"{user.pk}:{user.password}:{last_login}:{user.is_active}"
    return salted_hmac(SALT, state).hexdigest()[:20]


def make_token(user) -> str:
    """A token for ``user``'s password link."""
    return signing.dumps({"u": user.pk, "s": _stamp(user)}, salt=SALT, compress=True)


def read_token(token: str) -> LinkCheck:
    """The user a token is for, or why it no longer works."""
    try:
        data = signing.loads(token, salt=SALT, max_age=conf.get("STAFF_INVITE_MAX_AGE"))
    except signing.SignatureExpired:
        return LinkCheck(None, LinkProblem.EXPIRED)
    except signing.BadSignature:
        return LinkCheck(None, LinkProblem.INVALID)
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        return LinkCheck(None, LinkProblem.INVALID)
    if data.get("s") != _stamp(user):
        return LinkCheck(None, LinkProblem.USED)
    return LinkCheck(user)


def valid_days() -> int:
    return max(1, round(conf.get("STAFF_INVITE_MAX_AGE") / 86400))


def send_password_link(request, user, *, institution: str, invitation: bool) -> None:
    """E-mail ``user`` the link to set a password on the host the request came to."""
    link = request.build_absolute_uri(reverse("staff_set_password", args=[make_token(user)]))
    values = {
        "name": user.get_full_name() or user.get_username(),
        "institution": institution,
        "username": user.get_username(),
        "link": link,
        "days": valid_days(),
    }
    if invitation:
        subject = _("Invitation to the %(institution)s admin") % values
        body = _(
            "Hello %(name)s,\n\n%(institution)s invites you to its website admin.\n"
            "Your username: %(username)s\n\nSet your password here (the link works once, for "
            "%(days)s days):\n%(link)s\n\nIf the link has expired, ask your institution's "
            "administrator to send a new one."
        )
    else:
        subject = _("Set your password for the %(institution)s admin") % values
        body = _(
            "Hello %(name)s,\n\nAn administrator of %(institution)s sent you a link to set "
            "a new password.\nYour username: %(username)s\n\n%(link)s\n\nThe link works once, "
            "for %(days)s days. If you did not ask for it, tell your institution's "
            "administrator."
        )
    send_mail(subject, body % values, None, [user.email])
