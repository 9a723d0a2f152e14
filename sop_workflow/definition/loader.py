"""The public entry points: load and validate a definition, and the bundled definitions."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sop_workflow.definition.messages import _
from sop_workflow.definition.model import (
    FORMAT_VERSION,
    DefinitionError,
    Problem,
    SopDefinition,
    Step,
)
from sop_workflow.definition.reader import (
    _ROOT_KEYS,
    _read_header,
    _read_roles,
    _read_step,
    _Reader,
    _StepDraft,
)
from sop_workflow.definition.rules import _check_steps

__all__ = [
    "DEFINITIONS_DIR",
    "bundled_definitions",
    "definition_from_dict",
    "known_check_names",
    "load_definition",
    "validate",
]

DEFINITIONS_DIR = Path(__file__).resolve().parent.parent / "definitions"


def known_check_names() -> frozenset[str]:
    """The requirement check names a definition may use, as the check registry knows them."""
    from sop_workflow.moderation.checks import registered_check_names

    return registered_check_names()


def _build(
    data: Any, file: str, known_checks: Iterable[str] | None
) -> tuple[SopDefinition | None, list[Problem]]:
    r = _Reader(file)
    root = r.table(data, "", _ROOT_KEYS)
    version = root.get("format_version")
    if version is None:
        r.problem("", "format_version", _("This field is required."))
    elif version != FORMAT_VERSION or isinstance(version, bool):
        r.problem(
            "",
            "format_version",
            _("Unsupported format version %(version)s; this program reads version %(supported)s.")
            % {"version": version, "supported": FORMAT_VERSION},
        )
        return None, r.problems  # the rest would be read by the wrong rules
    header = _read_header(r, root.get("sop", {}))
    roles = _read_roles(r, root.get("roles"))
    raw_steps = root.get("steps")
    checks = set(known_check_names() if known_checks is None else known_checks)
    drafts: list[_StepDraft] = []
    if not isinstance(raw_steps, list) or not raw_steps:
        r.problem("steps", "", _("At least one step is required (a [[steps]] table)."))
    else:
        drafts = [_read_step(r, i, raw, checks) for i, raw in enumerate(raw_steps)]
        _check_steps(r, drafts, {role.key for role in roles if role.key})
    if r.problems:
        return None, r.problems
    steps = tuple(Step(**draft.values) for draft in drafts)
    return SopDefinition(sop=header, roles=roles, steps=steps), []


# --------------------------------------------------------------------------- public API

Source = str | os.PathLike[str] | Mapping[str, Any]


def _parse_source(source: Source, file: str | None) -> tuple[Any, str, list[Problem]]:
    """Turn a path, TOML text or parsed mapping into data plus a file label."""
    if isinstance(source, Mapping):
        return source, file or "<dict>", []
    is_path = isinstance(source, os.PathLike) or (
        "\n" not in source and source.strip().endswith(".toml")
    )
    label = file or (os.fspath(source) if is_path else "<string>")
    try:
        text = Path(source).read_text(encoding="utf-8") if is_path else str(source)
    except (OSError, UnicodeDecodeError) as error:
        message = _("The file cannot be read: %(error)s") % {"error": error}
        return None, label, [Problem(label, "", "", message)]
    try:
        return tomllib.loads(text), label, []
    except tomllib.TOMLDecodeError as error:
        message = _("Not valid TOML: %(error)s") % {"error": error}
        return None, label, [Problem(label, "", "", message)]


def validate(
    source: Source, *, file: str | None = None, known_checks: Iterable[str] | None = None
) -> list[Problem]:
    """Every problem of a definition (a path, TOML text or parsed mapping); empty when valid."""
    data, label, problems = _parse_source(source, file)
    if problems:
        return problems
    return _build(data, label, known_checks)[1]


def load_definition(
    source: Source, *, file: str | None = None, known_checks: Iterable[str] | None = None
) -> SopDefinition:
    """Load and validate a definition.

    Args:
        source: a ``Path``, a path string ending in ``.toml``, TOML text, or parsed data.
        file: the name used in problems (defaults to the path, ``<string>`` or ``<dict>``).
        known_checks: the check names to accept (defaults to ``known_check_names()``).

    Raises:
        DefinitionError: listing every problem found.
    """
    data, label, problems = _parse_source(source, file)
    if problems:
        raise DefinitionError(problems)
    definition, problems = _build(data, label, known_checks)
    if definition is None:
        raise DefinitionError(problems)
    return definition


def definition_from_dict(data: Mapping[str, Any], **kwargs: Any) -> SopDefinition:
    """``load_definition`` for data already parsed (e.g. ``SopDefinition.to_dict()``)."""
    return load_definition(data, **kwargs)


def bundled_definitions() -> dict[str, Path]:
    """The SOP definitions shipped in ``sop_workflow/definitions``, by key (the file stem)."""
    return {path.stem: path for path in sorted(DEFINITIONS_DIR.glob("*.toml"))}
