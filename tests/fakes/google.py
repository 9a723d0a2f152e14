"""Fake Google OAuth 2.0 and YouTube Data API v3 (uploads, listing, captions).

Reconciliation listing: YouTube's own way to list a channel's recent uploads cheaply is the
channel's *uploads playlist*: ``GET /youtube/v3/channels?mine=true&part=contentDetails`` gives
``contentDetails.relatedPlaylists.uploads``, then ``GET /youtube/v3/playlistItems?playlistId=…``
lists uploads newest first (1 quota unit; ``search?forMine`` costs 100 and lags, so it is not
modelled).

Resumable upload: ``POST /upload/youtube/v3/videos?uploadType=resumable`` → ``Location`` session
URI; ``PUT`` bytes (whole or ``Content-Range: bytes a-b/total`` chunks) → ``308`` with
``Range: bytes=0-N`` while incomplete, ``200`` + video resource when complete; ``PUT`` with
``Content-Range: bytes */total`` asks where to resume. The session URI needs no bearer token.
"""

from __future__ import annotations

import json
import re
import secrets
from typing import Any

from .base import ApiError, FakeServer, Request, Response, Token, json_response

SCOPE_PREFIX = "https://www.googleapis.com/auth/"
UPLOAD = SCOPE_PREFIX + "youtube.upload"
YOUTUBE = SCOPE_PREFIX + "youtube"
READONLY = SCOPE_PREFIX + "youtube.readonly"
FORCE_SSL = SCOPE_PREFIX + "youtube.force-ssl"
DEFAULT_SCOPES = (UPLOAD, READONLY, FORCE_SSL)
CAN_UPLOAD = {UPLOAD, YOUTUBE, FORCE_SSL}
CAN_READ = {READONLY, YOUTUBE, FORCE_SSL}
CAN_CAPTION = {YOUTUBE, FORCE_SSL}
QUOTA_COST = {"upload": 1600, "list": 1, "captions": 400}

STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}


def google_error(
    status: int,
    message: str,
    reason: str,
    *,
    domain: str = "global",
    headers: dict[str, str] | None = None,
    **detail: str,
) -> ApiError:
    """An :class:`ApiError` with Google's JSON error envelope."""
    body = {
        "error": {
            "code": status,
            "message": message,
            "errors": [{"message": message, "domain": domain, "reason": reason, **detail}],
            "status": STATUS_NAMES.get(status, "UNKNOWN"),
        }
    }
    return ApiError(json_response(body, status, headers))


def oauth_error(error: str, description: str, status: int = 400) -> ApiError:
    """RFC 6749 token-endpoint error."""
    return ApiError(json_response({"error": error, "error_description": description}, status))


