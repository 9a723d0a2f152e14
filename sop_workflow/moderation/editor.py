"""The page editor's side of the SOP: refused submissions and task actions say what happened.

Wagtail's editor ends every task action with "Halaman … telah diperbarui", whether the action
did anything or not, and ignores the URL a task returns on refusal. These ``before/after`` page
hooks note which task state the editor acts on, then replace Wagtail's confirmation with what
the action really did (``outcome_message``) or why it did not.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from sop_workflow.models import AbstractSopTask, SopTaskState
from sop_workflow.moderation.checks import requirement_problems
from sop_workflow.moderation.gate import gate_create, gate_edit, posted_form, refusal_message
from sop_workflow.moderation.outcome import outcome_message, role_names
from sop_workflow.moderation.rejections import show_in_editor
from sop_workflow.moderation.step_brief import brief_for


@dataclass(frozen=True)
class EditorAction:
    """The SOP task action an editor request takes."""

    task_state_pk: int
    action: str


def replace_confirmation(request, level: int, message) -> None:
    """Drop the success messages queued so far (Wagtail's "updated"/"created"/"submitted") and
    add ``message``; other messages stay."""
    storage = messages.get_messages(request)
    kept = [m for m in storage if m.level != messages.SUCCESS]
    for old in kept:
        messages.add_message(request, old.level, old.message, extra_tags=old.extra_tags)
    messages.add_message(request, level, message)


def task_allows_edits(task) -> bool:
    """Whether the SOP lets the actors of ``task`` change the content (``edits = true``)."""
    if not task.installed_sop_id:
        return False
    numbers = set(task.step_numbers or [task.step_number])
    return any(step.edits for step in task.installed_sop.definition.steps if step.number in numbers)


def _edits_through_task_only(request, page):
    """The SOP task of a user who may edit ``page`` only through it, when its step does not let
    them change the content (``edits`` false); else ``None``."""
    if request.user.is_superuser:
        return None
    state = page.current_workflow_task_state
    task = state.task.specific if state else None
    if not isinstance(task, AbstractSopTask) or task_allows_edits(task):
        return None
    permissions = page.permissions_for_user(request.user).permissions
    own = "add" in permissions and page.owner_id == request.user.pk
    return None if "change" in permissions or own else task


def _refuse_content_change(request, page):
    """Refuse a post that changes the content of an item the user may only approve or reject."""
    if request.method != "POST" or request.POST.get("action-cancel-workflow"):
        return None
    task = _edits_through_task_only(request, page)
    if task is None:
        return None
    form = posted_form(request, page.get_latest_revision_as_object(), page.get_parent())
    changed = [name for name in form.changed_data if name != "comment_notifications"]
    if not changed:
        return None
    messages.error(
        request,
        _(
            "Nothing was saved: at step %(step)s the SOP lets %(roles)s approve or request "
            "changes, not change the content. Write what must change in a rejection comment."
        )
        % {"step": task.step_label, "roles": role_names(task)},
    )
    return redirect(_edit_url(page))


def before_edit(request, page):
    """``before_edit_page``: content changes the SOP does not allow, the submission gate, and
    which task the editor acts on."""
    refused = _refuse_content_change(request, page)
    if refused is not None:
        return refused
    show_in_editor(request, page)
    show_step_brief(request, page)
    gate_edit(request, page)
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    state = page.current_workflow_task_state
    task = state.task.specific if state else None
    if isinstance(task, AbstractSopTask):
        request.sop_editor_action = EditorAction(
            state.pk, request.POST.get("workflow-action-name", "")
        )
    return None


def show_step_brief(request, page) -> None:
    """``before_edit_page`` (GET): the SOP's row for the task the user can act on, at the top
    of the editor."""
    if request.method != "GET":
        return
    state = page.current_workflow_task_state
    task = state.task.specific if state else None
    if not isinstance(task, AbstractSopTask) or not task.get_actions(page, request.user):
        return
    brief = brief_for(state)
    if brief is not None:
        messages.info(request, brief.as_html())


def before_create(request, parent_page, page_class):
    gate_create(request, parent_page, page_class)
    return None


def _problems_message(page, task, problems: list[str]):
    intro = _(
        "“%(title)s” was not approved at step %(step)s: the SOP requires what is listed below. "
        "Ask the person who submitted it to complete it, or reject it with a comment."
    ) % {"title": page.get_admin_display_title(), "step": task.step_label}
    items = format_html_join("", "<li>{}</li>", ((problem,) for problem in problems))
    return format_html('{}<ul class="sop-problems">{}</ul>', intro, items)


def _edit_url(page) -> str:
    from django.urls import reverse

    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def after_edit(request, page):
    """``after_edit_page``: say what the submission or the task action did, or why not."""
    refused = getattr(request, "sop_refused_submission", None)
    if refused is not None:
        replace_confirmation(request, messages.ERROR, refusal_message(page, refused))
        return redirect(_edit_url(page))
    acting = getattr(request, "sop_editor_action", None)
    if acting is not None:
        return _after_task_action(request, page, acting)
    if request.method == "POST" and request.POST.get("action-submit"):
        _confirm_submission(request, page)
    return None


def after_create(request, page):
    refused = getattr(request, "sop_refused_submission", None)
    if refused is not None:
        replace_confirmation(request, messages.ERROR, refusal_message(page, refused))
        return redirect(_edit_url(page))
    if request.method == "POST" and request.POST.get("action-submit"):
        _confirm_submission(request, page)
    return None


def _after_task_action(request, page, acting: EditorAction):
    state = SopTaskState.objects.filter(pk=acting.task_state_pk).first()
    if state is None:
        return None
    task = state.task.specific
    if acting.action == "approve" and state.status == SopTaskState.STATUS_IN_PROGRESS:
        problems = requirement_problems(task, state)
        if problems:
            replace_confirmation(request, messages.ERROR, _problems_message(page, task, problems))
            return redirect(_edit_url(page))
    level, text = outcome_message(state)
    replace_confirmation(request, messages.SUCCESS if level == "success" else messages.ERROR, text)
    return None


def _confirm_submission(request, page) -> None:
    state = page.current_workflow_task_state
    task = state.task.specific if state else None
    if not isinstance(task, AbstractSopTask):
        return
    text = _("“%(title)s” was submitted to %(roles)s for step %(step)s.") % {
        "title": page.get_admin_display_title(),
        "roles": role_names(task),
        "step": task.step_label,
    }
    replace_confirmation(request, messages.SUCCESS, text)
