"""Onboarding a new institution: its time zone as people write it (office hours:
:mod:`home.office_hours`), and the invitation of its first administrator.

The invitation carries the same signed password link as every staff invitation
(:mod:`home.staff.invites`): it works once, expires after ``STAFF_INVITE_MAX_AGE`` seconds, and
an expired or used link says so and how to get a new one.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Site

from home import conf
from home.models import InstitutionRole, InstitutionSettings
from home.models.institution import TIME_ZONE_CHOICES
from home.staff.invites import make_token
from home.tenancy import institution_time_zone

#: The Indonesian names of the three time zones, as people write them in a sheet or a command.
TIME_ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
_ZONE_NAMES = {name.lower(): name for name, _label in TIME_ZONE_CHOICES}


def parse_time_zone(text: str) -> str:
    """The profile's ``time_zone`` value for ``WIB``/``WITA``/``WIT`` or an Indonesian zone name.

    Raises:
        ValueError: with an Indonesian message naming the accepted values.
    """
    value = text.strip()
    zone = TIME_ZONE_ALIASES.get(value.upper()) or _ZONE_NAMES.get(value.lower())
    if zone is None:
        raise ValueError(
            _("Unknown time zone “%(value)s”; write WIB, WITA or WIT (or %(names)s).")
            % {"value": value, "names": ", ".join(_ZONE_NAMES.values())}
        )
    return zone


def administrator_role(site: Site) -> InstitutionRole:
    """The institution's administrator role (*Admin Instansi*)."""
    return InstitutionRole.objects.filter(site=site, is_admin=True).order_by("pk").first()


def add_administrator(site: Site, email: str):
    """The user with ``email`` (created without a usable password when new) in the
    institution's administrator role; ``(user, changed)``, ``changed`` when anything was
    written."""
    User = get_user_model()
    role = administrator_role(site)
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    created = user is None
    if created:
        user = User(username=email.lower()[:150], email=email)
        user.set_unusable_password()
        user.save()
    if user.groups.filter(pk=role.group_id).exists():
        return user, created
    user.groups.add(role.group)
    return user, True


def invitation_link(user) -> str:
    """The absolute, signed link where ``user`` sets a password (see the module docstring)."""
    return get_admin_base_url() + reverse("staff_set_password", args=[make_token(user)])


def send_admin_invitation(user, site: Site) -> int:
    """E-mail ``user`` (in Indonesian) that they administer the institution of ``site``, with
    the link to set their password and its expiry in the institution's time zone.

    Returns the number of messages sent (Django's ``send_mail``).
    """
    institution = InstitutionSettings.objects.filter(site=site).first()
    name = institution.official_name if institution else site.site_name or site.hostname
    expires = timezone.now() + timedelta(seconds=conf.get("STAFF_INVITE_MAX_AGE"))
    with translation.override(settings.LANGUAGE_CODE):
        with timezone.override(institution_time_zone(site)):
            values = {
                "institution": name,
                "hostname": site.hostname,
                "username": user.get_username(),
                "link": invitation_link(user),
                "expires": date_format(timezone.localtime(expires), "j F Y H:i T"),
            }
        subject = _("Invitation: administrator of %(institution)s") % values
        body = "\n\n".join(
            [
                _("You are the administrator of %(institution)s (%(hostname)s) on the platform.")
                % values,
                _("Your username: %(username)s") % values,
                _("Set your password here: %(link)s") % values,
                _(
                    "The link works once and expires on %(expires)s. If it has expired, ask the "
                    "platform operator for a new invitation."
                )
                % values,
            ]
        )
    return send_mail(subject, body, None, [user.email])
