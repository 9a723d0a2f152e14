"""HTTP caching semantics of the public sites, through the Django test client."""

from __future__ import annotations

import gzip

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from home.models import StandardPage
from tests.institutions import host_client

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_anonymous_article_is_public_for_browsers_and_the_proxy(client, bantul):
    news = bantul.news("Kerja bakti Padukuhan Jetis")

    response = host_client(client, bantul.hostname).get(news.url)

    assert response.status_code == 200
    assert directives(response) == {"public", "max-age=60", "s-maxage=300"}
    assert "Cookie" in response["Vary"]
    assert response.has_header("ETag")
    assert not response.cookies


@pytest.mark.parametrize("path", ["/", "/berita/", "/berita/?halaman=2", "/feed/", "/sitemap.xml"])
def test_listings_feed_and_sitemap_are_public(client, bantul, path):
    bantul.news("Kabar terbaru")

    response = host_client(client, bantul.hostname).get(path)

    assert response.status_code == 200
    assert "public" in directives(response)
    assert "s-maxage=300" in directives(response)


def test_unchanged_page_answers_304_to_its_etag(client, bantul):
    news = bantul.news("Posyandu lansia")
    client = host_client(client, bantul.hostname)
    etag = client.get(news.url)["ETag"]

    again = client.get(news.url, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""


def test_changed_page_no_longer_matches_the_old_etag(client, bantul):
    news = bantul.news("Judul lama")
    client = host_client(client, bantul.hostname)
    etag = client.get(news.url)["ETag"]
    news.title = "Judul baru"
    news.save_revision().publish()

    again = client.get(news.url, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 200
    assert "Judul baru" in again.content.decode()


def test_public_html_is_gzipped_when_accepted(client, bantul):
    news = bantul.news("Festival budaya kalurahan")
    client = host_client(client, bantul.hostname)

    zipped = client.get(news.url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    plain = client.get(news.url)

    assert zipped["Content-Encoding"] == "gzip"
    assert "Festival budaya kalurahan" in gzip.decompress(zipped.content).decode()
    assert len(zipped.content) < len(plain.content) / 2
    assert "Accept-Encoding" in zipped["Vary"]
    assert not plain.has_header("Content-Encoding")


def test_gzipped_page_still_answers_304(client, bantul):
    news = bantul.news("Pelatihan UMKM")
    client = host_client(client, bantul.hostname)
    etag = client.get(news.url, HTTP_ACCEPT_ENCODING="gzip")["ETag"]

    again = client.get(news.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304


def test_logged_in_reader_gets_a_never_cached_page(client, bantul):
    news = bantul.news("Rapat pleno")
    client = host_client(client, bantul.hostname)
    client.force_login(bantul.user("penulis"))

    response = client.get(news.url, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert {"private", "no-store", "no-cache"} <= directives(response)
    assert "public" not in directives(response)
    assert not response.has_header("ETag")
    assert not response.has_header("Content-Encoding")


def test_admin_keeps_wagtails_never_cache_and_is_not_compressed(client, bantul):
    client = host_client(client, bantul.hostname)
    client.force_login(bantul.user("penulis"))

    response = client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert {"private", "no-store", "no-cache", "must-revalidate", "max-age=0"} <= directives(
        response
    )
    assert not response.has_header("Content-Encoding")  # it carries a CSRF token (BREACH)


def test_login_form_with_csrf_token_is_neither_cached_nor_compressed(bantul):
    client = host_client(Client(), bantul.hostname)

    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "no-store" in directives(response)
    assert "public" not in directives(response)
    assert not response.has_header("Content-Encoding")


def test_search_results_are_never_cached(client, bantul):
    bantul.news("Bantuan pupuk bersubsidi")

    response = host_client(client, bantul.hostname).get("/cari/?q=pupuk")

    assert response.status_code == 200
    assert "Bantuan pupuk bersubsidi" in response.content.decode()
    assert {"private", "no-store"} <= directives(response)


def test_missing_page_is_not_marked_public(client, bantul):
    response = host_client(client, bantul.hostname).get("/tidak-ada/")

    assert response.status_code == 404
    assert "public" not in directives(response)


def test_superuser_preview_is_never_cached(client, bantul):
    news = StandardPage(title="Draf pengumuman", slug="draf-pengumuman", live=False)
    bantul.home.add_child(instance=news)
    news.save_revision()
    operator = get_user_model().objects.create_superuser("operator-uji", "op@example.go.id", "x")
    client = host_client(client, bantul.hostname)
    client.force_login(operator)

    response = client.get(f"/admin/pages/{news.pk}/view_draft/")

    assert response.status_code == 200
    assert "Draf pengumuman" in response.content.decode()
    assert "no-store" in directives(response)
    assert "public" not in directives(response)
