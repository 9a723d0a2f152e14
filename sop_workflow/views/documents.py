"""Printable documents: the archive record of an item and the installed SOP ("Cetak SOP")."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from home.models import InstitutionSettings
from sop_workflow.access import member_sites
from sop_workflow.models import ArchiveRecord, InstalledSop
from sop_workflow.sop_document import procedure_table


def archive_print(request, record_id: int):
    """The archive record as a page to print and file (404 outside the user's institutions)."""
    record = get_object_or_404(
        ArchiveRecord.objects.filter(site__in=member_sites(request.user)), pk=record_id
    )
    return TemplateResponse(
        request,
        "sop_workflow/print/archive_record.html",
        {
            "record": record,
            "approvals": _with_datetimes(record.approvals),
            "institution": InstitutionSettings.objects.filter(site_id=record.site_id).first(),
        },
    )


def _with_datetimes(approvals: list[dict]) -> list[dict]:
    def parse(value: str):
        return parse_datetime(value) if value else None

    return [
        {
            **row,
            "at": parse(row["at"]),
            "paraf": [{**p, "at": parse(p["at"])} for p in row.get("paraf", [])],
        }
        for row in approvals
    ]


def sop_print(request, installed_id: int):
    """The installed SOP as the official document: header block and procedure table."""
    installed = get_object_or_404(
        InstalledSop.objects.filter(site__in=member_sites(request.user)), pk=installed_id
    )
    definition = installed.definition
    return TemplateResponse(
        request,
        "sop_workflow/print/sop_document.html",
        {
            "installed": installed,
            "sop": definition.sop,
            "roles": definition.roles,
            "table": procedure_table(definition),
            "institution": InstitutionSettings.objects.filter(site_id=installed.site_id).first(),
        },
    )


def sop_index(request):
    """ "Cetak SOP": the user's institution's current SOP, or a list for operators."""
    current = InstalledSop.objects.filter(
        site__in=member_sites(request.user), is_current=True
    ).select_related("site")
    if len(current) == 1:
        return redirect("sop_workflow:sop_print", current[0].pk)
    return TemplateResponse(
        request,
        "sop_workflow/sop_index.html",
        {"page_title": _("Print SOP"), "header_title": _("Print SOP"), "sops": current},
    )
