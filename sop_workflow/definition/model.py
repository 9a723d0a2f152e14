"""Declarative SOP definitions: the data model, the TOML loader and its validation.

A definition is one TOML file (``format_version = 1``) describing an institution's written SOP:
the header of the printed SOP, the roles (*Pelaksana*) and the ordered steps with their standard
time (*Mutu Baku*). The format is documented field by field in ``definitions/README.md``.

This module is framework independent: it only uses Django's ``gettext`` for the messages of
validation problems, and falls back to the English source text outside a configured project.
"""

from __future__ import annotations

import difflib
import enum
import hashlib
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured
from django.utils.translation import gettext

__all__ = [
    "ACCESSIBILITY_FORMATS",
    "ACTIONS",
    "CHANNELS",
    "DEFINITIONS_DIR",
    "FORMAT_VERSION",
    "KNOWN_CHECKS",
    "WORKING_DAY",
    "WORKING_WEEK",
    "Approver",
    "ArchiveOptions",
    "DefinitionError",
    "InstitutionType",
    "Kind",
    "Problem",
    "RejectTarget",
    "Role",
    "SopDates",
    "SopDefinition",
    "SopHeader",
    "StandardTime",
    "Step",
    "Task",
    "bundled_definitions",
    "definition_from_dict",
    "definition_hash",
    "dump_definition",
    "load_definition",
    "register_check",
    "validate",
]

FORMAT_VERSION = 1
DEFINITIONS_DIR = Path(__file__).resolve().parent.parent / "definitions"

# "Days" and "weeks" in a standard time are working days: the 37.5-hour working week of
# government employees (Perpres 21/2023) over five days. Minutes and hours are exact.
WORKING_DAY = timedelta(hours=7, minutes=30)
WORKING_WEEK = 5 * WORKING_DAY

#: Requirement checks the application provides; the lead extends it with ``register_check``.
KNOWN_CHECKS: set[str] = {
    "five_w_one_h",
    "alt_text",
    "media_present",
    "intake_register",
    "paraf",
    "platforms_chosen",
    "indonesian_language",
}

#: Dissemination channels a step may name.
CHANNELS = frozenset({"website", "facebook", "instagram", "youtube", "x", "satu_data"})

#: Accessible forms a publication may be obliged to provide (Jenawi: audio, visual, braille).
ACCESSIBILITY_FORMATS = frozenset({"audio", "visual", "braille"})

# A check that only makes sense once an earlier (or the same) step has the named option.
_CHECK_NEEDS_OPTION = {
    "intake_register": "intake_register",
    "paraf": "paraf",
    "platforms_chosen": "choose_platforms",
}

_SLUG_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def _(message: str) -> str:
    """Translate ``message``; outside a configured Django project return it unchanged."""
    try:
        return gettext(message)
    except (ImproperlyConfigured, AppRegistryNotReady):
        return message


def register_check(name: str) -> None:
    """Make a requirement check name known to validation."""
    KNOWN_CHECKS.add(name)


class Kind(enum.StrEnum):
    """What a step is in the life of one article."""

    MAINTENANCE = "maintenance"  # not per article (e.g. building the website); printed SOP only
    PREPARATION = "preparation"  # before submission: disposisi, coverage, drafting, selection
    REVIEW = "review"  # a moderation task: approve or reject
    PUBLICATION = "publication"  # the task whose approval makes the page live
    AFTER_PUBLICATION = "after_publication"  # syndication, link report, archive, receive


class InstitutionType(enum.StrEnum):
    KAPANEWON = "kapanewon"
    KALURAHAN = "kalurahan"
    KECAMATAN = "kecamatan"
    DINAS = "dinas"


_KINDS = tuple(kind.value for kind in Kind)
_INSTITUTION_TYPES = tuple(kind.value for kind in InstitutionType)

ACTIONS: dict[Kind, frozenset[str]] = {
    Kind.PREPARATION: frozenset({"instruction", "coverage", "drafting", "selection", "intake"}),
    Kind.AFTER_PUBLICATION: frozenset({"syndication", "link_report", "archive", "receive"}),
}

