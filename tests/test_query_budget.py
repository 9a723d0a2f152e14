"""Public pages cost the same number of queries with 2 or 50 institutions, 10 or 500 news."""

import itertools
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import NewsPage
from tests.institutions import host_client

_numbers = itertools.count(1)


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
    assert max(small.values()) <= 25, small
