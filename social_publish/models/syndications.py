"""Syndication jobs (one row = one intended post) and the link reports they end in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

PAGE_MODEL = "wagtailcore.Page"


class SyndicationState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    NEEDS_RECONNECT = "needs_reconnect", _("Waiting for the channel to be reconnected")
    UNKNOWN = "unknown", _("Outcome unknown, checking")


#: States in which no worker will touch the row again without an explicit action.
ENDED_STATES = (SyndicationState.SENT, SyndicationState.FAILED)


class SyndicationQuerySet(models.QuerySet):
    def for_sites(self, sites) -> SyndicationQuerySet:
        return self.filter(channel__site__in=sites)


class Syndication(models.Model):
    """Publishing one page (one share round) on one channel.

    ``(page, channel, round)`` is unique: re-firing ``page_published`` can never create a second
    job, so it can never make a second post. ``round`` only grows through the explicit
    "share again" action.
    """

    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="syndications"
    )
    channel = models.ForeignKey(
        "social_publish.Channel",
        verbose_name=_("channel"),
        on_delete=models.CASCADE,
        related_name="syndications",
    )
    round = models.PositiveSmallIntegerField(_("share round"), default=1)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SyndicationState.choices, default="queued"
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    message = models.TextField(_("message"), blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    error_kind = models.CharField(_("error type"), max_length=20, blank=True)
    external_id = models.CharField(_("post ID"), max_length=255, blank=True)
    permalink = models.URLField(_("link"), max_length=500, blank=True)
    checkpoint = models.JSONField(_("progress"), default=dict, blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    started_at = models.DateTimeField(_("last attempt started at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    objects = SyndicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("syndication")
        verbose_name_plural = _("syndications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "channel", "round"], name="social_one_job_per_page_channel_round"
            ),
            # Belt and braces: even a buggy code path cannot record two posts of one round.
            models.UniqueConstraint(
                fields=["page", "channel", "round"],
                condition=models.Q(state="sent"),
                name="social_one_sent_per_page_channel_round",
            ),
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.page_id} → {self.channel} ({self.get_state_display()})"

    @property
    def is_ended(self) -> bool:
        return self.state in ENDED_STATES


class LinkReport(models.Model):
    """The SOP's link report: the links (and failures) of one page's share round, sent once."""

    site = models.ForeignKey(
        Site, verbose_name=_("institution"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="link_reports"
    )
    round = models.PositiveSmallIntegerField(_("share round"), default=1)
    links = models.JSONField(_("links"), default=list)
    failures = models.JSONField(_("failures"), default=list)
    recipients = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body = models.TextField(_("message"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("link report")
        verbose_name_plural = _("link reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "round"], name="social_one_report_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.page} ({self.created_at:%Y-%m-%d %H:%M})"
