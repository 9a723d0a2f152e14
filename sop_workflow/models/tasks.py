"""Wagtail task types for SOP steps, and the task state they share.

Each moderation task carries what the SOP says about its step(s): numbers, standard time
(*Mutu Baku*), required checks, where a rejection goes, and the options (paraf, platform choice,
publish immediately). The behaviour (actions, forms, restarts) lives in
``sop_workflow.moderation.actions``.
"""

from __future__ import annotations

from django.db import models
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from sop_workflow.definition import StandardTime


class SopTaskState(TaskState):
    """The state of one SOP task on one revision.

    Its own class lets signal handlers tell SOP tasks apart from other tasks; Wagtail's
    group-approval e-mails are reconnected for it in ``signal_handlers``.
    """

    rewind_until = models.ForeignKey(
        Task,
        verbose_name=_("restarted for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("After a rejection sent the item back, the tasks up to this one run again."),
    )

    class Meta:
        verbose_name = _("SOP task state")
        verbose_name_plural = _("SOP task states")

    def get_comment(self):
        """The comment in the workflow history, preceded by the paraf given with it."""
        parafs = [
            f"{record.initials} ({record.role_name}, {localtime(record.given_at):%d-%m-%Y %H:%M})"
            for record in self.parafs.all()
        ]
        if not parafs:
            return self.comment
        paraf = _("Paraf: %(parafs)s") % {"parafs": "; ".join(parafs)}
        return f"{paraf}. {self.comment}" if self.comment else paraf


class AbstractSopTask(AbstractGroupApprovalTask):
    """A review or publication step of an installed SOP, owned by its actor roles' groups."""

    installed_sop = models.ForeignKey(
        "sop_workflow.InstalledSop",
        verbose_name=_("installed SOP"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    step_number = models.PositiveIntegerField(_("step number"), default=1)
    step_numbers = models.JSONField(
        _("step numbers"), default=list, help_text=_("All SOP steps performed in this task.")
    )
    standard_text = models.CharField(_("standard time"), max_length=40, blank=True)
    standard_min_seconds = models.PositiveIntegerField(_("standard minimum (s)"), null=True)
    standard_max_seconds = models.PositiveIntegerField(_("standard maximum (s)"), null=True)
    standard_tentative = models.BooleanField(_("tentative standard"), default=False)
    checks = models.JSONField(_("required checks"), default=list, blank=True)
    advisory_checks = models.JSONField(_("advisory checks"), default=list, blank=True)
    restart_step = models.PositiveIntegerField(
        _("restart at step"),
        null=True,
        blank=True,
        help_text=_("After a rejection, resubmission restarts at the task of this step."),
    )
    paraf = models.BooleanField(_("paraf required"), default=False)
    paraf_by = models.JSONField(_("paraf by roles"), default=list, blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)

    task_state_class = SopTaskState
    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "standard_text"]
    admin_form_readonly_on_edit_fields = ["name", "standard_text"]

    class Meta:
        abstract = True

    @property
    def step_label(self) -> str:
        numbers = self.step_numbers or [self.step_number]
        return (
            "–".join(str(n) for n in (numbers[0], numbers[-1]))
            if len(numbers) > 1
            else (str(numbers[0]))
        )

    @property
    def standard(self) -> StandardTime:
        return StandardTime.stored(
            self.standard_text,
            self.standard_min_seconds,
            self.standard_max_seconds,
            self.standard_tentative,
        )

    def get_actions(self, obj, user):
        from sop_workflow.moderation.actions import actions_for

        return actions_for(self, obj, user)

    def get_form_for_action(self, action):
        from sop_workflow.moderation.forms import form_for_action

        return form_for_action(self, action) or super().get_form_for_action(action)

    def get_template_for_action(self, action):
        return "sop_workflow/workflow_action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        from sop_workflow.moderation.actions import perform_action

        return perform_action(self, task_state, user, action_name, **kwargs)

    def start(self, workflow_state, user=None):
        from sop_workflow.moderation.actions import restart_target

        target = restart_target(self, workflow_state)
        if target is None:
            return super().start(workflow_state, user=user)
        state = target.start(workflow_state, user=user)
        SopTaskState.objects.filter(pk=state.pk).update(rewind_until=self)
        state.rewind_until = self
        return state


class SopApprovalTask(AbstractSopTask):
    """A review step: approve (with *paraf* or a platform choice when the SOP asks) or reject."""

    choose_platforms = models.BooleanField(_("choose platforms"), default=False)

    class Meta:
        verbose_name = _("SOP approval task")
        verbose_name_plural = _("SOP approval tasks")

    @classmethod
    def get_description(cls):
        return _("A review step of the institution's SOP, approved by the step's roles.")


class SopPublicationTask(AbstractSopTask):
    """The publication step: its approval makes the page live (now, or at ``go_live_at``)."""

    publish_immediately = models.BooleanField(_("publish immediately"), default=False)

    class Meta:
        verbose_name = _("SOP publication task")
        verbose_name_plural = _("SOP publication tasks")

    @classmethod
    def get_description(cls):
        return _("The publication step of the institution's SOP: approving makes the page live.")
