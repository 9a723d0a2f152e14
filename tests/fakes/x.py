"""Fake X (Twitter) API v2 with OAuth 2.0 authorization code + PKCE.

Refresh tokens are single-use (each refresh returns a new pair; the old refresh token then
fails with ``invalid_request``). Access tokens live ``access_token_ttl`` seconds. Every metered
endpoint answers with ``x-rate-limit-limit/-remaining/-reset`` (epoch seconds) and 429 once a
window is used up. Errors use X's problem JSON ``{"title", "detail", "type", "status"}``.
"""

from __future__ import annotations

import re
import secrets
from http import HTTPStatus
from typing import Any

from .base import ApiError, FakeServer, Request, Response, Token, json_response

DEFAULT_SCOPES = ("tweet.read", "tweet.write", "users.read", "offline.access", "media.write")
INVALID_REQUEST = "https://api.twitter.com/2/problems/invalid-request"
# endpoint → (requests per window, window seconds), per user
RATE_LIMITS = {
    "POST /2/tweets": (200, 900),
    "DELETE /2/tweets": (50, 900),
    "POST /2/media/upload": (500, 900),
    "POST /2/media/metadata": (500, 900),
    "GET /2/users/me": (75, 900),
    "GET /2/users/tweets": (900, 900),
    "GET /2/tweets": (900, 900),
}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# https://docs.x.com/x-api/media/create-media-metadata: alt text is at most 1,000 characters.
MAX_ALT_TEXT = 1000
URL_RE = re.compile(r"https?://\S+")


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    type_: str = "about:blank",
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> ApiError:
    """An :class:`ApiError` with X's problem-details body."""
    body = {"title": title, "detail": detail, "type": type_, "status": status, **extra}
    return ApiError(json_response(body, status, headers))


def invalid_params(message: str, **parameters: list[str]) -> ApiError:
    return problem(
        400,
        "Invalid Request",
        "One or more parameters to your request was invalid.",
        type_=INVALID_REQUEST,
        errors=[{"parameters": parameters, "message": message}],
    )


def oauth_error(description: str, status: int = 400, error: str = "invalid_request") -> ApiError:
    return ApiError(json_response({"error": error, "error_description": description}, status))


def weighted_length(text: str) -> int:
    """Tweet length with every URL counted as 23 characters (t.co wrapping)."""
    return len(URL_RE.sub("x" * 23, text))


