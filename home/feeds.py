"""RSS feed of one institution's news."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from home.models import NewsPage
from home.models.pages import news_listing

FEED_ITEMS = 20


class NewsFeed(Feed):
    def get_object(self, request, home):
        self.request = request
        self.settings = request.institution
        return home

    def title(self, home):
        return _("News from %(institution)s") % {"institution": self.settings.official_name}

    def link(self, home):
        parts = home.get_url_parts(request=self.request)
        return self.request.build_absolute_uri(parts[2] if parts else "/")

    def description(self, home):
        return _("Latest news published by %(institution)s.") % {
            "institution": self.settings.official_name
        }

    def items(self, home):
        return news_listing(home).prefetch_related("tags")[:FEED_ITEMS]

    def item_title(self, item: NewsPage):
        return item.title

    def item_description(self, item: NewsPage):
        return item.lead

    def item_link(self, item: NewsPage):
        # On the host and port the feed was asked for: the Site's own port may say 80
        # while the site is served on :8000.
        parts = item.get_url_parts(request=self.request)
        return self.request.build_absolute_uri(parts[2]) if parts else ""

    def item_pubdate(self, item: NewsPage):
        return item.first_published_at

    def item_categories(self, item: NewsPage):
        return [tag.name for tag in item.tags.all()]
