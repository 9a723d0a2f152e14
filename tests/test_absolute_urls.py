"""Absolute links in pages and the feed carry the host and port the site is served on."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.institutions import host_client

HOST = "bantul.localhost:8000"  # what `make run` serves; the Site itself says port 80


def head_link(html: str, rel: str) -> str:
    match = re.search(rf'<link rel="{rel}"[^>]*href="([^"]+)"', html)
    assert match, f"no <link rel={rel}>"
    return match.group(1)


@pytest.mark.django_db
def test_home_links_its_feed_and_itself_with_the_port(client, bantul):
    html = host_client(client, HOST).get("/").content.decode()

    assert head_link(html, "alternate") == "http://bantul.localhost:8000/feed/"
    assert head_link(html, "canonical") == "http://bantul.localhost:8000/"


@pytest.mark.django_db
def test_news_page_share_url_and_canonical_have_the_port(client, bantul):
    news = bantul.news("Kerja bakti di Padukuhan Jetis")
    path = news.get_url_parts()[2]

    html = host_client(client, HOST).get(path).content.decode()

    expected = f"http://bantul.localhost:8000{path}"
    assert f'<meta property="og:url" content="{expected}">' in html
    assert head_link(html, "canonical") == expected
    assert head_link(html, "alternate") == "http://bantul.localhost:8000/feed/"


@pytest.mark.django_db
def test_feed_links_point_to_the_port_the_feed_was_read_on(client, bantul):
    news = bantul.news("Posyandu balita bulan Juli")

    response = host_client(client, HOST).get("/feed/")

    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("link") == "http://bantul.localhost:8000/"
    items = {item.findtext("title"): item.findtext("link") for item in channel.iter("item")}
    assert items["Posyandu balita bulan Juli"] == (
        f"http://bantul.localhost:8000{news.get_url_parts()[2]}"
    )


@pytest.mark.django_db
def test_without_a_port_the_links_have_none(client, bantul):
    news = bantul.news("Rapat koordinasi PPID")

    html = host_client(client, "bantul.localhost").get(news.get_url_parts()[2]).content.decode()
    feed = host_client(client, "bantul.localhost").get("/feed/").content.decode()

    assert head_link(html, "alternate") == "http://bantul.localhost/feed/"
    assert f"<link>http://bantul.localhost{news.get_url_parts()[2]}</link>" in feed
