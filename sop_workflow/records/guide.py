"""*Panduan SOP saya*: the steps of the installed SOP that are one person's, read from the
definition that runs the workflow (as the printed SOP is), with what comes before and after."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from home.models import InstitutionRole
from home.tenancy import sites_for_user
from sop_workflow.definition import Role, SopDefinition, Step
from sop_workflow.models import InstalledSop
from sop_workflow.records.sop_document import procedure_table


@dataclass(frozen=True)
class Neighbour:
    """The step before or after one of the person's steps, and who carries it out."""

    step: Step
    actors: str


@dataclass(frozen=True)
class GuideStep:
    """One of the person's steps: what it needs and gives, its standard time, its neighbours."""

    step: Step
    time: str
    before: Neighbour | None
    after: Neighbour | None


@dataclass(frozen=True)
class InstitutionGuide:
    """The person's roles in one institution's current SOP and the steps they carry out."""

    institution: str
    installed: InstalledSop
    roles: tuple[Role, ...]
    steps: tuple[GuideStep, ...]

    @property
    def role_names(self) -> str:
        return ", ".join(role.name for role in self.roles)

    @property
    def step_numbers(self) -> str:
        return ", ".join(str(row.step.number) for row in self.steps)


def actor_names(definition: SopDefinition, step: Step) -> str:
    """The names of the roles that carry out ``step`` (its *Pelaksana*)."""
    names = {role.key: role.name for role in definition.roles}
    return ", ".join(names.get(key, key) for key in step.actor)


def steps_of_roles(definition: SopDefinition, role_keys: set[str]) -> tuple[GuideStep, ...]:
    """The steps carried out by any of ``role_keys``, in SOP order, with their neighbours."""
    rows = procedure_table(definition)

    def neighbour(index: int) -> Neighbour | None:
        if not 0 <= index < len(rows):
            return None
        step = rows[index].step
        return Neighbour(step=step, actors=actor_names(definition, step))

    return tuple(
        GuideStep(step=row.step, time=row.time, before=neighbour(i - 1), after=neighbour(i + 1))
        for i, row in enumerate(rows)
        if role_keys.intersection(row.step.actor)
    )


def guides_for(user) -> list[InstitutionGuide]:
    """One guide per institution where ``user`` holds a role and an SOP is installed.

    Only the user's own roles count: an operator without a role has no guide.
    """
    sites = sites_for_user(user).filter(
        pk__in=InstitutionRole.objects.filter(group__user=user).values("site_id")
    )
    installed = (
        InstalledSop.objects.filter(site__in=sites, is_current=True)
        .select_related("site")
        .prefetch_related(
            Prefetch(
                "site__institution_roles",
                queryset=InstitutionRole.objects.filter(group__user=user),
                to_attr="user_roles",
            )
        )
        .order_by("site__site_name", "site__hostname")
    )
    guides = []
    for sop in installed:
        definition = sop.definition
        keys = {role.key for role in sop.site.user_roles}
        roles = tuple(role for role in definition.roles if role.key in keys)
        guides.append(
            InstitutionGuide(
                institution=definition.sop.institution or sop.site.site_name,
                installed=sop,
                roles=roles,
                steps=steps_of_roles(definition, keys),
            )
        )
    return guides


def has_guide(user) -> bool:
    """Whether ``user`` holds a role in an institution with an installed SOP."""
    return InstalledSop.objects.filter(
        is_current=True,
        site__in=sites_for_user(user),
        site__institution_roles__group__user=user,
    ).exists()
