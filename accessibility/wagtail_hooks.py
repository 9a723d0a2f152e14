"""Admin integration: the accessibility app's requirement check for SOP workflows."""

from __future__ import annotations

from wagtail import hooks

from accessibility.checks import problem_messages


def alt_text_requirement(page, context=None) -> list[str]:
    """The SOP ``alt_text`` check: the same list the publish gate shows the author."""
    return problem_messages(page)


@hooks.register("sop_requirement_checks")
def accessibility_requirement_checks() -> dict:
    """Replace the SOP workflow's basic ``alt_text`` check (see ``sop_workflow/checks.py``)."""
    return {"alt_text": alt_text_requirement}
