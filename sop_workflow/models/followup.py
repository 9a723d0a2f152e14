"""What follows a step or a publication: reminders and escalations, and the archive (*Arsip*)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, Site, TaskState, WorkflowState

from sop_workflow.definition import StandardTime

PAGE_MODEL = "wagtailcore.Page"


class ReminderKind(models.TextChoices):
    REMINDER = "reminder", _("Reminder")
    ESCALATION = "escalation", _("Escalation")


class SopReminder(models.Model):
    """One reminder (per stage) or escalation sent for a late SOP step; never sent twice."""

    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE)
    task_state = models.ForeignKey(
        TaskState, verbose_name=_("task state"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    step_label = models.CharField(_("steps"), max_length=40)
    stage = models.PositiveSmallIntegerField(
        _("stage (% of the standard time)"),
        default=0,
        help_text=_("For a reminder, the share of the standard time it was due at; 0 otherwise."),
    )
    recipients = models.JSONField(_("recipients"), default=list)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("SOP reminder")
        verbose_name_plural = _("SOP reminders")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "kind", "stage"], name="one_reminder_per_kind_and_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.step_label}"


class ArchiveCounter(models.Model):
    """The last archive number given per institution and year; locked while numbering."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "year"], name="one_archive_counter_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class ArchiveRecord(models.Model):
    """The archive entry of a published item (DPMK step 5): numbers, approvals and dates."""

    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE)
    year = models.PositiveIntegerField(_("year"))
    number = models.PositiveIntegerField(_("archive number"))
    classification_code = models.CharField(_("classification code"), max_length=40, blank=True)
    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        Revision, verbose_name=_("approved revision"), on_delete=models.PROTECT, related_name="+"
    )
    workflow_state = models.OneToOneField(
        WorkflowState,
        verbose_name=_("workflow state"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)
    agenda_number = models.CharField(_("agenda number"), max_length=20, blank=True)
    approvals = models.JSONField(_("approvals"), default=list)
    submitted_at = models.DateTimeField(_("submitted at"), null=True)
    published_at = models.DateTimeField(_("published at"))
    archived_at = models.DateTimeField(_("archived at"), auto_now_add=True)
    link_reports = models.JSONField(
        _("link reports"),
        default=list,
        blank=True,
        help_text=_("The post links (and failures) reported after publication, as sent."),
    )

    class Meta:
        verbose_name = _("archive record")
        verbose_name_plural = _("archive records")
        ordering = ["site", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["site", "year", "number"], name="unique_archive_number")
        ]

    def __str__(self) -> str:
        return self.archive_number

    @property
    def archive_number(self) -> str:
        """``<classification>/<number>/<year>``, e.g. ``400.14.2/007/2025``."""
        number = f"{self.number:03d}/{self.year}"
        return f"{self.classification_code}/{number}" if self.classification_code else number


class FollowUpTodo(models.Model):
    """An after-publication step a person performs, as a to-do of the step's roles.

    Bunder 10–11 (the Seksi receives the links and passes them to the Ketua PPID, who closes the
    item) and DPMK 5 (the operator files the archive). A to-do is *due* from ``due_since``
    (go-live, the link report, or the previous to-do being done) and is timed against the step's
    standard until it is done with one click.
    """

    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE)
    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        Revision,
        verbose_name=_("published revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    workflow_state = models.ForeignKey(
        WorkflowState,
        verbose_name=_("workflow state"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    step_number = models.PositiveIntegerField(_("step number"))
    action = models.CharField(_("action"), max_length=20)
    role_keys = models.JSONField(_("roles"), default=list)
    description = models.TextField(_("description"), blank=True)
    standard_text = models.CharField(_("standard time"), max_length=40, blank=True)
    standard_min_seconds = models.PositiveIntegerField(_("standard minimum (s)"), null=True)
    standard_max_seconds = models.PositiveIntegerField(_("standard maximum (s)"), null=True)
    standard_tentative = models.BooleanField(_("tentative standard"), default=False)
    due_since = models.DateTimeField(_("due since"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("after-publication to-do")
        verbose_name_plural = _("after-publication to-dos")
        ordering = ["site", "step_number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workflow_state", "step_number"], name="one_follow_up_per_step"
            )
        ]
        indexes = [models.Index(fields=["site", "done_at", "due_since"])]

    def __str__(self) -> str:
        return f"{self.step_number}: {self.description[:60]}"

    @property
    def standard(self) -> StandardTime:
        return StandardTime.stored(
            self.standard_text,
            self.standard_min_seconds,
            self.standard_max_seconds,
            self.standard_tentative,
        )

    @property
    def step_label(self) -> str:
        return str(self.step_number)

    @property
    def is_due(self) -> bool:
        return self.due_since is not None and self.done_at is None
