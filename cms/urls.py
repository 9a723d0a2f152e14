from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.staff import urls as staff_urls

urlpatterns = [
    # Before Wagtail's admin: the second sign-in step (home/security).
    path("admin/signin/", include("home.security.urls")),
    # Before Wagtail's admin: the public page of an e-mailed password link (home/staff).
    path("admin/password-link/", include(staff_urls.public_urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Audio and braille versions, served only while their page is live and readable.
    path("alternatif/", include("accessibility.public_urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    from home.media import serve_public_media

    urlpatterns += staticfiles_urlpatterns()
    # Media files, except documents and audio/braille versions (served by their views).
    urlpatterns += static(settings.MEDIA_URL, view=serve_public_media)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
