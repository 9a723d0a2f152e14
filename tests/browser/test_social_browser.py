"""An institution admin connects Facebook through the OAuth screens, an editor writes the
message with the live counter, and the page's "Media sosial" status shows the post's link."""

from __future__ import annotations

import re

import pytest

from social_publish.models import Channel, Syndication
from tests.browser.support import log_in, screenshot, site_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("social_env"),
]


def test_connect_facebook_compose_and_see_the_permalink(
    live_server, browser_page, bunder, fake_graph, monkeypatch
):
    admin = bunder.user("admin", username="admin-bunder")
    log_in(browser_page, live_server, bunder, admin)

    browser_page.goto(site_url(live_server, bunder.hostname, "/admin/social/channels/"))
    browser_page.get_by_role("link", name="Hubungkan Halaman Facebook").click()
    # consent screen → our callback → the list (Facebook appends "#_=_" on the way back)
    browser_page.wait_for_url(re.compile(r"/admin/social/channels/(#_=_)?$"))
    screenshot(browser_page, "social-channel-connected")
    channel = Channel.objects.get(site=bunder.site, kind="facebook")
    assert channel.account_id == fake_graph.page_id
    assert browser_page.get_by_text("Terhubung:").first.is_visible()

    page = bunder.news("Pasar murah di balai kalurahan", publish=False)
    browser_page.goto(site_url(live_server, bunder.hostname, f"/admin/social/messages/{page.pk}/"))
    field = browser_page.get_by_label(f"Pesan di {channel}")
    field.fill(f"Pasar murah Sabtu ini. {page.get_full_url()}")
    counter = browser_page.locator(f"#social-counter-{channel.pk}")
    expected = f"{len(field.input_value())} dari 63206 karakter"
    browser_page.wait_for_function(
        "([el, text]) => el.textContent === text", arg=[counter.element_handle(), expected]
    )
    assert counter.get_attribute("aria-live") == "polite"
    screenshot(browser_page, "social-message-composer")
    with browser_page.expect_navigation(url=f"**/admin/social/messages/{page.pk}/"):
        browser_page.get_by_role("button", name="Simpan pesan").click()

    monkeypatch.setenv("SOCIAL_SYNC", "1")  # the job runs inline when the page goes live
    page.save_revision().publish()
    browser_page.goto(
        site_url(live_server, bunder.hostname, f"/admin/social/syndications/page/{page.pk}/")
    )
    row = Syndication.objects.get(page_id=page.pk)
    screenshot(browser_page, "social-page-status")
    assert row.state == "sent"
    assert fake_graph.posts[0]["message"].startswith("Pasar murah Sabtu")
    assert browser_page.get_by_role("link", name=row.permalink).is_visible()
