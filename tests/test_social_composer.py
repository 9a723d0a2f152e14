"""The "Media sosial" composer: generated messages, edited before go-live, checked, then sent."""

from __future__ import annotations

import pytest
from django.urls import reverse

from social_publish.models import SocialMessage, Syndication
from tests.social_support import (
    facebook_channel,
    instagram_channel,
    run_jobs,
    x_channel,
    youtube_channel,
)

pytestmark = [pytest.mark.usefixtures("social_env"), pytest.mark.django_db]

LONG_URL = "https://bunder.localhost/berita/" + "a" * 200


@pytest.fixture(autouse=True)
def _fresh_renditions():
    """Image ids repeat between tests; a cached rendition would point at a deleted file."""
    from django.core.cache import cache

    cache.clear()


def composer_url(page) -> str:
    return reverse("social_publish_messages", args=[page.pk])


@pytest.fixture
def channels(bunder, fake_graph, fake_x):
    return {
        "facebook": facebook_channel(bunder, fake_graph),
        "instagram": instagram_channel(bunder, fake_graph),
        "x": x_channel(bunder, fake_x),
    }


@pytest.fixture
def editor(client, bunder):
    client.force_login(bunder.user("penulis"))
    return client


def draft(institution):
    page = institution.news(
        "Musyawarah desa Bunder", publish=False, share_image=institution.image()
    )
    page.tags.add("musdes", "anggaran desa")
    page.save_revision()
    return page


def form_data(channels, **texts) -> dict[str, str]:
    return {f"text_{channels[kind].pk}": text for kind, text in texts.items()}


def test_each_chosen_channel_gets_a_generated_message_with_a_live_counter(editor, bunder, channels):
    page = draft(bunder)

    html = editor.get(composer_url(page)).content.decode()

    assert html.count('aria-live="polite"') == 3
    assert "message_counter.js" in html
    assert "Musyawarah desa Bunder" in html
    assert "#anggarandesa" in html
    assert page.get_full_url() in html
    assert 'data-limit="280" data-url-weight="23"' in html


def test_the_notes_tell_about_x_pricing_and_instagram_links(editor, bunder, channels):
    html = editor.get(composer_url(draft(bunder))).content.decode()

    assert "tarif lebih tinggi" in html  # X bills posts with a link at a higher rate
    assert "tidak dapat diklik" in html  # Instagram caption links are not clickable


def test_edited_messages_are_what_goes_live(editor, bunder, channels, fake_graph, fake_x):
    page = draft(bunder)
    url = page.get_full_url()
    data = form_data(
        channels,
        facebook=f"Warga diundang musyawarah. {url}",
        x=f"Ayo ikut musdes! {url}",
        instagram="Musyawarah desa hari Sabtu.",
    )

    response = editor.post(composer_url(page), data)
    assert response.status_code == 302
    page.save_revision().publish()
    run_jobs(page)

    assert (
        fake_graph.posts_for(fake_graph.page_id)[0]["message"]
        == data[f"text_{channels['facebook'].pk}"]
    )
    assert fake_x.posts[0]["text"] == f"Ayo ikut musdes! {url}"
    assert Syndication.objects.get(page=page, channel=channels["instagram"]).message == (
        "Musyawarah desa hari Sabtu."
    )


def test_x_counts_every_link_as_23_characters(editor, bunder, channels):
    page = draft(bunder)
    fits = "x" * (280 - 23 - 1) + " " + page.get_full_url()
    too_long = "x" * (280 - 23) + " " + page.get_full_url()

    assert editor.post(composer_url(page), form_data(channels, x=fits)).status_code == 302
    response = editor.post(composer_url(page), form_data(channels, x=too_long))

    assert response.status_code == 200
    assert "281 karakter; batasnya 280" in response.content.decode()
    assert SocialMessage.objects.get(channel=channels["x"]).text == fits


def test_a_long_link_alone_does_not_break_the_x_limit(editor, bunder, channels):
    page = draft(bunder)
    data = form_data(channels, x=f"Baca: {page.get_full_url()} {LONG_URL}")

    assert editor.post(composer_url(page), data).status_code == 302


def test_limits_of_instagram_and_youtube_are_explained_in_indonesian(
    editor, bunder, channels, fake_google
):
    page = draft(bunder)
    youtube = youtube_channel(bunder, fake_google)
    data = {
        **form_data(channels, instagram="a" * 2201),
        f"title_{youtube.pk}": "J" * 101,
        f"text_{youtube.pk}": "d" * 5001,
    }

    html = editor.post(composer_url(page), data).content.decode()

    assert "2201 karakter; batasnya 2200" in html
    assert "101 karakter; batasnya 100" in html
    assert "5001 karakter; batasnya 5000" in html
    assert not SocialMessage.objects.exists()


def test_an_emptied_message_goes_back_to_the_generated_one(editor, bunder, channels, fake_x):
    page = draft(bunder)
    editor.post(composer_url(page), form_data(channels, x=f"Versi lama {page.get_full_url()}"))

    editor.post(composer_url(page), form_data(channels, x=""))
    page.save_revision().publish()
    run_jobs(page)

    assert not SocialMessage.objects.exists()
    assert fake_x.posts[0]["text"].startswith("Musyawarah desa Bunder")


def test_an_editor_of_another_institution_cannot_open_or_change_the_messages(
    client, bunder, bantul, channels
):
    page = draft(bunder)
    client.force_login(bantul.user("penulis"))

    assert client.get(composer_url(page)).status_code == 404
    assert client.post(composer_url(page), form_data(channels, x="x")).status_code == 404
    assert not SocialMessage.objects.exists()


def test_the_page_header_links_to_the_composer(editor, bunder, channels):
    page = draft(bunder)

    html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    assert composer_url(page) in html
