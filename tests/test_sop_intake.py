"""DPMK step 1: every submission gets a nomor agenda, unique and gapless per year, even when
many are submitted at the same moment (run on PostgreSQL in CI, on SQLite by default)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from sop_workflow.models import IntakeRegisterEntry
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
