"""Install an SOP on an institution: its roles, a Wagtail workflow of its tasks, the record.

``install_sop`` runs in one transaction. The definition is validated before anything is
written (``load_definition`` refuses a bad file with every problem listed). Installing an
unchanged definition again changes nothing and says so; a changed definition becomes a new
version with a new workflow, and the previous workflow is kept, inactive, so that items already
in moderation finish on the version they started (Wagtail's ``WorkflowState`` points at it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import Truncator
from wagtail.models import GroupPagePermission, Site, Workflow, WorkflowPage, WorkflowTask

from home.models import InstitutionRole, InstitutionSettings
from home.provisioning import InstitutionSpec, ProvisioningError, provision_institution
from sop_workflow.definition import (
    Kind,
    SopDefinition,
    Task,
    bundled_definitions,
    dump_definition,
    load_definition,
    stored_time_text,
)
from sop_workflow.models import InstalledSop, SopApprovalTask, SopPublicationTask
from sop_workflow.roles import role_specs


class InstallError(ValueError):
    """The SOP cannot be installed on this site; nothing was written."""


@dataclass
class InstallResult:
    installed: InstalledSop
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def read_definition(key_or_path: str | Path) -> tuple[SopDefinition, str]:
    """A bundled SOP by key, or a definition file, with its text (comments kept).

    Raises:
        DefinitionError: the file has problems.
        FileNotFoundError: no such key or file.
    """
    path = bundled_definitions().get(str(key_or_path)) or Path(key_or_path)
    text = path.read_text(encoding="utf-8")
    return load_definition(text, file=path.name), text


def _seconds(delta) -> int | None:
    return None if delta is None else int(delta.total_seconds())


def _restart_step(definition: SopDefinition, task: Task) -> int | None:
    """The main step of the task a rejection restarts at, or ``None`` for Wagtail's default."""
    target = task.on_reject
    if target is None:
        return None
    tasks = definition.tasks()
    if target.step is None:
        return tasks[0].number
    step = definition.step(target.step)
    if step.kind is Kind.PREPARATION:
        return tasks[0].number
    return step.part_of or step.number


def _required_checks(definition: SopDefinition, task: Task, first: bool) -> list[str]:
    """A task's own checks; the first task also enforces the preparation steps' checks."""
    steps = list(task.steps)
    if first:
        steps = [*definition.steps_of(Kind.PREPARATION), *steps]
    names: list[str] = []
    for step in steps:
        names.extend(name for name in step.checks if name not in names)
    return names


def _task_name(task: Task, institution: str) -> str:
    numbers = [step.number for step in task.steps]
    label = str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
    text = Truncator(task.main.description).chars(90)
    return f"Langkah {label}: {text} — {institution}"[:255]


def _build_task(definition, task: Task, first: bool, installed, groups, institution: str):
    main = task.main
    model = SopPublicationTask if task.kind is Kind.PUBLICATION else SopApprovalTask
    options = {}
    if model is SopPublicationTask:
        options["publish_immediately"] = main.publish_immediately
    else:
        options["choose_platforms"] = any(step.choose_platforms for step in task.steps)
    paraf_steps = [step for step in task.steps if step.paraf]
    instance = model.objects.create(
        name=_task_name(task, institution),
        installed_sop=installed,
        step_number=task.number,
        step_numbers=[step.number for step in task.steps],
        standard_text=stored_time_text(task.time),
        standard_min_seconds=_seconds(task.time.min),
        standard_max_seconds=_seconds(task.time.max),
        standard_tentative=task.time.tentative,
        checks=_required_checks(definition, task, first),
        advisory_checks=[name for step in task.steps for name in step.advisory_checks],
        restart_step=_restart_step(definition, task),
        paraf=bool(paraf_steps),
        paraf_by=[key for step in paraf_steps for key in step.paraf_by],
        channels=[name for step in task.steps for name in step.channels],
        **options,
    )
    instance.groups.set(groups)
    return instance


