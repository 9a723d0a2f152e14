"""The interface every platform adapter implements, and what it is given to publish."""

from __future__ import annotations

import io
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

import requests
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from home.storage import open_stored
from social_publish import conf

from .errors import OutcomeUnknown, PermanentError, TokenError, TransientError

logger = logging.getLogger("social_publish")


@dataclass
class Media:
    """A file to upload: bytes in memory, or a stored file (a ``FieldFile``) with its size.

    A stored file is read through its storage (local disk or an S3 bucket), never by path, so
    the worker that uploads it may run on another machine than the web process that stored it.
    """

    filename: str
    content_type: str
    data: bytes | None = None
    stored: FieldFile | None = None
    size: int = 0
    public_url: str = ""

    def open(self) -> IO[bytes]:
        """A new binary handle on the content, positioned at the start (the caller closes it)."""
        if self.data is not None or self.stored is None:
            return io.BytesIO(self.data or b"")
        return open_stored(self.stored.name, self.stored.storage)

    def read(self) -> bytes:
        """The whole content."""
        with self.open() as handle:
            return handle.read()


@dataclass
class Post:
    """What one page becomes on a channel."""

    page_id: int
    url: str
    title: str
    lead: str
    message: str
    tags: list[str] = field(default_factory=list)
    image: Media | None = None
    image_alt: str = ""
    video: Media | None = None
    captions: Media | None = None
    documents: list[Media] = field(default_factory=list)
    dataset_name: str = ""


@dataclass
class Result:
    """A post that exists on the platform."""

    external_id: str
    permalink: str = ""


Checkpoint = Callable[[dict[str, Any]], None]


class Provider(ABC):
    """One platform. Subclasses live one per module and are registered in ``registry``.

    Args:
        channel: the :class:`~social_publish.models.Channel` to act for.
        session: a ``requests.Session`` (tests may pass one; default: a new one).
    """

    kind: str = ""
    #: Maximum message length (in the platform's own counting); 0 = no message.
    max_length: int = 0
    #: Characters every link counts for in :meth:`length` (0 = links count as typed).
    url_weight: int = 0
    #: Maximum length of a separate title (YouTube's video title); 0 = no separate title.
    title_limit: int = 0

    def __init__(self, channel, session: requests.Session | None = None) -> None:
        self.channel = channel
        self.session = session or requests.Session()
        self.timeout = conf.get("SOCIAL_HTTP_TIMEOUT")

    # -- the interface -----------------------------------------------------------------

    def applies_to(self, post: Post) -> bool:
        """Whether this platform can carry ``post`` at all (e.g. YouTube needs a video)."""
        return True

    def compose(self, post: Post) -> str:
        """The default message for ``post``: title, lead, link and tags."""
        hashtags = " ".join(f"#{t.replace(' ', '')}" for t in post.tags)
        parts = [post.title, post.lead, post.url, hashtags]
        return "\n\n".join(p for p in parts if p)

    def validate_message(self, text: str, post: Post | None = None) -> list[str]:
        """Problems of ``text`` on this platform, in the user's language (empty = fine)."""
        if self.max_length and self.length(text) > self.max_length:
            return [
                _("The message is %(length)d characters long; the limit is %(limit)d.")
                % {"length": self.length(text), "limit": self.max_length}
            ]
        return []

    def length(self, text: str) -> int:
        """The message length as the platform counts it."""
        return len(text)

    def message_notes(self, text: str, post: Post | None = None) -> list[str]:
        """What the editor should know about a message here (warnings, never blocking)."""
        return []

    @abstractmethod
    def publish(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        """Create the post. Raises a :class:`~.errors.ProviderError` subclass on failure.

        Args:
            post: what to publish.
            checkpoint: progress saved by an earlier attempt (upload session, container id).
            save: persists progress before the next risky step; call it with the new dict.
        """

    @abstractmethod
    def find_existing(self, post: Post) -> Result | None:
        """The post of ``post.url`` if the account already has it (reconciliation)."""

    def permalink(self, external_id: str) -> str:
        """The public link of a post."""
        return ""

    @abstractmethod
    def check(self) -> None:
        """Validate the credentials (daily health check). Raises :class:`TokenError`."""

    # -- HTTP plumbing shared by the adapters -------------------------------------------

    def call(self, method: str, url: str, *, write: bool = False, **kwargs) -> requests.Response:
        """One HTTP request with errors classified.

        A write whose connection drops after the request was sent raises
        :class:`OutcomeUnknown`: the platform may have done the work.
        """
        kwargs.setdefault("timeout", self.timeout)
        try:
            response = self.session.request(method, url, **kwargs)
        except requests.ConnectTimeout as exc:
            raise TransientError(_("The platform could not be reached."), repr(exc)) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            if write:
                raise OutcomeUnknown(
                    _("The connection broke before the platform answered; checking the account."),
                    type(exc).__name__,
                ) from exc
            raise TransientError(_("The platform could not be reached."), repr(exc)) from exc
        if response.status_code >= 500:
            raise self.server_error(response)
        return response

    def server_error(self, response: requests.Response) -> TransientError:
        return TransientError(
            _("The platform had a temporary problem (HTTP %(status)d).")
            % {"status": response.status_code},
            response.text[:300],
        )

    @staticmethod
    def permission_error(detail: str) -> PermanentError:
        return PermanentError(
            _("The platform refused the post (permission or content rules)."), detail[:300]
        )

    @staticmethod
    def token_error(detail: str) -> TokenError:
        return TokenError(
            _("The channel's login has expired or was revoked; reconnect the channel."),
            detail[:300],
        )
