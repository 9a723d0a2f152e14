"""The rehearsal channel (*Uji coba*): posts are stored in the database, never sent anywhere.

It implements the same :class:`~.base.Provider` interface as the real platforms and goes
through the same delivery (one job per page and round, claims, retries, link report). Each
post gets an admin permalink: the rehearsal feed, opened at the post. The adapter has no HTTP
session: :meth:`SandboxProvider.call` refuses, so nothing can leave the server.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from .base import Checkpoint, Post, Provider, Result
from .errors import PermanentError

#: The account id of every rehearsal channel (one per institution).
ACCOUNT_ID = "uji-coba"
PERMALINK_URL_NAME = "social_publish_sandbox:post"


def media_names(post: Post) -> list[str]:
    """The file names of the media a platform would have received with ``post``."""
    files = [post.image, post.video, post.captions, *post.documents]
    return [media.filename for media in files if media is not None]


class SandboxProvider(Provider):
    kind = "sandbox"
    #: Publishing is keyed by the checkpoint's ``sandbox_key``: a retry finds its own post.
    idempotent = True

    def __init__(self, channel, session=None) -> None:
        # No requests.Session: the rehearsal channel never opens a connection.
        self.channel = channel
        self.session = None
        self.timeout = 0

    def call(self, method: str, url: str, *, write: bool = False, **kwargs):
        raise PermanentError(
            _("The rehearsal channel never contacts a platform."), f"sandbox: {method} refused"
        )

    def message_notes(self, text: str, post: Post | None = None) -> list[str]:
        return [
            _(
                "Rehearsal: this message is not sent to any platform. It appears on the "
                "rehearsal feed in the admin (Social media → Rehearsal feed)."
            )
        ]

    def publish(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        from social_publish.models import SandboxPost

        key = checkpoint.get("sandbox_key")
        if not key:
            key = uuid.uuid4().hex
            checkpoint = {**checkpoint, "sandbox_key": key}
            save(checkpoint)  # before the post exists, so a retry looks for this key
        with transaction.atomic():
            row, _created = SandboxPost.objects.get_or_create(
                key=key,
                defaults={
                    "channel": self.channel,
                    "page_id": post.page_id,
                    "url": post.url[:500],
                    "title": post.title[:255],
                    "message": post.message,
                    "image_alt": post.image_alt if post.image else "",
                    "media_names": media_names(post),
                },
            )
            if not row.permalink:
                row.permalink = self.permalink(str(row.pk))[:500]
                row.save(update_fields=["permalink"])
        save({**checkpoint, "external_id": str(row.pk)})
        return Result(str(row.pk), row.permalink)

    def permalink(self, external_id: str) -> str:
        """The admin address of the post: the rehearsal feed, opened at the post."""
        path = reverse(PERMALINK_URL_NAME, args=[int(external_id)])
        return f"{self.channel.site.root_url}{path}"

    def find_existing(self, post: Post) -> Result | None:
        from social_publish.models import SandboxPost

        row = (
            SandboxPost.objects.filter(channel=self.channel, page_id=post.page_id, url=post.url)
            .order_by("-created", "-pk")
            .first()
        )
        return Result(str(row.pk), row.permalink) if row else None

    def check(self) -> None:
        """Nothing to validate: the rehearsal channel has no credentials."""
