"""Shared machinery of the fake platform servers.

Every fake is a :class:`FakeServer`: a ``ThreadingHTTPServer`` on ``127.0.0.1`` (OS-chosen port)
served from a daemon thread, with a request log, a token store and failure-injection rules.
Subclasses register routes (``self.route(...)``) whose handlers take a :class:`Request` and
return a :class:`Response` (or raise :class:`ApiError`). Handlers run one at a time under
``fake.lock``, so state changes are atomic like on a real server.
"""

from __future__ import annotations

import base64
import contextlib
import email.parser
import email.policy
import hashlib
import itertools
import json
import re
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

JSONBody = dict[str, Any] | list[Any]
Body = bytes | str | dict[str, Any] | list[Any] | None


@dataclass(frozen=True)
class UploadedFile:
    """One file part of a multipart body."""

    filename: str | None
    content_type: str
    content: bytes


@dataclass(eq=False)
class Request:
    """A received request. Iterates as ``(method, path, headers, body)``.

    ``path`` is the raw request target (with query), ``route`` the path the routes match against
    (no query, platform prefix such as ``/v25.0`` removed). Headers keep their values, including
    ``Authorization``, so tests can assert which token was sent.
    """

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    route: str = ""
    partial: bool = False  # the connection was dropped before the whole body arrived
    received_at: float = field(default_factory=time.time)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.method, self.path, self.headers, self.body))

    def header(self, name: str, default: str | None = None) -> str | None:
        """Case-insensitive header lookup."""
        lowered = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lowered:
                return value
        return default

    @property
    def content_type(self) -> str:
        return (self.header("Content-Type") or "").split(";")[0].strip().lower()

    @cached_property
    def query(self) -> dict[str, str]:
        """Query parameters (first value of each)."""
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}

    @cached_property
    def _multipart(self) -> tuple[dict[str, str], dict[str, UploadedFile], list[UploadedFile]]:
        fields: dict[str, str] = {}
        files: dict[str, UploadedFile] = {}
        parts: list[UploadedFile] = []
        if not self.content_type.startswith("multipart/"):
            return fields, files, parts
        head = f"Content-Type: {self.header('Content-Type')}\r\nMIME-Version: 1.0\r\n\r\n"
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            head.encode() + self.body
        )
        if not message.is_multipart():
            return fields, files, parts
        for part in message.iter_parts():
            payload = part.get_payload(decode=True) or b""
            upload = UploadedFile(part.get_filename(), part.get_content_type(), payload)
            parts.append(upload)
            name = part.get_param("name", header="content-disposition")
            if not name:
                continue
            if upload.filename is None:
                fields[str(name)] = payload.decode("utf-8", "replace")
            else:
                files[str(name)] = upload
        return fields, files, parts

    @cached_property
    def form(self) -> dict[str, str]:
        """Fields of an urlencoded or multipart/form-data body."""
        if self.content_type == "application/x-www-form-urlencoded":
            parsed = parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
            return {k: v[0] for k, v in parsed.items()}
        return self._multipart[0]

    @property
    def files(self) -> dict[str, UploadedFile]:
        """File parts of a multipart/form-data body, by field name."""
        return self._multipart[1]

    @property
    def parts(self) -> list[UploadedFile]:
        """All parts of any multipart body (e.g. multipart/related), in order."""
        return self._multipart[2]

    @cached_property
    def json(self) -> Any:
        """The body parsed as JSON, or ``None`` when it is not JSON."""
        if not self.body:
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    @cached_property
    def params(self) -> dict[str, str]:
        """Query parameters overlaid with form fields."""
        return {**self.query, **self.form}

    @property
    def bearer(self) -> str | None:
        """Token from ``Authorization: Bearer|OAuth <token>``."""
        scheme, _, value = (self.header("Authorization") or "").partition(" ")
        if scheme.lower() in {"bearer", "oauth"} and value.strip():
            return value.strip()
        return None

    @property
    def basic_auth(self) -> tuple[str, str] | None:
        """``(user, password)`` from ``Authorization: Basic``."""
        scheme, _, value = (self.header("Authorization") or "").partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            user, _, password = base64.b64decode(value.strip()).decode().partition(":")
        except ValueError:
            return None
        return user, password

    @property
    def token(self) -> str | None:
        """The credential the client sent: bearer, ``access_token`` param or raw header."""
        if self.bearer:
            return self.bearer
        if self.params.get("access_token"):
            return self.params["access_token"]
        raw = (self.header("Authorization") or "").strip()
        if raw and " " not in raw:
            return raw
        return None


