"""A region offers a published article to the institutions below it; each may adopt it.

Adopting makes a *draft* copy in the adopting institution's own news index, owned by the
adopting user, naming and linking the source ("Sumber: …"); it is published only through that
institution's own SOP, like any draft. The copy never refers to the region's media or pages
(``home.tenancy_content``): its images are copied into the institution's own collection, its
video and document blocks are left out, and rich-text links to the region's pages and
documents keep only their text.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_q.tasks import async_task
from wagtail.admin.utils import get_admin_base_url
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page, Site

from home.models import (
    ArticleOffer,
    ArticleOfferAnswer,
    InstitutionSettings,
    NewsIndexPage,
    NewsPage,
    OfferDecision,
)
from home.tenancy import institution_time_zone, site_for_page, sites_below, sites_for_user

MAX_DEPTH = 10  # a hierarchy is provinsi → kabupaten → kapanewon → kalurahan, and units


class OfferRefused(Exception):
    """The action cannot be done; the message says why and how to fix it (Indonesian)."""


def institution_name(site: Site) -> str:
    return institution_names([site])[site.pk]


def institution_names(sites: list[Site]) -> dict[int, str]:
    """Each site's institution name (its profile's official name, else the site's), by id, in
    one query."""
    official = dict(
        InstitutionSettings.objects.filter(site__in=sites).values_list("site_id", "official_name")
    )
    return {site.pk: official.get(site.pk) or site.site_name or site.hostname for site in sites}


def sites_above(site: Site | int) -> list[int]:
    """The ids of the institutions above ``site``, nearest first."""
    site_id = site if isinstance(site, int) else site.pk
    above: list[int] = []
    for _step in range(MAX_DEPTH):
        parent = (
            InstitutionSettings.objects.filter(site_id=site_id)
            .values_list("parent_id", flat=True)
            .first()
        )
        if not parent or parent in above:
            break
        above.append(parent)
        site_id = parent
    return above


# --- offering ---------------------------------------------------------------------------


def offerable_page(page: Page, user) -> NewsPage | None:
    """``page`` as a news page the user may edit (the only ones an editor may offer)."""
    if page.specific_class is not NewsPage:
        return None
    if not page.permissions_for_user(user).can_edit():
        return None
    return page.specific


def offer_problem(page: NewsPage, site: Site | None) -> str:
    """Why ``page`` cannot be offered (Indonesian, with how to fix it), or ''."""
    if site is None:
        return _("This article does not belong to an institution.")
    if not page.live:
        return _(
            "Only a published article can be offered. Send it through your SOP and offer "
            "it once it is published."
        )
    if not sites_below(Site.objects.filter(pk=site.pk)).exists():
        return _(
            "%(institution)s has no institutions below it. An operator sets the parent "
            "institution in each institution's profile."
        ) % {"institution": institution_name(site)}
    offer = ArticleOffer.objects.filter(page=page).first()
    if offer is not None:
        return _(
            "This article was already offered to the institutions below on %(date)s; "
            "they see it on their dashboards."
        ) % {"date": date_format(timezone.localtime(offer.offered_at), "j F Y")}
    return ""


def offer_article(page: NewsPage, user) -> ArticleOffer:
    site = site_for_page(page)
    problem = offer_problem(page, site)
    if problem:
        raise OfferRefused(problem)
    try:
        with transaction.atomic():
            offer = ArticleOffer.objects.create(page=page, site=site, offered_by=user)
    except IntegrityError as error:  # offered by a colleague a moment ago
        raise OfferRefused(offer_problem(page, site)) from error
    log(instance=page, action="home.offer_article", user=user)
    pk = offer.pk
    transaction.on_commit(lambda: async_task("home.tasks.notify_article_offered", pk))
    return offer


def editors_of(site: Site):
    """The active people of ``site`` who may add news to its news index (the ones who see
    and answer offers on their dashboard); operators are not among them."""
    index = NewsIndexPage.objects.child_of(site.root_page).first()
    if index is None:
        return get_user_model().objects.none()
    steplen = Page.steplen
    # the index and its ancestors within the institution (the site's root page and below)
    paths = [index.path[:end] for end in range(2 * steplen, len(index.path) + 1, steplen)]
    groups = GroupPagePermission.objects.filter(
        page__path__in=paths, permission__codename="add_page"
    ).values("group_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False, groups__in=groups)
        .exclude(email="")
        .distinct()
    )


def notify_offered(offer_pk: int) -> int:
    """Background job: tell each institution below, in Indonesian, that an article is offered
    to it, with the dashboard's address; returns how many e-mails were sent."""
    offer = ArticleOffer.objects.filter(pk=offer_pk).select_related("page", "site").first()
    if offer is None:
        return 0
    offering = institution_name(offer.site)
    url = get_admin_base_url() + reverse("wagtailadmin_home")
    sent = 0
    for site in sites_below(Site.objects.filter(pk=offer.site_id)).select_related("root_page"):
        recipients = sorted(set(editors_of(site).values_list("email", flat=True)))
        if not recipients:
            continue
        zone = institution_time_zone(site)
        with translation.override(django_settings.LANGUAGE_CODE), timezone.override(zone):
            values = {
                "offering": offering,
                "title": offer.page.title,
                "institution": institution_name(site),
                "url": url,
            }
            subject = _("Article offered: %(title)s") % values
            body = "\n\n".join(
                [
                    _("%(offering)s offers the article “%(title)s” to %(institution)s.") % values,
                    _(
                        "Adopt it on your dashboard to make it a draft of your own news, which "
                        "goes through your own SOP before it is published; or decline it: "
                        "%(url)s"
                    )
                    % values,
                ]
            )
        sent += send_mail(subject, body, None, recipients)
    return sent


