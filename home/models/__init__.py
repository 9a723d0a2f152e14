"""Models of the `home` app: institutions (tenants), their media and their page types."""

from .images import InstitutionImage, InstitutionRendition
from .institution import InstitutionRole, InstitutionSettings, InstitutionType
from .offers import ArticleOffer, ArticleOfferAnswer, OfferDecision
from .pages import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    NewsType,
    PortalPage,
    StandardPage,
)
from .site_list import SiteListVersion

__all__ = [
    "ArticleOffer",
    "ArticleOfferAnswer",
    "HomePage",
    "InstitutionImage",
    "InstitutionRendition",
    "InstitutionRole",
    "InstitutionSettings",
    "InstitutionType",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsType",
    "OfferDecision",
    "PortalPage",
    "SiteListVersion",
    "StandardPage",
]
