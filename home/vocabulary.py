"""Words every app shares: the types of institution and the channels a publication goes to.

Plain enums with lazy labels and no models, so that code loaded before the apps are ready
(the SOP definition reader in ``sop_workflow.definition``) may import them.
"""

from __future__ import annotations

from django.db.models.enums import TextChoices
from django.utils.translation import gettext_lazy as _

__all__ = ["CHANNEL_KEYS", "ChannelName", "InstitutionType"]


class InstitutionType(TextChoices):
    """The kind of institution: its settings' ``institution_type`` and an SOP's ``[sop]`` header."""

    KAPANEWON = "kapanewon", _("Kapanewon")
    KALURAHAN = "kalurahan", _("Kalurahan / Desa")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DINAS = "dinas", _("Dinas")


class ChannelName(TextChoices):
    """A dissemination channel an SOP step may name, in the order the platform choice shows them.

    ``website`` is the page itself; the others are syndication channels (``social_publish``
    maps them to its channel kinds).
    """

    WEBSITE = "website", _("Website")
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    YOUTUBE = "youtube", "YouTube"
    X = "x", "X (Twitter)"
    SATU_DATA = "satu_data", _("Portal Satu Data")


#: The channel names, in display order.
CHANNEL_KEYS: tuple[str, ...] = tuple(ChannelName.values)
