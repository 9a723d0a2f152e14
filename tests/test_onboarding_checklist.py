"""The first-week checklist on a new institution's dashboard, as its administrator sees it."""

from __future__ import annotations

import re

import pytest
from django.urls import resolve, reverse

from social_publish.models import Channel, ChannelKind, ChannelStatus
from tests.sop_helpers import as_user, create_with_sop

pytestmark = pytest.mark.django_db

LABELS = [
    "Profil dan logo",
    "Staf diundang",
    "SOP terpasang dan dicetak",
    "Kanal terhubung",
    "Berita pertama terbit",
]


def dashboard(client, user) -> str:
    response = as_user(client, user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def panel(html: str, name: str) -> str:
    match = re.search(
        rf'<section[^>]*id="onboarding-checklist-\d+-section"'
        rf".*?Minggu pertama: {name}.*?</section>",
        html,
        re.S,
    )
    return match.group(0) if match else ""


def todo_links(section: str) -> dict[str, str]:
    """Label → link of each item not yet done."""
    return {
        label: href
        for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', section)
        if label in LABELS
    }


def test_a_new_institution_shows_every_item_to_do_with_a_link_that_opens(client, bantul):
    admin = bantul.user("admin")

    section = panel(dashboard(client, admin), "Kapanewon Bantul")

    assert "0 dari 5 selesai." in section
    links = todo_links(section)
    assert list(links) == LABELS
    assert links["Profil dan logo"] == reverse(
        "wagtailsettings:edit", args=["home", "institutionsettings", bantul.site.pk]
    )
    assert links["Berita pertama terbit"] == reverse(
        "wagtailadmin_pages:add_subpage", args=[bantul.news_index.pk]
    )
    assert "Minta operator platform memasang SOP instansi Anda (install_sop)" in section
    for label, url in links.items():
        assert resolve(url), label
    for label in ("Profil dan logo", "Kanal terhubung", "Berita pertama terbit"):
        opened = client.get(links[label], follow=True)  # not bounced to the dashboard
        assert opened.status_code == 200, label
        assert opened.request["PATH_INFO"] != reverse("wagtailadmin_home"), label


def test_items_tick_from_the_real_state_and_the_panel_goes_once_all_are_done(client):
    bantul = create_with_sop("kapanewon_bantul")
    admin = bantul.user("admin")
    links = todo_links(panel(dashboard(client, admin), "Kapanewon Bantul"))
    assert links["SOP terpasang dan dicetak"].startswith("/admin/sop/document/")

    assert client.get(links["SOP terpasang dan dicetak"]).status_code == 200  # printed
    bantul.user("pengelola_website")  # a member of staff with an SOP role
    section = panel(dashboard(client, admin), "Kapanewon Bantul")
    assert "2 dari 5 selesai." in section
    assert list(todo_links(section)) == [
        "Profil dan logo",
        "Kanal terhubung",
        "Berita pertama terbit",
    ]
    assert 'SOP terpasang dan dicetak</span> <span class="w-sr-only">(selesai)' in section

    profile = bantul.settings
    profile.logo, profile.address, profile.phone = bantul.image(), "Jl. Mawar 1", "0274 367"
    profile.save()
    Channel.objects.create(
        site=bantul.site, kind=ChannelKind.FACEBOOK, name="Kapanewon Bantul", status="active"
    )
    rehearsal = Channel.objects.create(site=bantul.site, kind=ChannelKind.SANDBOX, name="Latihan")
    assert rehearsal.status == ChannelStatus.ACTIVE  # does not count: nothing reaches anyone
    assert list(todo_links(panel(dashboard(client, admin), "Kapanewon Bantul"))) == [
        "Berita pertama terbit"
    ]

    bantul.news("Berita pertama")
    html = dashboard(client, admin)

    assert "Minggu pertama" not in html


def test_only_the_institutions_own_administrators_see_its_checklist(client, bantul, bunder):
    assert panel(dashboard(client, bunder.user("admin")), "Kalurahan Bunder")
    assert "Kapanewon Bantul" not in dashboard(client, bunder.user("admin"))
    assert "Minggu pertama" not in dashboard(client, bantul.user("penulis"))
