"""Page types of an institution's website."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

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


def public_pages_q() -> Q:
    """Pages with no view restriction on themselves or an ancestor, as a subquery.

    Wagtail's ``PageQuerySet.public()`` first reads every restriction of the deployment (one
    query more, growing with the institutions); this asks the same in the listing's own query.
    """
    restricted = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return ~Exists(restricted)


def unrestricted_q() -> Q:
    """Pages with no view restriction of their own: :func:`public_pages_q` for pages whose
    ancestors are known to be public (a cheaper subquery to build and to run)."""
    return ~Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))


def subtree_q(root_path: str, *, inclusive: bool = False) -> Q:
    """Pages below the tree path ``root_path`` as an index range (treebeard's paths use the
    characters 0-9A-Z). ``path LIKE 'x%'`` (Wagtail's ``descendant_of``) cannot use the index
    on SQLite, so it reads the whole page table, which grows with the institutions."""
    upper = root_path + "Z" * (255 - len(root_path))
    return (
        Q(path__gte=root_path, path__lte=upper)
        if inclusive
        else Q(path__gt=root_path, path__lte=upper)
    )


#: The columns a news card (``home/includes/news_card.html``) shows or links with: a card reads
#: 26 of the ~80 columns of a news page and its image, and building and reading the rest
#: costs more than the query itself.
CARD_FIELDS = (
    *("id", "title", "slug", "url_path", "path", "depth", "live", "locale_id", "content_type_id"),
    *("alias_of_id", "first_published_at", "date", "news_type", "lead", "share_image_alt"),
    *(
        f"share_image__{name}"
        for name in (
            "title",
            "description",
            "file",
            "file_hash",
            "width",
            "height",
            "collection_id",
        )
    ),
    *(f"share_image__focal_point_{name}" for name in ("x", "y", "width", "height")),
)


def news_listing(
    root: Page, *, renditions: bool = True, cards: bool = False, public_root: bool = False
) -> PageQuerySet:
    """Live news under ``root``, newest first, with what a listing card needs prefetched.

    ``renditions=False`` leaves the renditions to the caller (one prefetch for every image of
    the page, see :func:`prefetch_renditions`); ``cards=True`` reads only :data:`CARD_FIELDS`;
    ``public_root=True``: ``root`` and its ancestors are known to have no view restriction, so
    only the news items' own restrictions are asked.
    """
    public = unrestricted_q() if public_root else public_pages_q()
    listing = (
        NewsPage.objects.live()
        .filter(public, subtree_q(root.path), depth__gt=root.depth)
        .select_related("share_image")
        .order_by("-date", "-first_published_at", "-pk")
    )
    if cards:
        listing = listing.only(*CARD_FIELDS)
    return listing.prefetch_related("share_image__renditions") if renditions else listing


def images_in(value: object) -> Iterator[AbstractImage]:
    """Every image inside a StreamField value (image blocks, galleries, nested structures)."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, dict):  # StructValue
        for item in value.values():
            yield from images_in(item)
    elif isinstance(value, (str, bytes)):
        return
    elif hasattr(value, "block_type") and hasattr(value, "value"):  # StreamChild
        yield from images_in(value.value)
    elif isinstance(value, Iterable):  # StreamValue, ListValue
        for item in value:
            yield from images_in(item)


def prefetch_renditions(images: Iterable[AbstractImage | None]) -> None:
    """Load the renditions of all ``images`` in one query (Wagtail's ``get_rendition`` then
    finds them without asking the database or the cache).

    The same image may appear twice (a body image that is also a related card's share image),
    as two instances with their own ``contextual_alt_text``: each gets its own copies of the
    renditions, bound to it, because a rendition's ``alt`` is read from its ``image``.
    """
    import copy

    from django.db.models import prefetch_related_objects

    groups: dict[int, dict[int, AbstractImage]] = {}
    for image in images:
        if image is not None and image.pk:
            groups.setdefault(image.pk, {})[id(image)] = image
    if not groups:
        return
    firsts = [next(iter(group.values())) for group in groups.values()]
    prefetch_related_objects(firsts, "renditions")
    for first, group in zip(firsts, groups.values(), strict=True):
        loaded = list(first.renditions.all())
        for image in group.values():
            own = []
            for rendition in loaded:
                bound = copy.copy(rendition)
                bound.image = image
                own.append(bound)
            queryset = image.renditions.all()
            queryset._result_cache = own
            queryset._prefetch_done = True
            cache = getattr(image, "_prefetched_objects_cache", {})
            image._prefetched_objects_cache = {**cache, "renditions": queryset}


# ---------------------------------------------------------------------------------------------
# Flat URLs and one tree query per request
# ---------------------------------------------------------------------------------------------


def local_page_path(page: Page, site: Site | None) -> str | None:
    """``page``'s path on ``site`` (``/berita/kabar/``), without reading every site's root.

    ``None`` when the page is not under the site's root, or when Wagtail's own code must
    decide (internationalised URLs, a site root below depth 2 that may contain other sites):
    then Wagtail's ``get_url_parts`` is used, for cross-site links too. Institution roots are
    siblings at depth 2 (:mod:`home.provisioning`), so no other site is nested in one.
    """
    if site is None or getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    root = site.root_page
    if root.depth != 2 or not page.url_path or not page.url_path.startswith(root.url_path):
        return None
    try:
        path = reverse("wagtail_serve", args=(page.url_path[len(root.url_path) :],))
    except NoReverseMatch:
        return None
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
        path = path.rstrip("/")
    return path


def current_site(request: HttpRequest | None) -> Site | None:
    """The request's site (Wagtail caches it on the request), or None without a real request."""
    return Site.find_for_request(request) if isinstance(request, HttpRequest) else None


@dataclass
class SiteTree:
    """The pages every page of a site shows, read in one query per request: the tree root,
    the site's home page, the home page's main-menu children and the routed page's trail,
    each annotated with whether it carries a view restriction."""

    home: Page
    rows: list[Page] = field(default_factory=list)

    @property
    def menu(self) -> list[Page]:
        """Live children of the home page shown in menus, in tree order."""
        return [
            row
            for row in self.rows
            if row.depth == self.home.depth + 1
            and row.path.startswith(self.home.path)
            and row.live
            and row.show_in_menus
        ]

    def ancestors(self, page: Page) -> list[Page] | None:
        """``page``'s ancestors from the tree root down, or None if the tree lacks one."""
        found = {row.path: row for row in self.rows}
        found[self.home.path] = found.get(self.home.path, self.home)
        steplen = Page.steplen
        paths = [page.path[:end] for end in range(steplen, len(page.path), steplen)]
        if not all(path in found for path in paths):
            return None
        return [found[path] for path in paths]

    def breadcrumbs(self, page: Page) -> list[Page]:
        """The trail shown above a page: from the home page down to its parent."""
        ancestors = self.ancestors(page)
        if ancestors is None:
            ancestors = list(page.get_ancestors())
        return [ancestor for ancestor in ancestors if ancestor.depth >= self.home.depth]


#: The columns the site's menu, breadcrumbs and routing read of each row of the tree.
TREE_FIELDS = (
    *("id", "path", "depth", "title", "slug", "url_path", "live", "show_in_menus"),
    *("content_type_id", "locale_id", "alias_of_id", "seo_title"),
)


def load_site_tree(request: HttpRequest | None, home: Page, path_components=()) -> SiteTree:
    """Read (once per request, cached on it) the :class:`SiteTree` of ``home`` with the trail of
    ``path_components`` below it."""
    cached = getattr(request, "_home_site_tree", None)
    if cached is not None and cached.home.pk == home.pk and not path_components:
        return cached
    steplen = Page.steplen
    upper = [home.path[:end] for end in range(steplen, len(home.path) + 1, steplen)]
    trail = [
        home.url_path + "".join(f"{slug}/" for slug in path_components[:count])
        for count in range(1, len(path_components) + 1)
    ]
    menu = subtree_q(home.path) & Q(depth=home.depth + 1, live=True, show_in_menus=True)
    condition = Q(path__in=upper) | menu
    if trail:
        condition |= subtree_q(home.path) & Q(url_path__in=trail)
    rows = list(
        Page.objects.filter(condition)
        .only(*TREE_FIELDS)
        .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
        .order_by("path")
    )
    tree = SiteTree(home=home, rows=rows)
    if request is not None:
        request._home_site_tree = tree
    return tree


def site_tree_for(request: HttpRequest | None, page: Page | None) -> SiteTree | None:
    """The request's :class:`SiteTree` if it covers ``page`` (else one read for the page's own
    institution, e.g. in a preview served on another host)."""
    cached = getattr(request, "_home_site_tree", None)
    if page is None:
        return cached
    if cached is not None and page.path.startswith(cached.home.path):
        return cached
    home_path = page.path[: Page.steplen * 2]
    home = Page.objects.filter(path=home_path).first()
    if home is None:
        return None
    return load_site_tree(None, home)


DESCRIPTION_LENGTH = 160


def page_description(page: Page | None, institution=None) -> str:
    """The ``<meta name="description">`` of a page: its search description, else its lead or
    introduction, else a sentence from the institution's profile."""
    from django.utils.html import strip_tags
    from django.utils.text import Truncator
    from django.utils.translation import gettext

    for text in (
        getattr(page, "search_description", ""),
        getattr(page, "lead", ""),
        strip_tags(str(getattr(page, "intro", "") or "")),
    ):
        if text and text.strip():
            return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)
    if institution is not None:
        if institution.parent_region:
            return gettext("Official website of %(name)s, %(region)s.") % {
                "name": institution.official_name,
                "region": institution.parent_region,
            }
        return gettext("Official website of %(name)s.") % {"name": institution.official_name}
    return gettext("Directory of the websites of Indonesian local-government institutions.")


