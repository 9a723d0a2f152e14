"""Local fake servers of the social and open-data platforms, for tests.

Each fake speaks the platform's HTTP protocol on ``127.0.0.1`` (OS-chosen port), keeps its
state inspectable (``posts``, ``requests``, ``tokens``) and can inject failures
(``fail_next``, ``rate_limit``, ``expire_token``, ``slow``, ``stall_after_work``,
``drop_after_work``, ``drop_after_bytes``). Fixtures live in :mod:`tests.fakes.fixtures`;
``python -m tests.fakes.run`` starts them all for manual runs.
"""

from .base import ApiError, FakeServer, Request, Response, Rule, Token, UploadedFile
from .ckan import FakeCkan
from .google import FakeGoogle
from .graph import FakeGraph
from .x import FakeX

__all__ = [
    "ApiError",
    "FakeCkan",
    "FakeGoogle",
    "FakeGraph",
    "FakeServer",
    "FakeX",
    "Request",
    "Response",
    "Rule",
    "Token",
    "UploadedFile",
]
