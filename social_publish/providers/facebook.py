"""Facebook Page: a photo post with its alt text when the page has a share image, else a link
post on the page's feed.

A photo is posted with ``POST /{page-id}/photos`` (``url``, ``caption``, ``alt_text_custom``:
https://developers.facebook.com/docs/graph-api/reference/page/photos/), so readers of the Page
who use a screen reader hear the same description as on the website; the caption carries the
page's link.
"""

from __future__ import annotations

from typing import Any

from .base import Checkpoint, Post, Result
from .graph import GraphProvider


class FacebookProvider(GraphProvider):
    kind = "facebook"
    max_length = 63206

    def publish(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        if post.image is not None and post.image.public_url:
            return self.publish_photo(post, checkpoint, save)
        body = self.graph(
            "POST",
            f"{self.channel.account_id}/feed",
            write=True,
            data={"message": post.message, "link": post.url},
        )
        save({**checkpoint, "external_id": body["id"]})
        return Result(body["id"], self.permalink(body["id"]))

    def publish_photo(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        caption = post.message if post.url in post.message else f"{post.message}\n\n{post.url}"
        data = {"url": post.image.public_url, "caption": caption.strip()}
        if post.image_alt:
            data["alt_text_custom"] = post.image_alt
        body = self.graph("POST", f"{self.channel.account_id}/photos", write=True, data=data)
        post_id = body.get("post_id") or body["id"]
        save({**checkpoint, "external_id": post_id})
        return Result(post_id, self.permalink(post_id))

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
