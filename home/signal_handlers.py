"""Purge the caching proxy whenever a public page changes (publish, unpublish, move, delete).

Wagtail's frontend cache app purges only the page itself, at once, inside the publishing
transaction: a visitor arriving before the commit would put the old version back in the cache.
Its handlers are replaced by these, which purge everything that shows the page
(``home.purging``) in one batch after the commit. Scheduled pages go live through the same
``page_published`` signal (``publish_scheduled``). A saved institution profile purges its whole
site; a saved or deleted audio/braille version purges its page. Nothing happens while
``WAGTAILFRONTENDCACHE`` is unset.

A saved or deleted profile, and a saved logo, also give the site list a new stamp
(:mod:`home.site_registry`), so every process serves the change at once.
"""

from __future__ import annotations

import threading

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_handlers
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from home.purging import purge_batch_for, purge_batch_for_site
from home.site_registry import logo_changed, site_list_changed

_moving = threading.local()


def purging_enabled() -> bool:
    """Whether a frontend cache is configured (``FRONTEND_CACHE_URL``)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_after_commit(batch: PurgeBatch) -> None:
    """Send ``batch`` once the current transaction is committed (at once outside one)."""
    if batch.urls:
        transaction.on_commit(batch.purge)


def purge_published(sender, instance: Page, **kwargs) -> None:
    # Scheduling a future revision also sends page_published; nothing public changed then
    # unless the page is live (a live page keeps its live version until go-live).
    if purging_enabled() and instance.live:
        purge_after_commit(purge_batch_for(instance))


def purge_unpublished(sender, instance: Page, **kwargs) -> None:
    if purging_enabled():
        purge_after_commit(purge_batch_for(instance))


def purge_deleted(sender, instance: Page, **kwargs) -> None:
    # Collected before the row goes: afterwards neither its URL nor its listings can be found.
    # Deleting a page also deletes its base ``Page`` row: only the specific instance counts.
    if type(instance) is not instance.specific_class:
        return
    if purging_enabled() and instance.live:
        purge_after_commit(purge_batch_for(instance))


def remember_old_location(sender, instance: Page, parent_page_before: Page, **kwargs) -> None:
    """Before a move: the URLs of the old place, purged with the new ones after the move."""
    if purging_enabled() and instance.live:
        batch = purge_batch_for(instance.specific, parent_page_before)
        _moving.__dict__.setdefault("batches", {})[instance.pk] = batch


def purge_moved(sender, instance: Page, **kwargs) -> None:
    old = _moving.__dict__.get("batches", {}).pop(instance.pk, None)
    if old is None:
        return
    batch = purge_batch_for(instance.specific)
    batch.add_urls(old.urls)
    purge_after_commit(batch)


def purge_profile(sender, instance, **kwargs) -> None:
    """An institution profile shows on every page of its site: purge them all."""
    if purging_enabled() and instance.site_id:
        purge_after_commit(purge_batch_for_site(instance.site))


def purge_alternative(sender, instance, **kwargs) -> None:
    """A new, replaced or removed audio/braille version changes the live page that offers it."""
    if not purging_enabled():
        return
    page = Page.objects.filter(pk=instance.page_id, live=True).first()
    if page is not None:
        batch = PurgeBatch()
        batch.add_page(page.specific)
        purge_after_commit(batch)


def register_signal_handlers() -> None:
    """Connect the purging handlers for every page model, replacing Wagtail's own."""
    for model in get_page_models():
        page_published.disconnect(wagtail_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(wagtail_handlers.page_unpublished_signal_handler, sender=model)
        uid = f"home.purge.{model._meta.label_lower}"
        page_published.connect(purge_published, sender=model, dispatch_uid=f"{uid}.published")
        page_unpublished.connect(purge_unpublished, sender=model, dispatch_uid=f"{uid}.unpub")
        pre_delete.connect(purge_deleted, sender=model, dispatch_uid=f"{uid}.deleted")
        pre_page_move.connect(remember_old_location, sender=model, dispatch_uid=f"{uid}.premove")
        post_page_move.connect(purge_moved, sender=model, dispatch_uid=f"{uid}.moved")
    profile = apps.get_model("home", "InstitutionSettings")
    post_save.connect(purge_profile, sender=profile, dispatch_uid="home.purge.profile")
    for signal, kind in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(site_list_changed, sender=profile, dispatch_uid=f"home.sites.{kind}")
    post_save.connect(
        logo_changed, sender=apps.get_model("home", "InstitutionImage"), dispatch_uid="home.logo"
    )
    if apps.is_installed("accessibility"):
        for name in ("AudioVersion", "BrailleVersion"):
            model = apps.get_model("accessibility", name)
            for signal, kind in ((post_save, "saved"), (post_delete, "deleted")):
                signal.connect(
                    purge_alternative, sender=model, dispatch_uid=f"home.purge.{name}.{kind}"
                )
