"""Public views that are not pages: search results and branded error pages."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

SEARCH_RESULTS_PER_PAGE = 10


def search_view(request, home):
    """Search the live pages of one institution only."""
    query = request.GET.get("q", "").strip()
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .descendant_of(home, inclusive=True)
            .specific()
            .search(query, operator="and")
        )
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("halaman", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return TemplateResponse(
        request,
        "home/search_results.html",
        {"page": home, "self": home, "query": query, "results": page_obj},
    )


def page_not_found(request, exception=None):
    site = Site.find_for_request(request)
    context = {"page": site.root_page.specific if site else None}
    return TemplateResponse(request, "404.html", context, status=404)


def server_error(request):
    """Render the branded 500 page, falling back to plain text if even that fails."""
    try:
        site = Site.find_for_request(request)
        context = {"request": request, "page": site.root_page.specific if site else None}
        return HttpResponseServerError(loader.render_to_string("500.html", context))
    except Exception:  # noqa: BLE001 - the error page itself must never raise
        return HttpResponseServerError(
            "Terjadi kesalahan pada server. Silakan coba lagi beberapa saat lagi.",
            content_type="text/plain; charset=utf-8",
        )
