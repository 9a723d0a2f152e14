"""The dashboard panel of the articles offered to the user's institutions by those above."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from home.regional.offers import answering_sites, institution_name, open_offers


class OfferedArticlesPanel(Component):
    """Per institution where the user may add news: the open offers from above it."""

    name = "offered_articles"
    template_name = "home/regional/offered_articles_panel.html"
    order = 60

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        user = request.user
        institutions = []
        names: dict[int, str] = {}
        for site in answering_sites(user):
            rows = []
            for offer in open_offers(site):
                if offer.site_id not in names:
                    names[offer.site_id] = institution_name(offer.site)
                rows.append(
                    {
                        "offer": offer,
                        "from": names[offer.site_id],
                        "title": offer.page.title,
                        "url": offer.page.get_url(request=request),
                        "adopt_url": reverse("regional:adopt", args=[offer.pk, site.pk]),
                        "decline_url": reverse("regional:decline", args=[offer.pk, site.pk]),
                    }
                )
            if rows:
                name = institution_name(site)
                institutions.append(
                    {
                        "panel_id": f"offered-articles-{site.pk}",
                        "heading": _("Articles offered to %(institution)s") % {"institution": name},
                        "name": name,
                        "rows": rows,
                    }
                )
        # the forms' {% csrf_token %}: a component's template gets only this context
        return {"institutions": institutions, "csrf_token": parent_context.get("csrf_token")}
