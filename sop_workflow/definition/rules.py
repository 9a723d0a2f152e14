"""The cross-step rules: references between steps and roles, phases, options and checks."""

from __future__ import annotations

from collections.abc import Mapping

from sop_workflow.definition.messages import _
from sop_workflow.definition.model import _WORKFLOW_KINDS, Kind, RejectTarget
from sop_workflow.definition.reader import _Reader, _StepDraft

# A check that only makes sense once an earlier (or the same) step has the named option.
_CHECK_NEEDS_OPTION = {
    "intake_register": "intake_register",
    "paraf": "paraf",
    "platforms_chosen": "choose_platforms",
}

# Where steps of each kind may appear relative to each other (maintenance is outside the flow).
_PHASE = {Kind.PREPARATION: 0, Kind.REVIEW: 1, Kind.PUBLICATION: 2, Kind.AFTER_PUBLICATION: 3}

# Options and the kinds of step that may carry them.
_OPTION_KINDS: dict[str, tuple[Kind, ...]] = {
    "on_reject": _WORKFLOW_KINDS,
    "part_of": _WORKFLOW_KINDS,
    "paraf": _WORKFLOW_KINDS,
    "paraf_by": _WORKFLOW_KINDS,
    "choose_platforms": (Kind.REVIEW,),
    "intake_register": (Kind.PREPARATION, Kind.REVIEW),
    "requires_disposition": (Kind.PREPARATION,),
    "publish_immediately": (Kind.PUBLICATION,),
    "edits": _WORKFLOW_KINDS,
    "escalate_to": _WORKFLOW_KINDS,
    "channels": (Kind.REVIEW, Kind.PUBLICATION, Kind.AFTER_PUBLICATION),
    "accessibility": (Kind.PUBLICATION, Kind.AFTER_PUBLICATION),
    "required_channels": (Kind.PUBLICATION,),
}
_OPTION_ACTIONS = {
    "archive": "archive",
    "link_report_to": "link_report",
    "requires_disposition": "drafting",
}


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
        if draft.values.get("signed_number") == number:
            r.problem(
                draft.location,
                "signed_number",
                _(
                    "signed_number is for a number that differs from the running order; this "
                    "step is already number %(number)s: remove signed_number."
                )
                % {"number": number},
            )
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
    escalate_to = draft.values["escalate_to"]
    if escalate_to and escalate_to not in role_keys:
        r.problem(draft.location, "escalate_to", _unknown_role(escalate_to, role_keys))
    elif escalate_to and escalate_to in draft.values["actor"]:
        r.problem(
            draft.location,
            "escalate_to",
            _("An escalation goes to the role above the actors, not to “%(role)s” itself.")
            % {"role": escalate_to},
        )
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
    _check_required_channels(r, draft)
    archive = values.get("archive")
    if archive is not None and archive.classification_code and not archive.classification:
        r.problem(
            location,
            "archive",
            _("archive.classification_code needs archive.classification = true."),
        )


def _check_required_channels(r: _Reader, draft: _StepDraft) -> None:
    """Required channels must be among the step's own channels when it names any."""
    values = draft.values
    outside = [c for c in values["required_channels"] if c not in values["channels"]]
    if values["channels"] and outside:
        r.problem(
            draft.location,
            "required_channels",
            _("required_channels must be among the step's channels; not listed: %(names)s.")
            % {"names": ", ".join(outside)},
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
