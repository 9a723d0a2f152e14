"""The submission gate: only the SOP's submitting roles submit, and a preparation step's
``checks`` refuse submission; in both cases the draft is kept.

Wagtail's page editor starts the workflow in its ``submit`` action, after saving the revision;
no hook runs between the two. So the ``before_edit_page`` / ``before_create_page`` hooks
validate the posted form themselves (the same form class the view uses, on a copy of the page)
and run the SOP's preparation checks on the content as submitted. When a check fails, the
submit button is taken off the request: Wagtail then saves the draft — already fully validated
here — and the ``after_*_page`` hook replaces Wagtail's "updated" message with one message
listing what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.models import PageSubscription

from home.models import InstitutionRole
from sop_workflow.definition import Kind
from sop_workflow.models import InstalledSop
from sop_workflow.moderation.checks import CheckContext, run_checks

#: Checks that the submission itself fulfils (the intake register number is given on submission).
SATISFIED_BY_SUBMISSION = frozenset({"intake_register"})
SUBMIT_BUTTONS = ("action-submit", "action-restart-workflow")


@dataclass
class RefusedSubmission:
    """Why a submission was turned into a draft save, kept on the request for the after-hook:
    the missing requirements, or the roles that submit instead of this user."""

    problems: list[str] = field(default_factory=list)
    submitters: str = ""


def installed_sop_of_workflow(workflow) -> InstalledSop | None:
    if workflow is None:
        return None
    return InstalledSop.objects.filter(workflow_id=workflow.pk).first()


def submission_checks(installed: InstalledSop) -> list[str]:
    """The checks of the SOP's preparation steps that a submission must pass."""
    names: list[str] = []
    for step in installed.definition.steps_of(Kind.PREPARATION):
        names.extend(n for n in step.checks if n not in names and n not in SATISFIED_BY_SUBMISSION)
    return names


def submitter_role_names(installed: InstalledSop) -> str:
    keys = [role.key for role in installed.definition.submitter_roles]
    names = InstitutionRole.objects.filter(site_id=installed.site_id, key__in=keys)
    return ", ".join(sorted(names.values_list("name", flat=True)))


def may_submit(user, workflow) -> bool:
    """Whether ``user`` may submit into ``workflow``: an operator, any user when the workflow is
    not an SOP's (or the SOP names no submitting role), else a member of a submitting role."""
    installed = installed_sop_of_workflow(workflow)
    if user.is_superuser or installed is None:
        return True
    keys = [role.key for role in installed.definition.submitter_roles]
    if not keys:
        return True
    return InstitutionRole.objects.filter(
        site_id=installed.site_id, key__in=keys, group__user=user
    ).exists()


def hide_submit_buttons(menu_items, request, context) -> None:
    """``construct_page_action_menu``: no submit or restart button for roles that may not
    submit."""
    page = context.get("page")
    owner = page if page is not None else context.get("parent_page")
    if owner is None or may_submit(request.user, owner.get_workflow()):
        return
    menu_items[:] = [item for item in menu_items if item.name not in SUBMIT_BUTTONS]


def disposition_step(installed: InstalledSop):
    """The drafting step that needs a *disposisi* (``requires_disposition``), if any."""
    return next(
        (s for s in installed.definition.steps_of(Kind.PREPARATION) if s.requires_disposition),
        None,
    )


def disposition_problems(installed: InstalledSop, page) -> list[str]:
    """The SOP's drafting step asks for a disposition and none is linked to ``page``."""
    from sop_workflow.models import Disposition

    step = disposition_step(installed)
    if step is None or (page.pk and Disposition.objects.filter(page_id=page.pk).exists()):
        return []
    return [
        _(
            "No disposition is linked to this draft: at step %(step)s the SOP has the draft "
            "written from a disposition. Open the disposition under Dispositions and link this "
            "draft to it, or write the draft from the disposition."
        )
        % {"step": step.number}
    ]


def preparation_problems(workflow, page) -> list[str]:
    """What ``page`` (as it would be submitted) lacks for the SOP of ``workflow``."""
    installed = installed_sop_of_workflow(workflow)
    if installed is None:
        return []
    names = submission_checks(installed)
    problems = run_checks(names, page, CheckContext()) if names else []
    return disposition_problems(installed, page) + problems


def _submitting(request) -> bool:
    return request.method == "POST" and any(request.POST.get(name) for name in SUBMIT_BUTTONS)


def posted_form(request, page, parent):
    """The page form the editor view would build from this request, bound to ``page``."""
    form_class = type(page).get_edit_handler().get_form_class()
    subscription = PageSubscription(page=page if page.pk else None, user=request.user)
    form = form_class(
        request.POST,
        request.FILES,
        instance=page,
        subscription=subscription,
        parent_page=parent,
        for_user=request.user,
    )
    return form


def _posted_page(request, page, parent):
    """A copy of ``page`` carrying the posted content, or ``None`` when the form is invalid
    (then Wagtail shows the errors itself and saves nothing)."""
    form = posted_form(request, page, parent)
    return form.instance if form.is_valid() else None


def _refuse(request, refusal: RefusedSubmission) -> None:
    """Take the submit buttons off the request so that Wagtail saves a draft instead."""
    data: QueryDict = request.POST.copy()
    for name in SUBMIT_BUTTONS:
        data.pop(name, None)
    request.POST = data
    request.sop_refused_submission = refusal


def _check(request, workflow, page, parent) -> None:
    """Refuse the submission when the user may not submit or the posted item is incomplete."""
    installed = installed_sop_of_workflow(workflow)
    if installed is None:
        return
    if not may_submit(request.user, workflow):
        _refuse(request, RefusedSubmission(submitters=submitter_role_names(installed)))
        return
    posted = _posted_page(request, page, parent)
    if posted is None:
        return
    problems = preparation_problems(workflow, posted)
    if problems:
        _refuse(request, RefusedSubmission(problems=problems))


def gate_edit(request, page) -> None:
    """``before_edit_page``: refuse the submission of an incomplete item (the draft is saved)."""
    if not _submitting(request):
        return
    perms = page.permissions_for_user(request.user)
    lock = page.get_lock()
    if not perms.can_submit_for_moderation() or (lock and lock.for_user(request.user)):
        return
    _check(request, page.get_workflow(), page.get_latest_revision_as_object(), page.get_parent())


def gate_create(request, parent_page, page_class) -> None:
    """``before_create_page``: the same gate for a page submitted straight from creation."""
    if not _submitting(request):
        return
    page = page_class(owner=request.user)
    page.locale = parent_page.locale
    _check(request, parent_page.get_workflow(), page, parent_page)


def refusal_message(page, refusal: RefusedSubmission):
    """One message: the draft is kept, what is missing, and where to complete it."""
    if refusal.submitters:
        return _(
            "“%(title)s” has not been submitted: in this institution's SOP, %(roles)s "
            "submits. The draft has been saved; they will find it in the page list."
        ) % {"title": page.get_admin_display_title(), "roles": refusal.submitters}
    problems = refusal.problems
    intro = _(
        "“%(title)s” has not been submitted: the SOP requires what is listed below. "
        "The draft has been saved; complete it in the editor (the 5W+1H tab for the "
        "narrative, the Content tab for photos and videos) and submit again."
    ) % {"title": page.get_admin_display_title()}
    items = format_html_join("", "<li>{}</li>", ((problem,) for problem in problems))
    return format_html('{}<ul class="sop-problems">{}</ul>', intro, items)
