"""YouTube: resumable video upload (resumed from the server's offset), then captions."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import requests
from django.utils.translation import gettext as _

from social_publish import conf

from .base import Checkpoint, Post, Result
from .errors import OutcomeUnknown, PermanentError, ThrottledError, TransientError
from .oauth import RefreshingProvider

TITLE_MAX = 100
DESCRIPTION_MAX = 5000
RESUMES_PER_ATTEMPT = 5


class YouTubeProvider(RefreshingProvider):
    kind = "youtube"
    max_length = DESCRIPTION_MAX
    title_limit = TITLE_MAX

    def api(self, path: str) -> str:
        return f"{conf.get('SOCIAL_GOOGLE_BASE_URL').rstrip('/')}/{path.lstrip('/')}"

    def token_endpoint(self) -> str:
        return conf.get("SOCIAL_GOOGLE_TOKEN_URL")

    def request_refresh(self, refresh_token: str) -> dict[str, Any]:
        response = self.call(
            "POST",
            self.token_endpoint(),
            data={
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
                "client_id": conf.get("SOCIAL_GOOGLE_CLIENT_ID"),
                "client_secret": conf.get("SOCIAL_GOOGLE_CLIENT_SECRET"),
            },
        )
        if response.ok:
            return response.json()
        raise self.oauth_failure(response) or self.failure(response)

    def applies_to(self, post: Post) -> bool:
        return post.video is not None

    def compose(self, post: Post) -> str:
        return "\n\n".join(p for p in (post.lead, post.url) if p)

    def validate_message(self, text: str, post: Post | None = None) -> list[str]:
        problems = super().validate_message(text, post)
        if post is not None:
            title = post.title
            if len(title) > TITLE_MAX or re.search(r"[<>]", title):
                problems.append(_("A YouTube title has at most 100 characters and no < or >."))
        if re.search(r"[<>]", text):
            problems.append(_("A YouTube description may not contain < or >."))
        return problems

    def failure(self, response: requests.Response) -> Exception:
        try:
            error = response.json().get("error") or {}
        except ValueError:
            error = {}
        reasons = {e.get("reason") for e in error.get("errors") or [] if isinstance(e, dict)}
        detail = f"HTTP {response.status_code} {sorted(reasons)} {error.get('message', '')}"
        if response.status_code == 401:
            return self.token_error(detail)
        if response.status_code == 429 or reasons & {"rateLimitExceeded", "userRateLimitExceeded"}:
            retry_after = float(response.headers.get("Retry-After") or 60)
            return ThrottledError(
                _("YouTube's rate limit was reached; trying again later."),
                detail,
                retry_after=retry_after,
            )
        if "quotaExceeded" in reasons:
            return ThrottledError(
                _("YouTube's daily quota is used up; trying again tomorrow."),
                detail,
                retry_after=6 * 3600,
            )
        if response.status_code >= 500:
            return TransientError(_("YouTube had a temporary problem."), detail)
        return PermanentError(_("YouTube rejected the video."), detail)

    # -- publishing ----------------------------------------------------------------------

    def publish(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        video = post.video
        session = checkpoint.get("session_uri")
        resuming = bool(session)
        if not session:
            session = self.start_session(post)
            checkpoint = {**checkpoint, "session_uri": session}
            save(checkpoint)
        resource = self.upload(session, video, resuming=resuming)
        video_id = resource["id"]
        checkpoint = {**checkpoint, "external_id": video_id}
        save(checkpoint)
        if post.captions is not None and not checkpoint.get("captions_done"):
            self.insert_captions(video_id, post.captions)
            save({**checkpoint, "captions_done": True})
        return Result(video_id, self.permalink(video_id))

    def start_session(self, post: Post) -> str:
        metadata = {
            "snippet": {
                "title": post.title[:TITLE_MAX],
                "description": post.message,
                "tags": post.tags,
                "categoryId": "25",  # News & Politics
                "defaultLanguage": "id",
            },
            "status": {"privacyStatus": "public", "selfDeclaredMadeForKids": False},
        }
        response = self.authorized(
            "POST",
            self.api("upload/youtube/v3/videos"),
            params={"uploadType": "resumable", "part": "snippet,status"},
            json=metadata,
            headers={
                "X-Upload-Content-Length": str(post.video.size),
                "X-Upload-Content-Type": post.video.content_type,
            },
        )
        if not response.ok or not response.headers.get("Location"):
            raise self.failure(response)
        return response.headers["Location"]

    def upload(self, session: str, video, *, resuming: bool) -> dict[str, Any]:
        """Send the bytes the server does not have yet; resume after interruptions."""
        offset = self.server_offset(session, video.size) if resuming else 0
        if isinstance(offset, dict):
            return offset
        chunk = max(int(conf.get("SOCIAL_YOUTUBE_CHUNK_BYTES")), 256 * 1024)
        resumes = 0
        with video.open() as handle:
            while True:
                handle.seek(offset)
                data = handle.read(chunk)
                end = offset + len(data) - 1
                try:
                    response = self.call(
                        "PUT",
                        session,
                        data=data,
                        headers={"Content-Range": f"bytes {offset}-{end}/{video.size}"},
                    )
                except TransientError:
                    resumes += 1
                    if resumes > RESUMES_PER_ATTEMPT:
                        raise
                    offset = self.server_offset(session, video.size)
                    if isinstance(offset, dict):
                        return offset
                    continue
                if response.status_code in {200, 201}:
                    return response.json()
                if response.status_code != 308:
                    raise self.session_failure(response)
                offset = _next_byte(response)

    def server_offset(self, session: str, size: int) -> int | dict[str, Any]:
        """Ask where to resume: the next byte, or the video resource when it is complete."""
        response = self.call("PUT", session, headers={"Content-Range": f"bytes */{size}"})
        if response.status_code in {200, 201}:
            return response.json()
        if response.status_code == 308:
            return _next_byte(response)
        raise self.session_failure(response)

    def session_failure(self, response: requests.Response) -> Exception:
        if response.status_code in {404, 410}:
            # The session died; reconciliation finds the video if it was in fact complete.
            return OutcomeUnknown(_("YouTube's upload session ended; starting again."))
        return self.failure(response)

    def insert_captions(self, video_id: str, captions) -> None:
        boundary = uuid.uuid4().hex
        metadata = {"snippet": {"videoId": video_id, "language": "id", "name": "Indonesia"}}
        body = (
            (
                f"--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                f"{json.dumps(metadata)}\r\n--{boundary}\r\n"
                f"Content-Type: {captions.content_type}\r\n\r\n"
            ).encode()
            + captions.read()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        response = self.authorized(
            "POST",
            self.api("upload/youtube/v3/captions"),
            params={"uploadType": "multipart", "part": "snippet"},
            data=body,
            headers={"Content-Type": f"multipart/related; boundary={boundary}"},
        )
        if not response.ok:
            raise self.failure(response)

    def permalink(self, external_id: str) -> str:
        return f"https://www.youtube.com/watch?v={external_id}"

    # -- reconciliation and health -------------------------------------------------------

    def uploads_playlist(self) -> str:
        response = self.authorized(
            "GET",
            self.api("youtube/v3/channels"),
            params={"mine": "true", "part": "contentDetails"},
        )
        if not response.ok:
            raise self.failure(response)
        items = response.json().get("items") or []
        if not items:
            raise PermanentError(_("The YouTube account has no channel."))
        return items[0]["contentDetails"]["relatedPlaylists"]["uploads"]

    def find_existing(self, post: Post) -> Result | None:
        response = self.authorized(
            "GET",
            self.api("youtube/v3/playlistItems"),
            params={"playlistId": self.uploads_playlist(), "part": "snippet", "maxResults": 25},
        )
        if not response.ok:
            raise self.failure(response)
        for item in response.json().get("items") or []:
            snippet = item.get("snippet") or {}
            if post.url in (snippet.get("description") or ""):
                video_id = snippet["resourceId"]["videoId"]
                return Result(video_id, self.permalink(video_id))
        return None

    def check(self) -> None:
        self.refresh(self.channel.access_token)
        self.uploads_playlist()


def _next_byte(response: requests.Response) -> int:
    match = re.match(r"bytes=0-(\d+)", response.headers.get("Range") or "")
    return int(match[1]) + 1 if match else 0
