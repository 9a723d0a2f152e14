"""An editor tries to publish a news item whose photo has no alt text, in real Chromium."""

import pytest

from home.models import NewsPage
from tests.browser.support import log_in, screenshot, site_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def publish(page):
    """Press "Terbitkan" and wait until the server has answered the form's POST."""
    page.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Terbitkan").click()


def test_publishing_without_alt_text_is_refused_with_the_list_then_fixed(
    live_server, browser_page, bantul
):
    photo = bantul.image(title="IMG_2024", description="")
    news = bantul.news("Kerja bakti saluran irigasi", publish=False, share_image=photo)
    admin = bantul.user("admin", username="admin-bantul")
    log_in(browser_page, live_server, bantul, admin)

    browser_page.goto(site_url(live_server, bantul.hostname, f"/admin/pages/{news.pk}/edit/"))
    publish(browser_page)
    problems = browser_page.locator(".accessibility-problems")
    screenshot(browser_page, "accessibility-publish-refused")

    assert problems.count() == 1
    assert "IMG_2024" in problems.inner_text()
    assert not NewsPage.objects.get(pk=news.pk).live

    browser_page.locator("#id_share_image_alt").fill("Warga membersihkan saluran irigasi")
    publish(browser_page)

    assert NewsPage.objects.get(pk=news.pk).live
