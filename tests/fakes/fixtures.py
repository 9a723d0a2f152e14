"""Function-scoped pytest fixtures, one started fake server each.

Teardown fails the test if a handler of the fake crashed (``fake.errors``).

Registered for the whole suite by ``pytest_plugins`` in ``tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .ckan import FakeCkan
from .google import FakeGoogle
from .graph import FakeGraph
from .x import FakeX

__all__ = ["fake_ckan", "fake_google", "fake_graph", "fake_x"]


@pytest.fixture
def fake_graph() -> Iterator[FakeGraph]:
    """A running fake Graph API (Facebook Pages + Instagram)."""
    with FakeGraph() as fake:
        yield fake
        assert not fake.errors, fake.errors


@pytest.fixture
def fake_google() -> Iterator[FakeGoogle]:
    """A running fake Google OAuth + YouTube Data API."""
    with FakeGoogle() as fake:
        yield fake
        assert not fake.errors, fake.errors


@pytest.fixture
def fake_x() -> Iterator[FakeX]:
    """A running fake X API v2."""
    with FakeX() as fake:
        yield fake
        assert not fake.errors, fake.errors


@pytest.fixture
def fake_ckan() -> Iterator[FakeCkan]:
    """A running fake CKAN action API."""
    with FakeCkan() as fake:
        yield fake
        assert not fake.errors, fake.errors
