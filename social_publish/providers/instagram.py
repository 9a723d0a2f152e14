"""Instagram professional account: container → wait until FINISHED → media_publish.

The container id is saved before publishing: retrying ``media_publish`` with the same container
is safe, redoing the whole flow would post twice.
"""

from __future__ import annotations

import re
import time
from typing import Any

from django.utils.translation import gettext as _

from social_publish import conf

from .base import Checkpoint, Post, Result
from .errors import PermanentError, TransientError
from .graph import GraphProvider

MAX_HASHTAGS = 30
URL_RE = re.compile(r"https?://\S+")


class InstagramProvider(GraphProvider):
    kind = "instagram"
    max_length = 2200

    def applies_to(self, post: Post) -> bool:
        return bool(post.image and post.image.public_url)

    def compose(self, post: Post) -> str:
        # Links in captions are not clickable: name the address as text.
        hashtags = " ".join(f"#{t.replace(' ', '')}" for t in post.tags)
        more = _("Read more: %(url)s") % {"url": post.url}
        return "\n\n".join(p for p in (post.title, post.lead, more, hashtags) if p)

    def message_notes(self, text: str, post: Post | None = None) -> list[str]:
        notes = [_("Links in Instagram captions are not clickable; write the address as text.")]
        if URL_RE.search(text):
            notes.append(_("This caption contains a link: readers will have to type it."))
        return notes

    def validate_message(self, text: str, post: Post | None = None) -> list[str]:
        problems = super().validate_message(text, post)
        if text.count("#") > MAX_HASHTAGS:
            problems.append(_("Instagram allows at most 30 hashtags."))
        if post is not None and not self.applies_to(post):
            problems.append(_("Instagram needs a share image."))
        return problems

    def publish(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        container = checkpoint.get("container_id")
        if not container:
            data = {"image_url": post.image.public_url, "caption": post.message}
            if post.image_alt:  # image posts only, as the IG User Media reference says
                data["alt_text"] = post.image_alt
            body = self.graph("POST", f"{self.channel.account_id}/media", data=data)
            container = body["id"]
            checkpoint = {**checkpoint, "container_id": container}
            save(checkpoint)
        self.wait_until_finished(container, checkpoint, save)
        body = self.graph(
            "POST",
            f"{self.channel.account_id}/media_publish",
            write=True,
            data={"creation_id": container},
        )
        save({**checkpoint, "external_id": body["id"]})
        return Result(body["id"], self.permalink(body["id"]))

    def wait_until_finished(self, container: str, checkpoint: dict, save: Checkpoint) -> None:
        for _try in range(conf.get("SOCIAL_IG_POLL_TRIES")):
            status = self.graph("GET", container, params={"fields": "status_code"})
            code = status.get("status_code")
            if code in {"FINISHED", "PUBLISHED"}:
                return
            if code == "EXPIRED":
                save({k: v for k, v in checkpoint.items() if k != "container_id"})
                raise TransientError(_("Instagram's media container expired; starting again."))
            if code == "ERROR":
                raise PermanentError(
                    _("Instagram could not process the image (JPEG, 4:5 to 1.91:1, max 8 MB)."),
                    f"container {container} ERROR",
                )
            time.sleep(conf.get("SOCIAL_IG_POLL_SECONDS"))
        raise TransientError(_("Instagram is still processing the image; trying again later."))

    def permalink(self, external_id: str) -> str:
        try:
            return self.graph("GET", external_id, params={"fields": "permalink"}).get(
                "permalink", ""
            )
        except Exception:  # the post exists; a missing link must not make us post again
            return ""

    def find_existing(self, post: Post) -> Result | None:
        body = self.graph(
            "GET",
            f"{self.channel.account_id}/media",
            params={"fields": "id,caption,permalink", "limit": 50},
        )
        for item in body.get("data") or []:
            if post.url in (item.get("caption") or ""):
                return Result(item["id"], item.get("permalink") or "")
        return None