def _ensure_roles(definition: SopDefinition, site: Site, result: InstallResult) -> None:
    """Add the SOP's roles to the institution through provisioning (idempotent)."""
    settings = InstitutionSettings.objects.filter(site=site).first()
    if settings is None:
        raise InstallError(f"Situs '{site.hostname}' bukan situs instansi.")
    spec = InstitutionSpec(
        name=settings.official_name,
        hostname=site.hostname,
        port=site.port,
        institution_type=settings.institution_type,
        roles=role_specs(definition),
    )
    try:
        result.changes.extend(provision_institution(spec).changes)
    except ProvisioningError as error:
        raise InstallError(str(error)) from error
    _revoke_publishing(site, result)


def _revoke_publishing(site: Site, result: InstallResult) -> None:
    """Roles left from before the SOP (e.g. the default *Penyetuju*) lose direct publishing too.

    With an SOP installed, pages go live only through its workflow (``publishing``).
    """
    granted = GroupPagePermission.objects.filter(
        group__institution_role__site=site,
        page__path__startswith=site.root_page.path,
        permission__codename="publish_page",
    )
    if granted.exists():  # read first: a re-install of the same SOP writes nothing
        granted.delete()
        result.changes.append("izin terbit langsung dicabut dari peran di luar SOP")


def _groups(site: Site, actors) -> list[Group]:
    roles = InstitutionRole.objects.filter(site=site, key__in=actors).select_related("group")
    return [role.group for role in roles]


def _create_workflow(definition, site, installed, institution: str) -> Workflow:
    workflow = Workflow.objects.create(
        name=f"SOP {definition.sop.title} — {institution} (v{installed.version})"[:255]
    )
    for order, task in enumerate(definition.tasks()):
        instance = _build_task(
            definition, task, order == 0, installed, _groups(site, task.actors), institution
        )
        WorkflowTask.objects.create(workflow=workflow, task=instance, sort_order=order)
    return workflow


@transaction.atomic
def install_sop(
    definition: SopDefinition, site: Site, *, source_text: str | None = None
) -> InstallResult:
    """Install (or update) ``definition`` on ``site``'s institution.

    Args:
        definition: a validated definition (``load_definition`` / ``read_definition``).
        site: the institution's site.
        source_text: the definition file's text, stored as installed; defaults to a dump.

    Raises:
        InstallError: the site is not an institution's; nothing was written.
    """
    current = InstalledSop.current_for_site(site)
    if current and current.key == definition.key and current.definition_hash == definition.hash:
        result = InstallResult(installed=current)
        _ensure_roles(definition, site, result)
        return result
    result = InstallResult(installed=None)  # type: ignore[arg-type]
    _ensure_roles(definition, site, result)
    institution = InstitutionSettings.objects.get(site=site).display_name
    previous_version = (
        InstalledSop.objects.filter(site=site, key=definition.key).order_by("-version").first()
    )
    if current is not None:
        InstalledSop.objects.filter(pk=current.pk).update(is_current=False)
        if current.workflow_id:
            # Not Workflow.deactivate(): that would cancel the items in moderation.
            Workflow.objects.filter(pk=current.workflow_id).update(active=False)
    installed = InstalledSop.objects.create(
        site=site,
        key=definition.key,
        version=previous_version.version + 1 if previous_version else 1,
        definition_hash=definition.hash,
        definition_text=source_text or dump_definition(definition),
        title=definition.sop.title,
    )
    installed.workflow = _create_workflow(definition, site, installed, institution)
    installed.save(update_fields=["workflow"])
    WorkflowPage.objects.update_or_create(
        page=site.root_page, defaults={"workflow": installed.workflow}
    )
    result.installed = installed
    verb = "diperbarui ke" if current else "dipasang sebagai"
    result.changes.append(
        f"SOP '{definition.sop.title}' {verb} versi {installed.version} "
        f"dengan {len(definition.tasks())} tugas alur kerja"
    )
    return result