# Where steps of each kind may appear relative to each other (maintenance is outside the flow).
_PHASE = {Kind.PREPARATION: 0, Kind.REVIEW: 1, Kind.PUBLICATION: 2, Kind.AFTER_PUBLICATION: 3}
_WORKFLOW_KINDS = (Kind.REVIEW, Kind.PUBLICATION)


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True)
class Problem:
    """One validation problem: which file, where in it, which field, and what is wrong."""

    file: str
    location: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [part for part in (self.file, self.location, self.field) if part]
        return ": ".join([*parts, self.message])


class DefinitionError(ValueError):
    """A definition was refused; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


# --------------------------------------------------------------------------- standard time

_TIME_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:[-–]\s*(\d+(?:[.,]\d+)?)\s*)?([^\W\d_]+)\.?\s*$")
_MINUTE = ("min", "min", timedelta(minutes=1))
_HOUR = ("h", "h", timedelta(hours=1))
_DAY = ("day", "days", WORKING_DAY)
_WEEK = ("week", "weeks", WORKING_WEEK)
_UNITS = {
    **dict.fromkeys(("min", "mins", "minute", "minutes", "menit"), _MINUTE),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "jam"), _HOUR),
    **dict.fromkeys(("day", "days", "hari"), _DAY),
    **dict.fromkeys(("week", "weeks", "minggu"), _WEEK),
}
_TENTATIVE = frozenset({"tentative", "tentatif"})


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


@dataclass(frozen=True)
class StandardTime:
    """The standard time of a step (*Waktu*), in working time.

    ``min`` and ``max`` are equal for a single value; both are ``None`` when ``tentative``.
    ``text`` is the canonical spelling (``"60 min"``, ``"1-3 h"``, ``"1-3 weeks"``).
    """

    min: timedelta | None = None
    max: timedelta | None = None
    tentative: bool = False
    text: str = field(default="", compare=False)

    @classmethod
    def parse(cls, text: str) -> StandardTime:
        """Parse ``"60 min"``, ``"1-3 h"``, ``"1-3 weeks"``, ``"tentative"`` (or Indonesian).

        Raises:
            ValueError: with a translated message when the text cannot be read.
        """
        if text.strip().lower() in _TENTATIVE:
            return cls(tentative=True, text="tentative")
        match = _TIME_RE.match(text.lower())
        unit = _UNITS.get(match.group(3)) if match else None
        if match is None or unit is None:
            raise ValueError(
                _(
                    "Cannot read the standard time “%(value)s”; write for example “60 min”, "
                    "“1-3 h”, “1-3 weeks” or “tentative”."
                )
                % {"value": text}
            )
        low = _number(match.group(1))
        high = _number(match.group(2)) if match.group(2) else low
        if low <= 0:
            raise ValueError(_("The standard time must be greater than zero."))
        if high < low:
            raise ValueError(_("The shorter time must come first (“%(value)s”).") % {"value": text})
        singular, plural, size = unit
        name = singular if (low == high == 1) else plural
        spelled = _plain(low) if low == high else f"{_plain(low)}-{_plain(high)}"
        return cls(min=size * float(low), max=size * float(high), text=f"{spelled} {name}")

    @property
    def is_range(self) -> bool:
        return not self.tentative and self.min != self.max

    def __str__(self) -> str:
        if self.text:
            return self.text
        if self.min is None or self.max is None:
            return "tentative"
        return _format_span(self.min, self.max)

    def __add__(self, other: StandardTime) -> StandardTime:
        if not isinstance(other, StandardTime):
            return NotImplemented
        if self.min is None or self.max is None or other.min is None or other.max is None:
            return StandardTime(tentative=True, text="tentative")
        low, high = self.min + other.min, self.max + other.max
        return StandardTime(low, high, text=_format_span(low, high))


def _format_span(low: timedelta, high: timedelta) -> str:
    """Spell a span in hours when both ends are whole hours, else in minutes."""
    hourly = all(span % timedelta(hours=1) == timedelta(0) for span in (low, high))
    unit, label = (timedelta(hours=1), "h") if hourly else (timedelta(minutes=1), "min")
    first, last = (_plain(Decimal(str(round(span / unit, 2)))) for span in (low, high))
    return f"{first} {label}" if first == last else f"{first}-{last} {label}"


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class SopDates:
    """Tgl. Pembuatan / Revisi / Pengesahan / Efektif; ``None`` where the original has none."""

    created: date | None = None
    revised: date | None = None
    approved: date | None = None
    effective: date | None = None


@dataclass(frozen=True)
class Approver:
    """*Disahkan oleh*: the official who approved the SOP."""

    title: str
    name: str = ""
    rank: str = ""
    nip: str = ""


@dataclass(frozen=True)
class SopHeader:
    """The identity block of the printed SOP."""

    key: str
    title: str
    institution: str
    institution_type: InstitutionType
    number: str = ""
    dates: SopDates = SopDates()
    approved_by: Approver | None = None
    decree: str = ""
    legal_basis: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    related_sops: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    warning: str = ""
    records: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A *Pelaksana*: becomes one group per institution."""

    key: str
    name: str
    leadership: bool = False  # may see compliance reports
    drafts: bool = False  # may create drafts (the author role)
    submits: bool = False  # may edit any draft and submit it into the workflow
    inferred: bool = False  # not a column of the original; added to make the SOP executable


