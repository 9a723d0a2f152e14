"""Declarative SOP definitions: the data model, the TOML loader and its validation."""

from sop_workflow.definition.model import *  # noqa: F403
from sop_workflow.definition.model import __all__  # noqa: F401
