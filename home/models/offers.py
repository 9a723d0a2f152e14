"""A region's article offered to the institutions below it, and each one's answer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ArticleOffer(models.Model):
    """A published news page of a region, offered once to every institution below it."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="regional_offer",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("offering institution"),
        on_delete=models.CASCADE,
        related_name="article_offers",
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    offered_at = models.DateTimeField(_("offered at"), default=timezone.now)

    class Meta:
        verbose_name = _("offered article")
        verbose_name_plural = _("offered articles")
        ordering = ["-offered_at"]

    def __str__(self) -> str:
        return self.page.title


class OfferDecision(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    DECLINED = "declined", _("Declined")


class ArticleOfferAnswer(models.Model):
    """What one institution below did with an offer: adopted it (its own draft copy) or
    declined it. At most one answer per institution."""

    offer = models.ForeignKey(
        ArticleOffer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="answers"
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="article_offer_answers",
    )
    decision = models.CharField(_("decision"), max_length=10, choices=OfferDecision.choices)
    copy = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("adopted copy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("answer to an offered article")
        verbose_name_plural = _("answers to offered articles")
        constraints = [
            models.UniqueConstraint(fields=["offer", "site"], name="one_answer_per_institution")
        ]

    def __str__(self) -> str:
        return f"{self.offer} → {self.site}: {self.get_decision_display()}"
