"""The Bunder SOP in real Chromium: two approval levels and the platform choice, through the
Indonesian admin, with a screenshot of each step."""

import pytest

from sop_workflow.models import PlatformChoice
from tests.browser.support import DESKTOP, log_in, screenshot, site_url
from tests.sop_helpers import create_with_sop, current_task, draft, latest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def open_as(chromium, live_server):
    """``open_as(user, page)``: a fresh browser context, logged in, on the page's editor."""
    contexts = []

    def open_editor(inst, user, page):
        context = chromium.new_context(viewport=DESKTOP, locale="id-ID")
        contexts.append(context)
        tab = context.new_page()
        log_in(tab, live_server, inst, user)
        tab.goto(site_url(live_server, inst.hostname, f"/admin/pages/{page.pk}/edit/"))
        return tab

    yield open_editor
    for context in contexts:
        context.close()


def footer_action(tab, selector: str):
    """Open the editor footer's action menu and press one of its buttons."""
    tab.locator("footer .w-dropdown__toggle").first.click()
    tab.locator(f"footer {selector}").first.click()


def approve(tab, name: str):
    with tab.expect_navigation():
        footer_action(tab, 'button[data-workflow-action-name="approve"]')
    screenshot(tab, name)


def test_bunder_item_goes_through_two_approvals_and_a_platform_choice(open_as):
    bunder = create_with_sop("kalurahan_bunder")
    admin, seksi, ketua = (bunder.user(key) for key in ("admin_medsos", "seksi", "ketua_ppid"))
    page = draft(bunder, title="Musyawarah Kalurahan Bunder 2025")

    tab = open_as(bunder, admin, page)
    screenshot(tab, "sop-bunder-1-draft")
    with tab.expect_navigation():
        footer_action(tab, 'button[name="action-submit"]')
    assert current_task(page).step_number == 4

    approve(open_as(bunder, seksi, page), "sop-bunder-2-seksi-approved")
    assert current_task(page).step_number == 6
    approve(open_as(bunder, ketua, page), "sop-bunder-3-ketua-approved")
    assert current_task(page).step_number == 7

    tab = open_as(bunder, seksi, page)
    footer_action(tab, 'button[data-workflow-action-name="approve"]')
    modal = tab.locator(".modal-content")
    modal.get_by_label("Instagram").check()
    modal.get_by_label("Website").check()
    screenshot(tab, "sop-bunder-4-platform-choice")
    with tab.expect_navigation():
        modal.locator('button[type="submit"]').click()
    assert current_task(page).step_number == 9

    approve(open_as(bunder, admin, page), "sop-bunder-5-published")
    assert latest(page).live
    assert sorted(PlatformChoice.channels_for(page)) == ["instagram", "website"]
