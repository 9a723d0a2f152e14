"""A channel: one connected account of one institution on one platform."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from social_publish import crypto


class ChannelKind(models.TextChoices):
    FACEBOOK = "facebook", _("Facebook Page")
    INSTAGRAM = "instagram", _("Instagram")
    YOUTUBE = "youtube", _("YouTube")
    X = "x", _("X")
    CKAN = "ckan", _("Portal Satu Data (CKAN)")
    SANDBOX = "sandbox", _("Rehearsal")


#: How a rehearsal channel is labelled wherever it appears (list, composer, report, feed).
SANDBOX_LABEL = _("Rehearsal — not sent to any platform")


class ChannelStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    NEEDS_RECONNECT = "needs_reconnect", _("Needs reconnecting")
    DISABLED = "disabled", _("Disabled")


class ChannelQuerySet(models.QuerySet):
    def for_sites(self, sites) -> ChannelQuerySet:
        return self.filter(site__in=sites)

    def active(self) -> ChannelQuerySet:
        return self.filter(status=ChannelStatus.ACTIVE)


class Channel(models.Model):
    """One account of an institution (a Facebook Page, an X account, a CKAN organisation…).

    Tokens are stored encrypted (see :mod:`social_publish.crypto`) and are only readable
    through :attr:`access_token` / :attr:`refresh_token`; forms never show them.
    """

    site = models.ForeignKey(
        Site, verbose_name=_("institution"), on_delete=models.CASCADE, related_name="channels"
    )
    kind = models.CharField(_("platform"), max_length=20, choices=ChannelKind.choices)
    name = models.CharField(_("name"), max_length=255)
    account_id = models.CharField(_("account ID"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ChannelStatus.choices, default=ChannelStatus.ACTIVE
    )
    status_detail = models.CharField(_("status detail"), max_length=500, blank=True)
    publish_by_default = models.BooleanField(
        _("publish by default"),
        default=True,
        help_text=_(
            "New pages go to this channel unless the SOP's platform choice says otherwise."
        ),
    )
    base_url = models.URLField(
        _("portal address"), blank=True, help_text=_("Only for Portal Satu Data (CKAN).")
    )
    extra = models.JSONField(_("account details"), default=dict, blank=True)
    access_token_encrypted = models.TextField(editable=False, blank=True)
    refresh_token_encrypted = models.TextField(editable=False, blank=True)
    token_expires_at = models.DateTimeField(_("token expires at"), null=True, blank=True)
    connected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("connected by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    connected_at = models.DateTimeField(_("connected at"), null=True, blank=True)
    checked_at = models.DateTimeField(_("last checked at"), null=True, blank=True)

    objects = ChannelQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["site", "kind", "name"]
        constraints = [
            # Connecting the same account twice would post everything twice.
            models.UniqueConstraint(
                fields=["site", "kind", "account_id"], name="social_unique_account_per_site"
            )
        ]

    def __str__(self) -> str:
        if self.is_sandbox:
            return str(SANDBOX_LABEL)
        return f"{self.get_kind_display()}: {self.name}"

    def __repr__(self) -> str:  # never let a token reach a log line through repr()
        return f"<Channel {self.pk} {self.kind} {self.account_id!r}>"

    @property
    def access_token(self) -> str:
        return crypto.decrypt(self.access_token_encrypted)

    @access_token.setter
    def access_token(self, value: str) -> None:
        self.access_token_encrypted = crypto.encrypt(value)

    @property
    def refresh_token(self) -> str:
        return crypto.decrypt(self.refresh_token_encrypted)

    @refresh_token.setter
    def refresh_token(self, value: str) -> None:
        self.refresh_token_encrypted = crypto.encrypt(value)

    @property
    def is_sandbox(self) -> bool:
        """Whether this is the rehearsal channel (posts stay in the admin's rehearsal feed)."""
        return self.kind == ChannelKind.SANDBOX

    @property
    def platform_label(self) -> str:
        """The platform as the channel list shows it; the rehearsal channel says it posts
        nowhere."""
        return str(SANDBOX_LABEL) if self.is_sandbox else self.get_kind_display()

    @property
    def is_usable(self) -> bool:
        return self.status == ChannelStatus.ACTIVE

    def connect(self, *, user=None, access_token: str, refresh_token: str = "", expires_at=None):
        """Store fresh credentials and make the channel active (not saved)."""
        self.access_token = access_token
        if refresh_token:
            self.refresh_token = refresh_token
        self.token_expires_at = expires_at
        self.status = ChannelStatus.ACTIVE
        self.status_detail = ""
        self.connected_by = user
        self.connected_at = timezone.now()

    def mark_needs_reconnect(self, detail: str) -> bool:
        """Mark the channel as needing a reconnect; True when it was not marked already."""
        changed = (
            Channel.objects.filter(pk=self.pk)
            .exclude(status=ChannelStatus.NEEDS_RECONNECT)
            .update(status=ChannelStatus.NEEDS_RECONNECT, status_detail=detail[:500])
        )
        self.status, self.status_detail = ChannelStatus.NEEDS_RECONNECT, detail[:500]
        return bool(changed)
