"""The public portal (the deployment's default host): institutions by region, with search,
each with its latest live news, 50 per page, at a constant number of queries."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import test_proxy_cache
from tests.bulk_institutions import add_institutions
from tests.institutions import host_client
from tests.test_proxy_cache import paths_on

fake_proxy = test_proxy_cache.fake_proxy  # the fake caching proxy that records PURGEs


def portal(client, query: str = "") -> str:
    response = host_client(client, "localhost").get("/" + query)
    assert response.status_code == 200
    return response.content.decode()


def region_sections(html: str) -> list[tuple[str, list[str]]]:
    """Each region heading with the institution names listed below it, in page order."""
    sections = re.findall(r'<h3 id="wilayah-\d+">(.*?)</h3>(.*?)</section>', html, re.S)
    return [
        (heading, re.findall(r'<li>\s*<a href="[^"]+/">([^<]+)</a>', body))
        for heading, body in sections
    ]


@pytest.fixture
def region(make_institution):
    """Kabupaten Bantul above Kapanewon Bantul above Kalurahan Bunder; Kecamatan Jenawi alone."""
    kabupaten = make_institution("kabbantul", name="Kabupaten Bantul", institution_type="kabupaten")
    kapanewon = make_institution(
        "bantul", name="Kapanewon Bantul", institution_type="kapanewon", parent_id=kabupaten.site.pk
    )
    bunder = make_institution("bunder", name="Kalurahan Bunder", parent_id=kapanewon.site.pk)
    jenawi = make_institution("jenawi", name="Kecamatan Jenawi", institution_type="kecamatan")
    return kabupaten, kapanewon, bunder, jenawi


@pytest.mark.django_db
def test_institutions_are_grouped_under_their_top_region_and_lone_ones_under_lainnya(
    client, region
):
    html = portal(client)

    assert region_sections(html) == [
        ("Kabupaten Bantul", ["Kabupaten Bantul", "Kalurahan Bunder", "Kapanewon Bantul"]),
        ("Lainnya", ["Kecamatan Jenawi"]),
    ]
    assert '<label for="portal-q">Nama instansi</label>' in html
    assert 'role="search" aria-label="Cari instansi"' in html
    assert "<script" not in html  # the CSP allows no inline script


@pytest.mark.django_db
def test_search_filters_by_name_and_keeps_the_region_heading(client, region):
    html = portal(client, "?q=bunder")

    assert region_sections(html) == [("Kabupaten Bantul", ["Kalurahan Bunder"])]
    assert "1 instansi cocok dengan “bunder”." in html
    assert 'value="bunder"' in html


@pytest.mark.django_db
def test_the_directory_is_cacheable_but_a_search_is_never_cached(client, region):
    client = host_client(client, "localhost")

    assert "public" in client.get("/")["Cache-Control"]
    assert "no-store" in client.get("/?q=bantul")["Cache-Control"]


@pytest.mark.django_db
def test_search_without_a_match_says_how_to_search_again(client, region):
    html = portal(client, "?q=pontianak")

    assert region_sections(html) == []
    assert "Tidak ada instansi dengan nama ini. Periksa ejaannya" in html
    assert 'href="?">Tampilkan semua instansi</a>' in html


@pytest.mark.django_db
def test_each_institution_links_its_latest_live_news_never_a_draft(client, region):
    _kabupaten, kapanewon, bunder, _jenawi = region
    kapanewon.news("Musyawarah warga lama", date=date(2025, 1, 5))
    newest = kapanewon.news("Panen raya di Bantul", date=date(2025, 3, 1))
    kapanewon.news("Rencana rahasia belum disetujui", publish=False, date=date(2025, 4, 1))
    bunder.news("Draf Bunder yang belum tayang", publish=False)

    html = portal(client)

    assert f'href="{newest.full_url}">Panen raya di Bantul</a>' in html
    assert "Musyawarah warga lama" not in html
    assert "Rencana rahasia" not in html
    assert "Draf Bunder" not in html
    assert html.count("Belum ada berita.") == 3  # kabupaten, Bunder (only a draft), Jenawi


@pytest.mark.django_db
def test_directory_is_paginated_fifty_at_a_time_and_search_keeps_its_query(
    client, make_institution
):
    kabupaten = make_institution(
        "kabgk", name="Kabupaten Gunungkidul", institution_type="kabupaten"
    )
    add_institutions(kabupaten.site, [f"Kalurahan Desa {n:03}" for n in range(119)], "kalurahan")

    first = portal(client)
    last = portal(client, "?halaman=3")
    searched = portal(client, "?q=desa&halaman=2")

    assert sum(len(names) for _h, names in region_sections(first)) == 50
    assert "Halaman 1 dari 3" in first
    assert 'href="?halaman=2" rel="next"' in first
    assert region_sections(last) == [
        ("Kabupaten Gunungkidul", [f"Kalurahan Desa {n:03}" for n in range(99, 119)])
    ]
    assert "119 instansi cocok dengan “desa”." in searched
    assert 'href="?q=desa&amp;halaman=3" rel="next"' in searched


def portal_queries(client) -> int:
    client = host_client(client, "localhost")
    assert client.get("/").status_code == 200  # warm-up
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_portal_page_costs_the_same_queries_for_10_and_200_institutions(client, make_institution):
    kabupaten = make_institution("kabsl", name="Kabupaten Sleman", institution_type="kabupaten")
    kapanewon = add_institutions(kabupaten.site, ["Kapanewon Depok"], "kapanewon", news=2)[0]
    add_institutions(kapanewon, [f"Kalurahan Awal {n}" for n in range(8)], "kalurahan", news=2)
    small = portal_queries(client)

    add_institutions(kapanewon, [f"Kalurahan Baru {n}" for n in range(190)], "kalurahan", news=2)
    large = portal_queries(client)

    assert large == small


@pytest.mark.django_db
def test_publishing_news_purges_the_portal_page_that_lists_the_institution(
    fake_proxy, make_institution, django_capture_on_commit_callbacks
):
    kabupaten = make_institution(
        "kabkp", name="Kabupaten Kulon Progo", institution_type="kabupaten"
    )
    add_institutions(kabupaten.site, [f"Kalurahan Awal {n:03}" for n in range(60)], "kalurahan")
    late = make_institution("zebra", name="Kalurahan Zebra", parent_id=kabupaten.site.pk)
    fake_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        late.news("Kabar dari Zebra")

    assert paths_on(fake_proxy, "localhost") == {"/?halaman=2"}  # 62nd institution: page 2
