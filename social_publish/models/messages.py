"""The message an editor wrote for one page on one channel (the "Media sosial" composer)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PAGE_MODEL = "wagtailcore.Page"


class SocialMessage(models.Model):
    """An edited message; without one, delivery composes the message from the page.

    Only edited messages are stored: a message equal to the generated one is deleted, so a
    later change to the page's title or lead still reaches the generated text.
    """

    page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="social_messages",
    )
    channel = models.ForeignKey(
        "social_publish.Channel",
        verbose_name=_("channel"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    text = models.TextField(_("message"), blank=True)
    title = models.CharField(
        _("video title"), max_length=255, blank=True, help_text=_("Only for YouTube.")
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edited_at = models.DateTimeField(_("edited at"), auto_now=True)

    class Meta:
        verbose_name = _("social media message")
        verbose_name_plural = _("social media messages")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "channel"], name="social_one_message_per_channel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id} → {self.channel_id}"
