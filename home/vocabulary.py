"""Words every app shares: the types of institution and the channels a publication goes to.

Plain enums with lazy labels and no models, so that code loaded before the apps are ready
(the SOP definition reader in ``sop_workflow.definition``) may import them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from django.db.models.enums import TextChoices
from django.utils.translation import gettext_lazy as _

__all__ = [
    "CHANNEL_KEYS",
    "INSTITUTION_KINDS",
    "ChannelName",
    "InstitutionKind",
    "InstitutionType",
    "Tier",
    "institution_kind",
    "may_be_parent",
]


class Tier(IntEnum):
    """Where a kind of institution sits in the government hierarchy (lower is higher up)."""

    PROVINCE = 1  # provinsi
    REGENCY = 2  # kabupaten / kota
    DISTRICT = 3  # kecamatan and its regional names
    VILLAGE = 4  # desa / kelurahan and their regional names
    UNIT = 5  # an agency or office under a region: dinas, badan, UPT, puskesmas, sekolah …


@dataclass(frozen=True)
class InstitutionKind:
    """One row of the institution-type table: its key, Indonesian label and tier."""

    key: str
    label: str
    tier: Tier


#: Every kind of Indonesian unit that runs a website, in the order forms offer them. The one
#: table behind ``InstitutionType`` (settings, SOP definitions, commands) and the hierarchy rules.
INSTITUTION_KINDS: tuple[InstitutionKind, ...] = (
    InstitutionKind("provinsi", "Provinsi", Tier.PROVINCE),
    InstitutionKind("kabupaten", "Kabupaten", Tier.REGENCY),
    InstitutionKind("kota", "Kota", Tier.REGENCY),
    InstitutionKind("kecamatan", "Kecamatan", Tier.DISTRICT),
    InstitutionKind("kapanewon", "Kapanewon", Tier.DISTRICT),
    InstitutionKind("kemantren", "Kemantren", Tier.DISTRICT),
    InstitutionKind("distrik", "Distrik", Tier.DISTRICT),
    InstitutionKind("desa", "Desa", Tier.VILLAGE),
    InstitutionKind("kelurahan", "Kelurahan", Tier.VILLAGE),
    InstitutionKind("kalurahan", "Kalurahan", Tier.VILLAGE),
    InstitutionKind("nagari", "Nagari", Tier.VILLAGE),
    InstitutionKind("gampong", "Gampong", Tier.VILLAGE),
    InstitutionKind("kampung", "Kampung", Tier.VILLAGE),
    InstitutionKind("dinas", "Dinas", Tier.UNIT),
    InstitutionKind("badan", "Badan", Tier.UNIT),
    InstitutionKind("kantor", "Kantor", Tier.UNIT),
    InstitutionKind("bagian", "Bagian", Tier.UNIT),
    InstitutionKind("sekretariat", "Sekretariat", Tier.UNIT),
    InstitutionKind("upt", "UPT (Unit Pelaksana Teknis)", Tier.UNIT),
    InstitutionKind("puskesmas", "Puskesmas", Tier.UNIT),
    InstitutionKind("sekolah", "Sekolah", Tier.UNIT),
)

_KINDS_BY_KEY = {kind.key: kind for kind in INSTITUTION_KINDS}

#: The Django choices of the table (labels are Indonesian proper names, not translated).
InstitutionType = TextChoices(
    "InstitutionType", [(kind.key.upper(), (kind.key, kind.label)) for kind in INSTITUTION_KINDS]
)
InstitutionType.__doc__ = "The kind of institution: its settings, an SOP's ``[sop]`` header."


def institution_kind(key: str) -> InstitutionKind:
    """The table row of an institution type key; ``KeyError`` for an unknown key."""
    return _KINDS_BY_KEY[key]


def may_be_parent(parent_type: str, child_type: str) -> bool:
    """Whether an institution of ``parent_type`` may sit directly above one of ``child_type``.

    A region sits above the regions of a lower tier; a unit (dinas, UPT …) sits under any
    region or under another unit (a UPT under its dinas); a unit is never above a region.
    """
    parent, child = institution_kind(parent_type), institution_kind(child_type)
    if parent.tier is Tier.UNIT:
        return child.tier is Tier.UNIT
    return child.tier is Tier.UNIT or child.tier > parent.tier


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
