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