class SiteLocalUrlMixin:
    """Page URLs within the request's site built from that site's root alone.

    Wagtail's ``get_url_parts`` / ``get_url`` scan the root path of every site for every
    link (``Site.get_site_root_paths()``), so rendering grows with the institutions; a page
    under the current site's root needs only that root. Cross-site links, and calls without a
    request, keep Wagtail's behaviour.
    """

    def get_url_parts(self, request=None):
        site = current_site(request)
        path = local_page_path(self, site)
        if path is not None:
            return (site.id, site.root_url, path)
        return super().get_url_parts(request=request)

    def get_url(self, request=None, current_site=None):  # noqa: D102 - Wagtail's signature
        site = current_site or globals()["current_site"](request)
        path = local_page_path(self, site)
        if path is not None:
            return path
        return super().get_url(request=request, current_site=current_site)

    def get_sitemap_urls(self, request=None):
        """Sitemap entries on the host and port the sitemap was asked on (the Site's own port
        may say 80 while the site is served on :8000)."""
        entries = super().get_sitemap_urls(request)
        path = local_page_path(self, current_site(request))
        if path is not None:
            location = f"{request.scheme}://{request.get_host()}{path}"
            for entry in entries:
                entry["location"] = location
        return entries

    def get_view_restrictions(self):
        """Wagtail's answer, from the rows the request's tree query already read when it
        carries the page's whole trail (no query when nothing is restricted)."""
        trail = getattr(self, "_site_tree_trail", None)
        if trail is None or any(row.alias_of_id for row in trail) or self.alias_of_id:
            return super().get_view_restrictions()
        restricted = [row.pk for row in trail if row.restricted]
        if not restricted:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted)


