"""Declarative SOP definitions: the data model, the TOML loader and its validation.

A definition is one TOML file (``format_version = 1``) describing an institution's written SOP:
the header of the printed SOP, the roles (*Pelaksana*) and the ordered steps with their standard
time (*Mutu Baku*). The format is documented field by field in ``definitions/README.md``.

The package depends one way, each module only on those above it:

* ``messages``: the translation helper of validation messages;
* ``standard_time``: ``StandardTime``, its parsing and spelling;
* ``model``: the vocabulary, the dataclasses, ``Problem`` and ``DefinitionError``;
* ``reader``: typed, per-field reading of parsed TOML (``_Reader``);
* ``rules``: the cross-step rules (``_check_*``);
* ``loader``: ``load_definition``, ``validate`` and the bundled definitions;
* ``writer``: ``dump_definition``, the definition back as TOML text.

It is framework independent: it only uses Django's ``gettext`` for the messages of validation
problems (falling back to the English source text outside a configured project) and the shared
vocabulary of ``home.vocabulary``. Import from the package, not from its modules.
"""

from sop_workflow.definition.loader import (
    DEFINITIONS_DIR,
    bundled_definitions,
    definition_from_dict,
    known_check_names,
    load_definition,
    validate,
)
from sop_workflow.definition.model import (
    ACCESSIBILITY_FORMATS,
    ACTIONS,
    CHANNELS,
    FORMAT_VERSION,
    KNOWN_CHECKS,
    Approver,
    ArchiveOptions,
    DefinitionError,
    InstitutionType,
    Kind,
    Problem,
    RejectTarget,
    Role,
    SopDates,
    SopDefinition,
    SopHeader,
    Step,
    Task,
    definition_hash,
    register_check,
)
from sop_workflow.definition.standard_time import (
    WORKING_DAY,
    WORKING_WEEK,
    StandardTime,
    stored_time_text,
)
from sop_workflow.definition.writer import dump_definition

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
    "stored_time_text",
    "Step",
    "Task",
    "bundled_definitions",
    "definition_from_dict",
    "definition_hash",
    "dump_definition",
    "known_check_names",
    "load_definition",
    "register_check",
    "validate",
]
