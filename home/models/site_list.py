"""The stamp every process compares to know its copy of the site list is current."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteListVersion(models.Model):
    """One row whose ``stamp`` changes, in the same transaction, whenever the site list does.

    Read by :mod:`home.site_registry`. The stamp is a fresh random number, not a counter, so a
    rolled-back change can never bring back a value some process has cached data for.
    """

    stamp = models.BigIntegerField(_("stamp"), default=0)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("site list version")
        verbose_name_plural = _("site list versions")

    def __str__(self) -> str:
        return f"{self.stamp}"
