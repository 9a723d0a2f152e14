"""The roll-up at scale: the same number of queries per page for 10 and for 500 institutions
below a region, the figures aggregated in the database (no query per institution)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models import InstitutionRole
from home.provisioning import InstitutionSpec, provision_institution
from tests.bulk_institutions import add_institutions
from tests.institutions import ensure_wagtail_roots

pytestmark = pytest.mark.django_db

ROLLUP = reverse("oversight:rollup")


def region(name: str, kapanewon: int, kalurahan_each: int, hosts: str):
    """A provisioned kabupaten with kapanewon below it and kalurahan below each, in bulk;
    returns its oversight user."""
    spec = InstitutionSpec(name, f"{hosts}.localhost", "kabupaten")
    kabupaten = provision_institution(spec).site
    districts = add_institutions(
        kabupaten,
        [f"Kapanewon {hosts} {n}" for n in range(kapanewon)],
        "kapanewon",
        news=2,
        hosts=f"{hosts}kap",
    )
    for number, district in enumerate(districts):
        add_institutions(
            district,
            [f"Kalurahan {hosts} {number}-{n}" for n in range(kalurahan_each)],
            "kalurahan",
            news=2,
            hosts=f"{hosts}kal{number}x",
        )
    role = InstitutionRole.objects.get(site=kabupaten, key="pengawas")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(f"pengawas-{hosts}", password="rahasia-uji-123")
    user.groups.add(role.group)
    return user


@pytest.fixture(scope="module")
def regions(django_db_setup, django_db_blocker):
    """Kabupaten Kecil with 10 institutions below it (1 kapanewon, 9 kalurahan) and Kabupaten
    Besar with 500 (25 kapanewon, 19 kalurahan each), written in bulk once for the module and
    rolled back after it (each test runs in a savepoint inside)."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_wagtail_roots()
        small = region("Kabupaten Kecil", 1, 9, "kecil")
        large = region("Kabupaten Besar", 25, 19, "besar")
        yield {"small": small, "large": large}
        transaction.set_rollback(True)


def queries_of(client, user, params: dict) -> tuple[int, object, list[str]]:
    """The queries of one roll-up request by ``user`` (after a first request warmed caches)."""
    client.force_login(user)
    client.get(ROLLUP, params)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(ROLLUP, params)
    assert response.status_code == 200
    return len(captured), response, [query["sql"] for query in captured]


def row_names(response) -> list[str]:
    html = response.content.decode().split('<table class="listing', 1)[-1].split("</table>")[0]
    return re.findall(r'<a href="/admin/oversight/institutions/\d+/"[^>]*>\s*([^<]+?)\s*</a>', html)


@pytest.mark.parametrize(
    "params",
    [{}, {"p": "2"}, {"ordering": "-steps_within_standard"}, {"ordering": "-last_news"}],
    ids=["first page", "second page", "by compliance", "by freshness"],
)
def test_a_page_costs_the_same_queries_for_10_and_500_institutions(client, regions, params):
    small, small_page, small_sql = queries_of(client, regions["small"], params)
    large, large_page, large_sql = queries_of(client, regions["large"], params)

    assert small == large, "\n".join(large_sql)
    # The figures of the page's rows come from one query, the page's rows (with the figure
    # they are sorted by) from another: no query per institution. The admin's menu, session
    # and second factor make most of the rest, the same on every page.
    figure_queries = sum("sop_workflow_steptiming" in sql for sql in large_sql)
    assert figure_queries == (2 if params.get("ordering") == "-steps_within_standard" else 1)
    assert large <= 60  # the admin menu checks each item's permission: ~40 queries
    assert len(row_names(large_page)) == 50  # paginated
    assert len(row_names(small_page)) == 10  # one page (page 2 of it shows the last page)
    assert "Kabupaten Kecil" not in large_page.content.decode()
    assert "kecil" not in " ".join(row_names(large_page))


def test_the_export_of_500_institutions_is_one_request_with_the_same_queries(client, regions):
    counts = {}
    for size in ("small", "large"):
        client.force_login(regions[size])
        client.get(ROLLUP, {"export": "csv"})
        with CaptureQueriesContext(connection) as captured:
            response = client.get(ROLLUP, {"export": "csv"})
            content = b"".join(response.streaming_content).decode("utf-8-sig")
        counts[size] = len(captured)
        rows = list(csv.DictReader(io.StringIO(content)))
        assert len(rows) == (10 if size == "small" else 500)
        assert {row["Berita bulan ini"] for row in rows} <= {"0", "1", "2"}
    assert counts["small"] == counts["large"]
