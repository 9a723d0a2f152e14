"""Printable documents: the archive record of an item and the installed SOP ("Cetak SOP").

Each document is one template, shown to the browser to print (``archive_print``,
``sop_print``) and rendered to a PDF to download and file (``archive_pdf``, ``sop_pdf``).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from home.models import InstitutionSettings
from sop_workflow.models import ArchiveRecord, InstalledSop
from sop_workflow.onboarding import record_printed
from sop_workflow.permissions import viewable
from sop_workflow.records import flowchart, pdf
from sop_workflow.records.sop_document import column_widths, procedure_pages

ARCHIVE_TEMPLATE = "sop_workflow/print/archive_record.html"
SOP_TEMPLATE = "sop_workflow/print/sop_document.html"


def _member_object(request, model, pk: int):
    """``model`` row ``pk`` of one of the user's institutions (every one for operators), or 404."""
    return get_object_or_404(viewable(model, request.user), pk=pk)


def _institution(site_id: int):
    return InstitutionSettings.objects.filter(site_id=site_id).first()


def _archive_context(request, record_id: int) -> dict:
    record = _member_object(request, ArchiveRecord, record_id)
    return {
        "record": record,
        "approvals": _with_datetimes(record.approvals),
        "link_reports": [
            {**report, "sent_at": parse_datetime(report["sent_at"] or "")}
            for report in record.link_reports
        ],
        "institution": _institution(record.site_id),
    }


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


def _sop_context(request, installed_id: int) -> dict:
    installed = _member_object(request, InstalledSop, installed_id)
    definition = installed.definition
    return {
        "installed": installed,
        "sop": definition.sop,
        "roles": definition.roles,
        "pages": procedure_pages(definition),
        "widths": column_widths(len(definition.roles)),
        "legend": flowchart.legend(),
        "has_signed_numbers": any(step.signed_number for step in definition.steps),
        "has_inferred": any(role.inferred for role in definition.roles)
        or any(step.actor_inferred for step in definition.steps),
        "institution": _institution(installed.site_id),
    }


def archive_print(request, record_id: int):
    """The archive record as a page to print and file (404 outside the user's institutions)."""
    return TemplateResponse(request, ARCHIVE_TEMPLATE, _archive_context(request, record_id))


def archive_pdf(request, record_id: int):
    """The archive record as a PDF (A4 portrait) to download and file."""
    context = _archive_context(request, record_id)
    filename = f"arsip-{pdf.safe_filename_part(context['record'].archive_number)}.pdf"
    return pdf_response(request, ARCHIVE_TEMPLATE, context, filename)


def sop_print(request, installed_id: int):
    """The installed SOP as the official document: header block and procedure table."""
    context = _sop_context(request, installed_id)
    record_printed(context["installed"], request.user)
    return TemplateResponse(request, SOP_TEMPLATE, context)


def sop_pdf(request, installed_id: int):
    """The installed SOP as a PDF (A4 landscape) to download and file."""
    context = _sop_context(request, installed_id)
    installed = context["installed"]
    filename = f"sop-{pdf.safe_filename_part(installed.key)}-v{installed.version}.pdf"
    response = pdf_response(request, SOP_TEMPLATE, context, filename)
    if response.status_code == 200:
        record_printed(installed, request.user)
    return response


def pdf_response(request, template: str, context: dict, filename: str):
    """``template`` as a PDF download; without WeasyPrint, its print page with the reason."""
    try:
        content = pdf.render_pdf(template, context, request=request)
    except pdf.PdfUnavailable:
        # The print page itself, with the reason: the user can still print it from the browser.
        context["pdf_unavailable"] = _(
            "The PDF cannot be made on this server: WeasyPrint or the libraries it needs are "
            "not installed. The server operator must install the Debian packages %(packages)s. "
            "You can still print this page from your browser."
        ) % {"packages": pdf.DEBIAN_PACKAGES}
        return TemplateResponse(request, template, context, status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def sop_index(request):
    """ "Cetak SOP": the user's institution's current SOP, or a list for operators."""
    current = viewable(InstalledSop, request.user).filter(is_current=True).select_related("site")
    if len(current) == 1:
        return redirect("sop_workflow:sop_print", current[0].pk)
    return TemplateResponse(
        request,
        "sop_workflow/sop_index.html",
        {"page_title": _("Print SOP"), "header_title": _("Print SOP"), "sops": current},
    )
