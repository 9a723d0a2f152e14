"""What running an SOP leaves behind: the installed definition, paraf, platform choices,
step times and the intake register."""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, Site, TaskState, Workflow, WorkflowState

from sop_workflow.definition import SopDefinition, load_definition

PAGE_MODEL = "wagtailcore.Page"


class InstalledSop(models.Model):
    """One version of an SOP installed on an institution's site, with its Wagtail workflow.

    The printed SOP and the reports read the definition from ``definition_text``, so what they
    show is what runs. A re-install of a changed definition adds a version; the old workflow is
    kept (inactive) so that items already in moderation finish on it.
    """

    site = models.ForeignKey(
        Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="installed_sops"
    )
    key = models.SlugField(_("SOP key"), max_length=80)
    version = models.PositiveIntegerField(_("version"), default=1)
    definition_hash = models.CharField(_("definition hash"), max_length=64)
    definition_text = models.TextField(_("definition (TOML)"))
    title = models.CharField(_("title"), max_length=255)
    workflow = models.OneToOneField(
        Workflow,
        verbose_name=_("workflow"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="installed_sop",
    )
    is_current = models.BooleanField(_("current"), default=True)
    installed_at = models.DateTimeField(_("installed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("installed SOP")
        verbose_name_plural = _("installed SOPs")
        ordering = ["site", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "key", "version"], name="unique_sop_version_per_site"
            ),
            models.UniqueConstraint(
                fields=["site"], condition=models.Q(is_current=True), name="one_current_sop"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version} ({self.site.hostname})"

    @cached_property
    def definition(self) -> SopDefinition:
        return load_definition(self.definition_text, file=f"{self.key}.toml")

    @classmethod
    def current_for_site(cls, site: Site) -> InstalledSop | None:
        return cls.objects.filter(site=site, is_current=True).first()


class ParafRecord(models.Model):
    """A *paraf*: who initialled an approval, in which role, when, on which revision."""

    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        Revision, verbose_name=_("revision"), on_delete=models.CASCADE, related_name="+"
    )
    task_state = models.ForeignKey(
        TaskState, verbose_name=_("task state"), on_delete=models.CASCADE, related_name="parafs"
    )
    step_number = models.PositiveIntegerField(_("step"))
    role_key = models.SlugField(_("role"), max_length=60)
    role_name = models.CharField(_("role name"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    initials = models.CharField(_("paraf (initials)"), max_length=20)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("paraf")
        verbose_name_plural = _("paraf records")
        ordering = ["given_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "role_key"], name="one_paraf_per_role_per_task_state"
            )
        ]

    def __str__(self) -> str:
        return f"{self.initials} ({self.role_name}, {self.given_at:%Y-%m-%d %H:%M})"


class PlatformChoice(models.Model):
    """The channels an approver chose for a page (Bunder step 7); read by ``social_publish``."""

    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE)
    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        Revision, verbose_name=_("revision"), on_delete=models.CASCADE, related_name="+"
    )
    task_state = models.ForeignKey(
        TaskState, verbose_name=_("task state"), on_delete=models.CASCADE, related_name="+"
    )
    channels = models.JSONField(_("channels"), default=list)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chosen by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chosen_at = models.DateTimeField(_("chosen at"), auto_now_add=True)

    class Meta:
        verbose_name = _("platform choice")
        verbose_name_plural = _("platform choices")
        ordering = ["-chosen_at", "-pk"]
        get_latest_by = "chosen_at"

    def __str__(self) -> str:
        return ", ".join(self.channels)

    @classmethod
    def channels_for(cls, page) -> list[str]:
        """The channels last chosen for ``page`` (empty when none were chosen)."""
        choice = cls.objects.filter(page_id=page.pk).order_by("-chosen_at", "-pk").first()
        return list(choice.channels) if choice else []


class StepOutcome(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Changes requested")
    CANCELLED = "cancelled", _("Cancelled")


class StepTiming(models.Model):
    """The start and end of one SOP step on one item, against its standard time."""

    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE)
    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        Revision, verbose_name=_("revision"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    workflow_state = models.ForeignKey(
        WorkflowState,
        verbose_name=_("workflow state"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    task_state = models.OneToOneField(
        TaskState,
        verbose_name=_("task state"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="step_timing",
    )
    step_number = models.PositiveIntegerField(_("step"))
    step_label = models.CharField(_("steps"), max_length=40)
    kind = models.CharField(_("kind"), max_length=30)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=StepOutcome.choices, blank=True)
    standard_min_seconds = models.PositiveIntegerField(_("standard minimum (s)"), null=True)
    standard_max_seconds = models.PositiveIntegerField(_("standard maximum (s)"), null=True)
    working_seconds = models.PositiveIntegerField(_("working time (s)"), null=True, blank=True)

    class Meta:
        verbose_name = _("step timing")
        verbose_name_plural = _("step timings")
        ordering = ["started_at", "pk"]
        indexes = [models.Index(fields=["site", "step_number", "started_at"])]

    def __str__(self) -> str:
        return f"{self.step_label} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def within_standard(self) -> bool | None:
        if self.working_seconds is None or self.standard_max_seconds is None:
            return None
        return self.working_seconds <= self.standard_max_seconds


class IntakeCounter(models.Model):
    """The last *nomor agenda* given per institution and year; locked while numbering."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "year"], name="one_counter_per_site_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class IntakeRegisterEntry(models.Model):
    """An entry of the intake register (*buku agenda*): number, date and type of news."""

    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE)
    year = models.PositiveIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    page = models.OneToOneField(
        PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="intake_entry"
    )
    revision = models.ForeignKey(
        Revision, verbose_name=_("revision"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255)
    news_type = models.CharField(_("news type"), max_length=30, blank=True)
    registered_at = models.DateTimeField(_("registered at"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("intake register entry")
        verbose_name_plural = _("intake register")
        ordering = ["site", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["site", "year", "number"], name="unique_agenda_number")
        ]

    def __str__(self) -> str:
        return self.agenda_number

    @property
    def news_type_label(self) -> str:
        """The news type as people name it (empty for an unknown one)."""
        from home.models import NewsType

        return NewsType(self.news_type).label if self.news_type in NewsType.values else ""

    @property
    def registered_by_name(self) -> str:
        user = self.registered_by
        return (user.get_full_name() or user.get_username()) if user else ""

    @property
    def agenda_number(self) -> str:
        return f"{self.number:03d}/{self.year}"
