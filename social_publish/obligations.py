"""What an item must reach and what the link report waits for, as other apps say through hooks.

* ``social_publish_required_channels``: ``func(site=)`` returns the SOP channel keys
  (:class:`home.vocabulary.ChannelName`) the institution must disseminate on, or ``None``.
  ``sop_workflow`` registers the ``required_channels`` of the SOP's publication step.
* ``social_publish_required_versions``: ``func(site=)`` returns the accessible versions
  (``"audio"``, ``"braille"``) the link report waits for, or ``None``. ``sop_workflow``
  registers the SOP's ``accessibility`` obligation (Jenawi).
* ``social_publish_versions``: ``func(page=)`` returns ``{"audio": url, "braille": url}`` of the
  live page's current versions (an empty url: not made yet), or ``None`` when the page type
  gets no versions. ``accessibility`` registers it.

A required channel the item does not go to is never skipped silently: the publication task
shows it before approval and the link report lists it as not sent, with the reason.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail import hooks

from home.vocabulary import ChannelName
from social_publish.models import Channel, ChannelKind, ChannelStatus
from social_publish.providers import Post, provider_class, provider_for
from social_publish.selection import chosen_channels, usable_channels

REQUIRED_CHANNELS_HOOK = "social_publish_required_channels"
REQUIRED_VERSIONS_HOOK = "social_publish_required_versions"
VERSIONS_HOOK = "social_publish_versions"

#: SOP channel keys → channel kinds (the website is the page itself).
CHANNEL_KINDS = {
    ChannelName.INSTAGRAM.value: ChannelKind.INSTAGRAM.value,
    ChannelName.FACEBOOK.value: ChannelKind.FACEBOOK.value,
    ChannelName.YOUTUBE.value: ChannelKind.YOUTUBE.value,
    ChannelName.X.value: ChannelKind.X.value,
    ChannelName.SATU_DATA.value: ChannelKind.CKAN.value,
}
NOT_SENT = "not_sent"


def _first_answer(name: str, **kwargs):
    for hook in hooks.get_hooks(name):
        answer = hook(**kwargs)
        if answer is not None:
            return answer
    return None


def required_kinds(site) -> list[str]:
    """The channel kinds ``site``'s SOP obliges, in the SOP's order."""
    keys = _first_answer(REQUIRED_CHANNELS_HOOK, site=site) or []
    return list(dict.fromkeys(CHANNEL_KINDS[k] for k in keys if k in CHANNEL_KINDS))


def kind_label(kind: str) -> str:
    return str(ChannelKind(kind).label)


def cannot_carry(kind: str, post: Post) -> str:
    """Why a channel of ``kind`` cannot carry ``post`` (empty: it can)."""
    if provider_class(kind)(Channel(kind=kind)).applies_to(post):
        return ""
    reasons = {
        ChannelKind.INSTAGRAM: _(
            "Instagram only takes posts with an image: choose a share image (with alt text) "
            "on the page."
        ),
        ChannelKind.YOUTUBE: _(
            "YouTube only takes a video: add an uploaded video block to the page's body."
        ),
        ChannelKind.CKAN: _(
            "Portal Satu Data only takes a data set: add a document block to the page's body."
        ),
    }
    return str(reasons.get(kind, _("The platform cannot carry this item.")))


def gap_reason(kind: str, site, post: Post) -> str:
    """Why a required channel of ``kind`` does not receive ``post``, and how to fix it."""
    label = kind_label(kind)
    channels = usable_channels(site).filter(kind=kind)
    if not channels.exists():
        return _(
            "%(channel)s is not connected: an institution administrator connects it under "
            "Social media → Channels."
        ) % {"channel": label}
    if not channels.filter(status=ChannelStatus.ACTIVE).exists():
        return _(
            "%(channel)s needs reconnecting: an institution administrator reconnects it under "
            "Social media → Channels."
        ) % {"channel": label}
    return cannot_carry(kind, post) or _("%(channel)s was not chosen for this item.") % {
        "channel": label
    }


def channel_gaps(site, post: Post, handled_kinds: set[str]) -> list[dict]:
    """The required channels outside ``handled_kinds``, each with its reason (report rows)."""
    return [
        {"channel": kind_label(kind), "kind": kind, "state": NOT_SENT, "error": str(reason)}
        for kind in required_kinds(site)
        if kind not in handled_kinds
        for reason in [gap_reason(kind, site, post)]
    ]


def planned_gaps(page, revision, site) -> list[dict]:
    """Before publication: the required channels ``page`` will not go to, with the reasons.

    The same choice the publication makes (:func:`chosen_channels`, then only the channels
    that can carry the item when nobody chose explicitly).
    """
    from social_publish.posts import build_post

    post = build_post(page, render=False)
    channels, explicit = chosen_channels(page, revision, site)
    if not explicit:
        channels = [c for c in channels if provider_for(c).applies_to(post)]
    handled = {c.kind for c in channels if c.status == ChannelStatus.ACTIVE}
    return channel_gaps(site, post, handled)


def versions_waited_for(site, page) -> tuple[list[dict], list[str]]:
    """The accessible versions the report lists, and those it still waits for.

    Returns:
        ``([{"kind", "channel", "permalink"}...], [missing kinds])``; both empty when the SOP
        obliges none or the page type gets none.
    """
    required = _first_answer(REQUIRED_VERSIONS_HOOK, site=site) or []
    if not required:
        return [], []
    versions = _first_answer(VERSIONS_HOOK, page=page)
    if versions is None:
        return [], []
    labels = {"audio": _("Audio version"), "braille": _("Braille version")}
    ready = [
        {"channel": str(labels.get(kind, kind)), "kind": kind, "permalink": versions[kind]}
        for kind in required
        if versions.get(kind)
    ]
    return ready, [kind for kind in required if not versions.get(kind)]
