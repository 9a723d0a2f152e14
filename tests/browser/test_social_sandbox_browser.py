"""On a phone, a member of the institution opens a rehearsal post's permalink: the feed shows
the post, labelled as a rehearsal, without sideways scrolling."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from social_publish.connect import connect_sandbox
from social_publish.models import SandboxPost
from tests.browser.support import PHONE, log_in, screenshot, site_url
from tests.social_support import run_jobs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABEL = "Uji coba — tidak dikirim ke platform mana pun"


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(viewport=PHONE, locale="id-ID", is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_a_member_opens_a_rehearsal_post_on_a_phone(live_server, phone_page, bunder):
    connect_sandbox(bunder.site)
    page = bunder.news("Pasar murah di balai kalurahan Bunder")
    (row,) = run_jobs(page)
    post = SandboxPost.objects.get()
    log_in(phone_page, live_server, bunder, bunder.user("penulis"))

    phone_page.goto(site_url(live_server, bunder.hostname, urlsplit(row.permalink).path))

    phone_page.wait_for_url(f"**/admin/social/sandbox/?p=1#{post.anchor}")
    article = phone_page.locator(f"#{post.anchor}")
    assert article.is_visible()
    assert article.get_by_role("heading", name=page.title).is_visible()
    assert article.get_by_text(LABEL).is_visible()
    assert article.get_by_text(page.get_full_url()).first.is_visible()  # the message's link
    assert phone_page.evaluate("document.querySelector(':target').id") == post.anchor
    box = article.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    screenshot(phone_page, "social-sandbox-feed-phone")
