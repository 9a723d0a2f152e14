"""What the SOP decides for ``social_publish``: the channels of a page and the link-report roles.

These functions are registered in :mod:`sop_workflow.wagtail_hooks` for the hooks of
:mod:`social_publish.selection`; they speak that app's vocabulary (channel kinds, role keys)
without importing it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from home.vocabulary import CHANNEL_KEYS, ChannelName
from sop_workflow.definition import Kind
from sop_workflow.models import InstalledSop, PlatformChoice

#: SOP channel names → ``social_publish`` channel kinds ("website" is the page itself).
SOP_CHANNEL_KINDS = {
    **{
        name: name
        for name in CHANNEL_KEYS
        if name not in (ChannelName.WEBSITE, ChannelName.SATU_DATA)
    },
    ChannelName.SATU_DATA.value: "ckan",
}


def platform_choice(*, page, revision, site, channels) -> list[Any] | None:
    """The ``channels`` chosen in the SOP's platform-choice step (Bunder step 7), or ``None``
    when nobody chose (then the institution's default channels are used).

    Args:
        channels: the institution's usable channels (a queryset of ``social_publish``'s
            ``Channel``), to choose from.
    """
    choices = PlatformChoice.objects.filter(page_id=page.pk).order_by("-chosen_at", "-pk")
    choice = choices.filter(revision=revision).first() or choices.first()
    if choice is None:
        return None
    kinds = {SOP_CHANNEL_KINDS[name] for name in choice.channels if name in SOP_CHANNEL_KINDS}
    return list(channels.filter(kind__in=kinds))


def fixed_channel_kinds(*, site) -> list[str] | None:
    """The channel kinds the SOP's publication and after-publication steps name (``channels``),
    or ``None`` when they name none (then every default channel is used)."""
    installed = InstalledSop.current_for_site(site)
    if installed is None:
        return None
    kinds = (Kind.PUBLICATION, Kind.AFTER_PUBLICATION)
    steps = [step for step in installed.definition.steps if step.kind in kinds]
    names = {name for step in steps for name in step.channels}
    if not names:
        return None
    return sorted(SOP_CHANNEL_KINDS[name] for name in names if name in SOP_CHANNEL_KINDS)


def link_report_roles(*, site) -> Iterable[str] | None:
    """The roles the current SOP's link-report step names (``link_report_to``), or ``None``."""
    installed = InstalledSop.current_for_site(site)
    if installed is None:
        return None
    keys = [key for step in installed.definition.steps for key in step.link_report_to]
    return list(dict.fromkeys(keys)) or None


def _publication_steps(site) -> list:
    installed = InstalledSop.current_for_site(site)
    if installed is None:
        return []
    return installed.definition.steps_of(Kind.PUBLICATION)


def required_channels(*, site) -> list[str] | None:
    """The SOP channel keys the publication step obliges (``required_channels``), or ``None``."""
    keys = [key for step in _publication_steps(site) for key in step.required_channels]
    return list(dict.fromkeys(keys)) or None


#: The accessible forms that are separate files the link report waits for ("visual" is the page).
VERSION_FORMATS = ("audio", "braille")


def required_versions(*, site) -> list[str] | None:
    """The accessible versions the SOP obliges (``accessibility``: Jenawi), or ``None``."""
    installed = InstalledSop.current_for_site(site)
    if installed is None:
        return None
    kinds = (Kind.PUBLICATION, Kind.AFTER_PUBLICATION)
    named = {
        f for step in installed.definition.steps if step.kind in kinds for f in step.accessibility
    }
    return [f for f in VERSION_FORMATS if f in named] or None
