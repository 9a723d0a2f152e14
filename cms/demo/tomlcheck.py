"""Checked reading of TOML tables: every problem names the file and the key.

``cms.demo.content`` reads the demo data files with it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, NoReturn


class DemoDataError(ValueError):
    """A demo data file is missing, is not TOML, or has a missing, unknown or wrong key."""


class Table:
    """One TOML table of a file; every read names the file and the key path when it fails."""

    def __init__(self, path: Path, where: str, data: Any) -> None:
        self.path, self.where, self.data = path, where, data
        self.read: set[str] = set()
        if not isinstance(data, dict):
            self.fail("", "must be a table")

    def name(self, key: str) -> str:
        """The dotted path of ``key`` in the file, e.g. ``news[2].images[0].scene``."""
        return f"{self.where}.{key}" if self.where and key else self.where or key

    def fail(self, key: str, message: str) -> NoReturn:
        """Raise DemoDataError naming the file and the key."""
        raise DemoDataError(f"{self.path.name}: {self.name(key)}: {message}")

    def get(self, key: str, kind: type, what: str, default: Any = ...) -> Any:
        """The value of ``key``, which must be a ``kind`` (described as ``what`` in errors)."""
        self.read.add(key)
        if key not in self.data and default is ...:
            self.fail(key, "is missing")
        found = self.data.get(key, default)
        if not isinstance(found, kind) or isinstance(found, bool) != (kind is bool):
            self.fail(key, f"must be {what}, not {found!r}")
        return found

    def text(self, key: str, *, choices: tuple[str, ...] = (), pattern: str = "") -> str:
        """A non-empty text, one of ``choices`` or matching ``pattern`` if given."""
        found = self.get(key, str, "text")
        if not found.strip():
            self.fail(key, "must not be empty")
        if choices and found not in choices:
            self.fail(key, f"must be one of {', '.join(choices)}, not {found!r}")
        if pattern and not re.fullmatch(pattern, found):
            self.fail(key, f"must match {pattern}, not {found!r}")
        return found

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of non-empty texts."""
        items = self.get(key, list, "a list of texts")
        for n, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{key}[{n}]", f"must be a non-empty text, not {item!r}")
        return tuple(items)

    def tables(self, key: str) -> list[Table]:
        """An array of tables (``[[key]]``), empty if absent."""
        items = self.get(key, list, "an array of tables ([[...]])", [])
        return [Table(self.path, self.name(f"{key}[{n}]"), t) for n, t in enumerate(items)]

    def table(self, key: str) -> Table:
        """A sub-table (``[key]``)."""
        return Table(self.path, self.name(key), self.get(key, dict, "a table"))

    def done(self) -> None:
        """Refuse keys nobody read: a misspelt key must not vanish silently."""
        if unknown := sorted(set(self.data) - self.read):
            self.fail(unknown[0], f"is not a known key (known: {', '.join(sorted(self.read))})")


def read_toml(path: Path) -> Table:
    """The top table of a TOML file, or DemoDataError if the file is missing or not TOML."""
    try:
        return Table(path, "", tomllib.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise DemoDataError(f"{path.name}: file is missing from {path.parent}") from None
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{path.name}: not valid TOML: {error}") from None
