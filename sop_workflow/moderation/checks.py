"""Requirement checks (*kelengkapan*): a registry of check name -> ``check(page, context)``.

A check returns the list of problems it found, as sentences for the approver (empty = passed).
A task whose required checks report problems cannot be approved.

Other apps supply or replace checks with a Wagtail hook that returns a mapping::

    @hooks.register("sop_requirement_checks")
    def accessibility_checks():
        return {"alt_text": my_alt_text_check}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from wagtail import hooks

from sop_workflow.definition import KNOWN_CHECKS, register_check

HOOK_NAME = "sop_requirement_checks"


@dataclass(frozen=True)
class CheckContext:
    """Where a check runs: the task and its state (``None`` outside a workflow)."""

    task: Any = None
    task_state: Any = None


CheckFunction = Callable[[Any, CheckContext], list[str]]
_BUILTIN: dict[str, CheckFunction] = {}


def register(name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a built-in check under ``name`` (and make the name valid in definitions)."""

    def decorator(function: CheckFunction) -> CheckFunction:
        _BUILTIN[name] = function
        register_check(name)
        return function

    return decorator


# Supplied by the accessibility app through the ``sop_requirement_checks`` hook; named here so
# definitions may use it before (or without) that app: ``run_checks`` reports it when missing.
register_check("indonesian_language")


def registered_check_names() -> frozenset[str]:
    """Every check name a definition may use (this module need not wait for the app registry)."""
    return frozenset(KNOWN_CHECKS)


def registry() -> dict[str, CheckFunction]:
    """Built-in checks, overridden or extended by the ``sop_requirement_checks`` hooks."""
    checks = dict(_BUILTIN)
    for hook in hooks.get_hooks(HOOK_NAME):
        checks.update(hook())
    return checks


def run_checks(names: Iterable[str], page, context: CheckContext | None = None) -> list[str]:
    """Run the named checks on ``page``; a check nobody implements is a problem, not a pass."""
    checks = registry()
    context = context or CheckContext()
    problems: list[str] = []
    for name in names:
        check = checks.get(name)
        if check is None:
            problems.append(_("The check “%(name)s” is not available.") % {"name": name})
        else:
            problems.extend(check(page, context))
    return problems


def requirement_problems(task, task_state) -> list[str]:
    """Why ``task`` cannot be approved now: its required checks (and the preparation steps')
    on the page to be published, plus what other apps refuse to publish
    (``sop_publication_problems`` hook functions take ``(task, task_state)`` and return
    sentences)."""
    problems: list[str] = []
    names = _with_preparation_checks(task)
    if names:
        page = task_state.workflow_state.content_object.specific.get_latest_revision_as_object()
        problems = run_checks(names, page, CheckContext(task=task, task_state=task_state))
    for check in hooks.get_hooks("sop_publication_problems"):
        problems += check(task, task_state)
    return problems


PUBLICATION_NOTICES_HOOK = "sop_publication_notices"


def publication_notices(task, task_state) -> list[str]:
    """What the approver of the publication step should know before approving (never blocking):
    required channels the item will not reach, accessible versions that will be made.

    Supplied by other apps through ``sop_publication_notices`` hooks, ``(task, task_state)`` →
    sentences; asked only for the SOP's publication task.
    """
    from sop_workflow.models import SopPublicationTask

    if not isinstance(task, SopPublicationTask):
        return []
    notices: list[str] = []
    for notice in hooks.get_hooks(PUBLICATION_NOTICES_HOOK):
        notices += notice(task, task_state)
    return notices


def _with_preparation_checks(task) -> list[str]:
    """The task's checks, and the preparation steps' checks: what submission required is
    checked again at every approval (the content may have changed since)."""
    from sop_workflow.definition import Kind

    names = list(task.checks)
    installed = task.installed_sop if task.installed_sop_id else None
    if installed is not None:
        for step in installed.definition.steps_of(Kind.PREPARATION):
            names.extend(name for name in step.checks if name not in names)
    return names


def advisory_notes(task, task_state) -> list[str]:
    """Advice for the approver (never blocking); checks nobody implements are skipped."""
    checks = registry()
    names = [name for name in task.advisory_checks if name in checks]
    if not names:
        return []
    page = task_state.workflow_state.content_object.specific.get_latest_revision_as_object()
    return run_checks(names, page, CheckContext(task=task, task_state=task_state))


# --------------------------------------------------------------------------- page content


def _body_images(page) -> Iterator[Any]:
    """Every image chosen in an ``ImageBlock`` anywhere in the page's body."""
    body = getattr(page, "body", None)
    if body is None:
        return
    yield from _images_in(body.stream_block, body)


