"""What the SOP adds to a new institution's first-week checklist (``home.checklist``): the SOP
installed, and printed — the print page opened or the PDF downloaded, recorded in Wagtail's
audit log as ``sop_workflow.sop_printed`` on the installed version."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Site

from home.checklist import ChecklistItem
from sop_workflow.models import InstalledSop

SOP_PRINTED = "sop_workflow.sop_printed"


def record_printed(installed: InstalledSop, user) -> None:
    """Audit-log that ``user`` opened ``installed`` to print it or downloaded its PDF."""
    log(instance=installed, action=SOP_PRINTED, user=user)


def was_printed(installed: InstalledSop) -> bool:
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(InstalledSop),
        object_id=str(installed.pk),
        action=SOP_PRINTED,
    ).exists()


def sop_checklist_items(site: Site) -> list[ChecklistItem]:
    """The checklist item: the current SOP installed and printed, linking to its print page."""
    current = InstalledSop.objects.filter(site=site, is_current=True).first()
    if current is None:
        return [
            ChecklistItem(
                30,
                _("SOP installed and printed"),
                False,
                reverse("sop_workflow:sop_index"),
                _(
                    "No SOP is installed yet: ask the platform operator to install your "
                    "institution's SOP (install_sop), then print it."
                ),
            )
        ]
    return [
        ChecklistItem(
            30,
            _("SOP installed and printed"),
            was_printed(current),
            reverse("sop_workflow:sop_print", args=[current.pk]),
            _("Print the installed SOP (or download its PDF) for signing and filing."),
        )
    ]
