"""Models of the `home` app: institutions (tenants), their media and their page types."""

from .images import InstitutionImage, InstitutionRendition
from .institution import InstitutionRole, InstitutionSettings, InstitutionType
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
    "PortalPage",
    "SiteListVersion",
    "StandardPage",
]
