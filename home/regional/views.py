"""Admin views of regional offers: offer an article, adopt or decline an offered one."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from home.models import ArticleOffer
from home.regional import offers
from home.tenancy import site_for_page, sites_below


def offer_article(request, page_id: int):
    """GET: what offering means and who will see it; POST: offer the article."""
    page = offers.offerable_page(get_object_or_404(Page, pk=page_id), request.user)
    if page is None:
        raise Http404
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    site = site_for_page(page)
    if request.method == "POST":
        try:
            offer = offers.offer_article(page, request.user)
        except offers.OfferRefused as refused:
            messages.error(request, str(refused))
            return redirect(edit_url)
        count = sites_below(Site.objects.filter(pk=offer.site_id)).count()
        messages.success(
            request,
            _(
                "'%(title)s' is offered to the %(count)s institutions below %(institution)s. "
                "Each may adopt it into its own site through its own SOP."
            )
            % {"title": page.title, "count": count, "institution": offers.institution_name(site)},
        )
        return redirect(edit_url)
    below, answers = [], []
    if site is not None:
        below_sites = list(sites_below(Site.objects.filter(pk=site.pk)).order_by("site_name"))
        names = offers.institution_names(below_sites)
        below = [names[s.pk] for s in below_sites]
        offer = ArticleOffer.objects.filter(page=page).first()
        if offer is not None:  # what each institution below did with it
            decided = {answer.site_id: answer for answer in offer.answers.all()}
            answers = [
                {
                    "name": name,
                    "answer": decided[s.pk].get_decision_display()
                    if s.pk in decided
                    else _("Not answered yet"),
                }
                for s, name in zip(below_sites, below, strict=True)
            ]
    return TemplateResponse(
        request,
        "home/regional/offer_confirm.html",
        {
            "page_title": _("Offer to institutions below"),
            "header_title": _("Offer to institutions below"),
            "page": page,
            "problem": offers.offer_problem(page, site),
            "below": below,
            "answers": answers,
            "edit_url": edit_url,
        },
    )


def _offer_for(request, offer_id: int, site_id: int) -> offers.OfferForSite:
    item = offers.offer_for(request.user, offer_id, site_id)
    if item is None:
        raise Http404
    return item


@require_POST
def adopt_offer(request, offer_id: int, site_id: int):
    item = _offer_for(request, offer_id, site_id)
    source = item.offer.page.specific
    try:
        copy = offers.adopt(item, request.user, source.get_full_url(request))
    except offers.OfferRefused as refused:
        messages.error(request, str(refused))
        return redirect("wagtailadmin_home")
    text = _(
        "'%(title)s' from %(source)s is adopted as a draft in the news of %(institution)s. "
        "Check it, then send it through your SOP; it is not published until approved."
    ) % {
        "title": copy.title,
        "source": item.offering_name,
        "institution": offers.institution_name(item.site),
    }
    if copy.left_out_blocks:
        text += " " + _(
            "%(count)s video or document block(s) were left out: add your own files if needed."
        ) % {"count": copy.left_out_blocks}
    messages.success(request, text)
    return redirect("wagtailadmin_pages:edit", copy.pk)


@require_POST
def decline_offer(request, offer_id: int, site_id: int):
    item = _offer_for(request, offer_id, site_id)
    try:
        offers.decline(item, request.user)
    except offers.OfferRefused as refused:
        messages.error(request, str(refused))
        return redirect("wagtailadmin_home")
    messages.success(
        request,
        _(
            "'%(title)s' from %(source)s is declined for %(institution)s; it no longer "
            "shows on the dashboard."
        )
        % {
            "title": item.offer.page.title,
            "source": item.offering_name,
            "institution": offers.institution_name(item.site),
        },
    )
    return redirect("wagtailadmin_home")
