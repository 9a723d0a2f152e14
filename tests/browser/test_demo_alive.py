"""The demo is alive on first start (issue 13): on a phone, one approver of each institution finds
a task waiting with its time left on the dashboard, and a leadership user finds a compliance
report with figures and its monthly trend chart.

The demo is seeded once inside the transactional test, as ``make run`` does; screenshots are
kept under ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from tests.browser.support import log_in, screenshot, site_url
from tests.institutions import Institution, ensure_wagtail_roots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PASSWORD = "demo-sop-2026"
# One approver per institution, and what the dashboard says about the task waiting for them.
# Jenawi's SOP sets no times yet (tentative), so its task has no deadline to count down.
APPROVERS = {
    "bantul": ("panewu", r"Sisa \d+ menit waktu kerja"),
    "bunder": ("ketua_ppid", r"Sisa \d+ menit waktu kerja"),
    "dpmk": ("sekdin", r"Sisa \d+ menit waktu kerja"),
    "jenawi": ("ppid_pelaksana", r"Tanpa batas waktu \(tentatif\)"),
    "ketapang": ("redaktur", r"Sisa \d+ menit waktu kerja"),
}
OTHER_NAMES = ("Kalurahan Bunder", "DPMK", "Jenawi", "Ketapang")


@pytest.fixture
def phone(chromium):
    """A fresh phone-sized browser context per login."""
    contexts = []

    def open_tab():
        context = chromium.new_context(viewport=PHONE, locale="id-ID")
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def test_demo_shows_waiting_tasks_and_a_compliance_report_on_first_start(live_server, phone):
    ensure_wagtail_roots()  # an earlier transactional test may have flushed Wagtail's roots
    call_command("seed_demo", "--allow-without-debug", stdout=io.StringIO())
    users = get_user_model().objects

    for key, (role, standing) in APPROVERS.items():
        institution = Institution(Site.objects.get(hostname=f"{key}.localhost"))
        tab = phone()
        log_in(tab, live_server, institution, users.get(username=f"{key}.{role}"), PASSWORD)
        panel = tab.locator("#sop-tasks")
        panel.scroll_into_view_if_needed()
        rows = panel.locator(".sop-task")
        assert rows.count() >= 1, key
        labels = rows.locator(".sop-task__sla").all_inner_texts()
        assert any(re.search(standing, label) for label in labels), (key, labels)
        titles = " ".join(rows.locator(".sop-task__title").all_inner_texts())
        assert institution.settings.short_name in titles, (key, titles)
        screenshot(tab, f"demo-alive-{key}-dashboard-phone")

    bantul = Institution(Site.objects.get(hostname="bantul.localhost"))
    tab = phone()
    log_in(tab, live_server, bantul, users.get(username="bantul.panewu"), PASSWORD)
    tab.goto(site_url(live_server, bantul.hostname, reverse("sop_workflow:compliance_report")))
    steps = tab.locator(".sop-compliance__numbers").first.locator("tbody tr")
    assert steps.count() >= 3  # preparation, the Panewu's review, the publication
    assert any("Kapanewon Bantul · 3" in row for row in steps.all_inner_texts())
    trend = tab.locator(".sop-compliance__trend svg[role='img']")
    assert trend.count() == 1
    months = tab.locator(".sop-compliance__months tbody tr")
    with_data = [row for row in months.all_inner_texts() if "tidak ada data" not in row]
    assert len(with_data) >= 3, months.all_inner_texts()  # three months of completed runs
    html = tab.content()
    assert not [name for name in OTHER_NAMES if name in html]
    trend.scroll_into_view_if_needed()
    screenshot(tab, "demo-alive-bantul-compliance-phone")