@dataclass(frozen=True)
class RejectTarget:
    """Where a rejection sends the content back: a step, a role, or both."""

    step: int | None = None
    role: str | None = None


@dataclass(frozen=True)
class ArchiveOptions:
    """An archive step always gives an archive number; ``classification`` adds a class code."""

    classification: bool = False


@dataclass(frozen=True)
class Step:
    """One row of the SOP table (*Uraian Prosedur* with its *Mutu Baku*)."""

    number: int
    description: str
    actor: tuple[str, ...]
    kind: Kind
    time: StandardTime
    action: str | None = None
    kelengkapan: str = ""
    checks: tuple[str, ...] = ()
    advisory_checks: tuple[str, ...] = ()
    output: str = ""
    keterangan: str = ""
    actor_inferred: bool = False
    on_reject: RejectTarget | None = None
    part_of: int | None = None
    paraf: bool = False
    paraf_by: tuple[str, ...] = ()
    choose_platforms: bool = False
    intake_register: bool = False
    channels: tuple[str, ...] = ()
    archive: ArchiveOptions | None = None
    link_report_to: tuple[str, ...] = ()
    publish_immediately: bool = False
    accessibility: tuple[str, ...] = ()

    @property
    def is_workflow_step(self) -> bool:
        """Review and publication steps run inside the Wagtail moderation workflow."""
        return self.kind in _WORKFLOW_KINDS


@dataclass(frozen=True)
class Task:
    """One moderation task: a review or publication step plus the steps joined to it."""

    main: Step
    steps: tuple[Step, ...]

    @property
    def number(self) -> int:
        return self.main.number

    @property
    def kind(self) -> Kind:
        return self.main.kind

    @property
    def actors(self) -> tuple[str, ...]:
        return self.main.actor

    @property
    def time(self) -> StandardTime:
        total = self.steps[0].time
        for step in self.steps[1:]:
            total = total + step.time
        return total

    @property
    def on_reject(self) -> RejectTarget | None:
        return next((s.on_reject for s in self.steps if s.on_reject is not None), None)


@dataclass(frozen=True)
class SopDefinition:
    """A validated SOP. Build it with ``load_definition``; never construct it by hand."""

    sop: SopHeader
    roles: tuple[Role, ...]
    steps: tuple[Step, ...]
    format_version: int = FORMAT_VERSION

    @property
    def key(self) -> str:
        return self.sop.key

    def role(self, key: str) -> Role:
        for role in self.roles:
            if role.key == key:
                return role
        raise KeyError(key)

    def step(self, number: int) -> Step:
        for step in self.steps:
            if step.number == number:
                return step
        raise KeyError(number)

    @property
    def author_roles(self) -> tuple[Role, ...]:
        return tuple(role for role in self.roles if role.drafts)

    @property
    def submitter_roles(self) -> tuple[Role, ...]:
        return tuple(role for role in self.roles if role.submits)

    @property
    def leadership_roles(self) -> tuple[Role, ...]:
        return tuple(role for role in self.roles if role.leadership)

    def steps_of(self, *kinds: Kind) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.kind in kinds)

    def tasks(self) -> tuple[Task, ...]:
        """The moderation tasks in order; steps with ``part_of`` join their task."""
        members: dict[int, list[Step]] = {}
        for step in self.steps_of(*_WORKFLOW_KINDS):
            members.setdefault(step.part_of or step.number, []).append(step)
        return tuple(
            Task(main=self.step(number), steps=tuple(steps)) for number, steps in members.items()
        )

    @property
    def publication_task(self) -> Task:
        return next(task for task in self.tasks() if task.kind is Kind.PUBLICATION)

    @property
    def hash(self) -> str:
        return definition_hash(self)

    def to_dict(self) -> dict[str, Any]:
        """The definition as TOML-ready data (defaults omitted); reloads to an equal object."""
        return {
            "format_version": self.format_version,
            "sop": _header_dict(self.sop),
            "roles": [_role_dict(role) for role in self.roles],
            "steps": [_step_dict(step) for step in self.steps],
        }


