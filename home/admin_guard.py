"""One guard in front of every admin view: operator-only areas, and another institution's pages.

Wagtail checks each view's own permission, but several of its views show a page's title (or
its draft, its workflow's task names) before or without asking whether the page belongs to the
user's institution: the workflow cancellation and move confirmations, the page chooser's
browse and "chosen" views, bulk actions, and more (found by ``tests/test_admin_url_census.py``).
This middleware answers them all in one place, before the view runs:

- URLs that only operators (superusers) may open — workflows and tasks (with the task chooser),
  sites, groups, collections, redirects, the page types usage report and the admin API's
  image and document endpoints, which list every institution's media — refuse everyone else;
- the tag autocomplete answers from the user's institutions' tags (``home.tag_tenancy``);
- every other admin URL naming a page (``page_id``, ``parent_page_id``, ``page_to_move_id``,
  ``destination_id``, the page API's ``pk``, or bulk actions' and the chooser's ``id``
  parameters) refuses a page outside the user's institutions.

An operator-only URL answers as Wagtail refuses (:func:`wagtail.admin.auth.permission_denied`):
the dashboard with "Maaf, Anda tidak memiliki izin…", or 403 for the admin's modal requests.
Another institution's page is not found (404), as every other tenant-owned row of another
institution is (``home.admin_views``): nothing says it exists.
"""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from home.tag_tenancy import scoped_autocomplete
from home.tenancy import pages_of_user_institutions

#: URL namespaces that are wholly the operators'.
OPERATOR_NAMESPACES = frozenset(
    {
        "wagtailadmin_workflows",
        "wagtailsites",
        "wagtailusers_groups",
        "wagtailadmin_collections",
        "wagtailredirects",
        "wagtailadmin_api:images",
        "wagtailadmin_api:documents",
    }
)
#: Single operator-only URLs (namespaced names).
OPERATOR_URLS = frozenset(
    {
        "wagtailadmin_reports:page_types_usage",
        "wagtailadmin_reports:page_types_usage_results",
        "wagtailadmin_error_test",
    }
)
#: Wagtail's tag autocomplete, answered from the user's institutions' tags instead.
TAG_AUTOCOMPLETE_URLS = frozenset(
    {"wagtailadmin_tag_autocomplete", "wagtailadmin_tag_model_autocomplete"}
)
#: URL arguments that name a page, wherever they appear.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
#: Namespaces whose ``pk`` argument is a page.
PAGE_PK_NAMESPACES = frozenset({"wagtailadmin_pages", "wagtailadmin_api:pages"})
#: URLs whose ``id`` query parameters are pages.
PAGE_ID_QUERY_URLS = frozenset({"wagtail_bulk_action", "wagtailadmin_choose_page_chosen_multiple"})


def is_operator_only(match) -> bool:
    return match.namespace in OPERATOR_NAMESPACES or match.view_name in OPERATOR_URLS


def named_page_ids(request, match) -> set[str]:
    """The page ids an admin URL names in its path or its query string."""
    ids = {str(match.kwargs[name]) for name in PAGE_KWARGS if name in match.kwargs}
    if match.namespace in PAGE_PK_NAMESPACES and "pk" in match.kwargs:
        ids.add(str(match.kwargs["pk"]))
    names_pages = (match.kwargs.get("app_label"), match.kwargs.get("model_name")) in (
        (None, None),
        ("wagtailcore", "page"),
    )
    if match.view_name in PAGE_ID_QUERY_URLS and names_pages:
        # "Select all" sends id=all and the parent page as childOf.
        ids.update(value for value in request.GET.getlist("id") if value != "all")
        ids.update(request.GET.getlist("childOf"))
    return ids


def pages_outside_institutions(user, ids: set[str]) -> bool:
    """Whether a page id is not in the user's institutions (the tree's root, above every
    institution, stays browsable: the page chooser climbs to it, showing only own pages)."""
    if not all(value.isdigit() for value in ids):
        return True
    wanted = [int(value) for value in ids]
    own = pages_of_user_institutions(user).filter(pk__in=wanted).count()
    roots = Page.objects.filter(pk__in=wanted, depth=1).count()
    return own + roots != len(ids)


class AdminTenancyGuardMiddleware:
    """Refuse operator-only admin URLs and other institutions' pages before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        match = request.resolver_match
        if user is None or not user.is_authenticated or user.is_superuser or match is None:
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        if is_operator_only(match):
            return permission_denied(request)
        if match.view_name in TAG_AUTOCOMPLETE_URLS:
            return scoped_autocomplete(request, **view_kwargs)
        ids = named_page_ids(request, match)
        if ids and pages_outside_institutions(user, ids):
            raise Http404  # as every tenant-owned row of another institution: not found
        return None
