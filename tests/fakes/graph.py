"""Fake Meta Graph API: Facebook Login, Facebook Pages and Instagram content publishing.

Paths work with or without a version prefix (``/v25.0/me`` = ``/me``). Access tokens are read
from the ``access_token`` query/form parameter or ``Authorization: Bearer``. Errors use the
real envelope ``{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`` with
HTTP 400 (Graph answers most errors, throttling included, with 400/403 rather than 429:
clients must look at ``error.code``). Nothing is fetched from the network: Instagram only
records the ``image_url`` it was given.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from .base import ApiError, FakeServer, Request, Response, Token, json_response

DEFAULT_SCOPES = (
    "pages_show_list",
    "pages_read_engagement",
    "pages_manage_posts",
    "business_management",
    "instagram_basic",
    "instagram_content_publish",
)
SHORT_LIVED_TTL = 2 * 3600
LONG_LIVED_TTL = 60 * 86400

TOKEN_SUBCODE_MESSAGES = {
    463: "Error validating access token: Session has expired.",
    460: (
        "Error validating access token: The session has been invalidated because the user "
        "changed their password or Facebook has changed the session for security reasons."
    ),
    458: "Error validating access token: The user has not authorized application.",
    492: "Error validating access token: The user is not an admin of the page any more.",
}
THROTTLE_MESSAGES = {
    4: "(#4) Application request limit reached",
    17: "(#17) User request limit reached",
    32: "(#32) Page request limit reached",
    613: "(#613) Calls to this api have exceeded the rate limit.",
}

# Fields Graph knows per node type: asking for others is error 100, like the real API.
NODE_FIELDS = {
    "user": {"id", "name", "email", "picture"},
    "page": {
        "id",
        "name",
        "category",
        "access_token",
        "instagram_business_account",
        "link",
        "username",
        "fan_count",
        "tasks",
        "picture",
    },
    "post": {
        "id",
        "message",
        "link",
        "created_time",
        "updated_time",
        "permalink_url",
        "from",
        "full_picture",
        "is_published",
        "status_type",
        "story",
        "attachments",
        "shares",
    },
    "photo": {
        "id",
        "name",
        "link",
        "picture",
        "images",
        "created_time",
        "from",
        "page_story_id",
        "alt_text_custom",
    },
    "ig_user": {
        "id",
        "username",
        "name",
        "profile_picture_url",
        "followers_count",
        "media_count",
        "biography",
        "website",
    },
    "ig_container": {"id", "status_code", "status", "copyright_check_status", "video_status"},
    "ig_media": {
        "id",
        "caption",
        "permalink",
        "timestamp",
        "media_type",
        "media_url",
        "shortcode",
        "username",
        "owner",
        "like_count",
        "comments_count",
        "media_product_type",
        "is_comment_enabled",
        "thumbnail_url",
    },
}
DEFAULT_FIELDS = {
    "user": ("name", "id"),
    "page": ("name", "id"),
    "post": ("created_time", "message", "id"),
    "photo": ("created_time", "id"),
    "ig_user": ("id",),
    "ig_container": ("id",),
    "ig_media": ("id",),
}


@dataclass
class Page:
    """A Facebook Page the fake user administers, optionally linked to an Instagram account."""

    id: str
    name: str
    access_token: str = ""
    ig_user_id: str | None = None
    ig_username: str | None = None
    category: str = "Government Organization"
    tasks: list[str] = field(
        default_factory=lambda: [
            "ADVERTISE",
            "ANALYZE",
            "CREATE_CONTENT",
            "MESSAGING",
            "MODERATE",
            "MANAGE",
        ]
    )


def graph_error(
    message: str,
    code: int,
    subcode: int | None = None,
    *,
    status: int = 400,
    type_: str = "OAuthException",
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> ApiError:
    """An :class:`ApiError` carrying Graph's error envelope."""
    error: dict[str, Any] = {"message": message, "type": type_, "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    error.update(extra)
    error["fbtrace_id"] = secrets.token_urlsafe(8)
    return ApiError(json_response({"error": error}, status, headers))


class FakeGraph(FakeServer):
    """Facebook Pages + Instagram Graph API.

    Seeded with one user (``user_id``), one page (``page_id``, ``page_token``) linked to one
    Instagram professional account (``ig_user_id``). ``posts`` holds every published item as a
    dict with ``platform`` "facebook" or "instagram"; ``containers`` the Instagram containers;
    ``image_urls`` every image URL handed to the fake.
    """

    name = "graph"
    prefix_re = re.compile(r"^/v\d+\.\d+(?=/|$)")

    def __init__(
        self,
        *,
        app_id: str = "100000000000001",
        app_secret: str = "fake-graph-app-secret",
        page_id: str = "1100000000000001",
        page_name: str = "Dinas Komunikasi dan Informatika",
        ig_user_id: str = "17841400000000001",
        ig_username: str = "diskominfo",
        ig_container_polls: int = 1,
        ig_publish_limit: int = 50,
        reject_duplicates: bool = True,
        redirect_uris: list[str] | None = None,
    ) -> None:
        super().__init__(redirect_uris=redirect_uris)
        self.app_id = app_id
        self.app_secret = app_secret
        self.user_id = "1000000000000001"
        self.user_name = "Admin Diskominfo"
        self.pages: dict[str, Page] = {}
        self.nodes: dict[str, dict[str, Any]] = {}
        self.containers: dict[str, dict[str, Any]] = {}
        self.image_urls: list[str] = []
        self.ig_container_polls = ig_container_polls
        self.ig_container_outcome = "FINISHED"
        self.ig_publish_limit = ig_publish_limit
        self.reject_duplicates = reject_duplicates
        self._seq = 3000000000000000
        self.nodes[self.user_id] = {"_type": "user", "id": self.user_id, "name": self.user_name}
        self.add_page(page_id, page_name, ig_user_id=ig_user_id, ig_username=ig_username)
        self.page_id = page_id
        self.ig_user_id = ig_user_id

        r = self.route
        r("GET", r"/dialog/oauth", self._dialog)
        r("GET,POST", r"/oauth/access_token", self._access_token)
        r("GET", r"/debug_token", self._debug_token)
        r("GET", r"/me", self._me)
        r("GET", r"/me/accounts", self._me_accounts)
        r("POST", r"/(?P<page_id>\d+)/feed", self._create_post)
        r("POST", r"/(?P<page_id>\d+)/photos", self._create_photo)
        r("GET", r"/(?P<page_id>\d+)/(?:feed|posts|published_posts)", self._list_posts)
        r("POST", r"/(?P<ig_user>\d+)/media", self._create_container)
        r("POST", r"/(?P<ig_user>\d+)/media_publish", self._publish_container)
        r("GET", r"/(?P<ig_user>\d+)/media", self._list_media)
        r("GET", r"/(?P<ig_user>\d+)/content_publishing_limit", self._publishing_limit)
        r("GET", r"/(?P<node_id>[\w]+)", self._get_node)
        r("DELETE", r"/(?P<node_id>[\w]+)", self._delete_node)

    # -- seeding and test helpers ------------------------------------------------------------

    def add_page(
        self,
        page_id: str,
        name: str,
        *,
        ig_user_id: str | None = None,
        ig_username: str | None = None,
        scopes: tuple[str, ...] = DEFAULT_SCOPES,
    ) -> Page:
        """Add a page administered by the fake user, with a non-expiring page token."""
        page = Page(page_id, name, ig_user_id=ig_user_id, ig_username=ig_username)
        page.access_token = self._page_token(page, scopes, None).value
        self.pages[page_id] = page
        node: dict[str, Any] = {
            "_type": "page",
            "id": page_id,
            "name": name,
            "category": page.category,
            "link": f"https://www.facebook.com/{page_id}",
            "tasks": page.tasks,
        }
        if ig_user_id:
            node["instagram_business_account"] = {"id": ig_user_id}
            self.nodes[ig_user_id] = {
                "_type": "ig_user",
                "id": ig_user_id,
                "username": ig_username or ig_user_id,
                "name": name,
            }
        self.nodes[page_id] = node
        return page

    @property
    def page_token(self) -> str:
        """Current access token of the default page."""
        return self.pages[self.page_id].access_token

    @property
    def app_token(self) -> str:
        return f"{self.app_id}|{self.app_secret}"

    def issue_user_token(
        self, *, long_lived: bool = False, scopes: tuple[str, ...] = DEFAULT_SCOPES
    ) -> str:
        """A user access token as Facebook Login would give (short-lived by default)."""
        ttl = LONG_LIVED_TTL if long_lived else SHORT_LIVED_TTL
        return self.issue_token(
            "user",
            prefix="EAAG",
            ttl=ttl,
            client_id=self.app_id,
            subject=self.user_id,
            scopes=scopes,
            extra={"long_lived": long_lived},
        ).value

    def expire_token(self, value: str, subcode: int = 460) -> None:
        """Kill a token; Graph then answers code 190 with ``subcode`` (460 password change,
        463 expired, 458 app removed, 492 admin role lost)."""
        with self.lock:
            token = self.tokens[value]
            token.revoked = True
            token.extra["subcode"] = subcode

    def rate_limit(  # type: ignore[override]
        self,
        n: int | None = 1,
        *,
        code: int = 32,
        regain_minutes: int = 5,
        status: int | None = None,
        path: str | None = None,
        method: str | None = None,
    ):
        """Throttle with error ``code`` 4/17/32/613 and usage headers.

        ``X-Business-Use-Case-Usage`` carries ``estimated_time_to_regain_access`` (minutes);
        code 4 also sends ``X-App-Usage``. Status defaults to 403 for code 4, else 400.
        """
        usage = {"call_count": 100, "total_cputime": 100, "total_time": 100}
        buc = {
            self.page_id: [
                {
                    "type": "pages",
                    **usage,
                    "estimated_time_to_regain_access": regain_minutes,
                }
            ]
        }
        headers = {"X-Business-Use-Case-Usage": json.dumps(buc)}
        if code == 4:
            headers["X-App-Usage"] = json.dumps(usage)
        error = graph_error(
            THROTTLE_MESSAGES.get(code, f"(#{code}) Rate limit reached"),
            code,
            status=status or (403 if code == 4 else 400),
            headers=headers,
            is_transient=True,
        )
        return self.fail_with(error.response, n, path=path, method=method)

    def default_error(self, status: int) -> Any:
        if status >= 500:
            error = graph_error(
                "An unexpected error has occurred. Please retry your request later.",
                2,
                is_transient=True,
            )
        else:
            error = graph_error("An unknown error has occurred.", 1, is_transient=True)
        return error.response.body

    def not_found(self, req: Request) -> Response:
        return graph_error(f"Unknown path components: {req.route}", 2500, status=400).response

    def posts_for(self, owner_id: str) -> list[dict[str, Any]]:
        """Published items of a page or Instagram account, newest first."""
        return [p for p in reversed(self.posts) if p["owner_id"] == owner_id]

    # -- helpers -----------------------------------------------------------------------------

    def _next(self) -> str:
        self._seq += 1
        return str(self._seq)

    def _page_token(self, page: Page, scopes: tuple[str, ...], expires_at: float | None) -> Token:
        token = self.issue_token(
            "page",
            prefix="EAAG",
            client_id=self.app_id,
            subject=page.id,
            scopes=scopes,
            extra={"user_id": self.user_id},
        )
        token.expires_at = expires_at
        return token

    def _auth(self, req: Request, *kinds: str) -> Token:
        return self._check_token(req.token, *kinds)

    def _check_token(self, value: str | None, *kinds: str) -> Token:
        if not value:
            raise graph_error(
                "An active access token must be used to query information about the current user.",
                2500,
            )
        if value == self.app_token and (not kinds or "app" in kinds):
            return Token(value, "app", client_id=self.app_id)
        token = self.tokens.get(value)
        if token is None or token.kind not in {"user", "page"}:
            raise self._invalid_token("Invalid OAuth access token - Cannot parse access token")
        if self.token_info(value) is None:
            subcode = token.extra.get("subcode", 463)
            raise self._invalid_token(TOKEN_SUBCODE_MESSAGES.get(subcode, "Invalid token"), subcode)
        if kinds and token.kind not in kinds:
            raise graph_error("(#200) Permissions error", 200, type_="OAuthException")
        return token

    @staticmethod
    def _invalid_token(message: str, subcode: int | None = None) -> ApiError:
        return graph_error(
            message,
            190,
            subcode,
            headers={"WWW-Authenticate": f'OAuth "Facebook Platform" "invalid_token" "{message}"'},
        )

    def _page(self, page_id: str, method: str = "post") -> Page:
        page = self.pages.get(page_id)
        if page is None:
            raise self._unsupported(req_method=method, node_id=page_id)
        return page

    @staticmethod
    def _unsupported(*, req_method: str, node_id: str) -> ApiError:
        return graph_error(
            f"Unsupported {req_method} request. Object with ID '{node_id}' does not exist, cannot "
            "be loaded due to missing permissions, or does not support this operation.",
            100,
            33,
            type_="GraphMethodException",
        )

    def _require_page_token(self, req: Request, page: Page, *scopes: str) -> Token:
        token = self._auth(req, "user", "page")
        if token.kind != "page" or token.subject != page.id:
            raise graph_error(
                "(#200) If posting to a page, requires both pages_read_engagement and "
                "pages_manage_posts as an admin with sufficient administrative permission",
                200,
            )
        missing = [s for s in scopes if s not in token.scopes]
        if missing:
            raise graph_error(
                f"(#200) The permission(s) {','.join(missing)} are not available.", 200
            )
        return token

    def _ig_page(self, req: Request, ig_user: str) -> Page:
        page = next((p for p in self.pages.values() if p.ig_user_id == ig_user), None)
        if page is None:
            raise self._unsupported(req_method=req.method.lower(), node_id=ig_user)
        token = self._auth(req, "user", "page")
        if token.kind == "page" and token.subject != page.id:
            raise graph_error("(#10) Application does not have permission for this action", 10)
        if req.method == "POST" and "instagram_content_publish" not in token.scopes:
            raise graph_error("(#10) Application does not have permission for this action", 10)
        return page

    def _select(self, node: dict[str, Any], fields_param: str | None) -> dict[str, Any]:
        kind = node["_type"]
        wanted = [f.strip() for f in (fields_param or "").split(",") if f.strip()]
        wanted = wanted or list(DEFAULT_FIELDS[kind])
        for name in wanted:
            base = name.split("{")[0].split(".")[0]
            if base not in NODE_FIELDS[kind]:
                raise graph_error(
                    f"(#100) Tried accessing nonexisting field ({base}) on node type "
                    f"({kind.replace('ig_', 'IG').title()})",
                    100,
                )
        result = {"id": node["id"]}
        for name in wanted:
            base = name.split("{")[0].split(".")[0]
            if base in node:
                result[base] = node[base]
        return result

    def _listing(self, req: Request, nodes: list[dict[str, Any]]) -> Response:
        limit = int(req.query.get("limit") or 25)
        data = [self._select(n, req.query.get("fields")) for n in nodes[:limit]]
        body: dict[str, Any] = {"data": data}
        if data:
            body["paging"] = {"cursors": {"before": data[0]["id"], "after": data[-1]["id"]}}
        return json_response(body)

    # -- OAuth -------------------------------------------------------------------------------

    def _dialog(self, req: Request) -> Response:
        return self.consent(req, client_id=self.app_id, subject=self.user_id, fragment="#_=_")

    def _access_token(self, req: Request) -> Response:
        p = req.params
        if p.get("client_id") != self.app_id:
            raise graph_error("Error validating application. Invalid application ID.", 101)
        if p.get("client_secret") != self.app_secret:
            raise graph_error("Error validating client secret.", 1)
        if p.get("grant_type") == "fb_exchange_token":
            token = self._check_token(p.get("fb_exchange_token"), "user")
            value = self.issue_token(
                "user",
                prefix="EAAG",
                ttl=LONG_LIVED_TTL,
                client_id=self.app_id,
                subject=token.subject,
                scopes=token.scopes,
                extra={"long_lived": True},
            ).value
            return json_response(
                {"access_token": value, "token_type": "bearer", "expires_in": LONG_LIVED_TTL}
            )
        if p.get("grant_type") == "client_credentials":
            return json_response({"access_token": self.app_token, "token_type": "bearer"})
        code = self.tokens.get(p.get("code", ""))
        if code is None or code.kind != "code":
            raise graph_error("Invalid verification code format.", 100, 36007)
        if code.used:
            raise graph_error("This authorization code has been used.", 100, 36009)
        if self.token_info(code.value, "code") is None:
            raise graph_error("This authorization code has expired.", 100, 36007)
        if p.get("redirect_uri") != code.extra["redirect_uri"]:
            raise graph_error(
                "Error validating verification code. Please make sure your redirect_uri is "
                "identical to the one you used in the OAuth dialog request",
                100,
                36008,
            )
        if not self.pkce_ok(code, p.get("code_verifier")):
            raise graph_error("Invalid code verifier.", 100, 36007)
        code.used = True
        value = self.issue_token(
            "user",
            prefix="EAAG",
            ttl=SHORT_LIVED_TTL,
            client_id=self.app_id,
            subject=code.subject or self.user_id,
            scopes=code.scopes,
            extra={"long_lived": False},
        ).value
        return json_response(
            {"access_token": value, "token_type": "bearer", "expires_in": SHORT_LIVED_TTL}
        )

    def _debug_token(self, req: Request) -> Response:
        self._auth(req, "app", "user", "page")
        value = req.query.get("input_token", "")
        token = self.tokens.get(value)
        if token is None or token.kind not in {"user", "page"}:
            return json_response(
                {
                    "data": {
                        "error": {"code": 190, "message": "Invalid OAuth access token."},
                        "is_valid": False,
                        "scopes": [],
                    }
                }
            )
        data: dict[str, Any] = {
            "app_id": self.app_id,
            "type": token.kind.upper(),
            "application": "SOP Publishing (fake)",
            "data_access_expires_at": int(token.issued_at + 90 * 86400),
            "expires_at": int(token.expires_at or 0),
            "is_valid": self.token_info(value) is not None,
            "issued_at": int(token.issued_at),
            "scopes": list(token.scopes),
            "granular_scopes": [{"scope": s} for s in token.scopes],
            "user_id": token.extra.get("user_id", token.subject),
        }
        if token.kind == "page":
            data["profile_id"] = token.subject
        if not data["is_valid"]:
            subcode = token.extra.get("subcode", 463)
            data["error"] = {
                "code": 190,
                "message": TOKEN_SUBCODE_MESSAGES.get(subcode, "Invalid token"),
                "subcode": subcode,
            }
        return json_response({"data": data})

    def _me(self, req: Request) -> Response:
        token = self._auth(req, "user", "page")
        node = self.nodes[token.subject or self.user_id]
        return json_response(self._select(node, req.query.get("fields")))

    def _me_accounts(self, req: Request) -> Response:
        token = self._auth(req, "user", "page")
        if token.kind == "page":
            raise graph_error(
                "(#100) Tried accessing nonexisting field (accounts) on node type (Page)", 100
            )
        long_lived = bool(token.extra.get("long_lived"))
        data = []
        for page in self.pages.values():
            expires_at = None if long_lived else token.expires_at
            page.access_token = self._page_token(page, token.scopes, expires_at).value
            entry = {
                "id": page.id,
                "name": page.name,
                "access_token": page.access_token,
                "category": page.category,
                "tasks": page.tasks,
            }
            if page.ig_user_id:
                entry["instagram_business_account"] = {"id": page.ig_user_id}
            data.append(entry)
        return json_response({"data": data, "paging": {"cursors": {"before": "b", "after": "a"}}})

    # -- Facebook Pages ----------------------------------------------------------------------

    def _store_post(self, page: Page, **fields: Any) -> dict[str, Any]:
        post_number = self._next()
        post_id = f"{page.id}_{post_number}"
        node = {
            "_type": "post",
            "id": post_id,
            "created_time": self.iso_time(graph=True),
            "permalink_url": f"https://www.facebook.com/{page.id}/posts/{post_number}",
            "from": {"id": page.id, "name": page.name},
            "is_published": True,
            **{k: v for k, v in fields.items() if v is not None},
        }
        self.nodes[post_id] = node
        record = {
            "platform": "facebook",
            "owner_id": page.id,
            "page_id": page.id,
            **{k: v for k, v in node.items() if k != "_type"},
        }
        self.posts.append(record)
        return record

    def _check_duplicate(self, page: Page, message: str | None, link: str | None) -> None:
        if not self.reject_duplicates:
            return
        latest = next(iter(self.posts_for(page.id)), None)
        if latest and latest.get("message") == message and latest.get("link") == link:
            raise graph_error("(#506) Duplicate status message", 506, type_="OAuthException")

    def _create_post(self, req: Request, page_id: str) -> Response:
        page = self._page(page_id)
        self._require_page_token(req, page, "pages_manage_posts")
        message, link = req.params.get("message"), req.params.get("link")
        if not message and not link:
            raise graph_error("(#100) Missing message or attachment", 100)
        if link and not re.match(r"^https?://", link):
            raise graph_error("(#100) The parameter link must be a valid URL", 100)
        self._check_duplicate(page, message, link)
        post = self._store_post(page, message=message, link=link, kind="feed")
        return json_response({"id": post["id"]})

    def _create_photo(self, req: Request, page_id: str) -> Response:
        page = self._page(page_id)
        self._require_page_token(req, page, "pages_manage_posts")
        url = req.params.get("url")
        source = req.files.get("source")
        if not url and source is None:
            raise graph_error("(#324) Requires upload file", 324)
        if url:
            self.image_urls.append(url)
        caption = req.params.get("caption") or req.params.get("message")
        # Page Photos reference (https://developers.facebook.com/docs/graph-api/reference/page/photos/,
        # "Creating"): ``alt_text_custom`` is the photo's accessible description, kept as given.
        alt_text = req.params.get("alt_text_custom")
        photo_id = self._next()
        post = self._store_post(
            page,
            message=caption,
            kind="photo",
            photo_id=photo_id,
            image_url=url,
            alt_text_custom=alt_text,
            full_picture=url or f"https://scontent.example/{photo_id}.jpg",
            image_bytes=source.content if source else None,
        )
        self.nodes[photo_id] = {
            "_type": "photo",
            "id": photo_id,
            "name": caption,
            "link": f"https://www.facebook.com/photo.php?fbid={photo_id}",
            "created_time": post["created_time"],
            "page_story_id": post["id"],
            **({"alt_text_custom": alt_text} if alt_text else {}),
        }
        return json_response({"id": photo_id, "post_id": post["id"]})

    def _list_posts(self, req: Request, page_id: str) -> Response:
        self._page(page_id, "get")
        self._auth(req, "user", "page")
        nodes = [self.nodes[p["id"]] for p in self.posts_for(page_id)]
        return self._listing(req, nodes)

    # -- Instagram ---------------------------------------------------------------------------

    def _create_container(self, req: Request, ig_user: str) -> Response:
        self._ig_page(req, ig_user)
        p = req.params
        image_url = p.get("image_url")
        if not image_url:
            if p.get("video_url") or p.get("media_type"):
                raise graph_error("(#100) Only images are supported by this fake", 100)
            raise graph_error("(#100) The parameter image_url is required", 100)
        self.image_urls.append(image_url)
        if not re.match(r"^https?://[^/\s]+/\S*", image_url):
            raise graph_error(
                "Media download has failed. The media URI doesn't meet our requirements.",
                9004,
                2207052,
                error_user_title="Media download failed",
            )
        container_id = self._next()
        container = {
            "_type": "ig_container",
            "id": container_id,
            "ig_user_id": ig_user,
            "image_url": image_url,
            "caption": p.get("caption"),
            # IG User Media reference (https://developers.facebook.com/docs/instagram-platform/
            # instagram-graph-api/reference/ig-user/media): ``alt_text`` for image posts only.
            "alt_text": p.get("alt_text"),
            "status_code": "IN_PROGRESS",
            "status": "In Progress",
            "polls_left": self.ig_container_polls,
            "outcome": self.ig_container_outcome,
            "media_id": None,
        }
        if container["polls_left"] <= 0:
            self._settle(container)
        self.containers[container_id] = container
        self.nodes[container_id] = container
        return json_response({"id": container_id})

    @staticmethod
    def _settle(container: dict[str, Any]) -> None:
        container["status_code"] = container["outcome"]
        container["status"] = (
            "Finished"
            if container["outcome"] == "FINISHED"
            else "Error: Media upload has failed with error code 2207003"
        )

    def set_container_status(self, container_id: str, status_code: str) -> None:
        """Force a container's ``status_code`` (FINISHED, ERROR, EXPIRED, IN_PROGRESS)."""
        with self.lock:
            container = self.containers[container_id]
            container["outcome"] = status_code
            container["polls_left"] = 0 if status_code != "IN_PROGRESS" else 10**9
            if status_code != "IN_PROGRESS":
                self._settle(container)

    def _publish_container(self, req: Request, ig_user: str) -> Response:
        self._ig_page(req, ig_user)
        container = self.containers.get(req.params.get("creation_id", ""))
        if container is None or container["ig_user_id"] != ig_user:
            raise graph_error("(#100) Param creation_id must be a valid media container id", 100)
        if container["media_id"]:
            return json_response({"id": container["media_id"]})
        if container["status_code"] != "FINISHED":
            raise graph_error(
                "Media ID is not available",
                9007,
                2207027,
                is_transient=False,
                error_user_title="Media not ready for publishing",
                error_user_msg="The media is not ready for publishing, please wait for a moment",
            )
        if self._published_last_day(ig_user) >= self.ig_publish_limit:
            raise graph_error(
                "Application request limit reached",
                9,
                2207042,
                is_transient=False,
                error_user_title="You've reached the maximum number of posts",
            )
        media_id = self._next()
        shortcode = secrets.token_urlsafe(8).replace("-", "A").replace("_", "B")
        username = self.nodes[ig_user]["username"]
        node = {
            "_type": "ig_media",
            "id": media_id,
            "caption": container["caption"],
            "alt_text": container["alt_text"],
            "permalink": f"https://www.instagram.com/p/{shortcode}/",
            "timestamp": self.iso_time(graph=True),
            "media_type": "IMAGE",
            "media_product_type": "FEED",
            "media_url": container["image_url"],
            "shortcode": shortcode,
            "username": username,
            "owner": {"id": ig_user},
        }
        self.nodes[media_id] = node
        container["media_id"] = media_id
        container["status_code"] = "PUBLISHED"
        self.posts.append(
            {
                "platform": "instagram",
                "owner_id": ig_user,
                "ig_user_id": ig_user,
                "container_id": container["id"],
                "published_at": self.now(),
                **{k: v for k, v in node.items() if k != "_type"},
            }
        )
        return json_response({"id": media_id})

    def _published_last_day(self, ig_user: str) -> int:
        since = self.now() - 86400
        return sum(1 for p in self.posts_for(ig_user) if p["published_at"] >= since)

    def _list_media(self, req: Request, ig_user: str) -> Response:
        self._ig_page(req, ig_user)
        return self._listing(req, [self.nodes[p["id"]] for p in self.posts_for(ig_user)])

    def _publishing_limit(self, req: Request, ig_user: str) -> Response:
        self._ig_page(req, ig_user)
        return json_response(
            {
                "data": [
                    {
                        "quota_usage": self._published_last_day(ig_user),
                        "config": {"quota_total": self.ig_publish_limit, "quota_duration": 86400},
                    }
                ]
            }
        )

    # -- generic nodes -----------------------------------------------------------------------

    def _get_node(self, req: Request, node_id: str) -> Response:
        self._auth(req, "user", "page", "app")
        node = self.nodes.get(node_id)
        if node is None:
            raise self._unsupported(req_method="get", node_id=node_id)
        if node["_type"] == "ig_container" and node["status_code"] == "IN_PROGRESS":
            node["polls_left"] -= 1
            if node["polls_left"] < 0:
                self._settle(node)
        return json_response(self._select(node, req.query.get("fields")))

    def _delete_node(self, req: Request, node_id: str) -> Response:
        node = self.nodes.get(node_id)
        if node is None or node["_type"] != "post":
            raise self._unsupported(req_method="delete", node_id=node_id)
        page = self._page(node["from"]["id"])
        self._require_page_token(req, page, "pages_manage_posts")
        del self.nodes[node_id]
        self.posts[:] = [p for p in self.posts if p["id"] != node_id]
        return json_response({"success": True})
