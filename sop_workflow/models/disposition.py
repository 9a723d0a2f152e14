"""*Disposisi*: a superior's written instruction to cover an activity or prepare content.

Bunder steps 1–2: the Ketua PPID instructs the Seksi with the activity's material; the Seksi
passes it on to the Admin Medsos, who turns it into a draft. A forwarded disposition is a new
row whose ``parent`` is the one it passes on; the draft made from the last one links back, so
the SOP's preparation time counts from the first instruction.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Site

PAGE_MODEL = "wagtailcore.Page"


class DispositionStatus(models.TextChoices):
    OPEN = "open", _("Waiting for the assignee")
    FORWARDED = "forwarded", _("Passed on")
    DRAFTED = "drafted", _("Draft written")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", pgettext_lazy("disposition status", "Published")
    WITHDRAWN = "withdrawn", pgettext_lazy("disposition status", "Withdrawn")


#: A closed disposition: the page it asked for was published, or it was withdrawn or deleted.
CLOSED = (DispositionStatus.PUBLISHED, DispositionStatus.WITHDRAWN)


class Disposition(models.Model):
    """One instruction from a superior to a role or a person of the same institution."""

    site = models.ForeignKey(
        Site, verbose_name=_("institution"), on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("passed on from"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forwards",
    )
    activity = models.CharField(
        _("activity"), max_length=255, help_text=_("What is to be covered or published.")
    )
    material = models.TextField(
        _("activity information material"),
        help_text=_("What the assignee needs: the agenda, who attends, facts, contacts."),
    )
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    assignee_role = models.ForeignKey(
        "home.InstitutionRole",
        verbose_name=_("assigned to role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assignee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("given at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DispositionStatus.choices, default="open"
    )
    page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("draft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    closed_at = models.DateTimeField(
        _("closed at"),
        null=True,
        blank=True,
        help_text=_("When the page was published, or withdrawn from review or deleted."),
    )

    class Meta:
        verbose_name = _("disposition")
        verbose_name_plural = _("dispositions")
        ordering = ["-assigned_at", "-pk"]
        indexes = [models.Index(fields=["site", "status"])]

    def __str__(self) -> str:
        return self.activity

    def clean(self) -> None:
        super().clean()
        if not (self.assignee_role_id or self.assignee_user_id):
            raise ValidationError(
                _("Choose who carries out the disposition: a role or a person."),
                code="no_assignee",
            )

    @property
    def assignee(self) -> str:
        """The role or the person, as people name them."""
        if self.assignee_user_id:
            user = self.assignee_user
            return user.get_full_name() or user.get_username()
        return self.assignee_role.name if self.assignee_role_id else ""

    @property
    def is_open(self) -> bool:
        return self.status == DispositionStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    def chain(self) -> list[Disposition]:
        """The instructions from the first to this one."""
        nodes, node = [], self
        while node is not None:
            nodes.insert(0, node)
            node = node.parent
        return nodes

    def root(self) -> Disposition:
        """The first instruction of the chain this disposition belongs to."""
        node = self
        while node.parent_id:
            node = node.parent
        return node
