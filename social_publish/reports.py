"""The SOP's link report: once every job of a page's share round has ended, one message.

Always made, also for a page that went to no channel: the website link comes first, then the
posts, the accessible versions the SOP obliges, and what was not sent (failures, and required
channels the item did not go to) with the reason.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.models import InstitutionSettings
from home.tenancy import site_for_page
from social_publish import conf
from social_publish.models import LinkReport, Syndication, SyndicationState
from social_publish.models.syndications import ENDED_STATES
from social_publish.obligations import channel_gaps, versions_waited_for
from social_publish.posts import build_post
from social_publish.selection import report_role_keys, users_in_roles
from social_publish.signals import link_report_sent

logger = logging.getLogger("social_publish")


def report_if_complete(
    page_id: int, round: int = 1, *, parked_is_ended: bool = False, without_channels: bool = False
) -> LinkReport | None:
    """Create and send the report of ``page_id``/``round`` if all its jobs have ended.

    Jobs waiting for a reconnect hold the report back (the admins were told to reconnect);
    the sweep passes ``parked_is_ended`` once they have waited too long, so the report then
    lists them as failures instead of never going out. ``without_channels`` makes the report of
    a page that went to no channel at all (the website link alone). Where the SOP obliges
    accessible versions, the report waits until they exist (:func:`report_waiting` is called
    when one is made).

    Safe to call from every job's end: the unique (page, round) constraint lets one caller
    create the report; the others find it and do nothing.
    """
    rows = list(Syndication.objects.filter(page_id=page_id, round=round).select_related("channel"))
    ended = {*ENDED_STATES, *([SyndicationState.NEEDS_RECONNECT] if parked_is_ended else [])}
    if (not rows and not without_channels) or any(r.state not in ended for r in rows):
        return None
    if LinkReport.objects.filter(page_id=page_id, round=round).exists():
        return None
    page = Page.objects.filter(pk=page_id, live=True).first()
    site = site_for_page(page) if page else None
    if site is None:
        return None
    page = page.specific
    with translation.override("id"):
        versions, missing = versions_waited_for(site, page)
        if missing:
            logger.info("link report of page %s waits for its %s", page_id, ", ".join(missing))
            return None
        links, failures = report_rows(page, site, rows, versions)
    users = users_in_roles(site, report_role_keys(site))
    recipients = sorted(users.values_list("email", flat=True))
    try:
        with transaction.atomic():
            report = LinkReport.objects.create(
                site=site,
                page=page,
                round=round,
                links=links,
                failures=failures,
                recipients=recipients,
            )
    except IntegrityError:
        return None
    send_report(report, page, site)
    return report


def report_rows(page, site, rows, versions: list[dict]) -> tuple[list[dict], list[dict]]:
    """The report's links (website first, posts, accessible versions) and what was not sent."""
    website = {"channel": str(_("Website")), "kind": "website", "permalink": page.get_full_url()}
    links = [
        website,
        *(
            {"channel": str(r.channel), "kind": r.channel.kind, "permalink": r.permalink}
            for r in rows
            if r.state == SyndicationState.SENT
        ),
        *versions,
    ]
    failures = [
        {"channel": str(r.channel), "kind": r.channel.kind, "state": r.state, "error": r.last_error}
        for r in rows
        if r.state != SyndicationState.SENT
    ]
    handled = {r.channel.kind for r in rows}
    failures += channel_gaps(site, build_post(page, render=False), handled)
    return links, failures


def report_waiting(page_id: int) -> LinkReport | None:
    """Send the report an accessible version was holding back, if it is now complete.

    A page that went to no channel is reported only within ``SOCIAL_REPORT_VERSION_WAIT_DAYS``
    of going live, so versions remade later for old pages send no report.
    """
    last = Syndication.objects.filter(page_id=page_id).order_by("-round").first()
    if last is not None:
        return report_if_complete(page_id, last.round)
    since = timezone.now() - timedelta(days=conf.get("SOCIAL_REPORT_VERSION_WAIT_DAYS"))
    if not Page.objects.filter(pk=page_id, first_published_at__gte=since).exists():
        return None
    return report_if_complete(page_id, 1, without_channels=True)


def send_report(report: LinkReport, page, site) -> None:
    """Write and e-mail the report (Indonesian), then record when it went out."""
    profile = InstitutionSettings.for_site(site)
    with translation.override("id"):
        context = {
            "report": report,
            "page": page,
            "page_url": page.get_full_url(),
            "institution": profile.display_name,
        }
        report.subject = _("Link report: %(title)s") % {"title": page.title}
        report.body = render_to_string("social_publish/link_report_email.txt", context)
    if report.recipients:
        send_mail(report.subject[:255], report.body, None, report.recipients)
    report.sent_at = timezone.now()
    report.save(update_fields=["subject", "body", "sent_at"])
    link_report_sent.send(sender=LinkReport, report=report, page=page)
