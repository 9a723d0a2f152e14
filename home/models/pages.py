"""Page types of an institution's website."""

from __future__ import annotations

import math

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.tenancy_content import TenantContentMixin

NEWS_PER_PAGE = 10
HOME_LATEST_NEWS = 6
RELATED_NEWS = 3
LISTING_IMAGE_SPEC = "fill-480x270"


class NewsType(models.TextChoices):
    ACTIVITY = "kegiatan", _("Activity news")
    ANNOUNCEMENT = "pengumuman", _("Announcement")
    PRESS_RELEASE = "siaran_pers", _("Press release")
    ARTICLE = "artikel", _("Article")
    AGENDA = "agenda", _("Agenda")
    PUBLIC_INFORMATION = "informasi_publik", _("Public information")


def news_listing(root: Page):
    """Live news under ``root``, newest first, with what a listing card needs prefetched."""
    return (
        NewsPage.objects.live()
        .public()
        .descendant_of(root)
        .select_related("share_image")
        .prefetch_related("share_image__renditions")
        .order_by("-date", "-first_published_at", "-pk")
    )


class PortalPage(Page):
    """The operator's directory of institutions, served on the deployment's default host."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("portal page")

    def get_context(self, request, *args, **kwargs):
        from wagtail.models import Site

        context = super().get_context(request, *args, **kwargs)
        port = request.get_port()
        suffix = "" if port in ("80", "443") else f":{port}"
        sites = Site.objects.filter(root_page__depth=2, institution_roles__isnull=False)
        context["institutions"] = [
            (site.site_name or site.hostname, f"{request.scheme}://{site.hostname}{suffix}/")
            for site in sites.distinct().order_by("site_name", "hostname")
        ]
        return context


class HomePage(RoutablePageMixin, TenantContentMixin, Page):
    """The root page of one institution's website."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.NewsIndexPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("institution home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = news_listing(self)[:HOME_LATEST_NEWS]
        context["news_index"] = NewsIndexPage.objects.live().child_of(self).first()
        return context

    def get_cached_paths(self) -> list[str]:
        """The home page and its RSS feed (both list the latest news); search is never cached."""
        return ["/", "/feed/"]

    @path("cari/", name="search")
    def search(self, request):
        from django.utils.cache import add_never_cache_headers

        from home.views import search_view

        # One entry per query would fill the proxy cache and never be purged: never cached.
        response = search_view(request, self)
        add_never_cache_headers(response)
        return response

    @path("feed/", name="feed")
    def feed(self, request):
        from home.feeds import NewsFeed

        return NewsFeed()(request, home=self)


class NewsIndexPage(TenantContentMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_cached_paths(self) -> list[str]:
        """The index and each pagination page, plus one more: after an unpublish the old last
        page's URL must not keep its copy."""
        count = news_listing(self).count()
        pages = max(1, math.ceil((count + 1) / NEWS_PER_PAGE))
        return ["/", *(f"/?halaman={number}" for number in range(1, pages + 1))]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(news_listing(self), NEWS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("halaman", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context["news_page"] = page_obj
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(TenantContentMixin, Page):
    """A news item, written to the SOP's 5W+1H coverage standard."""

    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.TextField(
        _("lead"), max_length=400, help_text=_("One or two sentences shown in lists and shares.")
    )
    news_type = models.CharField(
        _("news type"), max_length=30, choices=NewsType.choices, default=NewsType.ACTIVITY
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    share_image = models.ForeignKey(
        "home.InstitutionImage",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on social media and in news lists."),
    )
    share_image_alt = models.CharField(
        _("share image alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describe the image for blind readers, in Indonesian."),
    )
    # 5W+1H coverage narrative (Kapanewon Bantul SOP step 1).
    what = models.TextField(_("what (apa)"), blank=True)
    who = models.TextField(_("who (siapa)"), blank=True)
    when = models.TextField(_("when (kapan)"), blank=True)
    where = models.TextField(_("where (di mana)"), blank=True)
    why = models.TextField(_("why (mengapa)"), blank=True)
    how = models.TextField(_("how (bagaimana)"), blank=True)

    FIVE_W_ONE_H_FIELDS = ("what", "who", "when", "where", "why", "how")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("news_type"), FieldPanel("tags")],
            heading=_("News details"),
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("share_image"), FieldPanel("share_image_alt")],
            heading=_("Share image"),
        ),
    ]
    coverage_panels = [
        MultiFieldPanel(
            [FieldPanel(name) for name in FIVE_W_ONE_H_FIELDS],
            heading=_("5W+1H coverage narrative"),
            help_text=_("What, who, when, where, why and how of the activity covered."),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(coverage_panels, heading=_("5W+1H")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("news_type"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    @property
    def missing_five_w_one_h(self) -> list[str]:
        return [name for name in self.FIVE_W_ONE_H_FIELDS if not getattr(self, name).strip()]

    def clean(self) -> None:
        super().clean()
        if self.share_image and not self.share_image_alt.strip():
            self.share_image_alt = self.share_image.default_alt_text

    def related_news(self):
        tag_ids = list(self.tags.values_list("pk", flat=True))
        siblings = news_listing(self.get_parent()).exclude(pk=self.pk)
        if tag_ids:
            tagged = siblings.filter(tags__in=tag_ids).distinct()
            related = list(tagged[:RELATED_NEWS])
            if related:
                return related
        return list(siblings[:RELATED_NEWS])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_news"] = self.related_news()
        return context


class StandardPage(TenantContentMixin, Page):
    """A profile page: vision and mission, structure, services, contact…"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
