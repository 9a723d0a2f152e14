"""X (API v2): a post with the link and the share image (v2 media upload)."""

from __future__ import annotations

import re
import time
from typing import Any

import requests
from django.utils.translation import gettext as _

from social_publish import conf

from .base import Checkpoint, Post, Result
from .errors import PermanentError, ThrottledError, TransientError
from .oauth import RefreshingProvider

URL_RE = re.compile(r"https?://\S+")
URL_WEIGHT = 23  # every link is shortened to t.co and counts 23 characters
MAX_LENGTH = 280
MAX_ALT_TEXT = 1000  # https://docs.x.com/x-api/media/create-media-metadata


def weighted_length(text: str) -> int:
    return len(URL_RE.sub("x" * URL_WEIGHT, text))


class XProvider(RefreshingProvider):
    kind = "x"
    max_length = MAX_LENGTH
    url_weight = URL_WEIGHT

    def api(self, path: str) -> str:
        return f"{conf.get('SOCIAL_X_BASE_URL').rstrip('/')}/{path.lstrip('/')}"

    def token_endpoint(self) -> str:
        return self.api("2/oauth2/token")

    def request_refresh(self, refresh_token: str) -> dict[str, Any]:
        response = self.call(
            "POST",
            self.token_endpoint(),
            data={"grant_type": "refresh_token", "refresh_token": refresh_token},
            auth=(conf.get("SOCIAL_X_CLIENT_ID"), conf.get("SOCIAL_X_CLIENT_SECRET")),
        )
        if response.ok:
            return response.json()
        raise self.oauth_failure(response) or self.failure(response)

    def length(self, text: str) -> int:
        return weighted_length(text)

    def compose(self, post: Post) -> str:
        hashtags = " ".join(f"#{t.replace(' ', '')}" for t in post.tags[:3])
        room = MAX_LENGTH - URL_WEIGHT - len(hashtags) - 4
        title = post.title if len(post.title) <= room else post.title[: room - 1] + "…"
        return "\n\n".join(p for p in (title, post.url, hashtags) if p)

    def message_notes(self, text: str, post: Post | None = None) -> list[str]:
        return [
            _(
                "X bills posts that contain a link at a higher rate. Every link counts as "
                "%(weight)d characters, however long it is."
            )
            % {"weight": URL_WEIGHT}
        ]

    def validate_message(self, text: str, post: Post | None = None) -> list[str]:
        problems = super().validate_message(text, post)
        if post is not None and post.url not in text:
            problems.append(_("The message should contain the page's link."))
        return problems

    def failure(self, response: requests.Response) -> Exception:
        try:
            body = response.json()
        except ValueError:
            body = {}
        detail = f"HTTP {response.status_code}: {body.get('title', '')} {body.get('detail', '')}"
        if response.status_code == 401:
            return self.token_error(detail)
        if response.status_code == 429:
            reset = float(response.headers.get("x-rate-limit-reset") or 0)
            return ThrottledError(
                _("X's rate limit was reached; trying again when it resets."),
                detail,
                retry_after=max(reset - time.time(), 1.0) if reset else 900.0,
            )
        if response.status_code >= 500:
            return TransientError(_("X had a temporary problem."), detail)
        if "duplicate" in detail.lower():
            return PermanentError(_("X rejected the post as a duplicate."), detail)
        return self.permission_error(detail)

    def publish(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        payload: dict[str, Any] = {"text": post.message}
        if post.image is not None:
            payload["media"] = {"media_ids": [self.upload_image(post)]}
        response = self.authorized("POST", self.api("2/tweets"), write=True, json=payload)
        if response.status_code not in {200, 201}:
            raise self.failure(response)
        tweet_id = response.json()["data"]["id"]
        save({**checkpoint, "external_id": tweet_id})
        return Result(tweet_id, self.permalink(tweet_id))

    def upload_image(self, post: Post) -> str:
        image = post.image
        response = self.authorized(
            "POST",
            self.api("2/media/upload"),
            files={"media": (image.filename, image.read(), image.content_type)},
            data={"media_category": "tweet_image", "media_type": image.content_type},
        )
        if not response.ok:
            raise self.failure(response)
        media_id = response.json()["data"]["id"]
        if post.image_alt:
            self.describe_image(media_id, post.image_alt)
        return media_id

    def describe_image(self, media_id: str, alt_text: str) -> None:
        """Attach the image's alt text before the post uses it (``POST /2/media/metadata``)."""
        response = self.authorized(
            "POST",
            self.api("2/media/metadata"),
            json={"id": media_id, "metadata": {"alt_text": {"text": alt_text[:MAX_ALT_TEXT]}}},
        )
        if not response.ok:
            raise self.failure(response)

    def permalink(self, external_id: str) -> str:
        username = self.channel.extra.get("username") or "i/web"
        return f"https://x.com/{username}/status/{external_id}"

    def find_existing(self, post: Post) -> Result | None:
        response = self.authorized(
            "GET",
            self.api(f"2/users/{self.channel.account_id}/tweets"),
            params={"max_results": 50, "tweet.fields": "created_at,entities"},
        )
        if not response.ok:
            raise self.failure(response)
        for tweet in response.json().get("data") or []:
            urls = [u.get("expanded_url") for u in (tweet.get("entities") or {}).get("urls", [])]
            if post.url in tweet.get("text", "") or post.url in urls:
                return Result(tweet["id"], self.permalink(tweet["id"]))
        return None

    def check(self) -> None:
        response = self.authorized("GET", self.api("2/users/me"))
        if not response.ok:
            raise self.failure(response)
