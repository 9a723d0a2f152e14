"""The "Media sosial" composer: one message per chosen channel, generated, editable, checked.

The message of a channel is generated from the page's title, lead, link and tags by the
channel's adapter (:meth:`Provider.compose`). An editor may replace it before the page goes
live; the replacement is a :class:`~social_publish.models.SocialMessage` and delivery uses it
(:func:`custom_message`). Checks are the adapter's own (:meth:`Provider.validate_message`), so
the composer and delivery can never disagree about a platform's limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from social_publish.models import Channel, SocialMessage, Syndication
from social_publish.posts import build_post
from social_publish.providers import Post, Provider, provider_for
from social_publish.selection import chosen_channels


@dataclass
class ChannelMessage:
    """What the composer shows and checks for one channel."""

    channel: Channel
    provider: Provider
    default_text: str
    default_title: str
    text: str
    title: str
    edited: bool
    applies: bool
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def limit(self) -> int:
        return self.provider.max_length

    @property
    def length(self) -> int:
        return self.provider.length(self.text)

    @property
    def url_weight(self) -> int:
        return self.provider.url_weight

    @property
    def title_limit(self) -> int:
        return self.provider.title_limit


def draft_of(page):
    """The newest version of ``page``: the messages describe what will go live."""
    return page.get_latest_revision_as_object() if page.latest_revision_id else page.specific


def channels_for(page, site) -> list[Channel]:
    """The channels to compose for.

    The chosen channels (the SOP's platform choice, else the institution's defaults), plus
    those the page was already shared on (their messages serve a "share again").
    """
    chosen, _explicit = chosen_channels(page, page.latest_revision, site)
    shared = Channel.objects.filter(
        pk__in=Syndication.objects.filter(page_id=page.pk).values("channel_id")
    )
    channels = {c.pk: c for c in [*chosen, *shared] if c.site_id == site.pk}
    return sorted(channels.values(), key=lambda c: (c.kind, c.name))


def check(provider: Provider, text: str, post: Post, applies: bool) -> list[str]:
    """Problems that stop ``text`` from being posted, in the user's language.

    When the page lacks what the platform needs (``applies`` is false) only the text itself is
    checked; the composer says so in a note instead of refusing every message of the page.
    """
    probe = Post(**{**post.__dict__, "title": ""}) if applies else None
    return list(dict.fromkeys(str(p) for p in provider.validate_message(text, probe)))


def check_title(provider: Provider, title: str) -> list[str]:
    """Problems of a separate title (YouTube): its length and forbidden characters."""
    limit = provider.title_limit
    problems = []
    if limit and len(title) > limit:
        problems.append(
            _("The title is %(length)d characters long; the limit is %(limit)d.")
            % {"length": len(title), "limit": limit}
        )
    if re.search(r"[<>]", title):
        problems.append(_("The title may not contain < or >."))
    return problems


def compose(page, site) -> tuple[Post, list[ChannelMessage]]:
    """The draft's post and the message of every channel (stored or generated)."""
    post = build_post(draft_of(page))
    stored = {m.channel_id: m for m in SocialMessage.objects.filter(page_id=page.pk)}
    entries = []
    for channel in channels_for(page, site):
        provider = provider_for(channel)
        default = provider.compose(post)
        mine = stored.get(channel.pk)
        text = mine.text if mine and mine.text else default
        title = (mine.title if mine else "") or post.title
        applies = provider.applies_to(post)
        entry = ChannelMessage(
            channel, provider, default, post.title, text, title, mine is not None, applies
        )
        entry.notes = provider.message_notes(text, post)
        if not applies:
            entry.notes.append(
                _(
                    "The page lacks what this platform needs (share image, video or "
                    "document): it will not be posted there until that is added."
                )
            )
        entries.append(entry)
    return post, entries


def save(page, entries: list[ChannelMessage], user=None) -> int:
    """Store the edited messages of ``entries``; messages equal to the generated ones go.

    Returns the number of stored (edited) messages.
    """
    kept = 0
    with transaction.atomic():
        for entry in entries:
            same_text = entry.text.strip() == entry.default_text.strip() or not entry.text.strip()
            same_title = not entry.title_limit or entry.title.strip() == entry.default_title
            if same_text and same_title:
                SocialMessage.objects.filter(page_id=page.pk, channel=entry.channel).delete()
                continue
            SocialMessage.objects.update_or_create(
                page_id=page.pk,
                channel=entry.channel,
                defaults={
                    "text": "" if same_text else entry.text.strip(),
                    "title": "" if same_title else entry.title.strip(),
                    "edited_by": user,
                },
            )
            kept += 1
    return kept


def custom_message(page_id: int, channel_id: int) -> SocialMessage | None:
    """The edited message of a page on a channel, if an editor wrote one."""
    return SocialMessage.objects.filter(page_id=page_id, channel_id=channel_id).first()