def _images_in(block, value) -> Iterator[Any]:
    # Imported here: they need the app registry, and the check names must be readable without it.
    from wagtail.blocks import ListBlock, StreamBlock, StructBlock
    from wagtail.images.blocks import ImageBlock

    if value is None:
        return
    if isinstance(block, ImageBlock):  # before StructBlock: ImageBlock is one
        yield value
    elif isinstance(block, StreamBlock):
        for child in value:
            yield from _images_in(child.block, child.value)
    elif isinstance(block, ListBlock):
        for item in value:
            yield from _images_in(block.child_block, item)
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _images_in(child_block, value.get(name))


@register("five_w_one_h")
def five_w_one_h(page, context: CheckContext) -> list[str]:
    """The 5W+1H narrative (Bantul step 1): what, who, when, where, why and how are filled in."""
    missing = getattr(page, "missing_five_w_one_h", None)
    if not missing:
        return []
    labels = [str(page._meta.get_field(name).verbose_name) for name in missing]
    return [_("The 5W+1H narrative is incomplete: %(fields)s.") % {"fields": ", ".join(labels)}]


#: Body blocks that are coverage material (*audio, foto, atau video*).
MEDIA_BLOCKS = ("image", "gallery", "video", "audio")


@register("media_present")
def media_present(page, context: CheckContext) -> list[str]:
    """Audio, photos or videos are attached (a share image, or a media block in the body)."""
    if getattr(page, "share_image_id", None):
        return []
    body = getattr(page, "body", None)
    if body is not None and any(child.block_type in MEDIA_BLOCKS for child in body):
        return []
    return [_("No audio, photo or video is attached.")]


def _media_items(page) -> Iterator[tuple[int, str, Any]]:
    """``(block number, kind, struct value)`` of each photo, video and audio item in the body;
    a gallery's photos each count on their own."""
    body = getattr(page, "body", None)
    for number, child in enumerate(body or [], start=1):
        if child.block_type == "gallery":
            for item in child.value.get("images") or []:
                yield number, "image", item
        elif child.block_type in MEDIA_BLOCKS:
            yield number, child.block_type, child.value


@register("media_narrative")
def media_narrative(page, context: CheckContext) -> list[str]:
    """Each photo, video and audio item carries its short 5W+1H narrative in its caption
    (Bantul step 1: *foto dan video diberikan narasi singkat yang memuat 5W + 1H*)."""
    kinds = {"image": _("Photo"), "video": _("Video"), "audio": _("Audio")}
    problems = []
    for number, kind, value in _media_items(page):
        if (value.get("caption") or "").strip():
            continue
        media = value.get("image") if kind == "image" else None
        title = getattr(media, "title", None) or value.get("title") or ""
        problems.append(
            _(
                "%(kind)s “%(title)s” (block %(number)s of the body) has no short 5W+1H "
                "narrative: fill in its caption."
            )
            % {"kind": kinds[kind], "title": title, "number": number}
        )
    return problems


@register("alt_text")
def alt_text(page, context: CheckContext) -> list[str]:
    """Every image has alt text or is marked decorative; the share image has alt text.

    The accessibility app may replace this check through the ``sop_requirement_checks`` hook.
    """
    problems = []
    for image in _body_images(page):
        if getattr(image, "decorative", False):
            continue
        if not (getattr(image, "contextual_alt_text", "") or "").strip():
            problems.append(_("Image “%(title)s” has no alt text.") % {"title": image.title})
    if getattr(page, "share_image_id", None) and not (page.share_image_alt or "").strip():
        problems.append(
            _("The share image “%(title)s” has no alt text.") % {"title": page.share_image.title}
        )
    return problems


# --------------------------------------------------------------------------- SOP records


@register("intake_register")
def intake_registered(page, context: CheckContext) -> list[str]:
    """The item has a *nomor agenda* in the intake register."""
    from sop_workflow.models import IntakeRegisterEntry

    if IntakeRegisterEntry.objects.filter(page_id=page.pk).exists():
        return []
    return [_("The item has no intake register number (nomor agenda).")]


@register("platforms_chosen")
def platforms_chosen(page, context: CheckContext) -> list[str]:
    """The platforms were chosen in this moderation round."""
    from sop_workflow.models import PlatformChoice

    choices = PlatformChoice.objects.filter(page_id=page.pk)
    if context.task_state is not None:
        choices = choices.filter(task_state__workflow_state=context.task_state.workflow_state_id)
    if choices.exists():
        return []
    return [_("No platforms have been chosen for publication.")]


@register("paraf")
def paraf_given(page, context: CheckContext) -> list[str]:
    """Every earlier task with *paraf* was approved with the paraf of all its roles."""
    from sop_workflow.moderation.paraf import missing_paraf_of_earlier_tasks

    if context.task_state is None:
        return []
    return [
        _("Step %(step)s has no paraf from: %(roles)s.") % {"step": step, "roles": roles}
        for step, roles in missing_paraf_of_earlier_tasks(context.task, context.task_state)
    ]
