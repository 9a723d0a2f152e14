"""axe-core on the seven demo institutions as ``seed_demo`` builds them, toolbar off and on.

One test loops over the hosts: the demo is seeded once (about 10 s) inside the transactional
test, and each host gets one browser context, checked first without reader preferences and
then with the toolbar's settings switched on. The illustrated news page of each host gets its
audio and braille versions made synchronously, so the player and the braille link are checked.
"""

from __future__ import annotations

import io
import json
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail.models import Site

from accessibility.tasks import generate_audio, generate_braille
from home.models import NewsIndexPage, NewsPage, StandardPage
from tests.browser.support import DESKTOP, screenshot, site_url
from tests.institutions import ensure_wagtail_roots
from tests.tooling import require_library, require_tool

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOOLBAR_ON = {"size": 3, "dark": True, "underline": True, "readable": True, "motion": True}


def serve_media(request, path):
    # The live test server serves no media; the audio player needs its file to be reachable.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve_media),
    path("", include("cms.urls")),
]


def demo_pages(site: Site) -> dict[str, str]:
    """The five page types of one demo institution; the news page has images and versions."""
    index = NewsIndexPage.objects.child_of(site.root_page).get()
    news = NewsPage.objects.child_of(index).live().exclude(share_image=None).order_by("pk").first()
    generate_audio(news.pk)
    generate_braille(news.pk)
    profile = StandardPage.objects.child_of(site.root_page).live().get(slug="profil")
    word = news.title.split()[0]
    return {
        "home": "/",
        "news-index": index.get_url_parts()[2],
        "news": news.get_url_parts()[2],
        "search": f"/cari/?q={word}",
        "profile": profile.get_url_parts()[2],
    }


def violations(axe, page) -> list:
    results = axe.run(page)
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
    ]


def check_host(chromium, axe, live_server, site: Site) -> dict[str, list]:
    context = chromium.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    report: dict[str, list] = {}
    host = site.hostname.split(".")[0]
    try:
        urls = demo_pages(site)
        for mode in ("off", "on"):
            for name, url in urls.items():
                page.goto(site_url(live_server, site.hostname, url))
                if name == "news":
                    assert page.locator("audio#a11y-audio").count() == 1, host
                    assert page.get_by_role("link", name="BRF").count() == 1, host
                if mode == "on":
                    page.get_by_role("button", name="Aksesibilitas").click()
                report[f"{host}/{name}/toolbar-{mode}"] = violations(axe, page)
                if name == "news":
                    screenshot(page, f"accessibility-demo-{host}-news-toolbar-{mode}")
            prefs = json.dumps(json.dumps(TOOLBAR_ON))
            page.evaluate(f"localStorage.setItem('a11y-prefs', {prefs})")
    finally:
        context.close()
    return report


def test_every_demo_institution_passes_axe(live_server, chromium, settings):
    from axe_playwright_python.sync_playwright import Axe

    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    require_library("liblouis.so.20", "liblouis20")
    settings.ROOT_URLCONF = __name__
    started = time.monotonic()
    ensure_wagtail_roots()  # an earlier transactional test may have flushed Wagtail's roots
    call_command("seed_demo", "--allow-without-debug", stdout=io.StringIO())
    sites = Site.objects.exclude(hostname__in=["localhost", ""]).order_by("hostname")
    sites = [site for site in sites if NewsIndexPage.objects.child_of(site.root_page).exists()]
    axe = Axe()
    report: dict[str, list] = {}
    for site in sites:
        report.update(check_host(chromium, axe, live_server, site))
    print(f"axe on {len(sites)} demo institutions: {time.monotonic() - started:.1f} s")

    assert len(sites) == 7  # the five SOP institutions and the two regencies above them
    assert {key: found for key, found in report.items() if found} == {}
