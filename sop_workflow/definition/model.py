"""The data model of a declarative SOP definition: its vocabulary, dataclasses and problems.

The header of the printed SOP (``SopHeader``), the roles (*Pelaksana*), the ordered steps with
their standard time (*Mutu Baku*), and ``to_dict`` (the TOML-ready data a definition reloads from).
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from home.vocabulary import CHANNEL_KEYS, InstitutionType
from sop_workflow.definition.standard_time import StandardTime

__all__ = [
    "ACCESSIBILITY_FORMATS",
    "ACTIONS",
    "CHANNELS",
    "FORMAT_VERSION",
    "KNOWN_CHECKS",
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
    "Step",
    "Task",
    "definition_hash",
    "register_check",
]

FORMAT_VERSION = 1

#: Requirement check names definitions may use. The check registry
#: (``sop_workflow.moderation.checks``) fills it through ``register_check`` as it is imported;
#: ``known_check_names()`` (in ``loader``) imports the registry first.
KNOWN_CHECKS: set[str] = set()

#: Dissemination channels a step may name.
CHANNELS = frozenset(CHANNEL_KEYS)

#: Accessible forms a publication may be obliged to provide (Jenawi: audio, visual, braille).
ACCESSIBILITY_FORMATS = frozenset({"audio", "visual", "braille"})


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


_KINDS = tuple(kind.value for kind in Kind)
_INSTITUTION_TYPES = tuple(kind.value for kind in InstitutionType)

ACTIONS: dict[Kind, frozenset[str]] = {
    Kind.PREPARATION: frozenset({"instruction", "coverage", "drafting", "selection", "intake"}),
    Kind.AFTER_PUBLICATION: frozenset({"syndication", "link_report", "archive", "receive"}),
}

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
    #: Shares of a step's standard time at which its actors are reminded (default: at 100 %).
    reminders: tuple[float, ...] = ()
    #: The flowchart's words for a decision's exits, going on then returning (default: Ya,
    #: Tidak); Jenawi's signs DISETUJUI and TOLAK.
    decision_labels: tuple[str, ...] = ()


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
    """An archive step always gives an archive number; ``classification`` adds a class code,
    ``classification_code`` (the institution's own, e.g. ``400.14.1``) is the code it adds."""

    classification: bool = False
    classification_code: str = ""


@dataclass(frozen=True)
class Step:
    """One row of the SOP table (*Uraian Prosedur* with its *Mutu Baku*)."""

    number: int
    description: str
    actor: tuple[str, ...]
    kind: Kind
    time: StandardTime
    #: The number the signed original prints, where it differs from the running order
    #: (Bunder's scan numbers its steps 9, 10, 11 as 9, 8, 10); printed beside ``number``.
    signed_number: int | None = None
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
    requires_disposition: bool = False  # a drafting step: the draft answers a *disposisi*
    channels: tuple[str, ...] = ()
    archive: ArchiveOptions | None = None
    link_report_to: tuple[str, ...] = ()
    publish_immediately: bool = False
    edits: bool = False  # the step's actors may change the content while it is in their task
    accessibility: tuple[str, ...] = ()
    required_channels: tuple[str, ...] = ()
    escalate_to: str = ""  # the role above the actors, told when the step is far overdue

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


# --------------------------------------------------------------------------- field names

_DATE_KEYS = ("created", "revised", "approved", "effective")
_APPROVER_KEYS = ("title", "name", "rank", "nip")
_ROLE_KEYS = ("key", "name", "leadership", "drafts", "submits", "inferred")
_STEP_KEYS = tuple(f.name for f in Step.__dataclass_fields__.values())


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
        "reminders": list(sop.reminders),
        "decision_labels": list(sop.decision_labels),
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
        elif name == "kind":
            value = str(value)
        elif name == "time":
            value = value.as_written  # the signed text ("1x24 jam"), not a respelling
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, RejectTarget):
            value = {k: v for k, v in (("step", value.step), ("role", value.role)) if v}
        elif isinstance(value, ArchiveOptions):
            value = {
                k: v
                for k, v in (
                    ("classification", value.classification),
                    ("classification_code", value.classification_code),
                )
                if v
            }
        if value not in (None, False, "", []):
            data[name] = value
    return data
