"""The language advice page of a page: what the author and the approvers see."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from accessibility.language import advise_page
from home.tenancy import pages_of_user_institutions


def language_advice(request, page_id: int):
    """Advice on the latest revision (the text being written or reviewed) of a page."""
    page = get_object_or_404(pages_of_user_institutions(request.user), pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit() and not _reviews(page, request):
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    return TemplateResponse(
        request,
        "accessibility/admin/language_advice.html",
        {
            "page_title": _("Language advice"),
            "header_title": _("Language advice: %(title)s") % {"title": draft.title},
            "page": page,
            "advice": advise_page(draft),
        },
    )


def _reviews(page: Page, request) -> bool:
    """An approver of the page's current task may read the advice too."""
    state = page.current_workflow_task_state
    return bool(state and state.task.specific.get_actions(page, request.user))
