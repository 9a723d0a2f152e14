"""Syndication jobs: queue, claim, publish exactly once, retry, park, reconcile.

Exactly once, in three parts:

1. One row per (page, channel, share round), created idempotently: re-fired signals and
   duplicate jobs find the same row.
2. A job *claims* the row with one conditional UPDATE (queued/unknown → sending, attempts + 1)
   committed before any call goes out; a second job for the same row finds it claimed and stops.
   A row stuck in "sending" after the lease (longer than the cluster timeout) belongs to a dead
   worker and may be claimed again.
3. Any attempt after the first asks the platform first whether the post already exists (the
   page's URL in the account's recent posts) and records it instead of posting again. Progress
   inside an attempt (Instagram container, YouTube session, the post id) is saved as it happens.
"""

from __future__ import annotations

import logging
import random
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from social_publish import conf
from social_publish.models import Channel, ChannelStatus, Syndication, SyndicationState
from social_publish.posts import build_post
from social_publish.providers import (
    OutcomeUnknown,
    PermanentError,
    Post,
    ProviderError,
    Result,
    TokenError,
    provider_for,
)

logger = logging.getLogger("social_publish")
S = SyndicationState
TASK = "social_publish.tasks.deliver"


# -- queueing ----------------------------------------------------------------------------


def enqueue(page, channels, *, revision=None, round: int = 1, user=None) -> list[Syndication]:
    """Create the rows of ``page`` × ``channels`` (idempotent) and start their jobs on commit."""
    created = []
    for channel in channels:
        row, made = Syndication.objects.get_or_create(
            page_id=page.pk,
            channel=channel,
            round=round,
            defaults={"revision": revision, "requested_by": user},
        )
        if made:
            created.append(row)
    pks = [row.pk for row in created]
    transaction.on_commit(lambda: [dispatch(pk) for pk in pks])
    return created


def dispatch(pk: int, delay: float | None = None) -> None:
    """Hand the job of row ``pk`` to django-q2, now or after ``delay`` seconds."""
    if conf.get("SOCIAL_SYNC"):
        if not delay:
            deliver(pk)
        return
    from django_q.models import Schedule
    from django_q.tasks import async_task, schedule

    if not delay:
        async_task(TASK, pk, group=f"social-{pk}")
        return
    schedule(
        TASK,
        pk,
        name=f"social-retry-{pk}-{timezone.now().timestamp():.0f}",
        schedule_type=Schedule.ONCE,
        repeats=-1,
        next_run=timezone.now() + timedelta(seconds=delay),
    )


def backoff(attempts: int, retry_after: float | None = None) -> float:
    """Seconds before the next attempt: exponential with full jitter, at least ``retry_after``."""
    base = conf.get("SOCIAL_RETRY_BASE_SECONDS")
    ceiling = conf.get("SOCIAL_RETRY_MAX_SECONDS")
    delay = min(ceiling, base * 2 ** max(attempts - 1, 0))
    delay = delay / 2 + random.uniform(0, delay / 2)
    if retry_after:
        delay = max(delay, retry_after + random.uniform(0, max(retry_after * 0.1, 1)))
    return delay


# -- one job -----------------------------------------------------------------------------


def claim(pk: int) -> tuple[Syndication, bool] | None:
    """Mark row ``pk`` as sending in its own transaction.

    Returns the row and whether an earlier attempt may have reached the platform, or ``None``
    when the row is not ours to work on (ended, parked, in flight, or not due yet).
    """
    now = timezone.now()
    lease = now - timedelta(seconds=conf.get("SOCIAL_SENDING_LEASE_SECONDS"))
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now + timedelta(seconds=5))
    claimable = (Q(state__in=[S.QUEUED, S.UNKNOWN]) & due) | Q(
        state=S.SENDING, started_at__lt=lease
    )
    with transaction.atomic():
        before = (
            Syndication.objects.select_for_update()
            .filter(claimable, pk=pk)
            .values("attempts", "state")
            .first()
        )
        if before is None:
            return None
        Syndication.objects.filter(pk=pk).update(
            state=S.SENDING, attempts=F("attempts") + 1, started_at=now, next_attempt_at=None
        )
    row = Syndication.objects.select_related("channel", "channel__site").get(pk=pk)
    return row, before["attempts"] > 0