def route_through_tree(tree: SiteTree, path_components: list[str]):
    """Route ``path_components`` below the tree's home page with the request's one tree query
    plus the routed page's own row, instead of two queries per level. ``None`` when a page on
    the way routes on its own (then Wagtail's ``route`` walks the levels)."""
    home = tree.home
    by_url = {row.url_path: row for row in tree.rows}
    levels = []
    url_path = home.url_path
    for slug in path_components:
        url_path += f"{slug}/"
        row = by_url.get(url_path)
        if row is None or not row.path.startswith(home.path):
            raise Http404
        levels.append(row)
    target = levels[-1]
    if any(row.specific_class.route is not Page.route for row in levels if row.specific_class):
        return None
    model = target.specific_class
    if model is None:
        raise Http404
    queryset = model._default_manager.all()
    if related := getattr(model, "route_select_related", ()):
        queryset = queryset.select_related(*related)
    page = queryset.get(pk=target.pk)
    if not page.live:
        raise Http404
    ancestors = tree.ancestors(page)
    if ancestors is not None:
        page._site_tree_trail = [*ancestors, target]
        if ancestors:
            page._cached_parent_obj = ancestors[-1]
    return RouteResult(page)


class PortalPage(SiteLocalUrlMixin, Page):
    """The operator's directory of institutions, served on the deployment's default host."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("portal page")

    def get_context(self, request, *args, **kwargs):
        from home.portal import directory_page

        context = super().get_context(request, *args, **kwargs)
        context["directory"] = directory_page(request)
        return context

    def serve(self, request, *args, **kwargs):
        """The directory; a search (``?q=``) is never cached, as the institutions' search: one
        proxy entry per query would fill the cache and never be purged."""
        from django.utils.cache import add_never_cache_headers

        response = super().serve(request, *args, **kwargs)
        if request.GET.get("q", "").strip():
            add_never_cache_headers(response)
        return response


class HomePage(SiteLocalUrlMixin, RoutablePageMixin, TenantContentMixin, Page):
    """The root page of one institution's website."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.NewsIndexPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("institution home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = news_listing(self, cards=True)[:HOME_LATEST_NEWS]
        context["news_index"] = (  # by index range: child_of's LIKE reads every page
            NewsIndexPage.objects.live()
            .filter(subtree_q(self.path), depth=self.depth + 1)
            .order_by("path")
            .first()
        )
        return context

    def route(self, request, path_components):
        """Wagtail's routing (own views first, then the pages below), reading the site's tree
        once for the whole request (:func:`load_site_tree`)."""
        tree = load_site_tree(request, self, path_components)
        if path_components and not self._has_own_route(path_components):
            result = route_through_tree(tree, path_components)
            if result is not None:
                return result
        result = super().route(request, path_components)
        if result.page is self:
            own = next((row for row in tree.rows if row.pk == self.pk), None)
            ancestors = tree.ancestors(self)
            if own is not None and ancestors is not None:
                self._site_tree_trail = [*ancestors, own]
        return result

    def _has_own_route(self, path_components: list[str]) -> bool:
        if not self.live:
            return False
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True

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


