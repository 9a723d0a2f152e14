"""Bunder's Ketua PPID opens *Cetak SOP* from the admin menu and prints it to PDF with Chromium,
as the browser's print dialog would; the PDF carries the flowchart and the times as signed.

The PDF is read back with poppler's ``pdftotext``; its procedure pages are rendered with
``pdftoppm`` and kept (``test-artifacts/screenshots/sop-print-bunder-*.png``) to look at.
"""

import re
import subprocess

import pytest

from tests.browser.support import ARTIFACTS, DESKTOP, log_in, screenshot, site_url
from tests.sop_helpers import create_with_sop
from tests.tooling import require_tool

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_ketua_prints_cetak_sop_with_its_flowchart_and_times_as_signed(live_server, chromium):
    pdftotext = require_tool("pdftotext", "poppler-utils")
    pdftoppm = require_tool("pdftoppm", "poppler-utils")
    bunder = create_with_sop("kalurahan_bunder")
    context = chromium.new_context(viewport=DESKTOP, locale="id-ID")
    tab = context.new_page()
    log_in(tab, live_server, bunder, bunder.user("ketua_ppid"))

    tab.goto(site_url(live_server, bunder.hostname, "/admin/"))
    tab.get_by_role("button", name="Laporan").click()  # the sidebar's Reports menu
    with tab.expect_navigation():
        tab.get_by_role("link", name="Cetak SOP").click()
    assert tab.get_by_role("heading", name="Prosedur", exact=True).is_visible()
    flowcharts = tab.locator("td.flow svg")
    assert flowcharts.count() == 11
    assert flowcharts.first.get_attribute("aria-label").startswith("Langkah 1")
    screenshot(tab, "sop-print-bunder-0-page")

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "sop-print-bunder.pdf"
    tab.emulate_media(media="print")
    tab.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    context.close()

    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for label in ("MULAI", "Ya", "Tidak", "SELESAI"):  # the flowchart's own words
        assert re.search(rf"\b{label}\b", text), label
    assert text.count("Tidak") >= 2  # the two decisions of steps 4 and 5
    assert "60 Menit" in text  # step 3's time as the signed SOP writes it
    assert len(re.findall(r"10\s+Menit", text)) == 8
    assert not re.search(r"\d\s*min\b", text)  # no time respelled in English
    assert "(8)" in text  # the signed numbers of steps 10 and 11
    assert "(10)" in text
    assert "Kegiatan pengambilan keputusan" in text  # the legend of the symbols
    pages = text.split("\f")
    procedure = [n for n, page in enumerate(pages, start=1) if "Uraian Prosedur" in page]
    assert len(procedure) == 3  # steps 1-4, 5-8 and 9-11, each on its own page
    first, second, third = (pages[n - 1] for n in procedure)
    assert "MULAI" in first
    assert "SELESAI" in third
    assert re.search(r"\bA\b", first)  # the off-page connectors, each at both ends
    assert re.search(r"\bA\b", second)
    assert re.search(r"\bB\b", second)
    assert re.search(r"\bB\b", third)

    for number in procedure:
        subprocess.run(
            [pdftoppm, "-png", "-r", "80", "-f", str(number), "-l", str(number), "-singlefile"]
            + [str(path), str(ARTIFACTS / f"sop-print-bunder-page-{number}")],
            check=True,
        )
        assert (ARTIFACTS / f"sop-print-bunder-page-{number}.png").stat().st_size > 10_000
