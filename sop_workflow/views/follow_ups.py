"""After-publication to-dos: the dashboard panel of the signed-in person's, and the one-click
"done" (POST) that performs a to-do (:mod:`sop_workflow.records.follow_ups`)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component

from sop_workflow.models import FollowUpTodo
from sop_workflow.permissions import viewable
from sop_workflow.records.follow_ups import complete, may_act, todos_for
from sop_workflow.timekeeping import sla
from sop_workflow.timekeeping.timing import calendar_for_site

#: What the button of each kind of to-do says.
BUTTON_LABELS = {
    "link_report": gettext_lazy("Pass the links on"),
    "receive": gettext_lazy("Links received: close the item"),
    "archive": gettext_lazy("File in the archive"),
}


def button_label(todo: FollowUpTodo) -> str:
    return str(BUTTON_LABELS.get(todo.action) or _("Done"))


def todo_rows(user) -> list[dict]:
    """The due to-dos of ``user`` with their page, links, time standing and button."""
    at = sla.now()
    rows = []
    for todo in todos_for(user):
        calendar = calendar_for_site(todo.site_id)
        rows.append(
            {
                "todo": todo,
                "page": todo.page,
                "links": todo.data.get("links", []),
                "failures": todo.data.get("failures", []),
                "sla": sla.sla_for(todo, todo.due_since, calendar, at),
                "button": button_label(todo),
            }
        )
    return rows


class FollowUpPanel(Component):
    """ "Setelah terbit": the after-publication steps waiting for the signed-in person."""

    name = "sop_follow_ups"
    template_name = "sop_workflow/home/follow_up_panel.html"
    order = 11  # right after "Menunggu Anda"

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        return {"request": request, "rows": todo_rows(request.user)}

    def render_html(self, parent_context=None):
        """Nothing at all when no to-do waits (the dashboard stays as it was)."""
        context = self.get_context_data(parent_context)
        if not context["rows"]:
            return ""
        return get_template(self.template_name).render(context, request=context["request"])


@require_POST
def follow_up_done(request, todo_id: int):
    """Do one to-do (CSRF-protected POST); the message says what was done, or why not."""
    todo = get_object_or_404(viewable(FollowUpTodo, request.user), pk=todo_id)
    if not may_act(request.user, todo):
        raise Http404  # a colleague in another role sees neither the button nor the action
    outcome = complete(todo, request.user)
    (messages.success if outcome.done else messages.error)(request, outcome.message)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "wagtailadmin_home"
    return redirect(target)
