"""E-mails to an institution's admins about its channels."""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from social_publish.selection import institution_admins


def notify_reconnect(channel) -> int:
    """Tell the institution's admins that ``channel`` must be reconnected."""
    emails = list(institution_admins(channel.site).values_list("email", flat=True))
    if not emails:
        return 0
    with translation.override("id"):
        subject = _("Reconnect the channel %(channel)s") % {"channel": channel}
        body = render_to_string("social_publish/reconnect_email.txt", {"channel": channel})
    return send_mail(subject, body, None, emails)