# --------------------------------------------------------------------------- reading


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
)  # fmt: skip
_DATE_KEYS = ("created", "revised", "approved", "effective")
_APPROVER_KEYS = ("title", "name", "rank", "nip")
_ROLE_KEYS = ("key", "name", "leadership", "drafts", "submits", "inferred")
_STEP_KEYS = tuple(f.name for f in Step.__dataclass_fields__.values())
_REJECT_KEYS = ("step", "role")
_ARCHIVE_KEYS = ("classification",)
# Options and the kinds of step that may carry them.
_OPTION_KINDS: dict[str, tuple[Kind, ...]] = {
    "on_reject": _WORKFLOW_KINDS,
    "part_of": _WORKFLOW_KINDS,
    "paraf": _WORKFLOW_KINDS,
    "paraf_by": _WORKFLOW_KINDS,
    "choose_platforms": (Kind.REVIEW,),
    "intake_register": (Kind.PREPARATION, Kind.REVIEW),
    "publish_immediately": (Kind.PUBLICATION,),
    "channels": (Kind.REVIEW, Kind.PUBLICATION, Kind.AFTER_PUBLICATION),
    "accessibility": (Kind.PUBLICATION, Kind.AFTER_PUBLICATION),
}
_OPTION_ACTIONS = {"archive": "archive", "link_report_to": "link_report"}


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
    )


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
    for name in ("actor_inferred", "paraf", "choose_platforms", "intake_register"):
        values[name] = r.boolean(data, name, location)
    values["publish_immediately"] = r.boolean(data, "publish_immediately", location)
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
    values["on_reject"] = _read_reject(r, data, location)
    values["part_of"] = r.integer(data, "part_of", location)
    if "archive" in data:
        archive = r.table(data["archive"], location, _ARCHIVE_KEYS, prefix="archive")
        values["archive"] = ArchiveOptions(
            classification=r.boolean(archive, "classification", location)
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


def _check_steps(r: _Reader, drafts: list[_StepDraft], role_keys: set[str]) -> None:
    """Cross-references between steps and roles; every problem is recorded."""
    by_number: dict[int, _StepDraft] = {}
    previous: int | None = None
    for draft in drafts:
        number = draft.number
        if number is None:
            continue
        if number in by_number:
            r.problem(
                draft.location,
                "number",
                _("Duplicate step number %(number)s (first used in %(other)s).")
                % {"number": number, "other": by_number[number].location},
            )
            continue
        if previous is not None and number < previous:
            r.problem(
                draft.location,
                "number",
                _("Steps must be in order: step %(number)s comes after step %(previous)s.")
                % {"number": number, "previous": previous},
            )
        by_number[number] = draft
        previous = number if previous is None else max(previous, number)
    for draft in drafts:
        _check_roles(r, draft, role_keys)
        _check_options(r, draft)
        _check_reject(r, draft, by_number)
        _check_part_of(r, draft, drafts, by_number)
    _check_phases(r, drafts)
    _check_publication(r, drafts)
    _check_check_options(r, drafts)
    _check_task_rejects(r, drafts)


def _unknown_role(role: str, role_keys: set[str]) -> str:
    return _("Unknown role “%(role)s”; the roles are: %(choices)s.") % {
        "role": role,
        "choices": ", ".join(sorted(role_keys)),
    }


def _check_roles(r: _Reader, draft: _StepDraft, role_keys: set[str]) -> None:
    for name in ("actor", "link_report_to", "paraf_by"):
        for role in draft.values[name]:
            if role not in role_keys:
                r.problem(draft.location, name, _unknown_role(role, role_keys))
    reject = draft.values["on_reject"]
    if reject and reject.role and reject.role not in role_keys:
        r.problem(draft.location, "on_reject.role", _unknown_role(reject.role, role_keys))
    for role in draft.values["paraf_by"]:
        if role in role_keys and role not in draft.values["actor"]:
            r.problem(
                draft.location,
                "paraf_by",
                _("“%(role)s” is not an actor of this step.") % {"role": role},
            )


def _check_options(r: _Reader, draft: _StepDraft) -> None:
    """Options are only allowed on the kinds (or actions) of step that can use them."""
    kind, values, location = draft.kind, draft.values, draft.location
    for option, kinds in _OPTION_KINDS.items():
        if kind is not None and option in draft.raw and kind not in kinds:
            r.problem(
                location,
                option,
                _("“%(option)s” is only allowed on steps of kind: %(kinds)s.")
                % {"option": option, "kinds": ", ".join(kinds)},
            )
    for option, action in _OPTION_ACTIONS.items():
        if option in draft.raw and values["action"] != action:
            r.problem(
                location,
                option,
                _("“%(option)s” is only allowed on steps with action “%(action)s”.")
                % {"option": option, "action": action},
            )
    if values["action"] == "link_report" and not values["link_report_to"]:
        r.problem(location, "link_report_to", _("A link report needs the roles the links go to."))
    if values["paraf_by"] and not values["paraf"]:
        r.problem(location, "paraf_by", _("paraf_by needs paraf = true."))
    if kind is Kind.REVIEW and values["channels"] and not values["choose_platforms"]:
        r.problem(
            location, "channels", _("On a review step, channels needs choose_platforms = true.")
        )


def _check_reject(r: _Reader, draft: _StepDraft, by_number: Mapping[int, _StepDraft]) -> None:
    reject: RejectTarget | None = draft.values["on_reject"]
    if reject is None or reject.step is None or draft.number is None:
        return
    target = by_number.get(reject.step)
    if target is None:
        r.problem(
            draft.location,
            "on_reject.step",
            _("There is no step %(number)s to go back to.") % {"number": reject.step},
        )
    elif reject.step > draft.number:
        r.problem(
            draft.location,
            "on_reject.step",
            _("A rejection cannot go forward, to step %(number)s.") % {"number": reject.step},
        )
    elif target.kind not in (Kind.PREPARATION, Kind.REVIEW, None):
        r.problem(
            draft.location,
            "on_reject.step",
            _("Step %(number)s is a %(kind)s step; a rejection can only go back to a "
              "preparation or review step.") % {"number": reject.step, "kind": target.kind},
        )  # fmt: skip


def _workflow_neighbours(drafts: list[_StepDraft], number: int) -> set[int]:
    flow = [d.number for d in drafts if d.kind in _WORKFLOW_KINDS and d.number is not None]
    if number not in flow:
        return set()
    index = flow.index(number)
    return {n for n in flow[max(index - 1, 0) : index + 2] if n != number}


def _check_part_of(
    r: _Reader,
    draft: _StepDraft,
    drafts: list[_StepDraft],
    by_number: Mapping[int, _StepDraft],
) -> None:
    target_number = draft.values["part_of"]
    if target_number is None or draft.number is None:
        return
    target = by_number.get(target_number)
    message: str | None = None
    if target_number == draft.number:
        message = _("A step cannot be part of itself.")
    elif target is None:
        message = _("There is no step %(number)s.") % {"number": target_number}
    elif target.values["part_of"] is not None:
        message = _("Step %(number)s is itself part of another step.") % {"number": target_number}
    elif draft.kind is not None and target.kind is not draft.kind:
        message = _("Step %(number)s is a %(kind)s step; join only steps of the same kind.") % {
            "number": target_number,
            "kind": target.kind,
        }
    elif target_number not in _workflow_neighbours(drafts, draft.number):
        message = _("Step %(number)s is not next to this step in the workflow.") % {
            "number": target_number
        }
    if message:
        r.problem(draft.location, "part_of", message)


def _check_phases(r: _Reader, drafts: list[_StepDraft]) -> None:
    """Preparation, then review, then publication, then after publication."""
    latest: _StepDraft | None = None
    for draft in drafts:
        if draft.kind not in _PHASE:
            continue
        if latest is not None and _PHASE[draft.kind] < _PHASE[latest.kind]:  # type: ignore[index]
            r.problem(
                draft.location,
                "kind",
                _("A %(kind)s step cannot come after the %(previous)s step %(number)s.")
                % {"kind": draft.kind, "previous": latest.kind, "number": latest.number},
            )
        elif latest is None or _PHASE[draft.kind] > _PHASE[latest.kind]:  # type: ignore[index]
            latest = draft


def _check_publication(r: _Reader, drafts: list[_StepDraft]) -> None:
    publications = [d for d in drafts if d.kind is Kind.PUBLICATION]
    if not publications:
        if all(d.kind is not None for d in drafts):
            r.problem(
                "steps", "kind", _("No publication step: one step needs kind = “publication”.")
            )
        return
    main = [d for d in publications if d.values["part_of"] is None]
    for extra in main[1:]:
        r.problem(
            extra.location,
            "kind",
            _("A second publication step (the first is step %(number)s); join them with part_of.")
            % {"number": main[0].number},
        )


def _check_check_options(r: _Reader, drafts: list[_StepDraft]) -> None:
    """Checks like ``paraf`` need an earlier or the same step that gives the paraf."""
    enabled: set[str] = set()
    for draft in drafts:
        enabled.update(opt for opt in _CHECK_NEEDS_OPTION.values() if draft.values.get(opt))
        for name in ("checks", "advisory_checks"):
            for check in draft.values[name]:
                option = _CHECK_NEEDS_OPTION.get(check)
                if option and option not in enabled:
                    r.problem(
                        draft.location,
                        name,
                        _("Check “%(check)s” needs this or an earlier step with %(option)s = true.")
                        % {"check": check, "option": option},
                    )


def _check_task_rejects(r: _Reader, drafts: list[_StepDraft]) -> None:
    owner: dict[int, _StepDraft] = {}
    for draft in drafts:
        if draft.kind not in _WORKFLOW_KINDS or draft.values["on_reject"] is None:
            continue
        task = draft.values["part_of"] or draft.number
        if task in owner:
            r.problem(
                draft.location,
                "on_reject",
                _("Only one step of a task may say where a rejection goes (also step %(number)s).")
                % {"number": owner[task].number},
            )
        owner.setdefault(task, draft)


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
    checks = set(KNOWN_CHECKS if known_checks is None else known_checks)
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
        known_checks: the check names to accept (defaults to ``KNOWN_CHECKS``).

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


def definition_hash(definition: SopDefinition) -> str:
    """A stable SHA-256 of the definition's content (not of its formatting or comments)."""
    canonical = json.dumps(
        definition.to_dict(),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=lambda value: value.isoformat(),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- writing


def _header_dict(sop: SopHeader) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": sop.key,
        "number": sop.number,
        "title": sop.title,
        "institution": sop.institution,
        "institution_type": str(sop.institution_type),
        "decree": sop.decree,
        "legal_basis": list(sop.legal_basis),
        "qualifications": list(sop.qualifications),
        "related_sops": list(sop.related_sops),
        "equipment": list(sop.equipment),
        "warning": sop.warning,
        "records": list(sop.records),
        "dates": {k: getattr(sop.dates, k) for k in _DATE_KEYS if getattr(sop.dates, k)},
    }
    if sop.approved_by:
        data["approved_by"] = {
            k: getattr(sop.approved_by, k) for k in _APPROVER_KEYS if getattr(sop.approved_by, k)
        }
    return {k: v for k, v in data.items() if v}


def _role_dict(role: Role) -> dict[str, Any]:
    data = {"key": role.key, "name": role.name}
    data.update({k: True for k in _ROLE_KEYS[2:] if getattr(role, k)})
    return data


def _step_dict(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in _STEP_KEYS:
        value = getattr(step, name)
        if name == "actor":
            value = value[0] if len(value) == 1 else list(value)
        elif name == "kind" or name == "time":
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, RejectTarget):
            value = {k: v for k, v in (("step", value.step), ("role", value.role)) if v}
        elif isinstance(value, ArchiveOptions):
            value = {"classification": value.classification}
        if value not in (None, False, "", []):
            data[name] = value
    return data


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
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
