"""Template tags of the public pages: the site's tree (menu, breadcrumbs), flat page URLs and
the meta description, each read at most once per request."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from home.models.pages import (
    SiteTree,
    current_site,
    local_page_path,
    page_description,
    site_tree_for,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def site_tree(context) -> SiteTree | None:
    """``{% site_tree as tree %}``: ``tree.home``, ``tree.menu`` of the page being shown."""
    return site_tree_for(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def breadcrumbs_of(context, page: Page) -> list[Page]:
    """``{% breadcrumbs_of page as crumbs %}``: the home page down to the page's parent."""
    tree = site_tree_for(context.get("request"), page)
    if tree is None:
        return list(page.get_ancestors().filter(depth__gte=2))
    return tree.breadcrumbs(page)


@register.simple_tag(takes_context=True)
def siteurl(context, page: Page) -> str:
    """``{% siteurl page %}``: like ``{% pageurl %}`` for any page (also a plain ``Page`` row),
    built from the current site's root alone when the page is on that site."""
    request = context.get("request")
    path = local_page_path(page, current_site(request))
    if path is not None:
        return path
    return page.get_url(request=request) or ""


@register.simple_tag(takes_context=True)
def meta_description(context, page: Page | None) -> str:
    """``{% meta_description page %}``: the page's description for search engines."""
    return page_description(page, context.get("institution"))
