"""Public pages cost a fixed, small number of queries: per page type after a warm-up request,
and the same with 2 or 50 institutions, 10 or 500 news."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accessibility.models import AudioVersion, BrailleVersion
from accessibility.spoken import spoken_article
from home.models import NewsPage, StandardPage
from tests.institutions import host_client

_numbers = itertools.count(1)

ARTICLE_BUDGET = 12


def add_news(inst, count: int, images) -> list[NewsPage]:
    """Live news items with tags and a share image, created straight into the tree."""
    pages = []
    for _ in range(count):
        number = next(_numbers)
        page = NewsPage(
            title=f"Kabar desa nomor {number}",
            slug=f"kabar-{number}",
            lead="Ringkasan kegiatan warga.",
            date=date(2025, 1, 1) + timedelta(days=number % 600),
            share_image=images[number % len(images)],
            share_image_alt="Warga bergotong royong",
            live=True,
        )
        inst.news_index.add_child(instance=page)
        page.tags.add("kegiatan", f"topik-{number % 5}")
        page.save()
        pages.append(page)
    return pages


def query_counts(client, inst, news_page) -> dict[str, int]:
    client = host_client(client, inst.hostname)
    counts = {}
    for name, url in (("home", "/"), ("index", inst.news_index.url), ("news", news_page.url)):
        assert client.get(url).status_code == 200  # warm caches and renditions
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries)
    return counts


@pytest.mark.django_db
def test_public_pages_query_count_does_not_grow_with_tenants_or_news(client, make_institution):
    inst = make_institution("bantul", name="Kapanewon Bantul", institution_type="kapanewon")
    make_institution("bunder")
    images = [inst.image(title=f"Foto {n}") for n in range(3)]
    news = add_news(inst, 10, images)
    small = query_counts(client, inst, news[0])

    for number in range(48):
        make_institution(f"desa{number}")
    add_news(inst, 490, images)
    large = query_counts(client, inst, news[0])

    print(f"queries per page: 2 institutions/10 news {small}; 50/500 {large}")
    assert large == small
    assert max(small.values()) <= ARTICLE_BUDGET, small


def image_body(image, alt: str) -> list[dict]:
    return [
        {"type": "paragraph", "value": "<p>Warga membersihkan saluran air bersama.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": alt, "decorative": False},
                "caption": "Kerja bakti di dusun",
                "credit": "",
            },
        },
    ]


@pytest.fixture
def site_pages(bantul, bunder):
    """An article with everything an article shows, and one page of each other type."""
    photos = [bantul.image(title=f"Foto {n}", description=f"Warga di dusun {n}") for n in range(3)]
    profile = StandardPage(
        title="Profil Kapanewon",
        slug="profil-uji-anggaran",
        intro="Visi dan misi.",
        show_in_menus=True,
    )
    bantul.home.add_child(instance=profile)
    profile.save_revision().publish()
    others = []
    for number, photo in enumerate(photos):
        other = bantul.news(f"Kabar gotong royong {number}", share_image=photo)
        other.tags.add("gotong-royong")
        other.save_revision().publish()
        others.append(other)
    article = bantul.news(
        "Kerja bakti membersihkan saluran",
        share_image=photos[0],
        share_image_alt="Warga membawa cangkul",
        body=image_body(photos[1], "Warga mengangkat sampah dari saluran"),
    )
    article.tags.add("gotong-royong", "lingkungan")
    article.save_revision().publish()
    article.refresh_from_db()
    text_hash = spoken_article(article).hash
    AudioVersion.objects.create(
        page=article, text_hash=text_hash, file="audio/kerja-bakti.mp3", duration_seconds=42.0
    )
    BrailleVersion.objects.create(page=article, text_hash=text_hash, file="braille/kerja.brf")
    bunder.news("Kabar dari Bunder")
    return bantul, article, profile


# (page type, host, path of, queries, text the page must show); the article's 7 is within
# the budget of 12 (ARTICLE_BUDGET). The site, its home page and the institution's
# profile come from the process's site list (home.site_registry): one read of its stamp; the
# article's audio and braille versions come with its own row.
PAGE_TYPES = [
    ("home", "bantul.localhost", lambda inst, article, profile: "/", 5, "Kabar gotong royong 2"),
    (
        "news index",
        "bantul.localhost",
        lambda inst, article, profile: inst.news_index.url,
        6,
        "Kerja bakti membersihkan saluran",
    ),
    (
        "article",
        "bantul.localhost",
        lambda inst, article, profile: article.url,
        7,
        "Kabar gotong royong 1",
    ),
    ("standard page", "bantul.localhost", lambda i, a, profile: profile.url, 3, "Visi dan misi."),
    # The portal: the stamp, its page, then the directory's count, the page's institutions
    # (by region and name) and their names, regions and latest news: constant however many
    # institutions exist (tests/test_portal.py, 10 and 200).
    ("portal", "localhost", lambda inst, article, profile: "/", 6, "Kapanewon Bantul"),
    ("search", "bantul.localhost", lambda i, a, p: "/cari/?q=saluran", 6, "membersihkan saluran"),
    ("rss", "bantul.localhost", lambda i, a, p: "/feed/", 5, "Kerja bakti membersihkan saluran"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "host", "path_of", "budget", "shows"), PAGE_TYPES, ids=[p[0] for p in PAGE_TYPES]
)
def test_each_public_page_type_renders_within_its_query_budget(
    client, site_pages, django_assert_num_queries, name, host, path_of, budget, shows
):
    inst, article, profile = site_pages
    client = host_client(client, host)
    path = path_of(inst, article, profile)
    assert client.get(path).status_code == 200  # warm-up: site root paths, renditions

    with django_assert_num_queries(budget):
        response = client.get(path)

    assert response.status_code == 200
    assert shows in response.content.decode()
    if host != "localhost":  # the portal lists every institution's latest news, Bunder's too
        assert "Kabar dari Bunder" not in response.content.decode()


@pytest.mark.django_db
def test_article_budget_covers_audio_braille_related_breadcrumbs_and_images(
    client, site_pages, django_assert_max_num_queries
):
    inst, article, _profile = site_pages
    client = host_client(client, inst.hostname)
    client.get(article.url)

    with django_assert_max_num_queries(ARTICLE_BUDGET):
        html = client.get(article.url).content.decode()

    assert "Dengarkan artikel ini" in html  # the audio section
    assert "kerja-bakti.mp3" in html
    assert "kerja.brf" in html  # the braille download
    assert 'id="berita-terkait"' in html  # related news
    assert "Kabar gotong royong 0" in html
    assert f'href="{inst.news_index.url.split("localhost", 1)[1]}">Berita' in html  # breadcrumbs
    assert 'alt="Warga membawa cangkul"' in html  # the share image
    assert 'alt="Warga mengangkat sampah dari saluran"' in html  # the body image
    assert html.count('width="') >= 5  # every image keeps its size: no layout shift
