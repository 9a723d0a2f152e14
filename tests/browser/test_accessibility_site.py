"""The public site in real Chromium: audio that plays, axe-core, keyboard only, 320 px reflow."""

from __future__ import annotations

import json
from urllib.request import Request, urlopen

import pytest
from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from playwright.sync_api import expect

from accessibility.tasks import generate_audio, generate_braille
from home.models import StandardPage
from tests.browser.support import DESKTOP, screenshot, site_url
from tests.social_support import document
from tests.tooling import require_library, require_tool

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serve_media(request, path):
    # Media is served by the web server in production and by DEBUG urls in development; the
    # live test server has neither, so this test's URLconf serves the test's MEDIA_ROOT.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve_media),
    path("", include("cms.urls")),
]

# An MPEG-1 Layer III header and empty frames: a file the browser's player accepts as audio.
SILENT_MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" + b"\x00" * 413

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
    interview = document(inst, "wawancara-lurah.mp3", SILENT_MP3)

    def image(img, alt):
        return {
            "image": {"image": img.pk, "alt_text": alt, "decorative": False},
            "caption": "Dokumentasi kegiatan",
            "credit": "Humas",
        }

    body = [
        {
            "type": "paragraph",
            "id": "p1",
            "value": "<p>Kerja bakti dimulai pukul 07.00 WIB dan diikuti 120 warga.</p>",
        },
        {"type": "image", "id": "i1", "value": image(photo, photo.description)},
        {"type": "heading", "id": "h1", "value": {"text": "Galeri kegiatan", "level": "h2"}},
        {
            "type": "gallery",
            "id": "g1",
            "value": {
                "title": "",
                "images": [
                    {"type": "item", "id": "g1a", "value": image(field, field.description)},
                    {"type": "item", "id": "g1b", "value": image(photo, "Warga mengangkut sampah")},
                ],
            },
        },
        {
            "type": "video",
            "id": "v1",
            "value": {
                "title": "Liputan kerja bakti",
                "file": None,
                "embed": None,
                "captions": None,
                "transcript": "Lurah membuka kegiatan dan mengajak warga menjaga kebersihan.",
            },
        },
        {
            "type": "audio",
            "id": "a1",
            "value": {
                "title": "Wawancara Lurah",
                "file": interview.pk,
                "caption": "Lurah menjelaskan jadwal kerja bakti, Sabtu pagi di balai kalurahan.",
                "transcript": "Kami mengajak seluruh warga menjaga kebersihan saluran irigasi.",
            },
        },
        {
            "type": "quote",
            "id": "q1",
            "value": {"quote": "Lingkungan bersih, warga sehat.", "attribution": "Lurah"},
        },
    ]
    news = inst.news(
        "Kerja bakti membersihkan saluran irigasi",
        lead="Warga bergotong royong membersihkan saluran irigasi menjelang musim tanam.",
        share_image=photo,
        share_image_alt=photo.description,
        body=body,
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
        if prefs
        else "window.localStorage.removeItem('a11y-prefs');"
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
        reached.add(
            page.evaluate(
                "(() => { const e = document.activeElement; e.dataset.kbd = '1';"
                " return e.outerHTML.slice(0, 80); })()"
            )
        )
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
# Text cut off instead of wrapping: a box that hides or scrolls its content sideways while the
# content is wider, or a text field narrower than its value or placeholder (a field scrolls its
# text, so scrollWidth does not show a placeholder cut to "Ca"). The Unicode braille view
# scrolls on purpose (a braille line is 40 cells and must not be re-wrapped; it is a focusable
# scroll region).
CLIPPED = """(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    const textWidth = e => {
        const s = getComputedStyle(e);
        ctx.font = s.font;
        ctx.letterSpacing = s.letterSpacing;
        return ctx.measureText(e.value || e.placeholder || '').width
            + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight);
    };
    return [...document.querySelectorAll('body *')]
        .filter(e => e.checkVisibility() && !e.matches('.a11y-braille__text, .visually-hidden'))
        .map(e => e.matches('input[type=search], input[type=text]')
            ? [e, Math.ceil(textWidth(e)), e.clientWidth]
            : (['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(e).overflowX)
               ? [e, e.scrollWidth, e.clientWidth] : [e, 0, 0]))
        .filter(([e, needed, shown]) => needed > shown + 1)
        .map(([e, needed, shown]) => 'clipped ' + e.tagName + '#' + e.id + '.' + e.className
            + ' ' + needed + '>' + shown)
        .slice(0, 5);
})()"""


ROOT_CLASSES = "[...document.documentElement.classList].filter(c => c.startsWith('a11y-')).sort()"
BODY_TEXT_SIZE = "parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"


def toolbar_state(page) -> dict:
    """What a reader gets on this page: display classes, text sizes, toolbar buttons' states."""
    page.wait_for_function("!document.querySelector('[data-a11y-toolbar]').hidden")
    return {
        "classes": page.evaluate(ROOT_CLASSES),
        "root_px": page.evaluate(ROOT_FONT_SIZE),
        "body_px": page.evaluate(BODY_TEXT_SIZE),
        "link_underline": page.evaluate(
            "getComputedStyle([...document.querySelectorAll('main a[href]')]"
            ".find(a => a.checkVisibility())).textDecorationLine"
        ),
        "pressed": page.evaluate(
            """[...document.querySelectorAll('[data-a11y-flag][aria-pressed="true"]')]
                 .map(b => b.dataset.a11yFlag).sort()"""
        ),
        "size_shown": page.locator("[data-a11y-size-value]").text_content(),
    }


def test_toolbar_settings_chosen_by_hand_stay_on_the_next_pages(live_server, browser_page, site):
    inst, news = site
    page = browser_page
    page.goto(site_url(live_server, inst.hostname, "/"))
    default = toolbar_state(page)
    assert default["classes"] == []
    assert default["root_px"] == 16

    # Mouse: open the toolbar, larger text twice; keyboard: high contrast and underlined links.
    page.get_by_role("button", name="Aksesibilitas").click()
    page.get_by_role("button", name="Perbesar teks").click()
    page.get_by_role("button", name="Perbesar teks").click()
    page.get_by_role("button", name="Kontras tinggi").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Garis bawahi tautan").focus()
    page.keyboard.press("Space")
    chosen = toolbar_state(page)
    assert chosen["classes"] == ["a11y-contrast", "a11y-underline"]
    assert chosen["root_px"] == 20  # 125 %
    assert chosen["body_px"] > default["body_px"]
    assert chosen["size_shown"] == "125%"

    # Follow the site's own links (real navigations, new documents) to the news index, then
    # to the article.
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Berita").click()
    page.wait_for_url(f"**{inst.news_index.get_url_parts()[2]}")
    on_index = toolbar_state(page)
    page.get_by_role("link", name=news.title).first.click()
    page.wait_for_url(f"**{news.get_url_parts()[2]}")
    on_article = toolbar_state(page)
    screenshot(page, "accessibility-toolbar-remembered-news")

    for state in (on_index, on_article):
        assert state["classes"] == ["a11y-contrast", "a11y-underline"]
        assert state["root_px"] == 20
        assert state["link_underline"] == "underline"
        assert state["pressed"] == ["contrast", "underline"]
        assert state["size_shown"] == "125%"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"

    # Reset is remembered too.
    page.get_by_role("button", name="Aksesibilitas").click()
    page.get_by_role("button", name="Atur ulang").click()
    page.reload()
    assert toolbar_state(page)["classes"] == []
    assert page.evaluate(ROOT_FONT_SIZE) == 16


def fetch(live_server, inst, path: str) -> bytes:
    # Chromium resolves *.localhost itself; Python asks the live server with the site's Host.
    request = Request(live_server.url + path, headers={"Host": inst.hostname})
    with urlopen(request, timeout=10) as response:
        assert response.status == 200
        return response.read()


def test_article_is_complete_without_javascript(live_server, chromium, site):
    inst, news = site
    context = chromium.new_context(viewport=DESKTOP, locale="id-ID", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url(live_server, inst.hostname, news.get_url_parts()[2]))
        assert page.locator("html").get_attribute("class") == "no-js"
        screenshot(page, "accessibility-news-no-javascript")

        assert page.get_by_role("heading", level=1).inner_text() == news.title
        assert page.get_by_text(
            "Warga bergotong royong membersihkan saluran irigasi menjelang musim tanam."
        ).is_visible()
        assert page.get_by_text(
            "Kerja bakti dimulai pukul 07.00 WIB dan diikuti 120 warga."
        ).is_visible()
        assert page.get_by_role(
            "img", name="Warga membersihkan saluran irigasi bersama"
        ).first.is_visible()

        versions = page.get_by_role("region", name="Dengarkan atau baca dalam braille")
        assert versions.locator("audio[controls]").is_visible()
        audio_link = versions.get_by_role("link", name="Unduh audio (MP3")
        assert audio_link.is_visible()
        assert audio_link.get_attribute("href").endswith(".mp3")
        braille_link = versions.get_by_role("link", name="BRF")
        assert braille_link.is_visible()
        assert braille_link.get_attribute("href").endswith(".brf")
        for link in (audio_link, braille_link):
            assert len(fetch(live_server, inst, link.get_attribute("href"))) > 0

        # The reporter's recorded interview (an audio block): its player, its narrative and
        # its transcript, which opens without a script (a native <details>).
        interview = page.locator("figure.audio")
        assert interview.get_by_text("Wawancara Lurah", exact=True).is_visible()
        assert interview.locator("audio[controls]").is_visible()
        download = interview.get_by_role("link", name="Unduh audio “Wawancara Lurah”")
        assert download.is_visible()
        assert fetch(live_server, inst, download.get_attribute("href")).startswith(b"ID3")
        assert interview.get_by_text("Lurah menjelaskan jadwal kerja bakti").is_visible()
        interview.get_by_text("Transkrip").click()
        assert interview.get_by_text("Kami mengajak seluruh warga menjaga").is_visible()

        # The Unicode braille view is a native <details>: it opens without a script.
        versions.get_by_text("Tampilkan dalam braille Unicode").click()
        braille_view = versions.get_by_label("Artikel dalam braille Unicode")
        assert braille_view.is_visible()
        assert any(0x2800 <= ord(ch) <= 0x28FF for ch in braille_view.inner_text())

        # What needs the script stays out of the way instead of showing dead controls.
        assert not page.get_by_role("button", name="Aksesibilitas").is_visible()
        assert not versions.get_by_role("button", name="1×").is_visible()
    finally:
        context.close()


# The toolbar's "listen" and "braille" shortcuts: only where they lead somewhere.


def test_shortcuts_are_hidden_on_a_page_without_an_article(live_server, browser_page, bantul):
    browser_page.goto(site_url(live_server, bantul.hostname, "/"))
    toolbar = browser_page.get_by_role("region", name="Pengaturan aksesibilitas")
    expect(toolbar.get_by_role("button", name="Aksesibilitas")).to_be_visible()

    expect(toolbar.get_by_text("Dengarkan artikel ini")).to_be_hidden()
    expect(toolbar.get_by_text("Versi braille")).to_be_hidden()


def test_shortcuts_on_an_article_download_its_audio_and_braille(
    live_server,
    browser_page,
    bantul,
    media_urls,
):
    news = build_site(bantul)
    browser_page.goto(site_url(live_server, bantul.hostname, news.get_url_parts()[2]))
    toolbar = browser_page.get_by_role("region", name="Pengaturan aksesibilitas")
    listen = toolbar.get_by_role("link", name="Dengarkan artikel ini")
    braille = toolbar.get_by_role("link", name="Versi braille")
    expect(listen).to_be_visible()
    expect(braille).to_be_visible()

    with browser_page.expect_download() as audio:
        listen.click()
    with browser_page.expect_download() as brf:
        braille.click()

    assert audio.value.suggested_filename.endswith(".mp3")
    assert brf.value.suggested_filename.endswith(".brf")
    head = audio.value.path().read_bytes()[:4]
    assert head[:3] == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    assert brf.value.path().read_text(encoding="ascii").strip()