def deliver(pk: int) -> str:
    """The django-q2 job: publish row ``pk`` once. Returns the row's final state this run."""
    claimed = claim(pk)
    if claimed is None:
        return "skipped"
    row, seen_before = claimed
    if row.channel.status != ChannelStatus.ACTIVE:
        return park(row, row.channel.status_detail or _("The channel needs reconnecting."))
    try:
        result = attempt(row, seen_before)
    except TokenError as error:
        notify = row.channel.mark_needs_reconnect(error.message)
        state = park(row, error.message)
        if notify:
            from social_publish.notifications import notify_reconnect

            notify_reconnect(row.channel)
        return state
    except PermanentError as error:
        return finish(row, S.FAILED, error=error)
    except ProviderError as error:
        return retry_later(row, error)
    except Exception as exc:  # a bug or an unexpected answer: the post may exist, check first
        logger.exception("syndication %s: unexpected error", pk)
        error = OutcomeUnknown(_("Unexpected error; the account will be checked before retrying."))
        error.detail = type(exc).__name__
        return retry_later(row, error)
    return mark_sent(row, result)


def attempt(row: Syndication, seen_before: bool) -> Result:
    """Reconcile when an earlier attempt may have posted, else publish."""
    provider = provider_for(row.channel)
    post = post_for(row, provider)
    idempotent = getattr(provider, "idempotent", False)
    known = row.checkpoint.get("external_id")
    if known and not idempotent:  # posted earlier; only the link may be missing
        return Result(known, provider.permalink(known))
    if seen_before and not idempotent:
        found = provider.find_existing(post)
        if found is not None:
            logger.info("syndication %s: reconciled, post %s exists", row.pk, found.external_id)
            return found
    problems = provider.validate_message(post.message, post)
    if problems:
        raise PermanentError(" ".join(str(p) for p in problems), "validation")

    def save(checkpoint: dict) -> None:
        row.checkpoint = checkpoint
        Syndication.objects.filter(pk=row.pk).update(checkpoint=checkpoint)

    return provider.publish(post, dict(row.checkpoint), save)


def post_for(row: Syndication, provider) -> Post:
    """The post of ``row``: the editor's message when there is one, else the generated one.

    The message is kept on the row at the first attempt, so a retry (or a reconciliation)
    sends exactly what the first attempt sent, whatever was edited since.
    """
    from social_publish.composer import custom_message

    post = build_post(row.page, row.message)
    custom = custom_message(row.page_id, row.channel_id)
    if custom is not None:
        post.title = custom.title or post.title
        post.message = post.message or custom.text
    post.message = post.message or provider.compose(post)
    if row.message != post.message:
        row.message = post.message
        Syndication.objects.filter(pk=row.pk).update(message=post.message)
    return post


def _owned(row: Syndication):
    """Our claim, fenced by its start time: a later claim by another worker wins."""
    return Syndication.objects.filter(pk=row.pk, state=S.SENDING, started_at=row.started_at)


def mark_sent(row: Syndication, result: Result) -> str:
    now = timezone.now()
    _owned(row).update(
        state=S.SENT,
        external_id=result.external_id,
        permalink=result.permalink[:500],
        last_error="",
        error_kind="",
        sent_at=now,
        ended_at=now,
    )
    return after_change(row, S.SENT)


def finish(row: Syndication, state: str, *, error: ProviderError) -> str:
    logger.warning("syndication %s: %s (%s)", row.pk, error.kind, error.detail)
    _owned(row).update(
        state=state,
        last_error=str(error.message)[:500],
        error_kind=error.kind,
        ended_at=timezone.now(),
    )
    return after_change(row, state)


