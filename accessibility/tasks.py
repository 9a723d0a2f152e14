"""django-q2 jobs: the audio and braille versions of a published page.

Each job reads the page's *live* content, builds the spoken text (:mod:`accessibility.spoken`)
and does nothing when the stored version was made from the same text (same SHA-256). Otherwise
it writes a new file under a name derived from the hash, points the version at it and deletes
the previous file once the database change is committed.

:func:`sweep` (a django-q2 schedule, :mod:`cms.schedules`) queues the jobs again for live
articles whose version is missing or was made from another text: a job a worker refused (a
changed signing key), lost (a dead worker) or that failed is retried by the next sweep.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django_q.brokers import get_broker
from django_q.signing import SignedPackage
from django_q.tasks import async_task
from wagtail.models import Page

from accessibility import conf
from accessibility.braille import to_brf, to_unicode_braille
from accessibility.models import AudioVersion, BrailleVersion
from accessibility.signal_handlers import versioned_models
from accessibility.speech import get_backend
from accessibility.spoken import SpokenArticle, spoken_article
from home.tenancy_content import foreign_references, institution_of_page

logger = logging.getLogger(__name__)

UNCHANGED = "unchanged"
NOT_LIVE = "not live"
FOREIGN_MEDIA = "foreign media"


def announce_version_saved(page_id: int) -> None:
    from accessibility.obligations import announce_version_saved as announce

    announce(page_id)


def speech_backend():
    """The engine named by ``ACCESSIBILITY_SPEECH_BACKEND`` (espeak-ng when unset)."""
    return get_backend(conf.get("ACCESSIBILITY_SPEECH_BACKEND") or None)


def _live_article(page_id: int) -> tuple[Page, SpokenArticle] | str:
    """The live page and its spoken text; ``NOT_LIVE`` or ``FOREIGN_MEDIA`` (logged) if none.

    The job re-checks that every image and document the live page uses is its institution's
    before reading any of it (the alt texts and descriptions it speaks come from them).
    """
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return NOT_LIVE
    page = page.specific
    institution = institution_of_page(page)
    foreign = foreign_references(page, institution) if institution else []
    if foreign:
        logger.warning(
            "No audio or braille version of page %s: its %s uses another institution's %s",
            page.pk,
            ", ".join(ref.field for ref in foreign),
            ", ".join(ref.kind for ref in foreign),
        )
        return FOREIGN_MEDIA
    return page, spoken_article(page)


def generate_audio(page_id: int) -> str:
    """Synthesize the page's audio version unless its spoken text is unchanged.

    Returns:
        The stored file name, or ``"unchanged"`` / ``"not live"`` / ``"foreign media"``.
    """
    found = _live_article(page_id)
    if isinstance(found, str):
        return found
    page, article = found
    current = AudioVersion.objects.filter(page_id=page.pk).first()
    if current is not None and current.matches(article.hash):
        return UNCHANGED
    backend = speech_backend()
    with tempfile.TemporaryDirectory(prefix="audio-version-") as tmp:
        info = backend.synthesize(article.text, Path(tmp) / f"page-{page.pk}.mp3")
        version = current or AudioVersion(page_id=page.pk)
        old_name = version.file.name if current else ""
        version.text_hash = article.hash
        with info.path.open("rb") as handle:
            version.file.save(f"{page.pk}.mp3", File(handle), save=False)
    version.mime_type = info.mime_type
    version.duration_seconds = info.duration_seconds
    version.size_bytes = info.size_bytes
    version.backend = backend.name
    version.word_count = article.word_count
    _save_replacing(version, old_name)
    logger.info("Audio version of page %s: %.1f s", page.pk, info.duration_seconds)
    return version.file.name


def generate_braille(page_id: int) -> str:
    """Translate the page into a BRF file (and Unicode braille) unless its text is unchanged."""
    found = _live_article(page_id)
    if isinstance(found, str):
        return found
    page, article = found
    current = BrailleVersion.objects.filter(page_id=page.pk).first()
    if current is not None and current.matches(article.hash):
        return UNCHANGED
    brf = to_brf(article.title, article.paragraphs)
    version = current or BrailleVersion(page_id=page.pk)
    old_name = version.file.name if current else ""
    version.text_hash = article.hash
    version.file.save(f"{page.pk}.brf", ContentFile(brf), save=False)
    version.unicode_text = to_unicode_braille(article.text)
    version.braille_pages = brf.count(b"\f") + 1
    version.size_bytes = len(brf)
    _save_replacing(version, old_name)
    return version.file.name


def _save_replacing(version, old_name: str) -> None:
    """Save ``version``; after the commit, delete the file it used to point at."""
    storage = version.file.storage
    with transaction.atomic():
        version.save()
        if old_name and old_name != version.file.name:
            transaction.on_commit(lambda: storage.delete(old_name))
        announce_version_saved(version.page_id)


# The version models and the job that makes each, by kind.
JOBS = {
    "audio": (AudioVersion, "accessibility.tasks.generate_audio"),
    "braille": (BrailleVersion, "accessibility.tasks.generate_braille"),
}


def _queued_jobs() -> set[tuple[str, int]]:
    """``(function, page id)`` of the version jobs the broker still holds.

    On the ORM broker a row stays (locked) until its job is acknowledged, so this includes the
    jobs a worker is running; on Redis only those still waiting. A package the current key cannot
    read is not counted: the worker refuses it too.
    """
    broker = get_broker()
    connection = broker.connection
    if hasattr(connection, "lrange"):  # Redis
        payloads = connection.lrange(broker.list_key, 0, -1)
    elif hasattr(connection, "model"):  # the ORM broker's OrmQ manager
        payloads = connection.filter(key=broker.list_key).values_list("payload", flat=True)
    else:  # another broker: nothing to inspect, the hash check makes a repeat harmless
        return set()
    queued = set()
    for payload in payloads:
        try:
            task = SignedPackage.loads(payload)
        except Exception:  # noqa: BLE001 - refused by the worker as well
            continue
        if task.get("func") in {func for _, func in JOBS.values()} and task.get("args"):
            queued.add((task["func"], int(task["args"][0])))
    return queued


def _needs_version(model, page_id: int) -> bool:
    version = model.objects.filter(page_id=page_id).first()
    page = Page.objects.get(pk=page_id).specific
    return version is None or not version.matches(spoken_article(page).hash)


def sweep(limit: int | None = None) -> int:
    """Queue the audio/braille job again for live articles whose version is missing or stale.

    A version is stale when its text hash differs from the live article's (only articles
    published after their version was made are hashed). At most ``limit`` jobs
    (``ACCESSIBILITY_SWEEP_LIMIT``) are queued per run, and none for a page whose job of the same
    kind is still queued.

    Returns:
        The number of jobs queued.
    """
    limit = conf.get("ACCESSIBILITY_SWEEP_LIMIT") if limit is None else limit
    labels = {tuple(name.split(".", 1)) for name in versioned_models()}
    types = Q()
    for app_label, model in labels:
        types |= Q(content_type__app_label=app_label, content_type__model=model)
    if not labels:
        return 0
    in_flight = _queued_jobs()
    queued = 0
    for kind, (model, func) in JOBS.items():
        relation = model._meta.get_field("page").related_query_name()
        candidates = (
            Page.objects.live()
            .filter(types)
            .filter(
                Q(**{f"{relation}__isnull": True})
                | Q(**{f"{relation}__file": ""})
                | Q(last_published_at__gt=F(f"{relation}__created_at"))
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        # A list, not an iterator: the ORM broker closes old connections on each enqueue.
        for page_id in list(candidates):
            if queued >= limit:
                return queued
            if (func, page_id) in in_flight or not _needs_version(model, page_id):
                continue
            async_task(func, page_id, task_name=f"{kind}-{page_id}")
            in_flight.add((func, page_id))
            queued += 1
    if queued:
        logger.info("Accessibility sweep queued %s version job(s)", queued)
    return queued