# --- answering --------------------------------------------------------------------------


def news_index_for_adoption(site: Site, user) -> NewsIndexPage | None:
    """The site's news index, when ``user`` may add news pages to it."""
    index = NewsIndexPage.objects.child_of(site.root_page).first()
    if index is None or not index.permissions_for_user(user).can_add_subpage():
        return None
    return index


def answering_sites(user) -> list[Site]:
    """The user's institutions where they may add news: where they may answer offers."""
    if user.is_superuser:  # operators would see every institution's offers
        return []
    sites = sites_for_user(user).select_related("root_page").order_by("site_name", "pk")
    return [site for site in sites if news_index_for_adoption(site, user) is not None]


def open_offers(site: Site) -> QuerySet[ArticleOffer]:
    """The live articles offered by the institutions above ``site`` it has not answered."""
    return (
        ArticleOffer.objects.filter(site_id__in=sites_above(site), page__live=True)
        .exclude(answers__site=site)
        .select_related("page", "site")
        .order_by("-offered_at")
    )


@dataclass
class OfferForSite:
    """One offer as an institution below sees it."""

    offer: ArticleOffer
    site: Site
    offering_name: str
    answer: ArticleOfferAnswer | None = None
    problems: list[str] = field(default_factory=list)


def offer_for(user, offer_id: int, site_id: int) -> OfferForSite | None:
    """The offer ``offer_id`` for the user's institution ``site_id``; ``None`` (a 404) when
    the user may not answer for that institution or it is not below the offering one."""
    site = next((s for s in answering_sites(user) if s.pk == site_id), None)
    if site is None:
        return None
    offer = ArticleOffer.objects.filter(pk=offer_id).select_related("page", "site").first()
    if offer is None or offer.site_id not in sites_above(site):
        return None
    answer = ArticleOfferAnswer.objects.filter(offer=offer, site=site).first()
    return OfferForSite(offer, site, institution_name(offer.site), answer)


def _refuse_if_answered(item: OfferForSite) -> None:
    answer = item.answer
    if answer is None:
        return
    title = item.offer.page.title
    if answer.decision == OfferDecision.ADOPTED:
        raise OfferRefused(
            _(
                "'%(title)s' was already adopted by %(institution)s; its draft is in your news. "
                "Open that draft instead of adopting it again."
            )
            % {"title": title, "institution": institution_name(item.site)}
        )
    raise OfferRefused(
        _("'%(title)s' was already declined for %(institution)s.")
        % {"title": title, "institution": institution_name(item.site)}
    )


def adopt(item: OfferForSite, user, source_url: str) -> NewsPage:
    """A draft copy of the offered article in the institution's news index, owned by ``user``."""
    _refuse_if_answered(item)
    source = item.offer.page.specific
    if not source.live:
        raise OfferRefused(
            _("'%(title)s' is no longer published by %(institution)s and cannot be adopted.")
            % {"title": source.title, "institution": item.offering_name}
        )
    index = news_index_for_adoption(item.site, user)
    if index is None:
        raise OfferRefused(
            _("You may not add news to this institution. Ask its administrator for a writing role.")
        )
    settings = InstitutionSettings.objects.get(site=item.site)
    try:
        with transaction.atomic():
            answer = ArticleOfferAnswer.objects.create(
                offer=item.offer,
                site=item.site,
                decision=OfferDecision.ADOPTED,
                decided_by=user,
            )
            copy = _draft_copy(source, index, settings.collection, user, item, source_url)
            answer.copy = copy
            answer.save(update_fields=["copy"])
    except IntegrityError as error:  # answered by a colleague a moment ago
        item.answer = ArticleOfferAnswer.objects.get(offer=item.offer, site=item.site)
        _refuse_if_answered(item)
        raise OfferRefused(_("The offer could not be adopted. Try again.")) from error
    return copy


