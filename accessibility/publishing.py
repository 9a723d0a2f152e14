"""The last gate: a workflow may not finish (and publish) a page that lacks alternatives.

The page form (:mod:`accessibility.forms`) stops authors and approvers who act in the editor.
Approving from the dashboard's workflow modal never builds that form: Wagtail calls the task's
``on_action``, the approval finishes the workflow and ``WAGTAIL_FINISH_WORKFLOW_ACTION``
publishes the latest revision. Two ways close that gap:

* :func:`publication_problems` — for the SOP workflow's own approval check: the list to show
  (and refuse on) when approving ``task_state`` would finish the workflow. Call it next to the
  SOP's required checks so the approver gets the usual "requirements not met" page.
* :func:`refuse_incomplete_finish` — a ``pre_save`` receiver on ``WorkflowState`` (connected in
  :mod:`accessibility.signal_handlers`): whatever the path, a workflow state turning
  *approved* for a page whose latest revision lacks alternatives raises
  :class:`PublicationRefused`; Wagtail's ``finish`` and ``approve`` are atomic, so the approval
  is rolled back with it and nothing is published.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import ngettext
from wagtail.models import Page, Task, WorkflowState

from accessibility.checks import Problem, missing_alternatives
from accessibility.spoken import carries_media

__all__ = ["PublicationRefused", "publication_problems", "refuse_incomplete_finish"]


class PublicationRefused(PermissionDenied):
    """The workflow would publish a page whose images or videos lack alternatives."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        intro = ngettext(
            "This page cannot be published: %(count)s image or video has no text alternative.",
            "This page cannot be published: %(count)s images or videos have no text alternative.",
            len(problems),
        ) % {"count": len(problems)}
        super().__init__(" ".join([intro, *(problem.message for problem in problems)]))


def _latest_problems(obj) -> list[Problem]:
    if not isinstance(obj, Page) or not carries_media(obj.specific_class or type(obj)):
        return []
    return missing_alternatives(obj.specific.get_latest_revision_as_object())


def publication_problems(task_state) -> list[str]:
    """What the page lacks, when approving ``task_state`` would finish its workflow.

    Args:
        task_state: The in-progress task state an approver is about to approve.

    Returns:
        The gate's sentences (empty when the page may be published or the workflow goes on).
    """
    workflow_state = task_state.workflow_state
    later = (
        Task.objects.filter(workflow_tasks__workflow=workflow_state.workflow, active=True)
        .exclude(task_states__in=workflow_state.successful_task_states)
        .exclude(pk=task_state.task_id)
    )
    if later.exists():
        return []
    return [problem.message for problem in _latest_problems(workflow_state.content_object)]


def refuse_incomplete_finish(sender, instance: WorkflowState, raw: bool = False, **kwargs) -> None:
    """``pre_save``: refuse to mark a workflow approved while alternatives are missing.

    Raises:
        PublicationRefused: the page's latest revision lacks alt text or captions.
    """
    if raw or instance.pk is None or instance.status != WorkflowState.STATUS_APPROVED:
        return
    before = WorkflowState.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    if before == WorkflowState.STATUS_APPROVED:
        return
    problems = _latest_problems(instance.content_object)
    if problems:
        raise PublicationRefused(problems)