def park(row: Syndication, message: str) -> str:
    """Wait for the channel to be reconnected (:func:`resume_channel` re-queues)."""
    _owned(row).update(state=S.NEEDS_RECONNECT, last_error=str(message)[:500], error_kind="token")
    return after_change(row, S.NEEDS_RECONNECT)


def retry_later(row: Syndication, error: ProviderError) -> str:
    if row.attempts >= conf.get("SOCIAL_MAX_ATTEMPTS"):
        return finish(row, S.FAILED, error=error)
    logger.info("syndication %s: %s, retrying (%s)", row.pk, error.kind, error.detail)
    delay = backoff(row.attempts, error.retry_after)
    state = S.UNKNOWN if isinstance(error, OutcomeUnknown) else S.QUEUED
    changed = _owned(row).update(
        state=state,
        last_error=str(error.message)[:500],
        error_kind=error.kind,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
    )
    if changed:
        dispatch(row.pk, delay)
    return state


def after_change(row: Syndication, state: str) -> str:
    from social_publish.reports import report_if_complete

    report_if_complete(row.page_id, row.round)
    return state


# -- explicit actions --------------------------------------------------------------------


def retry_now(row: Syndication, user=None) -> bool:
    """Admin "retry": a failed, parked or waiting job runs again now (reconciling first)."""
    changed = Syndication.objects.filter(
        pk=row.pk, state__in=[S.FAILED, S.QUEUED, S.UNKNOWN, S.NEEDS_RECONNECT]
    ).update(state=S.QUEUED, next_attempt_at=None, ended_at=None, requested_by=user)
    if changed:
        transaction.on_commit(lambda: dispatch(row.pk))
    return bool(changed)


def share_again(page, channels, user=None) -> list[Syndication]:
    """Admin "share again": a new round, one new post per channel."""
    last = Syndication.objects.filter(page_id=page.pk).order_by("-round").first()
    round_ = (last.round + 1) if last else 1
    return enqueue(page, channels, round=round_, user=user)


def resume_channel(channel: Channel) -> int:
    """After a reconnect: every job parked on ``channel`` goes back into the queue."""
    pks = list(
        Syndication.objects.filter(channel=channel, state=S.NEEDS_RECONNECT).values_list(
            "pk", flat=True
        )
    )
    Syndication.objects.filter(pk__in=pks).update(state=S.QUEUED, next_attempt_at=None)
    transaction.on_commit(lambda: [dispatch(pk) for pk in pks])
    return len(pks)


def sweep() -> int:
    """Re-dispatch jobs whose worker died or whose scheduled retry got lost."""
    now = timezone.now()
    lease = now - timedelta(seconds=conf.get("SOCIAL_SENDING_LEASE_SECONDS"))
    overdue = now - timedelta(minutes=5)
    pks = list(
        Syndication.objects.filter(
            Q(state=S.SENDING, started_at__lt=lease)
            | Q(state__in=[S.QUEUED, S.UNKNOWN], next_attempt_at__lt=overdue)
            | Q(state=S.QUEUED, next_attempt_at__isnull=True, updated_at__lt=overdue)
        ).values_list("pk", flat=True)
    )
    for pk in pks:
        dispatch(pk)
    report_overdue_parked()
    return len(pks)


def report_overdue_parked() -> None:
    """Send the link reports held back by jobs parked longer than the grace period."""
    from social_publish.reports import report_if_complete

    since = timezone.now() - timedelta(seconds=conf.get("SOCIAL_REPORT_PARKED_GRACE_SECONDS"))
    stale = (
        Syndication.objects.filter(state=S.NEEDS_RECONNECT, updated_at__lt=since)
        .values_list("page_id", "round")
        .distinct()
    )
    for page_id, round_ in stale:
        report_if_complete(page_id, round_, parked_is_ended=True)
