"""The Panewu, on a phone and a desktop, sees what the SOP asks at the step: at the top of the
editor and in the action window opened from the editor's action menu."""

import pytest

from tests.browser.support import DESKTOP, log_in, screenshot, site_url
from tests.sop_helpers import as_user, create_with_sop, draft, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE_390 = {"width": 390, "height": 844}
REQUIREMENTS = "Materi berita, foto dan video yang sudah terpilih"


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE_390), ("desktop", DESKTOP)])
def test_the_panewu_reads_the_steps_brief_in_the_editor_and_the_action_window(
    live_server, chromium, client, name, viewport
):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul, title="Kerja bakti Padukuhan Karang membersihkan saluran irigasi")
    submit(as_user(client, bantul.user("pengelola_website")), page)

    context = chromium.new_context(viewport=viewport, locale="id-ID")
    tab = context.new_page()
    log_in(tab, live_server, bantul, bantul.user("panewu"))
    tab.goto(site_url(live_server, bantul.hostname, f"/admin/pages/{page.pk}/edit/"))

    brief = tab.get_by_text("Yang diminta SOP pada langkah ini:")
    assert brief.is_visible()
    assert tab.get_by_text(f"Kelengkapan: {REQUIREMENTS}", exact=False).is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    screenshot(tab, f"sop-step-brief-1-editor-{name}")

    # "Minta perubahan" opens the action window (approving without a comment acts at once).
    tab.locator("footer .w-dropdown__toggle").first.click()
    tab.locator('footer button[data-workflow-action-name="reject"]').first.click()
    window = tab.locator(".modal-content")
    window.get_by_text(REQUIREMENTS).wait_for()
    assert window.get_by_text("Kelengkapan", exact=True).is_visible()
    assert window.get_by_text(REQUIREMENTS).is_visible()
    assert window.get_by_text("waktu kerja", exact=False).is_visible()
    screenshot(tab, f"sop-step-brief-2-action-window-{name}")
    context.close()