class FakeGoogle(FakeServer):
    """Google OAuth (``/o/oauth2/v2/auth``, ``/token``, ``/revoke``) + YouTube Data API v3.

    ``posts`` (alias ``videos``) holds completed uploads as dicts including ``content`` (bytes);
    ``sessions`` the resumable sessions by upload id; ``captions`` inserted caption tracks;
    ``quota_used`` / ``daily_quota`` the YouTube quota (exceeding it → 403 quotaExceeded).
    """

    name = "google"

    def __init__(
        self,
        *,
        client_id: str = "fake-client.apps.googleusercontent.com",
        client_secret: str = "fake-google-secret",
        channel_id: str = "UCfake0channel0000000001",
        channel_title: str = "Diskominfo Kota Contoh",
        access_token_ttl: int = 3599,
        testing_mode: bool = False,
        daily_quota: int = 10_000,
        redirect_uris: list[str] | None = None,
    ) -> None:
        super().__init__(redirect_uris=redirect_uris)
        self.client_id = client_id
        self.client_secret = client_secret
        self.channel_id = channel_id
        self.channel_title = channel_title
        self.access_token_ttl = access_token_ttl
        self.testing_mode = testing_mode
        self.daily_quota = daily_quota
        self.quota_used = 0
        self.sessions: dict[str, dict[str, Any]] = {}
        self.captions: list[dict[str, Any]] = []

        r = self.route
        r("GET", r"/o/oauth2/v2/auth", self._consent)
        r("POST", r"/token", self._token)
        r("POST", r"/revoke", self._revoke)
        r("POST", r"/upload/youtube/v3/videos", self._upload_start)
        r("PUT", r"/upload/youtube/v3/videos", self._upload_put)
        r("POST", r"/upload/youtube/v3/captions", self._caption_insert)
        r("GET", r"/youtube/v3/videos", self._videos_list)
        r("GET", r"/youtube/v3/channels", self._channels_list)
        r("GET", r"/youtube/v3/playlistItems", self._playlist_items)

    @property
    def videos(self) -> list[dict[str, Any]]:
        return self.posts

    @property
    def uploads_playlist_id(self) -> str:
        return "UU" + self.channel_id[2:]

    # -- test helpers ------------------------------------------------------------------------

    def issue_tokens(self, scopes: tuple[str, ...] = DEFAULT_SCOPES) -> dict[str, Any]:
        """Access + refresh token as after a completed offline consent (skips the browser)."""
        grant = secrets.token_hex(8)
        return self._grant_tokens(grant, scopes, with_refresh=True)

    def expire_session(self, upload_id: str) -> None:
        """Make a resumable session URI dead (later PUTs → 404, the client must restart)."""
        with self.lock:
            self.sessions[upload_id]["expired"] = True

    def rate_limit(  # type: ignore[override]
        self,
        n: int | None = 1,
        *,
        retry_after: int | None = None,
        path: str | None = None,
        method: str | None = None,
    ):
        """429 ``rateLimitExceeded`` (with ``Retry-After`` when given)."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        error = google_error(
            429,
            "The request cannot be completed because you have exceeded the rate limit.",
            "rateLimitExceeded",
            domain="youtube.quota",
            headers=headers,
        )
        return self.fail_with(error.response, n, path=path, method=method)

    def default_error(self, status: int) -> Any:
        reason = {500: "backendError", 503: "backendError", 429: "rateLimitExceeded"}.get(
            status, "unknown"
        )
        message = "Backend Error" if status >= 500 else "Request failed"
        return google_error(status, message, reason).response.body

    def not_found(self, req: Request) -> Response:
        return google_error(404, "Not Found", "notFound").response

    # -- OAuth -------------------------------------------------------------------------------

    def _consent(self, req: Request) -> Response:
        return self.consent(
            req,
            client_id=self.client_id,
            subject=self.channel_id,
            access_type=req.query.get("access_type", "online"),
        )

    def _grant_tokens(
        self, grant: str, scopes: tuple[str, ...], *, with_refresh: bool
    ) -> dict[str, Any]:
        access = self.issue_token(
            "access",
            prefix="ya29.",
            ttl=self.access_token_ttl,
            client_id=self.client_id,
            subject=self.channel_id,
            scopes=scopes,
            extra={"grant": grant},
        )
        body: dict[str, Any] = {
            "access_token": access.value,
            "expires_in": self.access_token_ttl,
            "scope": " ".join(scopes),
            "token_type": "Bearer",
        }
        if with_refresh:
            refresh = self.issue_token(
                "refresh",
                prefix="1//",
                ttl=7 * 86400 if self.testing_mode else None,
                client_id=self.client_id,
                subject=self.channel_id,
                scopes=scopes,
                extra={"grant": grant},
            )
            body["refresh_token"] = refresh.value
            if self.testing_mode:
                body["refresh_token_expires_in"] = 7 * 86400
        return body

    def _client_ok(self, req: Request) -> bool:
        form = req.form
        client_id, secret = req.basic_auth or (form.get("client_id"), form.get("client_secret"))
        return client_id == self.client_id and secret == self.client_secret

    def _token(self, req: Request) -> Response:
        form = req.form
        if not self._client_ok(req):
            raise oauth_error("invalid_client", "Unauthorized", 401)
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            code = self.tokens.get(form.get("code", ""))
            if code is None or code.kind != "code" or self.token_info(code.value) is None:
                raise oauth_error("invalid_grant", "Malformed auth code.")
            if form.get("redirect_uri") != code.extra["redirect_uri"]:
                raise oauth_error("redirect_uri_mismatch", "Bad Request")
            if not self.pkce_ok(code, form.get("code_verifier")):
                raise oauth_error("invalid_grant", "Invalid code verifier.")
            code.used = True
            offline = code.extra.get("access_type") == "offline"
            return json_response(
                self._grant_tokens(secrets.token_hex(8), code.scopes, with_refresh=offline)
            )
        if grant_type == "refresh_token":
            refresh = self.token_info(form.get("refresh_token"), "refresh")
            if refresh is None:
                raise oauth_error("invalid_grant", "Token has been expired or revoked.")
            # Google does not rotate refresh tokens: only a new access token comes back.
            return json_response(
                self._grant_tokens(refresh.extra["grant"], refresh.scopes, with_refresh=False)
            )
        raise oauth_error("unsupported_grant_type", f"Invalid grant_type: {grant_type}")

    def _revoke(self, req: Request) -> Response:
        token = self.tokens.get(req.params.get("token", ""))
        if token is None or token.revoked:
            raise oauth_error("invalid_token", "Token expired or revoked")
        for other in self.tokens.values():
            if other.extra.get("grant") == token.extra.get("grant"):
                other.revoked = True
        return json_response({})

    # -- API helpers -------------------------------------------------------------------------

    def _auth(self, req: Request, allowed: set[str]) -> Token:
        token = self.token_info(req.bearer, "access")
        if token is None:
            raise google_error(
                401,
                "Request had invalid authentication credentials. Expected OAuth 2 access token, "
                "login cookie or other valid authentication credential.",
                "authError",
                location="Authorization",
                locationType="header",
                headers={
                    "WWW-Authenticate": 'Bearer realm="https://accounts.google.com/", '
                    'error="invalid_token"'
                },
            )
        if not allowed.intersection(token.scopes):
            raise google_error(
                403,
                "Request had insufficient authentication scopes.",
                "insufficientPermissions",
            )
        return token

    def _charge(self, units: int) -> None:
        if self.quota_used + units > self.daily_quota:
            raise google_error(
                403,
                "The request cannot be completed because you have exceeded your <a "
                'href="/youtube/v3/getting-started#quota">quota</a>.',
                "quotaExceeded",
                domain="youtube.quota",
            )
        self.quota_used += units

    @staticmethod
    def _page(items: list[dict[str, Any]], kind: str, max_results: int) -> dict[str, Any]:
        return {
            "kind": kind,
            "etag": secrets.token_hex(8),
            "items": items[:max_results],
            "pageInfo": {"totalResults": len(items), "resultsPerPage": max_results},
        }

    def _video_resource(self, video: dict[str, Any], parts: str = "snippet,status") -> dict:
        resource: dict[str, Any] = {
            "kind": "youtube#video",
            "etag": video["etag"],
            "id": video["id"],
        }
        wanted = {p.strip() for p in parts.split(",")}
        if "snippet" in wanted:
            resource["snippet"] = {
                "publishedAt": video["published_at"],
                "channelId": self.channel_id,
                "title": video["title"],
                "description": video["description"],
                "thumbnails": {
                    "default": {
                        "url": f"https://i.ytimg.com/vi/{video['id']}/default.jpg",
                        "width": 120,
                        "height": 90,
                    }
                },
                "channelTitle": self.channel_title,
                "tags": video["tags"],
                "categoryId": video["category_id"],
                "liveBroadcastContent": "none",
            }
        if "status" in wanted:
            resource["status"] = {
                "uploadStatus": "uploaded",
                "privacyStatus": video["privacy_status"],
                "license": "youtube",
                "embeddable": True,
                "publicStatsViewable": True,
            }
        return resource

    # -- resumable upload --------------------------------------------------------------------

    def _upload_start(self, req: Request) -> Response:
        self._auth(req, CAN_UPLOAD)
        if req.query.get("uploadType") != "resumable":
            raise google_error(400, "Only uploadType=resumable is supported.", "badRequest")
        if not req.query.get("part"):
            raise google_error(400, "'part' is required", "required", location="part")
        metadata = req.json if isinstance(req.json, dict) else {}
        snippet = metadata.get("snippet") or {}
        title = snippet.get("title") or ""
        if not title.strip() or len(title) > 100 or re.search(r"[<>]", title):
            raise google_error(
                400,
                "The request metadata specifies an invalid or empty video title.",
                "invalidTitle",
                domain="youtube.video",
            )
        if len(snippet.get("description") or "") > 5000:
            raise google_error(
                400,
                "The request metadata specifies an invalid video description.",
                "invalidDescription",
                domain="youtube.video",
            )
        length = req.header("X-Upload-Content-Length")
        self._charge(QUOTA_COST["upload"])
        upload_id = secrets.token_urlsafe(18)
        self.sessions[upload_id] = {
            "id": upload_id,
            "metadata": metadata,
            "parts": req.query["part"],
            "total": int(length) if length else None,
            "content_type": req.header("X-Upload-Content-Type") or "video/*",
            "data": bytearray(),
            "video": None,
            "expired": False,
        }
        location = (
            f"{self.base_url}/upload/youtube/v3/videos?uploadType=resumable"
            f"&part={req.query['part']}&upload_id={upload_id}"
        )
        return Response(200, None, {"Location": location, "X-GUploader-UploadID": upload_id})

    @staticmethod
    def _incomplete(received: int) -> Response:
        headers = {"Range": f"bytes=0-{received - 1}"} if received else {}
        return Response(308, None, headers, reason="Resume Incomplete")

    def _upload_put(self, req: Request) -> Response:
        session = self.sessions.get(req.query.get("upload_id", ""))
        if session is None or session["expired"]:
            raise google_error(404, "Not Found", "notFound")
        if session["video"] is not None:
            return json_response(self._video_resource(session["video"], session["parts"]))
        data: bytearray = session["data"]
        content_range = req.header("Content-Range")
        if content_range is None:
            data[:] = req.body
            if not req.partial and session["total"] is None:
                session["total"] = len(req.body)
        elif status := re.fullmatch(r"bytes \*/(\d+|\*)", content_range.strip()):
            if status[1] != "*":
                self._set_total(session, int(status[1]))
        elif chunk := re.fullmatch(r"bytes (\d+)-(\d+)/(\d+|\*)", content_range.strip()):
            start, end = int(chunk[1]), int(chunk[2])
            if chunk[3] != "*":
                self._set_total(session, int(chunk[3]))
            if start > len(data) or end < start:
                raise google_error(
                    400,
                    f"Invalid Content-Range: {content_range}; {len(data)} bytes received.",
                    "badContent",
                )
            if not req.partial and len(req.body) != end - start + 1:
                raise google_error(
                    400, "The body length does not match Content-Range.", "badContent"
                )
            data[start : start + len(req.body)] = req.body
        else:
            raise google_error(400, f"Bad Content-Range: {content_range}", "badContent")
        total = session["total"]
        if total is not None and len(data) >= total:
            del data[total:]
            session["video"] = self._finish(session)
            return json_response(self._video_resource(session["video"], session["parts"]))
        return self._incomplete(len(data))

    @staticmethod
    def _set_total(session: dict[str, Any], total: int) -> None:
        if session["total"] is not None and session["total"] != total:
            raise google_error(
                400, "Content-Range total does not match X-Upload-Content-Length.", "badContent"
            )
        session["total"] = total

    def _finish(self, session: dict[str, Any]) -> dict[str, Any]:
        snippet = session["metadata"].get("snippet") or {}
        status = session["metadata"].get("status") or {}
        video_id = secrets.token_urlsafe(8)[:11]
        video = {
            "platform": "youtube",
            "id": video_id,
            "etag": secrets.token_hex(8),
            "url": f"https://www.youtube.com/watch?v={video_id}",
            "title": snippet.get("title"),
            "description": snippet.get("description", ""),
            "tags": snippet.get("tags", []),
            "category_id": snippet.get("categoryId", "22"),
            "privacy_status": status.get("privacyStatus", "public"),
            "published_at": self.iso_time(),
            "channel_id": self.channel_id,
            "content": bytes(session["data"]),
            "content_type": session["content_type"],
            "size": len(session["data"]),
            "upload_id": session["id"],
        }
        self.posts.append(video)
        return video

    # -- reads -------------------------------------------------------------------------------

    def _videos_list(self, req: Request) -> Response:
        self._auth(req, CAN_READ | CAN_UPLOAD)
        self._charge(QUOTA_COST["list"])
        ids = [i for i in req.query.get("id", "").split(",") if i]
        if not ids:
            raise google_error(400, "No filter selected.", "missingRequiredParameter")
        by_id = {v["id"]: v for v in self.posts}
        parts = req.query.get("part", "snippet")
        items = [self._video_resource(by_id[i], parts) for i in ids if i in by_id]
        return json_response(self._page(items, "youtube#videoListResponse", 50))

    def _channels_list(self, req: Request) -> Response:
        self._auth(req, CAN_READ | CAN_UPLOAD)
        self._charge(QUOTA_COST["list"])
        if req.query.get("mine") != "true" and req.query.get("id") != self.channel_id:
            return json_response(self._page([], "youtube#channelListResponse", 5))
        channel = {
            "kind": "youtube#channel",
            "etag": secrets.token_hex(8),
            "id": self.channel_id,
            "snippet": {"title": self.channel_title, "customUrl": "@diskominfo"},
            "contentDetails": {
                "relatedPlaylists": {"likes": "", "uploads": self.uploads_playlist_id}
            },
        }
        return json_response(self._page([channel], "youtube#channelListResponse", 5))

    def _playlist_items(self, req: Request) -> Response:
        self._auth(req, CAN_READ | CAN_UPLOAD)
        self._charge(QUOTA_COST["list"])
        if req.query.get("playlistId") != self.uploads_playlist_id:
            raise google_error(
                404,
                "The playlist identified with the request's playlistId parameter cannot be found.",
                "playlistNotFound",
                domain="youtube.playlistItem",
            )
        items = []
        for position, video in enumerate(reversed(self.posts)):
            items.append(
                {
                    "kind": "youtube#playlistItem",
                    "etag": video["etag"],
                    "id": f"PLI{video['id']}",
                    "snippet": {
                        "publishedAt": video["published_at"],
                        "channelId": self.channel_id,
                        "title": video["title"],
                        "description": video["description"],
                        "channelTitle": self.channel_title,
                        "playlistId": self.uploads_playlist_id,
                        "position": position,
                        "resourceId": {"kind": "youtube#video", "videoId": video["id"]},
                    },
                    "contentDetails": {
                        "videoId": video["id"],
                        "videoPublishedAt": video["published_at"],
                    },
                    "status": {"privacyStatus": video["privacy_status"]},
                }
            )
        max_results = min(int(req.query.get("maxResults") or 5), 50)
        return json_response(self._page(items, "youtube#playlistItemListResponse", max_results))

    # -- captions ----------------------------------------------------------------------------

    def _caption_insert(self, req: Request) -> Response:
        self._auth(req, CAN_CAPTION)
        if req.query.get("uploadType") != "multipart" or len(req.parts) < 2:
            raise google_error(
                400,
                "Send uploadType=multipart with a JSON metadata part and the caption file.",
                "badRequest",
            )
        try:
            metadata = json.loads(req.parts[0].content)
        except ValueError as exc:
            raise google_error(400, "Invalid JSON metadata part.", "parseError") from exc
        snippet = metadata.get("snippet") or {}
        if not any(v["id"] == snippet.get("videoId") for v in self.posts):
            raise google_error(
                404,
                "The video identified by the videoId parameter could not be found.",
                "videoNotFound",
                domain="youtube.caption",
            )
        self._charge(QUOTA_COST["captions"])
        caption = {
            "kind": "youtube#caption",
            "etag": secrets.token_hex(8),
            "id": "AUieDa" + secrets.token_urlsafe(12),
            "snippet": {
                "videoId": snippet["videoId"],
                "lastUpdated": self.iso_time(),
                "trackKind": "standard",
                "language": snippet.get("language", "id"),
                "name": snippet.get("name", ""),
                "isDraft": bool(snippet.get("isDraft")),
                "status": "serving",
            },
        }
        self.captions.append({**caption, "content": req.parts[1].content})
        return json_response(caption)
