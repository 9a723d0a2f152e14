"""What the faster rendering must keep: previews, private pages, sitemap host, site-local URLs,
a meta description and a favicon on every page."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.institutions import host_client
from tests.sop_helpers import edit_data

pytestmark = pytest.mark.django_db


def test_news_with_tags_previews_with_its_related_news(client, bantul):
    """The editor's preview of a news page with (unsaved) tags shows its related news."""
    other = bantul.news("Posyandu balita di Dusun Karang")
    other.tags.add("kesehatan")
    other.save_revision().publish()
    unrelated = bantul.news("Lomba tujuh belasan")
    draft = bantul.news("Imunisasi anak sekolah", publish=False)
    client = host_client(client, bantul.hostname)
    client.force_login(bantul.user("penulis"))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])

    posted = client.post(url, edit_data(draft, tags="kesehatan, imunisasi"))
    preview = client.get(url)

    assert posted.json()["is_valid"] is True
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Imunisasi anak sekolah" in html
    related = html.split('id="berita-terkait"', 1)[1]
    assert "Posyandu balita di Dusun Karang" in related
    assert unrelated.title not in related
    assert ">kesehatan</li>" in html


def test_sitemap_locations_use_the_host_and_port_asked(client, bantul, bunder):
    news = bantul.news("Kerja bakti Bantul")
    bunder.news("Kerja bakti Bunder")

    xml = client.get("/sitemap.xml", HTTP_HOST="bantul.localhost:8000").content.decode()

    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert "http://bantul.localhost:8000/" in locations
    assert f"http://bantul.localhost:8000{news.url.split('localhost', 1)[1]}" in locations
    assert all(loc.startswith("http://bantul.localhost:8000/") for loc in locations)
    assert "bunder" not in xml


def test_a_private_page_still_asks_for_its_password(client, bantul):
    private = StandardPage(title="Data internal", slug="data-internal", intro="Rahasia dinas.")
    bantul.home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="kunci-rahasia"
    )
    client = host_client(client, bantul.hostname)

    response = client.get("/data-internal/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Rahasia dinas." not in html
    assert 'name="password"' in html


def test_news_under_a_private_index_is_not_listed_nor_served(client, bantul):
    shown = bantul.news("Pengumuman terbuka")
    hidden = bantul.news("Berita khusus anggota")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    client = host_client(client, bantul.hostname)

    home = client.get("/").content.decode()
    article = client.get(shown.url.split("localhost", 1)[1]).content.decode()
    direct = client.get(hidden.url.split("localhost", 1)[1])

    assert "Pengumuman terbuka" in home
    assert "Berita khusus anggota" not in home
    assert "Berita khusus anggota" not in article  # not among the related news
    assert direct.status_code == 302  # to the login page
    assert "/login/" in direct["Location"] or "masuk" in direct["Location"]


def test_links_on_a_site_are_local_and_other_sites_keep_their_host(client, bantul, bunder):
    profile = StandardPage(title="Profil", slug="profil-desa", intro="Visi.", show_in_menus=True)
    bantul.home.add_child(instance=profile)
    profile.save_revision().publish()
    news = bantul.news("Kabar Bantul")
    elsewhere = bunder.news("Kabar Bunder")
    client = host_client(client, bantul.hostname)

    html = client.get(news.url.split("localhost", 1)[1]).content.decode()

    assert 'href="/profil-desa/"' in html  # the menu
    assert 'href="/berita/"' in html  # the breadcrumbs
    request = client.get("/").wsgi_request
    assert elsewhere.get_url(request=request) == elsewhere.get_full_url()  # Wagtail's own
    assert elsewhere.get_full_url().startswith("http://bunder.localhost/")


@pytest.mark.parametrize("kind", ["home", "index", "news", "profile", "search", "portal", "404"])
def test_every_page_has_a_description_and_a_favicon(client, bantul, kind):
    news = bantul.news("Panen raya", lead="Petani Bantul memanen padi bersama panewu.")
    profile = StandardPage(title="Layanan", slug="layanan-kami", intro="Layanan <b>KTP</b> cepat.")
    bantul.home.add_child(instance=profile)
    profile.save_revision().publish()
    bantul.settings.parent_region = "Kabupaten Bantul"
    bantul.settings.save()
    host, path, description = {
        "home": (bantul.hostname, "/", "Situs resmi Kapanewon Bantul, Kabupaten Bantul."),
        "index": (bantul.hostname, "/berita/", "Situs resmi Kapanewon Bantul, Kabupaten Bantul."),
        "news": (bantul.hostname, news.url.split("localhost", 1)[1], news.lead),
        "profile": (bantul.hostname, "/layanan-kami/", "Layanan KTP cepat."),
        "search": (bantul.hostname, "/cari/?q=panen", "Situs resmi Kapanewon Bantul"),
        "portal": ("localhost", "/", None),
        "404": (bantul.hostname, "/tidak-ada/", "Situs resmi Kapanewon Bantul"),
    }[kind]

    html = host_client(client, host).get(path).content.decode()

    found = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert found, html[:600]
    if description:
        assert found.group(1).startswith(description)
    icon = re.search(r'<link rel="icon" href="([^"]+\.svg)"', html)
    assert icon
    assert finders.find(icon.group(1).split("/static/", 1)[1])
