"""When a page goes live, queue its audio and braille versions (after the commit); refuse to
finish a workflow that would publish a page lacking alternatives."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import pre_save
from django_q.tasks import async_task
from wagtail.signals import page_published

from accessibility import conf


def versioned_models() -> set[str]:
    """Page models (``app_label.modelname``) that get audio and braille versions."""
    names = conf.get("ACCESSIBILITY_VERSIONED_PAGE_MODELS")
    return {name.lower() for name in names}


def queue_versions(page_id: int) -> None:
    """Enqueue the audio and the braille job for ``page_id``."""
    async_task("accessibility.tasks.generate_audio", page_id, task_name=f"audio-{page_id}")
    async_task("accessibility.tasks.generate_braille", page_id, task_name=f"braille-{page_id}")


def on_page_published(sender, instance, **kwargs) -> None:
    # Scheduling a future go-live sends page_published too, with the page not live yet.
    if not instance.live or instance._meta.label_lower not in versioned_models():
        return
    page_id = instance.pk
    transaction.on_commit(lambda: queue_versions(page_id))


def register_signal_handlers() -> None:
    from wagtail.models import WorkflowState

    from accessibility.publishing import refuse_incomplete_finish

    page_published.connect(on_page_published, dispatch_uid="accessibility_page_published")
    pre_save.connect(
        refuse_incomplete_finish,
        sender=WorkflowState,
        dispatch_uid="accessibility_refuse_incomplete_finish",
    )