@dataclass
class Response:
    """What a handler answers. Dict/list bodies are sent as JSON."""

    status: int = 200
    body: Body = None
    headers: dict[str, str] = field(default_factory=dict)
    reason: str | None = None

    def encoded(self) -> tuple[bytes, str]:
        if self.body is None:
            return b"", ""
        if isinstance(self.body, bytes):
            return self.body, "application/octet-stream"
        if isinstance(self.body, str):
            return self.body.encode(), "text/plain; charset=utf-8"
        return json.dumps(self.body).encode(), "application/json; charset=utf-8"


def json_response(
    body: JSONBody, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """A JSON :class:`Response`."""
    return Response(status, body, dict(headers or {}))


def redirect(url: str, **params: str | None) -> Response:
    """A 302 to ``url`` with ``params`` added to its query."""
    parts = urlsplit(url)
    extra = urlencode({k: v for k, v in params.items() if v is not None})
    query = f"{parts.query}&{extra}" if parts.query and extra else parts.query or extra
    return Response(302, None, {"Location": urlunsplit(parts._replace(query=query))})


class ApiError(Exception):
    """Raised by handlers to answer with an error response."""

    def __init__(self, response: Response) -> None:
        super().__init__(f"{response.status}: {response.body!r}")
        self.response = response


@dataclass
class Token:
    """An issued credential (authorization code, access, refresh, page or API token)."""

    value: str
    kind: str
    client_id: str | None = None
    subject: str | None = None
    scopes: tuple[str, ...] = ()
    expires_at: float | None = None
    issued_at: float = field(default_factory=time.time)
    revoked: bool = False
    used: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Rule:
    """A failure-injection rule; ``remaining=None`` means it applies forever."""

    kind: str  # "fail" | "slow" | "stall_after_work" | "drop_after_work" | "drop_after_bytes"
    path: re.Pattern[str] | None = None
    method: str | None = None
    remaining: int | None = 1
    response: Response | None = None
    seconds: float = 0.0
    after_bytes: int = 0

    def matches(self, method: str, route: str) -> bool:
        if self.remaining is not None and self.remaining <= 0:
            return False
        if self.method and self.method.upper() != method:
            return False
        return self.path is None or bool(self.path.search(route))


Handler = Callable[..., Response]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Dropped connections are part of the show; keep stderr quiet about them."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.fake._serve(self)

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def read_body(self, limit: int | None) -> tuple[bytes, bool]:
        """Read the body; stop after ``limit`` bytes. Returns ``(body, truncated)``."""
        if (self.headers.get("Transfer-Encoding") or "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            body = b"".join(chunks)
            if limit is not None and limit < len(body):
                return body[:limit], True
            return body, False
        length = int(self.headers.get("Content-Length") or 0)
        if limit is not None and limit < length:
            return self.rfile.read(limit), True
        return self.rfile.read(length), False

    def send(self, response: Response) -> None:
        data, default_type = response.encoded()
        self.send_response(response.status, response.reason)
        headers = {k.lower(): (k, v) for k, v in response.headers.items()}
        if data and "content-type" not in headers:
            self.send_header("Content-Type", default_type)
        for name, value in headers.values():
            if name.lower() not in {"content-length", "connection"}:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        self.close_connection = True

    def drop(self) -> None:
        """Close the socket without answering."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


class FakeServer:
    """Base of the fakes: HTTP plumbing, request log, tokens and failure injection.

    Attributes tests may read: ``requests`` (every :class:`Request`), ``posts`` (items the
    platform made public, as dicts), ``tokens`` (value → :class:`Token`), ``valid_tokens``,
    ``errors`` (exceptions raised by handlers, answered as 500; should stay empty).
    Attributes tests may set: ``now`` (clock used for expiry), ``consent_denied`` (the consent
    endpoint redirects with ``error=access_denied``), ``consent_scopes`` (scopes the user grants,
    ``None`` = as requested).
    """

    name = "fake"
    prefix_re: re.Pattern[str] | None = None  # stripped from paths before routing

    def __init__(self, *, redirect_uris: list[str] | None = None) -> None:
        self.requests: list[Request] = []
        self.posts: list[dict[str, Any]] = []
        self.tokens: dict[str, Token] = {}
        self.errors: list[Exception] = []  # exceptions raised inside handlers (fake bugs)
        self.redirect_uris = redirect_uris
        self.consent_denied = False
        self.consent_scopes: list[str] | None = None
        self.now: Callable[[], float] = time.time
        self.lock = threading.RLock()
        self._rules: list[Rule] = []
        self._routes: list[tuple[frozenset[str], re.Pattern[str], Handler]] = []
        self._ids = itertools.count(1)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>`` once started."""
        if self._httpd is None:
            raise RuntimeError(f"{type(self).__name__} is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> Self:
        """Bind to an OS-chosen loopback port and serve from a daemon thread."""
        if self._httpd is not None:
            return self
        self._stopping.clear()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"{self.name}-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port; sleeping ``slow`` handlers are woken."""
        if self._httpd is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- failure injection -----------------------------------------------------------------

    def _add_rule(self, rule: Rule) -> Rule:
        with self.lock:
            self._rules.append(rule)
        return rule

    @staticmethod
    def _pattern(path: str | None) -> re.Pattern[str] | None:
        return re.compile(path) if path else None

    def fail_next(
        self,
        n: int | None = 1,
        status: int = 500,
        body: Body = None,
        headers: dict[str, str] | None = None,
        *,
        path: str | None = None,
        method: str | None = None,
    ) -> Rule:
        """Answer the next ``n`` matching requests (``None`` = all) with ``status``.

        ``path`` is a regex searched in the route (``"/feed"`` matches ``/123/feed``);
        ``body`` defaults to the platform's own error envelope for ``status``.
        The request is not processed: no state changes.
        """
        response = Response(
            status, self.default_error(status) if body is None else body, dict(headers or {})
        )
        return self._add_rule(Rule("fail", self._pattern(path), method, n, response))

    def fail_with(
        self,
        response: Response,
        n: int | None = 1,
        *,
        path: str | None = None,
        method: str | None = None,
    ) -> Rule:
        """Answer the next ``n`` matching requests with a prepared :class:`Response`."""
        return self._add_rule(Rule("fail", self._pattern(path), method, n, response))

    def rate_limit(
        self, n: int | None = 1, *, path: str | None = None, method: str | None = None
    ) -> Rule:
        """Throttle the next ``n`` matching requests (platforms override with real headers)."""
        return self.fail_with(
            Response(429, self.default_error(429), {"Retry-After": "60"}),
            n,
            path=path,
            method=method,
        )

    def slow(
        self,
        seconds: float,
        n: int | None = None,
        *,
        path: str | None = None,
        method: str | None = None,
    ) -> Rule:
        """Delay matching requests by ``seconds`` before handling them (all by default)."""
        return self._add_rule(Rule("slow", self._pattern(path), method, n, seconds=seconds))

    def stall_after_work(
        self,
        seconds: float,
        n: int | None = 1,
        *,
        path: str | None = None,
        method: str | None = None,
    ) -> Rule:
        """Handle the request (state changes happen), then hold the answer ``seconds``.

        Models "the platform accepted the post and is slow to say so": a client killed while
        it waits never learns the outcome. :meth:`stop` cuts the wait short.
        """
        return self._add_rule(
            Rule("stall_after_work", self._pattern(path), method, n, seconds=seconds)
        )

    def drop_after_work(
        self, n: int | None = 1, *, path: str | None = None, method: str | None = None
    ) -> Rule:
        """Handle the request (state changes happen) then close the socket without answering.

        Models "the platform accepted the post but the client never learned it".
        """
        return self._add_rule(Rule("drop_after_work", self._pattern(path), method, n))

    def drop_after_bytes(
        self, k: int, n: int | None = 1, *, path: str | None = None, method: str | None = None
    ) -> Rule:
        """Read only ``k`` bytes of the body, let the handler keep them, then close the socket.

        Models a network drop mid-upload; the handler sees ``request.partial``.
        """
        return self._add_rule(
            Rule("drop_after_bytes", self._pattern(path), method, n, after_bytes=k)
        )

    def clear_failures(self) -> None:
        """Remove every injection rule."""
        with self.lock:
            self._rules.clear()

    def _take(self, kind: str, method: str, route: str) -> Rule | None:
        with self.lock:
            for rule in self._rules:
                if rule.kind == kind and rule.matches(method, route):
                    if rule.remaining is not None:
                        rule.remaining -= 1
                    return rule
        return None

    # -- tokens ----------------------------------------------------------------------------

    def new_id(self) -> int:
        """Next number of this fake's id sequence."""
        return next(self._ids)

    def issue_token(
        self,
        kind: str,
        *,
        prefix: str = "",
        ttl: float | None = None,
        **fields: Any,
    ) -> Token:
        """Create and store a token of ``kind`` that expires after ``ttl`` seconds (or never)."""
        value = prefix + secrets.token_urlsafe(24)
        now = self.now()
        token = Token(
            value, kind, issued_at=now, expires_at=None if ttl is None else now + ttl, **fields
        )
        with self.lock:
            self.tokens[value] = token
        return token

    def token_info(self, value: str | None, *kinds: str) -> Token | None:
        """The stored token if it exists, is of one of ``kinds`` and is still usable."""
        token = self.tokens.get(value or "")
        if token is None or (kinds and token.kind not in kinds):
            return None
        if token.revoked or token.used:
            return None
        if token.expires_at is not None and self.now() >= token.expires_at:
            return None
        return token

    def expire_token(self, value: str) -> None:
        """Make a token unusable from now on (as if revoked or its session ended)."""
        with self.lock:
            self.tokens[value].revoked = True

    revoke_token = expire_token

    @property
    def valid_tokens(self) -> list[Token]:
        """Tokens that would still be accepted."""
        return [t for t in self.tokens.values() if self.token_info(t.value)]

    # -- OAuth helpers shared by the fakes ---------------------------------------------------

    def issue_code(
        self,
        client_id: str,
        redirect_uri: str,
        scopes: list[str] | tuple[str, ...],
        *,
        code_challenge: str | None = None,
        code_challenge_method: str | None = None,
        subject: str | None = None,
        **extra: Any,
    ) -> str:
        """Issue an authorization code as the consent screen would (for tests that skip it)."""
        token = self.issue_token(
            "code",
            ttl=600,
            client_id=client_id,
            subject=subject,
            scopes=tuple(scopes),
            extra={
                "redirect_uri": redirect_uri,
                "code_challenge": code_challenge,
                "code_challenge_method": code_challenge_method or "plain",
                **extra,
            },
        )
        return token.value

    @staticmethod
    def pkce_ok(code: Token, verifier: str | None) -> bool:
        """RFC 7636 check of ``code_verifier`` against the challenge stored with ``code``."""
        challenge = code.extra.get("code_challenge")
        if not challenge:
            return True
        if not verifier:
            return False
        if code.extra.get("code_challenge_method", "plain").upper() == "S256":
            digest = hashlib.sha256(verifier.encode("ascii")).digest()
            computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            return secrets.compare_digest(computed, challenge)
        return secrets.compare_digest(verifier, challenge)

    def redirect_allowed(self, redirect_uri: str | None) -> bool:
        if not redirect_uri:
            return False
        return self.redirect_uris is None or redirect_uri in self.redirect_uris

    def consent(
        self,
        req: Request,
        *,
        client_id: str,
        require_pkce: bool = False,
        subject: str | None = None,
        fragment: str = "",
        **extra: Any,
    ) -> Response:
        """A consent screen the user approves at once: 302 back with ``code`` and ``state``."""
        params = req.query
        redirect_uri = params.get("redirect_uri", "")
        if params.get("client_id") != client_id:
            raise ApiError(Response(400, "invalid client_id"))
        if not self.redirect_allowed(redirect_uri):
            raise ApiError(Response(400, "redirect_uri is not registered for this app"))
        if params.get("response_type", "code") != "code":
            return redirect(
                redirect_uri, error="unsupported_response_type", state=params.get("state")
            )
        challenge = params.get("code_challenge")
        if require_pkce and not challenge:
            raise ApiError(Response(400, "code_challenge is required"))
        if self.consent_denied:
            return redirect(
                redirect_uri,
                error="access_denied",
                error_description="The user denied the request.",
                state=params.get("state"),
            )
        requested = [s for s in re.split(r"[,\s]+", params.get("scope", "")) if s]
        granted = requested if self.consent_scopes is None else list(self.consent_scopes)
        code = self.issue_code(
            client_id,
            redirect_uri,
            granted,
            code_challenge=challenge,
            code_challenge_method=params.get("code_challenge_method"),
            subject=subject,
            **extra,
        )
        response = redirect(redirect_uri, code=code, state=params.get("state"))
        response.headers["Location"] += fragment
        return response

    # -- routing ---------------------------------------------------------------------------

    def route(self, methods: str, pattern: str, handler: Handler) -> None:
        """Register ``handler(req, **groups)`` for ``methods`` ("GET,POST") and a path regex."""
        self._routes.append(
            (frozenset(m.strip().upper() for m in methods.split(",")), re.compile(pattern), handler)
        )

    def normalise(self, path: str) -> str:
        route = urlsplit(path).path or "/"
        if self.prefix_re is not None:
            route = self.prefix_re.sub("", route, count=1) or "/"
        return route

    def default_error(self, status: int) -> Body:
        """The platform's error body for ``status`` (overridden per platform)."""
        return {"error": HTTPStatus(status).phrase}

    def not_found(self, req: Request) -> Response:
        return Response(404, self.default_error(404))

    def dispatch(self, req: Request) -> Response:
        """Route ``req`` to its handler; :class:`ApiError` becomes its response."""
        for methods, pattern, handler in self._routes:
            match = pattern.fullmatch(req.route)
            if match and req.method in methods:
                try:
                    with self.lock:
                        return handler(req, **match.groupdict())
                except ApiError as error:
                    return error.response
                except Exception as exc:  # a bug in the fake: answer 500, keep it for tests
                    self.errors.append(exc)
                    return Response(500, f"fake {self.name} crashed: {exc!r}")
        return self.not_found(req)

    def _serve(self, http: _Handler) -> None:
        method = http.command
        route = self.normalise(http.path)
        slow = self._take("slow", method, route)
        if slow is not None:
            self._stopping.wait(slow.seconds)
        cut = self._take("drop_after_bytes", method, route)
        try:
            body, partial = http.read_body(cut.after_bytes if cut else None)
        except (OSError, ValueError):
            http.drop()
            return
        req = Request(
            method, http.path, dict(http.headers.items()), body, route, partial, self.now()
        )
        with self.lock:
            self.requests.append(req)
        if cut is not None:
            self.dispatch(req)
            http.drop()
            return
        failure = self._take("fail", method, route)
        if failure is not None and failure.response is not None:
            http.send(failure.response)
            return
        response = self.dispatch(req)
        stall = self._take("stall_after_work", method, route)
        if stall is not None:
            self._stopping.wait(stall.seconds)
        if self._take("drop_after_work", method, route) is not None:
            http.drop()
            return
        try:
            http.send(response)
        except OSError:
            http.close_connection = True

    # -- conveniences for tests ------------------------------------------------------------

    def requests_to(self, path: str, method: str | None = None) -> list[Request]:
        """Logged requests whose route matches the regex ``path`` (and ``method``)."""
        pattern = re.compile(path)
        return [
            r
            for r in self.requests
            if pattern.search(r.route) and (method is None or r.method == method.upper())
        ]

    @property
    def last_request(self) -> Request:
        return self.requests[-1]

    def iso_time(self, epoch: float | None = None, *, graph: bool = False) -> str:
        """UTC timestamp; Graph style ``+0000`` or RFC 3339 ``Z``."""
        stamp = time.strftime(
            "%Y-%m-%dT%H:%M:%S", time.gmtime(self.now() if epoch is None else epoch)
        )
        return stamp + ("+0000" if graph else "Z")
