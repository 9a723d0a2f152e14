"""Who may see an institution's SOP records (declarations on ``home.permissions``).

* Dispositions, the intake register, archive records, installed SOPs and after-publication
  to-dos: the members of the institution view them; nobody adds, edits or deletes them in the
  admin (dispositions are given by the instructing roles, see
  ``sop_workflow.records.dispositions``; a to-do is done only by its step's roles).
* Step timings (the compliance report): the institution's leadership roles only.

Operators (superusers) see every institution's.
"""

from __future__ import annotations

from django.db.models import Model, QuerySet
from wagtail.permissions import policy_registry

from home.permissions import LEADERSHIP, MEMBER, InstitutionPermissionPolicy


def viewable(model: type[Model], user) -> QuerySet:
    """The ``model`` rows ``user`` may view, as its registered policy says."""
    return policy_registry.get_by_type(model).instances_user_has_permission_for(user, "view")


def register_policies() -> None:
    from wagtail.permissions import register_permission_policy

    from sop_workflow.models import (
        ArchiveRecord,
        Disposition,
        FollowUpTodo,
        InstalledSop,
        IntakeRegisterEntry,
        StepTiming,
    )
    from sop_workflow.records.dispositions import DispositionPermissionPolicy

    register_permission_policy(Disposition, DispositionPermissionPolicy(Disposition))
    for model in (IntakeRegisterEntry, ArchiveRecord, InstalledSop, FollowUpTodo):
        register_permission_policy(model, InstitutionPermissionPolicy(model, view=MEMBER))
    register_permission_policy(StepTiming, InstitutionPermissionPolicy(StepTiming, view=LEADERSHIP))
