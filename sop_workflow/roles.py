"""Turn an SOP's *Pelaksana* into the institution roles that provisioning creates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from home.provisioning import ADMIN_ROLE, RoleSpec
from sop_workflow.definition import SopDefinition, bundled_definitions, load_definition


def resolve_definition(name_or_path: str) -> SopDefinition:
    """Load a bundled SOP by key (e.g. ``kalurahan_bunder``) or any definition file by path."""
    bundled = bundled_definitions()
    path = bundled.get(name_or_path) or Path(name_or_path)
    return load_definition(path)


def role_specs(definition: SopDefinition) -> tuple[RoleSpec, ...]:
    """One role per *Pelaksana*, plus the institution administrator.

    No role may publish directly, not even the institution administrator: the SOP binds
    everyone, and a page goes live only when its publication task is approved
    (``sop_workflow.moderation.publishing``). Only operators (superusers) publish outside the SOP.
    The SOP's leadership roles may read its reports. Drafting roles (``drafts``) create pages
    and edit their own; submitting roles (``submits``) edit every page of the institution;
    roles that only review or approve get neither, and open an item through their task.
    """
    roles = tuple(
        RoleSpec(
            key=role.key,
            name=role.name,
            can_publish=False,
            is_leadership=role.leadership,
            is_admin=(admin := role.key == ADMIN_ROLE.key),  # the SOP's own administrator
            can_add=role.drafts or role.submits or admin,
            can_change=role.submits or admin,
        )
        for role in definition.roles
    )
    if any(role.key == ADMIN_ROLE.key for role in roles):
        return roles
    return (*roles, replace(ADMIN_ROLE, can_publish=False))