def decline(item: OfferForSite, user) -> None:
    _refuse_if_answered(item)
    try:
        with transaction.atomic():
            ArticleOfferAnswer.objects.create(
                offer=item.offer, site=item.site, decision=OfferDecision.DECLINED, decided_by=user
            )
    except IntegrityError as error:
        item.answer = ArticleOfferAnswer.objects.get(offer=item.offer, site=item.site)
        _refuse_if_answered(item)
        raise OfferRefused(_("The offer could not be declined. Try again.")) from error


# --- the copy ---------------------------------------------------------------------------

_EMBED = re.compile(r"<embed\b[^>]*/?>")
_INTERNAL_LINK = re.compile(
    r'<a\b(?=[^>]*\blinktype="(?:page|document)")[^>]*>(?P<text>.*?)</a>', re.S
)


def own_rich_text(html: str) -> str:
    """Rich text without embeds and with links to the source's pages and documents unwrapped
    (their text stays): they belong to the offering institution."""
    return _INTERNAL_LINK.sub(lambda match: match["text"], _EMBED.sub("", html))


class _ImageCopier:
    """Copies the source's images into the adopting institution's collection, once each."""

    def __init__(self, collection):
        self.collection = collection
        self.copies: dict[int, object] = {}

    def __call__(self, image_id):
        if not image_id:
            return None
        if image_id not in self.copies:
            Image = get_image_model()
            original = Image.objects.filter(pk=image_id).first()
            if original is None:
                return None
            with original.open_file() as handle:
                data = handle.read()
            copy = Image(
                title=original.title,
                description=original.description,
                collection=self.collection,
                file=ContentFile(data, name=os.path.basename(original.file.name)),
            )
            copy.save()
            self.copies[image_id] = copy
        return self.copies[image_id]


def _image_value(value: dict, copier: _ImageCopier) -> dict | None:
    """A captioned image block's raw value pointing at the institution's own copy."""
    image = value.get("image")
    image_id = image.get("image") if isinstance(image, dict) else image
    copy = copier(image_id)
    if copy is None:
        return None
    own = {**image, "image": copy.pk} if isinstance(image, dict) else copy.pk
    return {**value, "image": own}


def own_body(raw: list[dict], copier: _ImageCopier) -> tuple[list[dict], int]:
    """The source body's raw stream for the copy, and how many blocks were left out."""
    stream, left_out = [], 0
    for block in raw:
        kind, value = block.get("type"), block.get("value")
        if kind == "paragraph":
            stream.append({"type": kind, "value": own_rich_text(value or "")})
        elif kind in ("heading", "quote"):
            stream.append({"type": kind, "value": value})
        elif kind == "image":
            own = _image_value(value or {}, copier)
            if own is None:
                left_out += 1
            else:
                stream.append({"type": kind, "value": own})
        elif kind == "gallery":
            items = []
            for item in (value or {}).get("images", []):
                inner = item.get("value", item) if isinstance(item, dict) else {}
                own = _image_value(inner, copier)
                if own is not None:
                    items.append({"type": "item", "value": own})
            if items:
                stream.append({"type": kind, "value": {**value, "images": items}})
            else:
                left_out += 1
        else:  # video and document blocks: the files are the region's
            left_out += 1
    return stream, left_out


def _free_slug(index: Page, slug: str) -> str:
    taken = set(index.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _draft_copy(
    source: NewsPage, index: NewsIndexPage, collection, user, item: OfferForSite, source_url: str
) -> NewsPage:
    copier = _ImageCopier(collection)
    body, left_out = own_body(list(source.body.raw_data), copier)
    share = copier(source.share_image_id)
    page = NewsPage(
        title=source.title,
        slug=_free_slug(index, source.slug or slugify(source.title) or "berita"),
        date=source.date,
        lead=source.lead,
        news_type=source.news_type,
        body=body,
        share_image=share,
        share_image_alt=source.share_image_alt if share else "",
        source_institution=item.offering_name,
        source_url=source_url,
        owner=user,
        live=False,
        **{name: getattr(source, name) for name in NewsPage.FIVE_W_ONE_H_FIELDS},
    )
    index.add_child(instance=page)
    page.tags.add(*[tag.name for tag in source.tags.all()])
    page.save_revision(user=user, log_action=True, clean=False)
    log(
        instance=page,
        action="home.adopt_article",
        user=user,
        data={"source": item.offering_name, "url": source_url},
    )
    page.left_out_blocks = left_out
    return page
