"""Facebook Page: a link post on the page's feed."""

from __future__ import annotations

from typing import Any

from .base import Checkpoint, Post, Result
from .graph import GraphProvider


class FacebookProvider(GraphProvider):
    kind = "facebook"
    max_length = 63206

    def publish(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        body = self.graph(
            "POST",
            f"{self.channel.account_id}/feed",
            write=True,
            data={"message": post.message, "link": post.url},
        )
        save({**checkpoint, "external_id": body["id"]})
        return Result(body["id"], self.permalink(body["id"]))

    def permalink(self, external_id: str) -> str:
        try:
            body = self.graph("GET", external_id, params={"fields": "permalink_url"})
        except Exception:  # the post exists; a missing link must not make us post again
            return f"https://www.facebook.com/{external_id}"
        return body.get("permalink_url") or f"https://www.facebook.com/{external_id}"

    def find_existing(self, post: Post) -> Result | None:
        body = self.graph(
            "GET",
            f"{self.channel.account_id}/feed",
            params={"fields": "id,message,link,permalink_url", "limit": 50},
        )
        for item in body.get("data") or []:
            if item.get("link") == post.url or post.url in (item.get("message") or ""):
                return Result(item["id"], item.get("permalink_url") or "")
        return None
