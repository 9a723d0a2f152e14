"""DPMK step 1: every submission gets a nomor agenda, unique and gapless per year, even when
many are submitted at the same moment (run on PostgreSQL in CI, on SQLite by default)."""

import io
import subprocess
import threading

import openpyxl
import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.models import Site

from sop_workflow.models import IntakeRegisterEntry
from tests.institutions import Institution
from tests.sop_helpers import as_user, create_with_sop, draft, submit

PARALLEL = 6


@pytest.mark.django_db(transaction=True)
def test_parallel_submissions_get_unique_gapless_agenda_numbers():
    dpmk = create_with_sop("dpmk_bantul")
    jobs = [
        (as_user(Client(), dpmk.user("petugas_penerima")), draft(dpmk)) for _ in range(PARALLEL)
    ]
    start, statuses = threading.Barrier(PARALLEL), []

    def run(client, page):
        try:
            start.wait()
            statuses.append(submit(client, page).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    numbers = sorted(IntakeRegisterEntry.objects.values_list("number", flat=True))
    assert statuses == [302] * PARALLEL
    assert numbers == list(range(1, PARALLEL + 1))
    assert {entry.page_id for entry in IntakeRegisterEntry.objects.all()} == {
        page.pk for _client, page in jobs
    }


REGISTER = "/admin/sop/intake-register/"


@pytest.mark.django_db
def test_the_register_lists_and_finds_each_entry_and_the_page_shows_its_number(
    client, make_institution
):
    dpmk = create_with_sop("dpmk_bantul")
    petugas = dpmk.user("petugas_penerima")
    pages = [draft(dpmk, title=title) for title in ("Musrenbang kalurahan", "Lomba desa 2025")]
    for page in pages:
        submit(as_user(client, petugas), page)
    first, second = (IntakeRegisterEntry.objects.get(page_id=page.pk) for page in pages)
    client.defaults["HTTP_HOST"] = dpmk.hostname

    listing = client.get(REGISTER).content.decode()
    assert first.agenda_number in listing
    assert second.agenda_number in listing
    assert "Berita kegiatan" in listing  # the news type as people read it
    by_number = client.get(REGISTER, {"q": second.agenda_number}).content.decode()
    assert "Lomba desa 2025" in by_number
    assert "Musrenbang kalurahan" not in by_number
    by_title = client.get(REGISTER, {"q": "musrenbang"}).content.decode()
    assert "Musrenbang kalurahan" in by_title
    assert "Lomba desa 2025" not in by_title

    record = client.get(f"{REGISTER}inspect/{first.pk}/").content.decode()
    assert first.agenda_number in record
    assert petugas.username in record
    editor = client.get(f"/admin/pages/{pages[0].pk}/edit/").content.decode()
    assert f"Nomor agenda {first.agenda_number}" in editor
    assert "Buku agenda" in client.get("/admin/").content.decode()  # in the Reports menu
    assert client.post(f"{REGISTER}edit/{first.pk}/", {"title": "X"}).status_code == 302
    first.refresh_from_db()
    assert first.title == "Musrenbang kalurahan"  # the register is never edited

    client.force_login(make_institution("lain").user("penyetuju"))
    assert "Musrenbang" not in client.get(REGISTER).content.decode()
    assert client.get(f"{REGISTER}inspect/{first.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_buku_agenda_prints_downloads_and_exports_per_year(client, make_institution):
    """DPMK's *buku agenda*: one year printed (and as an A4 PDF) as the book it replaces, and
    the register's rows exported as CSV and XLSX; never another institution's rows."""
    dpmk = create_with_sop("dpmk_bantul")
    call_command(
        "create_institution",
        *("--name", "Dinas Lain", "--hostname", "dinaslain.localhost", "--type", "dinas"),
        *("--sop", "dpmk_bantul"),
        stdout=io.StringIO(),
    )
    other = Institution(Site.objects.get(hostname="dinaslain.localhost"))
    petugas = dpmk.user("petugas_penerima")
    page = draft(dpmk, title="Musrenbang kalurahan")
    submit(as_user(client, petugas), page)
    foreign = draft(other, title="Rapat rahasia instansi lain")
    submit(as_user(Client(), other.user("petugas_penerima")), foreign)
    entry = IntakeRegisterEntry.objects.get(page_id=page.pk)
    client.defaults["HTTP_HOST"] = dpmk.hostname

    listing = client.get(REGISTER).content.decode()
    print_url = f"/admin/sop/agenda/{entry.year}/"
    assert f'href="{print_url}"' in listing
    assert f"Cetak buku agenda {entry.year}" in listing

    printed = client.get(print_url).content.decode()
    assert f"Buku agenda {entry.year}" in printed
    assert entry.agenda_number in printed
    assert "Musrenbang kalurahan" in printed
    assert "Berita kegiatan" in printed
    assert "1 item terdaftar." in printed
    assert "Rapat rahasia" not in printed
    assert (
        "Tidak ada item yang terdaftar pada 2001."
        in client.get("/admin/sop/agenda/2001/").content.decode()
    )
    foreign_site = client.get(print_url, {"site": other.site.pk})
    assert foreign_site.status_code == 404

    downloaded = client.get(f"{print_url}pdf/")
    assert downloaded["Content-Type"] == "application/pdf"
    assert "buku-agenda-" in downloaded["Content-Disposition"]
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=downloaded.content, capture_output=True, check=True
    ).stdout.decode()
    words = " ".join(text.split())  # table cells wrap their lines
    assert entry.agenda_number in words
    assert "Musrenbang kalurahan" in words
    assert "Halaman 1 dari 1" in words

    exported = client.get(REGISTER, {"export": "csv", "year": entry.year})
    csv_text = b"".join(exported.streaming_content).decode("utf-8-sig")
    assert "Nomor agenda" in csv_text.splitlines()[0]
    assert entry.agenda_number in csv_text
    assert "Rapat rahasia" not in csv_text
    xlsx = client.get(REGISTER, {"export": "xlsx", "year": entry.year})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Nomor agenda"
    assert rows[1][0] == entry.agenda_number
    assert rows[1][3] == "Musrenbang kalurahan"
