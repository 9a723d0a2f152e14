"""No public page moves while it loads: Chromium's layout-shift entries on a phone viewport."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

from accessibility.models import AudioVersion, BrailleVersion
from accessibility.spoken import spoken_article
from home.models import StandardPage
from tests.browser.support import screenshot, site_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_390 = {"width": 390, "height": 844}

# Installed before any page script: sums the layout shifts not caused by the visitor.
OBSERVE_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
        if (!entry.hadRecentInput) {
            window.__shifts.push({value: entry.value, sources: (entry.sources || []).map(
                function (s) { return s.node ? (s.node.className || s.node.nodeName) : "?"; })});
        }
    });
}).observe({type: "layout-shift", buffered: true});
// A fast local page is painted only after its scripts ran; on a slow phone connection the
// browser paints while the page still loads. Registered before any page script, this listener
// runs first on DOMContentLoaded, before the toolbar's setup shows it: where <main> starts
// then must be where it starts once the page has loaded.
document.addEventListener("DOMContentLoaded", function () {
    var main = document.getElementById("konten");
    window.__mainTopBeforeScripts = main ? main.getBoundingClientRect().top + window.scrollY : null;
}, {capture: true});
"""


def serve_media(request, path):
    # The live test server serves no media; this test's URLconf serves the test's MEDIA_ROOT,
    # so the images really load (and could push the text down if they had no size).
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve_media),
    path("", include("cms.urls")),
]


@pytest.fixture
def media_urls(settings):
    settings.ROOT_URLCONF = __name__


@pytest.fixture
def public_pages(bantul, media_urls):
    photo = bantul.image("Kerja bakti", "Warga membersihkan saluran irigasi")
    field = bantul.image("Sawah", "Hamparan sawah hijau")
    body = [
        {"type": "paragraph", "value": "<p>Kerja bakti diikuti 120 warga.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": field.pk, "alt_text": "Sawah hijau", "decorative": False},
                "caption": "Sawah di tepi jalan",
                "credit": "Humas",
            },
        },
    ]
    for number in range(3):
        bantul.news(f"Kabar warga {number}", share_image=photo, share_image_alt="Warga")
    news = bantul.news(
        "Kerja bakti membersihkan saluran",
        lead="Warga bergotong royong membersihkan saluran irigasi.",
        share_image=photo,
        share_image_alt="Warga membawa cangkul",
        body=body,
    )
    text_hash = spoken_article(news).hash
    AudioVersion.objects.create(
        page=news, text_hash=text_hash, file="audio/kerja.mp3", duration_seconds=30.0
    )
    BrailleVersion.objects.create(page=news, text_hash=text_hash, file="braille/kerja.brf")
    profile = StandardPage(title="Profil kapanewon", slug="profil-tata", intro="Visi dan misi.")
    bantul.home.add_child(instance=profile)
    profile.save_revision().publish()
    return bantul, {
        "home": (bantul.hostname, "/"),
        "news-index": (bantul.hostname, bantul.news_index.get_url_parts()[2]),
        "news": (bantul.hostname, news.get_url_parts()[2]),
        "standard": (bantul.hostname, "/profil-tata/"),
        "search": (bantul.hostname, "/cari/?q=kerja"),
        "portal": ("localhost", "/"),
    }


@pytest.mark.parametrize("kind", ["home", "news-index", "news", "standard", "search", "portal"])
def test_public_page_does_not_shift_while_loading_on_a_phone(
    live_server, chromium, public_pages, kind
):
    _inst, pages = public_pages
    host, page_path = pages[kind]
    context = chromium.new_context(viewport=PHONE_390, locale="id-ID", is_mobile=True)
    try:
        page = context.new_page()
        page.add_init_script(OBSERVE_SHIFTS)
        page.goto(site_url(live_server, host, page_path), wait_until="load")
        page.wait_for_timeout(600)  # late shifts: web fonts, the toolbar's setup
        shifts = page.evaluate("window.__shifts")
        main_top = page.evaluate(
            "[window.__mainTopBeforeScripts,"
            " document.getElementById('konten').getBoundingClientRect().top + window.scrollY]"
        )
        toolbar_shown = page.evaluate(
            "!!document.querySelector('[data-a11y-toolbar]') &&"
            " !document.querySelector('[data-a11y-toolbar]').hidden"
        )
        screenshot(page, f"layout-shift-phone-{kind}")
    finally:
        context.close()

    assert sum(entry["value"] for entry in shifts) == 0, shifts
    before, after = main_top
    assert before == after  # the toolbar's place was reserved before its script ran
    if kind != "portal":  # the portal has no toolbar
        assert toolbar_shown
