"""The *buku agenda* of one institution and year: printed (A4), as a PDF, and exported.

The register's own listing (``registers.IntakeRegisterViewSet``) exports its filtered rows as
CSV and XLSX; these views print one year of one institution as the book it replaces.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.models import Site

from home.models import InstitutionSettings, NewsType
from home.tenancy import institution_time_zone, sites_for_user
from sop_workflow.models import IntakeRegisterEntry
from sop_workflow.permissions import viewable
from sop_workflow.records import pdf
from sop_workflow.views.documents import pdf_response

TEMPLATE = "sop_workflow/print/intake_register.html"


def _site(request) -> Site:
    """The institution asked for (``?site=``) among the user's own, else their first one."""
    sites = sites_for_user(request.user).order_by("pk")
    wanted = request.GET.get("site", "")
    if wanted:
        if not wanted.isdigit():
            raise Http404
        return get_object_or_404(sites, pk=int(wanted))
    site = sites.first()
    if site is None:
        raise Http404
    return site


def _context(request, year: int) -> dict:
    site = _site(request)
    entries = (
        viewable(IntakeRegisterEntry, request.user)
        .filter(site=site, year=year)
        .select_related("registered_by")
        .order_by("number")
    )
    labels = dict(NewsType.choices)
    return {
        "year": year,
        "site": site,
        "institution": InstitutionSettings.objects.filter(site=site).first(),
        "rows": [(entry, labels.get(entry.news_type, "")) for entry in entries],
        "time_zone": institution_time_zone(site),
        "printed_at": timezone.now(),
    }


def agenda_print(request, year: int):
    """One year of the institution's intake register, to print and file."""
    return TemplateResponse(request, TEMPLATE, _context(request, year))


def agenda_pdf(request, year: int):
    """The same as an A4 PDF to download."""
    context = _context(request, year)
    name = pdf.safe_filename_part(context["site"].hostname.split(".")[0])
    return pdf_response(request, TEMPLATE, context, f"buku-agenda-{name}-{year}.pdf")
