"""The public site in real Chromium: audio that plays, axe-core, keyboard only, 320 px reflow."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

from accessibility.tasks import generate_audio, generate_braille
from accessibility.tooling import require_library, require_tool
from home.models import StandardPage
from tests.browser.conftest import screenshot, site_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serve_media(request, path):
    # Media is served by the web server in production and by DEBUG urls in development; the
    # live test server has neither, so this test's URLconf serves the test's MEDIA_ROOT.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve_media),
    path("", include("cms.urls")),
]

TOOLBAR_ON = {"size": 3, "dark": True, "underline": True, "readable": True, "motion": True}
TOOLBAR_CONTRAST = {"size": 5, "contrast": True, "grey": True, "underline": True}
# Index of the toolbar's largest text size in toolbar.js's SIZES (100 … 200 %): 200 %, what
# WCAG 1.4.4 asks text to resize to, together with 1.4.10's 320 CSS px reflow.
LARGEST_TEXT = 5


@pytest.fixture
def media_urls(settings):
    settings.ROOT_URLCONF = __name__


def build_site(inst):
    """An institution with an illustrated article (image, gallery, video, audio, braille)."""
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    require_library("liblouis.so.20", "liblouis20")
    photo = inst.image("Kerja bakti", "Warga membersihkan saluran irigasi bersama")
    field = inst.image("Sawah", "Hamparan sawah hijau di tepi jalan kalurahan")

    def image(img, alt):
        return {"image": {"image": img.pk, "alt_text": alt, "decorative": False},
                "caption": "Dokumentasi kegiatan", "credit": "Humas"}

    body = [
        {"type": "paragraph", "id": "p1", "value":
            "<p>Kerja bakti dimulai pukul 07.00 WIB dan diikuti 120 warga.</p>"},
        {"type": "image", "id": "i1", "value": image(photo, photo.description)},
        {"type": "heading", "id": "h1", "value": {"text": "Galeri kegiatan", "level": "h2"}},
        {"type": "gallery", "id": "g1", "value": {"title": "", "images": [
            {"type": "item", "id": "g1a", "value": image(field, field.description)},
            {"type": "item", "id": "g1b", "value": image(photo, "Warga mengangkut sampah")},
        ]}},
        {"type": "video", "id": "v1", "value": {
            "title": "Liputan kerja bakti", "file": None,
            "embed": None, "captions": None,
            "transcript": "Lurah membuka kegiatan dan mengajak warga menjaga kebersihan.",
        }},
        {"type": "quote", "id": "q1", "value": {"quote": "Lingkungan bersih, warga sehat.",
                                                "attribution": "Lurah"}},
    ]
    news = inst.news(
        "Kerja bakti membersihkan saluran irigasi",
        lead="Warga bergotong royong membersihkan saluran irigasi menjelang musim tanam.",
        share_image=photo, share_image_alt=photo.description, body=body,
    )
    generate_audio(news.pk)
    generate_braille(news.pk)
    profile = StandardPage(title="Profil kalurahan", slug="profil-uji", intro="Visi dan misi.")
    inst.home.add_child(instance=profile)
    profile.save_revision().publish()
    return news


@pytest.fixture
def site(bantul, media_urls):
    return bantul, build_site(bantul)


def pages(inst, news):
    return {
        "home": "/",
        "news-index": inst.news_index.get_url_parts()[2],
        "news": news.get_url_parts()[2],
        "search": "/cari/?q=kerja+bakti",
        "standard": "/profil-uji/",
    }


def set_prefs(page, prefs: dict | None) -> None:
    page.add_init_script(
        f"window.localStorage.setItem('a11y-prefs', {json.dumps(json.dumps(prefs))});"
        if prefs else "window.localStorage.removeItem('a11y-prefs');"
    )


def test_audio_version_plays_in_chromium(live_server, browser_page, site):
    inst, news = site
    browser_page.goto(site_url(live_server, inst.hostname, news.get_url_parts()[2]))

    browser_page.wait_for_function(
        "document.getElementById('a11y-audio').readyState >= 1", timeout=15000
    )
    duration = browser_page.evaluate("document.getElementById('a11y-audio').duration")
    screenshot(browser_page, "accessibility-news-audio-braille")

    assert duration > 0
    with browser_page.expect_download() as download:
        browser_page.get_by_role("link", name="BRF").click()
    assert download.value.suggested_filename.endswith(".brf")


@pytest.mark.parametrize(
    "mode", ["off", "on", "contrast"], ids=["toolbar-off", "toolbar-on", "toolbar-contrast"]
)
def test_axe_finds_no_violations(live_server, browser_page, site, mode):
    from axe_playwright_python.sync_playwright import Axe

    inst, news = site
    set_prefs(browser_page, {"on": TOOLBAR_ON, "contrast": TOOLBAR_CONTRAST}.get(mode))
    axe = Axe()
    report = {}
    for name, url in pages(inst, news).items():
        browser_page.goto(site_url(live_server, inst.hostname, url))
        if mode != "off":
            browser_page.get_by_role("button", name="Aksesibilitas").click()
        results = axe.run(browser_page)
        screenshot(browser_page, f"accessibility-axe-{mode}-{name}")
        report[name] = [
            (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
        ]

    assert report == {name: [] for name in report}


def test_every_control_is_reachable_and_operable_by_keyboard(live_server, browser_page, site):
    inst, news = site
    page = browser_page
    page.goto(site_url(live_server, inst.hostname, news.get_url_parts()[2]))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # opens the toolbar
    assert page.get_by_role("button", name="Kontras tinggi").is_visible()

    reached = set()
    for _ in range(120):
        page.keyboard.press("Tab")
        reached.add(page.evaluate(
            "(() => { const e = document.activeElement; e.dataset.kbd = '1';"
            " return e.outerHTML.slice(0, 80); })()"
        ))
    page.get_by_role("button", name="Kontras tinggi").focus()
    page.keyboard.press("Space")
    screenshot(page, "accessibility-keyboard-contrast")

    unreachable = page.evaluate(
        """[...document.querySelectorAll(
             'a[href], button, input, summary, audio[controls], [tabindex="0"]'
           )].filter(e => e.checkVisibility() && !e.dataset.kbd)
             .map(e => e.outerHTML.slice(0, 80))"""
    )
    assert unreachable == []
    assert "a11y-contrast" in page.evaluate("document.documentElement.className")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"


def test_pages_reflow_at_320_px_with_large_text(live_server, browser_page, site):
    inst, news = site
    browser_page.set_viewport_size({"width": 320, "height": 640})
    set_prefs(browser_page, {"size": LARGEST_TEXT, "readable": True})
    overflow = {}
    for name, url in pages(inst, news).items():
        browser_page.goto(site_url(live_server, inst.hostname, url))
        browser_page.get_by_role("button", name="Aksesibilitas").click()
        assert browser_page.locator("[data-a11y-size-value]").inner_text() == "200%"
        assert browser_page.evaluate(ROOT_FONT_SIZE) == 32  # 200 % of the browser's 16 px
        screenshot(browser_page, f"accessibility-reflow-320-{name}")
        overflow[name] = browser_page.evaluate(WIDER_THAN_VIEWPORT) + browser_page.evaluate(CLIPPED)

    assert overflow == {name: [] for name in overflow}


ROOT_FONT_SIZE = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
WIDER_THAN_VIEWPORT = """[...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map(e => e.tagName + '.' + e.className + ' right=' + e.getBoundingClientRect().right)
    .slice(0, 5)"""
# Text cut off inside a box instead of wrapping: an element that hides or scrolls its overflow
# sideways while its content is wider. The Unicode braille view scrolls on purpose (a braille
# line is 40 cells and must not be re-wrapped); it is a focusable scroll region.
CLIPPED = """[...document.querySelectorAll('body *')]
    .filter(e => e.checkVisibility() && !e.matches('.a11y-braille__text, .visually-hidden')
        && e.scrollWidth > e.clientWidth + 1
        && ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(e).overflowX))
    .map(e => 'clipped ' + e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)
    .slice(0, 5)"""
