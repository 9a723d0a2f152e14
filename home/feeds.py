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
        return home.get_url(request=self.request)

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
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item: NewsPage):
        return item.first_published_at

    def item_categories(self, item: NewsPage):
        return [tag.name for tag in item.tags.all()]
