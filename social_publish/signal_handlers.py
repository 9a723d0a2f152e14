"""Queue syndication when a page goes live for the first time."""

from __future__ import annotations

import logging

from wagtail.signals import page_published

from home.tenancy import site_for_page

logger = logging.getLogger("social_publish")


def queue_syndication(sender, instance, revision=None, **kwargs) -> None:
    """One job per chosen channel, the first time ``instance`` goes live.

    Wagtail also sends ``page_published`` when a page is merely scheduled (``live`` is still
    False, wagtail#13959), for aliases, and on every re-publish of an edit: none of those
    shares anything. Re-sharing is the explicit "share again" action.
    """
    page = instance
    if kwargs.get("alias") or page.alias_of_id or not page.live:
        return
    if page.first_published_at != page.last_published_at:
        return  # a re-publish of an edit
    try:
        _queue(page, revision)
    except Exception:  # sharing must never stop a page from going live
        logger.exception("could not queue syndication of page %s", page.pk)


def _queue(page, revision) -> None:
    from social_publish import delivery
    from social_publish.models import Syndication
    from social_publish.posts import build_post
    from social_publish.providers import provider_for
    from social_publish.selection import chosen_channels

    if Syndication.objects.filter(page_id=page.pk).exists():
        return
    site = site_for_page(page)
    if site is None:
        return
    channels, explicit = chosen_channels(page, revision, site)
    if not explicit and channels:
        post = build_post(page)
        channels = [c for c in channels if provider_for(c).applies_to(post)]
    delivery.enqueue(page, channels, revision=revision)
    if not channels:  # the report is always made: the website link (and what was not sent)
        from django.db import transaction

        from social_publish.reports import report_if_complete

        page_id = page.pk
        transaction.on_commit(lambda: report_if_complete(page_id, 1, without_channels=True))


def register_signal_handlers() -> None:
    from django_q.signals import post_execute_in_worker

    from social_publish.redaction import redact_failed_task

    post_execute_in_worker.connect(redact_failed_task, dispatch_uid="social_publish_redact_task")
    page_published.connect(queue_syndication, dispatch_uid="social_publish_queue_syndication")
