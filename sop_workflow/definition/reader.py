"""Reading a parsed TOML definition field by field; problems are recorded, never raised."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sop_workflow.definition.messages import _
from sop_workflow.definition.model import (
    _APPROVER_KEYS,
    _DATE_KEYS,
    _INSTITUTION_TYPES,
    _KINDS,
    _ROLE_KEYS,
    _STEP_KEYS,
    ACCESSIBILITY_FORMATS,
    ACTIONS,
    CHANNELS,
    Approver,
    ArchiveOptions,
    InstitutionType,
    Kind,
    Problem,
    RejectTarget,
    Role,
    SopDates,
    SopHeader,
)
from sop_workflow.definition.standard_time import StandardTime

_SLUG_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class _Reader:
    """Typed access to parsed TOML that records a ``Problem`` instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, location: str, name: str, message: str) -> None:
        self.problems.append(Problem(self.file, location, name, message))

    def table(
        self, value: Any, location: str, allowed: Iterable[str], prefix: str = ""
    ) -> dict[str, Any]:
        """Return ``value`` as a table; report a wrong type and every unknown key."""
        if not isinstance(value, Mapping):
            self.problem(location, prefix, _("Expected a table."))
            return {}
        allowed = tuple(allowed)
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                message = (
                    _("Unknown key; did you mean “%(suggestion)s”?") % {"suggestion": close[0]}
                    if close
                    else _("Unknown key.")
                )
                self.problem(location, _dotted(prefix, str(key)), message)
        return dict(value)

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        location: str,
        *,
        required: bool = False,
        prefix: str = "",
    ) -> str:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip() and required):
            if required:
                self.problem(location, _dotted(prefix, key), _("This field is required."))
            return ""
        if not isinstance(value, str):
            self.problem(location, _dotted(prefix, key), _("Expected text."))
            return ""
        return value.strip()

    def texts(self, data: Mapping[str, Any], key: str, location: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return tuple(v.strip() for v in value)
        self.problem(location, key, _("Expected a list of texts."))
        return ()

    def names(
        self, data: Mapping[str, Any], key: str, location: str, known: Iterable[str], message: str
    ) -> tuple[str, ...]:
        """A list of names that must each be in ``known`` and appear once."""
        names = self.texts(data, key, location)
        known = set(known)
        seen: set[str] = set()
        for name in names:
            if name not in known:
                choices = ", ".join(sorted(known))
                self.problem(location, key, message % {"value": name, "choices": choices})
            elif name in seen:
                self.problem(location, key, _("“%(value)s” is listed twice.") % {"value": name})
            seen.add(name)
        return names

    def boolean(self, data: Mapping[str, Any], key: str, location: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problem(location, key, _("Expected true or false."))
            return False
        return value

    def integer(
        self, data: Mapping[str, Any], key: str, location: str, prefix: str = ""
    ) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem(location, _dotted(prefix, key), _("Expected a positive whole number."))
            return None
        return value

    def day(self, data: Mapping[str, Any], key: str, location: str) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(location, key, _("Expected a date (YYYY-MM-DD)."))
        return None


def _dotted(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


_ROOT_KEYS = ("format_version", "sop", "roles", "steps")
_SOP_KEYS = (
    "key", "number", "title", "institution", "institution_type", "dates", "approved_by",
    "decree", "legal_basis", "qualifications", "related_sops", "equipment", "warning", "records",
    "reminders", "decision_labels",
)  # fmt: skip
_REJECT_KEYS = ("step", "role")
_ARCHIVE_KEYS = ("classification", "classification_code")


def _read_header(r: _Reader, raw: Any) -> SopHeader:
    data = r.table(raw, "sop", _SOP_KEYS)
    key = r.text(data, "key", "sop", required=True)
    if key and not _SLUG_RE.match(key):
        r.problem("sop", "key", _slug_message())
    kind = r.text(data, "institution_type", "sop", required=True)
    if kind and kind not in _INSTITUTION_TYPES:
        r.problem("sop", "institution_type", _choice_message(kind, _INSTITUTION_TYPES))
    dates = r.table(data.get("dates", {}), "sop.dates", _DATE_KEYS)
    return SopHeader(
        key=key,
        title=r.text(data, "title", "sop", required=True),
        institution=r.text(data, "institution", "sop", required=True),
        # an invalid type was reported above; the placeholder is never returned to callers
        institution_type=InstitutionType(kind if kind in _INSTITUTION_TYPES else "dinas"),
        number=r.text(data, "number", "sop"),
        dates=SopDates(*(r.day(dates, name, "sop.dates") for name in _DATE_KEYS)),
        approved_by=_read_approver(r, data.get("approved_by")),
        decree=r.text(data, "decree", "sop"),
        legal_basis=r.texts(data, "legal_basis", "sop"),
        qualifications=r.texts(data, "qualifications", "sop"),
        related_sops=r.texts(data, "related_sops", "sop"),
        equipment=r.texts(data, "equipment", "sop"),
        warning=r.text(data, "warning", "sop"),
        records=r.texts(data, "records", "sop"),
        reminders=_read_reminders(r, data),
        decision_labels=_read_decision_labels(r, data),
    )


def _read_decision_labels(r: _Reader, data: Mapping[str, Any]) -> tuple[str, ...]:
    """``decision_labels = ["DISETUJUI", "TOLAK"]``: the signed flowchart's words for a
    decision's going-on and returning exits (default: Ya and Tidak)."""
    value = data.get("decision_labels", [])
    labels = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    if not labels or len(value) not in (0, 2):
        r.problem(
            "sop",
            "decision_labels",
            _('Expected two words, going on then returning, e.g. ["DISETUJUI", "TOLAK"].'),
        )
        return ()
    return tuple(v.strip() for v in value)


def _read_reminders(r: _Reader, data: Mapping[str, Any]) -> tuple[float, ...]:
    """``reminders = [0.8, 1.0]``: increasing shares of the standard time, each above 0."""
    value = data.get("reminders", [])
    numbers = isinstance(value, list) and all(
        isinstance(v, int | float) and not isinstance(v, bool) and v > 0 for v in value
    )
    if not numbers or list(value) != sorted(set(value)):
        r.problem(
            "sop",
            "reminders",
            _("Expected increasing shares of the standard time above 0, e.g. [0.8, 1.0]."),
        )
        return ()
    return tuple(float(v) for v in value)


def _read_approver(r: _Reader, raw: Any) -> Approver | None:
    if raw is None:
        return None
    data = r.table(raw, "sop.approved_by", _APPROVER_KEYS)
    return Approver(
        title=r.text(data, "title", "sop.approved_by", required=True),
        **{name: r.text(data, name, "sop.approved_by") for name in _APPROVER_KEYS[1:]},
    )


def _slug_message() -> str:
    return _("Use lowercase letters, digits and underscores, starting with a letter.")


def _choice_message(value: str, choices: Iterable[str]) -> str:
    return _("Unknown value “%(value)s”; expected one of: %(choices)s.") % {
        "value": value,
        "choices": ", ".join(choices),
    }


def _read_roles(r: _Reader, raw: Any) -> tuple[Role, ...]:
    if not isinstance(raw, list) or not raw:
        r.problem("roles", "", _("At least one role is required (a [[roles]] table)."))
        return ()
    roles: list[Role] = []
    first_seen: dict[str, str] = {}
    for index, item in enumerate(raw):
        key_value = item.get("key") if isinstance(item, Mapping) else None
        location = f"roles[{index}]" + (f" ({key_value})" if isinstance(key_value, str) else "")
        data = r.table(item, location, _ROLE_KEYS)
        key = r.text(data, "key", location, required=True)
        if key and not _SLUG_RE.match(key):
            r.problem(location, "key", _slug_message())
        elif key and key in first_seen:
            r.problem(
                location,
                "key",
                _("Duplicate role key “%(key)s” (first used in %(other)s).")
                % {"key": key, "other": first_seen[key]},
            )
        first_seen.setdefault(key, location)
        flags = {name: r.boolean(data, name, location) for name in _ROLE_KEYS[2:]}
        roles.append(Role(key=key, name=r.text(data, "name", location, required=True), **flags))
    if roles and not any(role.drafts for role in roles):
        r.problem("roles", "drafts", _("No role drafts content: set drafts = true on a role."))
    if roles and not any(role.submits for role in roles):
        r.problem("roles", "submits", _("No role submits content: set submits = true on a role."))
    return tuple(roles)


@dataclass
class _StepDraft:
    """A step read field by field; cross-references are checked once all steps are read."""

    location: str
    raw: dict[str, Any]
    values: dict[str, Any]

    @property
    def number(self) -> int | None:
        return self.values.get("number")

    @property
    def kind(self) -> Kind | None:
        return self.values.get("kind")


def _step_location(index: int, raw: Any) -> str:
    number = raw.get("number") if isinstance(raw, Mapping) else None
    if isinstance(number, int) and not isinstance(number, bool):
        return f"steps[{index}] (langkah {number})"
    return f"steps[{index}]"


def _read_step(r: _Reader, index: int, raw: Any, checks: set[str]) -> _StepDraft:
    location = _step_location(index, raw)
    data = r.table(raw, location, _STEP_KEYS)
    values: dict[str, Any] = {}
    if "number" not in data:
        r.problem(location, "number", _("This field is required."))
    values["number"] = r.integer(data, "number", location)
    values["signed_number"] = r.integer(data, "signed_number", location)
    values["description"] = r.text(data, "description", location, required=True)
    values["actor"] = _read_actor(r, data, location)
    values["kind"] = _read_kind(r, data, location)
    values["action"] = _read_action(r, data, location, values["kind"])
    values["time"] = _read_time(r, data, location)
    for name in ("kelengkapan", "output", "keterangan"):
        values[name] = r.text(data, name, location)
    check_message = _("Unknown check “%(value)s”; known checks: %(choices)s.")
    values["checks"] = r.names(data, "checks", location, checks, check_message)
    values["advisory_checks"] = r.names(data, "advisory_checks", location, checks, check_message)
    for name in (
        "actor_inferred",
        "paraf",
        "choose_platforms",
        "intake_register",
        "requires_disposition",
    ):
        values[name] = r.boolean(data, name, location)
    values["publish_immediately"] = r.boolean(data, "publish_immediately", location)
    values["edits"] = r.boolean(data, "edits", location)
    values["escalate_to"] = r.text(data, "escalate_to", location)
    values["paraf_by"] = r.texts(data, "paraf_by", location)
    values["link_report_to"] = r.texts(data, "link_report_to", location)
    values["channels"] = r.names(
        data,
        "channels",
        location,
        CHANNELS,
        _("Unknown channel “%(value)s”; expected: %(choices)s."),
    )
    values["accessibility"] = r.names(
        data,
        "accessibility",
        location,
        ACCESSIBILITY_FORMATS,
        _("Unknown accessible format “%(value)s”; expected: %(choices)s."),
    )
    values["required_channels"] = r.names(
        data,
        "required_channels",
        location,
        CHANNELS,
        _("Unknown channel “%(value)s”; expected: %(choices)s."),
    )
    values["on_reject"] = _read_reject(r, data, location)
    values["part_of"] = r.integer(data, "part_of", location)
    if "archive" in data:
        archive = r.table(data["archive"], location, _ARCHIVE_KEYS, prefix="archive")
        values["archive"] = ArchiveOptions(
            classification=r.boolean(archive, "classification", location),
            classification_code=r.text(archive, "classification_code", location, prefix="archive"),
        )
    return _StepDraft(location=location, raw=data, values=values)


def _read_actor(r: _Reader, data: Mapping[str, Any], location: str) -> tuple[str, ...]:
    value = data.get("actor")
    if value is None or value == "" or value == []:
        r.problem(location, "actor", _("This field is required."))
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    r.problem(location, "actor", _("Expected a role key or a list of role keys."))
    return ()


def _read_kind(r: _Reader, data: Mapping[str, Any], location: str) -> Kind | None:
    value = r.text(data, "kind", location, required=True)
    if value and value not in _KINDS:
        r.problem(location, "kind", _choice_message(value, _KINDS))
        return None
    return Kind(value) if value else None


def _read_action(
    r: _Reader, data: Mapping[str, Any], location: str, kind: Kind | None
) -> str | None:
    value = r.text(data, "action", location) or None
    if kind is None:
        return value
    allowed = ACTIONS.get(kind)
    if value is None:
        if kind is Kind.AFTER_PUBLICATION:
            r.problem(
                location,
                "action",
                _("An after_publication step needs an action: one of %(choices)s.")
                % {"choices": ", ".join(sorted(ACTIONS[kind]))},
            )
    elif allowed is None:
        r.problem(
            location, "action", _("Only preparation and after_publication steps have an action.")
        )
    elif value not in allowed:
        r.problem(location, "action", _choice_message(value, sorted(allowed)))
    return value


def _read_time(r: _Reader, data: Mapping[str, Any], location: str) -> StandardTime | None:
    if "time" not in data:
        r.problem(location, "time", _("This field is required."))
        return None
    value = r.text(data, "time", location, required=True)
    if not value:
        return None
    try:
        return StandardTime.parse(value)
    except ValueError as error:
        r.problem(location, "time", str(error))
        return None


def _read_reject(r: _Reader, data: Mapping[str, Any], location: str) -> RejectTarget | None:
    if "on_reject" not in data:
        return None
    raw = data["on_reject"]
    reject = r.table(raw, location, _REJECT_KEYS, prefix="on_reject")
    if isinstance(raw, Mapping) and not raw:
        r.problem(location, "on_reject", _("Give the step to go back to, the role, or both."))
    step = r.integer(reject, "step", location, prefix="on_reject")
    role = r.text(reject, "role", location, prefix="on_reject") or None
    return RejectTarget(step=step, role=role)
