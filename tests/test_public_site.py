"""Each hostname serves its own institution, and nothing of another one."""

import pytest
from django.test import Client, override_settings

from home.models import NewsPage
from tests.institutions import host_client


@pytest.mark.django_db
def test_each_host_serves_its_own_home_with_its_name(client, bantul, bunder):
    bantul.news("Musrenbang Kapanewon Bantul 2026")
    bunder.news("Posyandu Balita Kalurahan Bunder")

    response = host_client(client, "bantul.localhost").get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kapanewon Bantul" in html
    assert "Musrenbang Kapanewon Bantul 2026" in html
    assert "Posyandu Balita Kalurahan Bunder" not in html
    assert '<html lang="id"' in html
    assert 'href="#konten"' in html


@pytest.mark.django_db
def test_news_page_has_share_meta_breadcrumbs_and_related_news(client, bantul):
    image = bantul.image(description="Peserta rapat duduk di balai kalurahan")
    first = bantul.news("Rapat koordinasi PPID", share_image=image)
    first.tags.add("ppid")
    first.save_revision().publish()
    other = bantul.news("Sosialisasi keterbukaan informasi")
    other.tags.add("ppid")
    other.save_revision().publish()

    html = host_client(client, "bantul.localhost").get(first.url).content.decode()

    assert '<meta property="og:title" content="Rapat koordinasi PPID">' in html
    assert 'property="og:image" content="http://bantul.localhost/' in html
    assert 'content="Peserta rapat duduk di balai kalurahan"' in html
    assert (
        'aria-label="Jejak navigasi"' in html or 'aria-current="page">Rapat koordinasi PPID' in html
    )
    assert "Sosialisasi keterbukaan informasi" in html


@pytest.mark.django_db
def test_news_index_paginates(client, bantul):
    for number in range(12):
        bantul.news(f"Kabar ke-{number}")

    client = host_client(client, "bantul.localhost")
    first = client.get(bantul.news_index.url).content.decode()
    second = client.get(bantul.news_index.url + "?halaman=2").content.decode()

    assert first.count('class="card"') == 10
    assert second.count('class="card"') == 2
    assert 'rel="next"' in first
    assert 'rel="prev"' in second


@pytest.mark.django_db
def test_search_finds_only_the_institutions_own_pages(client, bantul, bunder):
    bantul.news("Pelatihan UMKM batik Bantul")
    bunder.news("Pelatihan UMKM kuliner Bunder")

    html = (
        host_client(client, "bunder.localhost")
        .get("/cari/", {"q": "Pelatihan UMKM"})
        .content.decode()
    )

    assert "Pelatihan UMKM kuliner Bunder" in html
    assert "batik Bantul" not in html


@pytest.mark.django_db
def test_rss_feed_and_sitemap_are_per_institution(client, bantul, bunder):
    bantul.news("Kerja bakti Bantul")
    bunder.news("Kerja bakti Bunder")
    client = host_client(client, "bunder.localhost")

    feed = client.get("/feed/")
    sitemap = client.get("/sitemap.xml").content.decode()

    assert feed["Content-Type"].startswith("application/rss+xml")
    assert b"Kerja bakti Bunder" in feed.content
    assert b"Kerja bakti Bantul" not in feed.content
    assert "bunder.localhost" in sitemap
    assert "bantul.localhost" not in sitemap


@pytest.mark.django_db
def test_unknown_path_gives_the_institutions_branded_404(client, bantul, bunder):
    response = host_client(client, "bunder.localhost").get("/tidak-ada/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in html
    assert "Kalurahan Bunder" in html
    assert "Kapanewon Bantul" not in html


@pytest.mark.django_db
@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_server_error_page_is_branded_and_indonesian(bantul, monkeypatch):
    """A page that crashes answers through ``handler500`` with the institution's page."""
    news = bantul.news("Berita yang rusak")

    def crash(self, request, *args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(NewsPage, "serve", crash)
    client = Client(raise_request_exception=False, HTTP_HOST="bantul.localhost")
    response = client.get(news.url)

    html = response.content.decode()
    assert response.status_code == 500
    assert "Kapanewon Bantul" in html
    assert 'lang="id"' in html
    assert "Terjadi kesalahan" in html or "Silakan coba" in html
    assert "simulated failure" not in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_default_host_lists_the_institutions(client, bantul, bunder):
    html = host_client(client, "localhost").get("/").content.decode()

    assert "Kapanewon Bantul" in html
    assert "http://bunder.localhost/" in html


@pytest.mark.django_db
def test_public_site_stays_indonesian_for_an_english_browser(client, bantul):
    bantul.news("Kerja bakti")

    html = (
        host_client(client, "bantul.localhost")
        .get("/", HTTP_ACCEPT_LANGUAGE="en-US,en")
        .content.decode()
    )

    assert "Berita terbaru" in html
    assert "Latest news" not in html
