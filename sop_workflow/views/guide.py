"""*Panduan SOP saya*: the signed-in person's steps of their institutions' installed SOP, as a
page to print on one A4 sheet and as a PDF (the project's WeasyPrint renderer)."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils import timezone

from sop_workflow.records import pdf
from sop_workflow.records.guide import guides_for
from sop_workflow.views.documents import pdf_response

GUIDE_TEMPLATE = "sop_workflow/print/my_guide.html"


def _guide_context(request) -> dict:
    user = request.user
    return {
        "guides": guides_for(user),
        "person": user.get_full_name() or user.get_username(),
        "today": timezone.localdate(),
    }


def my_guide(request):
    """The person's guide to print: only their own institutions' SOPs and roles."""
    return TemplateResponse(request, GUIDE_TEMPLATE, _guide_context(request))


def my_guide_pdf(request):
    """The person's guide as a one-page A4 PDF to download."""
    context = _guide_context(request)
    filename = f"panduan-sop-{pdf.safe_filename_part(request.user.get_username())}.pdf"
    return pdf_response(request, GUIDE_TEMPLATE, context, filename)