class FakeX(FakeServer):
    """X API v2: ``/i/oauth2/authorize``, ``/2/oauth2/token``, tweets, media, users.

    Seeded user ``user_id`` / ``username``. ``posts`` (alias ``tweets``) holds created tweets;
    ``media`` uploaded media by id (with ``content`` bytes). A confidential client
    (``client_secret`` set, the default) must authenticate to the token endpoint with HTTP
    Basic; a public client (``client_secret=None``) sends ``client_id`` in the body.
    """

    name = "x"

    def __init__(
        self,
        *,
        client_id: str = "fake-x-client-id",
        client_secret: str | None = "fake-x-client-secret",
        user_id: str = "1500000000000000001",
        username: str = "diskominfo",
        access_token_ttl: int = 7200,
        redirect_uris: list[str] | None = None,
    ) -> None:
        super().__init__(redirect_uris=redirect_uris)
        self.client_id = client_id
        self.client_secret = client_secret
        self.user_id = user_id
        self.username = username
        self.display_name = "Diskominfo Kota Contoh"
        self.access_token_ttl = access_token_ttl
        self.media: dict[str, dict[str, Any]] = {}
        self.rate_limits = dict(RATE_LIMITS)
        self._windows: dict[tuple[str, str], tuple[float, int]] = {}
        self._tweet_seq = 1_900_000_000_000_000_000

        r = self.route
        r("GET", r"/i/oauth2/authorize", self._consent)
        r("POST", r"/2/oauth2/token", self._token)
        r("POST", r"/2/oauth2/revoke", self._revoke)
        r("POST", r"/2/tweets", self._create_tweet)
        r("GET", r"/2/tweets/(?P<tweet_id>\d+)", self._get_tweet)
        r("DELETE", r"/2/tweets/(?P<tweet_id>\d+)", self._delete_tweet)
        r("POST", r"/2/media/upload", self._media_upload)
        r("POST", r"/2/media/metadata", self._media_metadata)
        r("GET", r"/2/users/me", self._users_me)
        r("GET", r"/2/users/(?P<user_id>\d+)/tweets", self._user_tweets)

    @property
    def tweets(self) -> list[dict[str, Any]]:
        return self.posts

    # -- test helpers ------------------------------------------------------------------------

    def issue_tokens(self, scopes: tuple[str, ...] = DEFAULT_SCOPES) -> dict[str, Any]:
        """A token response as after consent + code exchange (skips the browser)."""
        return self._token_pair(scopes)

    def rate_limit(  # type: ignore[override]
        self,
        n: int | None = 1,
        *,
        reset_in: int = 900,
        limit: int = 200,
        path: str | None = None,
        method: str | None = None,
    ):
        """429 with ``x-rate-limit-remaining: 0`` and ``x-rate-limit-reset`` = now + reset_in."""
        headers = {
            "x-rate-limit-limit": str(limit),
            "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": str(int(self.now()) + reset_in),
        }
        error = problem(429, "Too Many Requests", "Too Many Requests", headers=headers)
        return self.fail_with(error.response, n, path=path, method=method)

    def default_error(self, status: int) -> Any:
        phrase = HTTPStatus(status).phrase
        return problem(status, phrase, phrase).response.body

    def not_found(self, req: Request) -> Response:
        return problem(404, "Not Found Error", f"Unknown route {req.method} {req.route}").response

    # -- OAuth -------------------------------------------------------------------------------

    def _consent(self, req: Request) -> Response:
        return self.consent(req, client_id=self.client_id, require_pkce=True, subject=self.user_id)

    def _token_pair(self, scopes: tuple[str, ...]) -> dict[str, Any]:
        access = self.issue_token(
            "access",
            ttl=self.access_token_ttl,
            client_id=self.client_id,
            subject=self.user_id,
            scopes=scopes,
        )
        body: dict[str, Any] = {
            "token_type": "bearer",
            "expires_in": self.access_token_ttl,
            "access_token": access.value,
            "scope": " ".join(scopes),
        }
        if "offline.access" in scopes:
            body["refresh_token"] = self.issue_token(
                "refresh", client_id=self.client_id, subject=self.user_id, scopes=scopes
            ).value
        return body

    def _client_ok(self, req: Request) -> bool:
        if self.client_secret is None:
            return req.form.get("client_id") == self.client_id
        return req.basic_auth == (self.client_id, self.client_secret)

    def _token(self, req: Request) -> Response:
        form = req.form
        if not self._client_ok(req):
            raise oauth_error("Missing valid authorization header", 401, "unauthorized_client")
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            code = self.token_info(form.get("code"), "code")
            if (
                code is None
                or form.get("redirect_uri") != code.extra["redirect_uri"]
                or not self.pkce_ok(code, form.get("code_verifier"))
            ):
                raise oauth_error("Value passed for the authorization code was invalid.")
            code.used = True
            return json_response(self._token_pair(code.scopes))
        if grant_type == "refresh_token":
            refresh = self.token_info(form.get("refresh_token"), "refresh")
            if refresh is None:
                raise oauth_error("Value passed for the token was invalid.")
            refresh.used = True  # single use: rotation on every refresh
            return json_response(self._token_pair(refresh.scopes))
        raise oauth_error("Missing required parameter [grant_type].")

    def _revoke(self, req: Request) -> Response:
        if not self._client_ok(req):
            raise oauth_error("Missing valid authorization header", 401, "unauthorized_client")
        token = self.tokens.get(req.form.get("token", ""))
        if token is not None:
            token.revoked = True
        return json_response({"revoked": True})

    # -- API helpers -------------------------------------------------------------------------

    def _auth(self, req: Request, *scopes: str) -> Token:
        token = self.token_info(req.bearer, "access")
        if token is None:
            raise problem(401, "Unauthorized", "Unauthorized")
        missing = [s for s in scopes if s not in token.scopes]
        if missing:
            raise problem(
                403,
                "Forbidden",
                f"Your token is missing the required scopes: {', '.join(missing)}",
            )
        return token

    def _meter(self, endpoint: str, token: Token) -> dict[str, str]:
        limit, window = self.rate_limits[endpoint]
        key = (endpoint, token.subject or "")
        now = self.now()
        reset, used = self._windows.get(key, (now + window, 0))
        if now >= reset:
            reset, used = now + window, 0
        headers = {
            "x-rate-limit-limit": str(limit),
            "x-rate-limit-reset": str(int(reset)),
        }
        if used >= limit:
            headers["x-rate-limit-remaining"] = "0"
            raise problem(429, "Too Many Requests", "Too Many Requests", headers=headers)
        self._windows[key] = (reset, used + 1)
        headers["x-rate-limit-remaining"] = str(limit - used - 1)
        return headers

    @staticmethod
    def _public(tweet: dict[str, Any], fields: str | None = None) -> dict[str, Any]:
        data = {"id": tweet["id"], "text": tweet["text"], "edit_history_tweet_ids": [tweet["id"]]}
        for name in (fields or "").split(","):
            if name in {"created_at", "author_id", "attachments"} and tweet.get(name):
                data[name] = tweet[name]
        return data

    # -- tweets ------------------------------------------------------------------------------

    def _create_tweet(self, req: Request) -> Response:
        token = self._auth(req, "tweet.write", "tweet.read", "users.read")
        headers = self._meter("POST /2/tweets", token)
        payload = req.json
        if not isinstance(payload, dict):
            raise invalid_params("Request body must be JSON.")
        text = payload.get("text") or ""
        media_ids = (payload.get("media") or {}).get("media_ids") or []
        if not text and not media_ids:
            raise invalid_params("Either text or media is required.", text=[])
        if weighted_length(text) > 280:
            raise problem(
                403,
                "Forbidden",
                "Your Tweet text is too long. For more information on how X determines text "
                "length see https://github.com/twitter/twitter-text.",
            )
        bad = [
            m
            for m in media_ids
            if not isinstance(m, str)
            or m not in self.media
            or self.media[m]["user_id"] != token.subject
        ]
        if bad:
            raise invalid_params("Your media IDs are invalid.", **{"media.media_ids": bad})
        if text and any(t["text"] == text and t["author_id"] == token.subject for t in self.posts):
            raise problem(
                403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."
            )
        self._tweet_seq += secrets.randbelow(4096) + 1
        tweet_id = str(self._tweet_seq)
        tweet = {
            "platform": "x",
            "id": tweet_id,
            "text": text,
            "author_id": token.subject,
            "created_at": self.iso_time(),
            "media_ids": list(media_ids),
            "url": f"https://x.com/{self.username}/status/{tweet_id}",
        }
        if media_ids:
            tweet["attachments"] = {"media_keys": [self.media[m]["media_key"] for m in media_ids]}
        self.posts.append(tweet)
        return json_response({"data": self._public(tweet)}, 201, headers)

    def _find(self, tweet_id: str) -> dict[str, Any] | None:
        return next((t for t in self.posts if t["id"] == tweet_id), None)

    def _get_tweet(self, req: Request, tweet_id: str) -> Response:
        token = self._auth(req, "tweet.read")
        headers = self._meter("GET /2/tweets", token)
        tweet = self._find(tweet_id)
        if tweet is None:
            return json_response(
                {
                    "errors": [
                        {
                            "value": tweet_id,
                            "detail": f"Could not find tweet with id: [{tweet_id}].",
                            "title": "Not Found Error",
                            "resource_type": "tweet",
                            "parameter": "id",
                            "resource_id": tweet_id,
                            "type": "https://api.twitter.com/2/problems/resource-not-found",
                        }
                    ]
                },
                200,
                headers,
            )
        return json_response(
            {"data": self._public(tweet, req.query.get("tweet.fields"))}, 200, headers
        )

    def _delete_tweet(self, req: Request, tweet_id: str) -> Response:
        token = self._auth(req, "tweet.write")
        headers = self._meter("DELETE /2/tweets", token)
        tweet = self._find(tweet_id)
        if tweet is not None and tweet["author_id"] == token.subject:
            self.posts.remove(tweet)
            return json_response({"data": {"deleted": True}}, 200, headers)
        return json_response({"data": {"deleted": False}}, 200, headers)

    def _media_upload(self, req: Request) -> Response:
        token = self._auth(req, "media.write")
        headers = self._meter("POST /2/media/upload", token)
        upload = req.files.get("media")
        if upload is None:
            raise invalid_params("The `media` field is required.", media=[])
        category = req.form.get("media_category")
        if category not in {"tweet_image", "tweet_gif", "tweet_video", "dm_image", "subtitles"}:
            raise invalid_params("Invalid media_category.", media_category=[category or ""])
        if category == "tweet_image" and len(upload.content) > MAX_IMAGE_BYTES:
            raise invalid_params("Image is larger than 5 MB.", media=[upload.filename or ""])
        media_id = str(1_880_000_000_000_000_000 + self.new_id())
        media_type = req.form.get("media_type") or upload.content_type
        self.media[media_id] = {
            "id": media_id,
            "media_key": f"3_{media_id}",
            "user_id": token.subject,
            "media_category": category,
            "media_type": media_type,
            "filename": upload.filename,
            "content": upload.content,
            "size": len(upload.content),
        }
        body = {
            "data": {
                "id": media_id,
                "media_key": f"3_{media_id}",
                "size": len(upload.content),
                "expires_after_secs": 86400,
                "image": {"image_type": media_type},
            }
        }
        return json_response(body, 200, headers)

    def _media_metadata(self, req: Request) -> Response:
        """``POST /2/media/metadata`` ``{"id", "metadata": {"alt_text": {"text"}}}``.

        Follows https://docs.x.com/x-api/media/create-media-metadata: scope ``media.write``,
        only the uploader's own media, alt text at most 1,000 characters; the answer is
        ``{"data": {"id", "associated_metadata": {...}}}``.
        """
        token = self._auth(req, "media.write")
        headers = self._meter("POST /2/media/metadata", token)
        payload = req.json if isinstance(req.json, dict) else {}
        media_id = payload.get("id")
        media = self.media.get(media_id) if isinstance(media_id, str) else None
        if media is None or media["user_id"] != token.subject:
            raise invalid_params("Your media ID is invalid.", id=[str(media_id or "")])
        alt = ((payload.get("metadata") or {}).get("alt_text") or {}).get("text")
        if not isinstance(alt, str) or not alt.strip():
            raise invalid_params("The `metadata.alt_text.text` field is required.")
        if len(alt) > MAX_ALT_TEXT:
            raise invalid_params(
                f"Alt text must be at most {MAX_ALT_TEXT} characters.",
                **{"metadata.alt_text.text": [alt[:20]]},
            )
        media["alt_text"] = alt
        body = {"data": {"id": media_id, "associated_metadata": {"alt_text": {"text": alt}}}}
        return json_response(body, 200, headers)

    # -- users -------------------------------------------------------------------------------

    def _users_me(self, req: Request) -> Response:
        token = self._auth(req, "users.read", "tweet.read")
        headers = self._meter("GET /2/users/me", token)
        return json_response(
            {
                "data": {
                    "id": self.user_id,
                    "name": self.display_name,
                    "username": self.username,
                }
            },
            200,
            headers,
        )

    def _user_tweets(self, req: Request, user_id: str) -> Response:
        token = self._auth(req, "tweet.read", "users.read")
        headers = self._meter("GET /2/users/tweets", token)
        max_results = int(req.query.get("max_results") or 10)
        if not 5 <= max_results <= 100:
            raise invalid_params(
                f"The `max_results` query parameter value [{max_results}] is not between 5 and 100",
                max_results=[str(max_results)],
            )
        fields = req.query.get("tweet.fields")
        tweets = [
            self._public(t, fields) for t in reversed(self.posts) if t["author_id"] == user_id
        ][:max_results]
        body: dict[str, Any] = {"meta": {"result_count": len(tweets)}}
        if tweets:
            body["data"] = tweets
            body["meta"].update(newest_id=tweets[0]["id"], oldest_id=tweets[-1]["id"])
        return json_response(body, 200, headers)
