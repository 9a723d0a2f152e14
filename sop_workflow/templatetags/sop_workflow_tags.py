from django import template

from sop_workflow.moderation.checks import (
    advisory_notes,
    publication_notices,
    requirement_problems,
)
from sop_workflow.moderation.step_brief import brief_for

register = template.Library()


@register.simple_tag
def sop_task_notes(task_state, action: str) -> dict[str, object]:
    """For the workflow action modal: the step's brief (``StepBrief`` or ``None``), and for
    approvals the blocking problems, advice and the publication step's notices (required
    channels not reached, accessible versions to be made)."""
    task = task_state.task.specific
    brief = brief_for(task_state)
    if action != "approve" or not hasattr(task, "checks"):
        return {"problems": [], "advice": [], "notices": [], "brief": brief}
    return {
        "brief": brief,
        "problems": requirement_problems(task, task_state),
        "advice": advisory_notes(task, task_state),
        "notices": publication_notices(task, task_state),
    }
