"""Writing a definition back to TOML text (``dump_definition``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from sop_workflow.definition.model import SopDefinition

__all__ = ["dump_definition"]


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int | date):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    items = [_toml_value(item) for item in value]
    one_line = "[" + ", ".join(items) + "]"
    if len(one_line) <= 80:
        return one_line
    return "[\n" + "".join(f"    {item},\n" for item in items) + "]"


def _toml_table(data: Mapping[str, Any], inline: bool) -> list[str]:
    return [
        f"{key} = {_toml_value(value)}"
        for key, value in data.items()
        if inline or not isinstance(value, Mapping)
    ]


def dump_definition(definition: SopDefinition) -> str:
    """The definition as TOML text; ``load_definition`` of it gives an equal definition."""
    data = definition.to_dict()
    lines = [f"format_version = {data['format_version']}", "", "[sop]"]
    lines += _toml_table(data["sop"], inline=False)
    for sub in ("dates", "approved_by"):
        if sub in data["sop"]:
            lines += ["", f"[sop.{sub}]", *_toml_table(data["sop"][sub], inline=True)]
    for name in ("roles", "steps"):
        for item in data[name]:
            lines += ["", f"[[{name}]]", *_toml_table(item, inline=True)]
    return "\n".join(lines) + "\n"
