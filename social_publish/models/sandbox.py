"""The posts of the rehearsal channel (*Uji coba*): kept in the database, shown in the admin."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

PAGE_MODEL = "wagtailcore.Page"


class SandboxPostQuerySet(models.QuerySet):
    def for_sites(self, sites) -> SandboxPostQuerySet:
        return self.filter(channel__site__in=sites)


class SandboxPost(models.Model):
    """One post the rehearsal channel received: what a platform would have shown.

    ``key`` is the delivery attempt's idempotency key (kept in the syndication's checkpoint),
    so a retried attempt finds its post instead of making a second one.
    """

    channel = models.ForeignKey(
        "social_publish.Channel",
        verbose_name=_("channel"),
        on_delete=models.CASCADE,
        related_name="sandbox_posts",
    )
    page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    key = models.CharField(max_length=64, unique=True, editable=False)
    url = models.URLField(_("page address"), max_length=500)
    title = models.CharField(_("title"), max_length=255)
    message = models.TextField(_("message"), blank=True)
    image_alt = models.TextField(_("image alt text"), blank=True)
    media_names = models.JSONField(_("media"), default=list, blank=True)
    permalink = models.URLField(_("link"), max_length=500, blank=True)
    created = models.DateTimeField(_("posted at"), auto_now_add=True)

    objects = SandboxPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("rehearsal post")
        verbose_name_plural = _("rehearsal posts")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def anchor(self) -> str:
        """The id of the post's element on the feed page (the permalink's fragment)."""
        return f"uji-coba-{self.pk}"