class NewsIndexPage(SiteLocalUrlMixin, TenantContentMixin, Page):
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
        paginator = Paginator(news_listing(self, cards=True), NEWS_PER_PAGE)
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


class NewsPage(SiteLocalUrlMixin, TenantContentMixin, Page):
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
    # Set when the article is adopted from a region's offer (home.regional): shown as
    # "Sumber: …" on the public page.
    source_institution = models.CharField(
        _("source institution"),
        max_length=255,
        blank=True,
        help_text=_("The institution this article was adopted from, named on the page."),
    )
    source_url = models.URLField(
        _("source link"),
        max_length=500,
        blank=True,
        help_text=_("The address of the original article."),
    )

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
        MultiFieldPanel(
            [FieldPanel("source_institution"), FieldPanel("source_url")],
            heading=_("Source"),
            classname="collapsed",
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
    #: Read with the article's own row when it is routed (``route_through_tree``): its share
    #: image and its audio and braille versions (``{% article_versions %}``), no query more.
    route_select_related = ("share_image", "audio_version", "braille_version")

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

    def related_news(self, tags: list | None = None) -> list[NewsPage]:
        """Up to three other live news of the same index sharing a tag, else the latest ones.

        Works on a preview or draft too: the tags are read through the cluster relation
        (``tags.all()``), which holds unsaved tags of the editor's form in memory.
        """
        if tags is None:
            tags = list(self.tags.all())
        tag_ids = [tag.pk for tag in tags if tag.pk]
        parent = self.get_parent()
        if parent is None:
            return []
        # Routed through the site's tree, the article carries its trail of rows, each saying
        # whether it is restricted: when none above it is, the index is public.
        trail = getattr(self, "_site_tree_trail", None)
        public_index = trail is not None and not any(row.restricted for row in trail[:-1])
        siblings = news_listing(parent, renditions=False, cards=True, public_root=public_index)
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        if tag_ids:
            tagged = siblings.filter(tags__in=tag_ids).distinct()
            related = list(tagged[:RELATED_NEWS])
            if related:
                return related
        return list(siblings[:RELATED_NEWS])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags = list(self.tags.all())
        related = self.related_news(tags)
        context["page_tags"] = tags
        context["related_news"] = related
        # One query for the renditions of every image the article shows.
        prefetch_renditions(
            [self.share_image, *images_in(self.body), *(item.share_image for item in related)]
        )
        return context


class StandardPage(SiteLocalUrlMixin, TenantContentMixin, Page):
    """A profile page: vision and mission, structure, services, contact…"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
