"""An institution's admin edits its profile; branding shows on its public site."""

import pytest
from django.urls import reverse

from tests.institutions import host_client

pytestmark = pytest.mark.django_db


def edit_url(inst):
    return reverse("wagtailsettings:edit", args=["home", "institutionsettings", inst.site.pk])


def profile_form(inst, **changes):
    settings = inst.settings
    data = {
        "official_name": settings.official_name,
        "short_name": "",
        "institution_type": settings.institution_type,
        "parent_region": "Kabupaten Bantul",
        "brand_colour": settings.brand_colour,
        "address": "Jl. Contoh No. 1",
        "phone": "",
        "email": "",
        "time_zone": "Asia/Jakarta",
        "office_hours": '{"mon": ["07:30", "16:00"]}',
        "facebook_url": "",
        "instagram_url": "",
        "youtube_url": "",
        "x_url": "",
    }
    data.update(changes)
    return data


def test_admin_changes_brand_colour_and_the_site_uses_it(client, bantul):
    client.force_login(bantul.user("admin"))

    response = client.post(edit_url(bantul), profile_form(bantul, brand_colour="#7A1F1F"))
    html = host_client(client, bantul.hostname).get("/").content.decode()

    assert response.status_code == 302
    assert ":root { --brand: #7A1F1F; }" in html


def test_unreadable_brand_colour_is_refused_with_the_contrast_named(client, bantul):
    client.force_login(bantul.user("admin"))

    response = client.post(edit_url(bantul), profile_form(bantul, brand_colour="#FFEE58"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "kontras" in html
    assert "4.5:1" in html
    bantul.settings.refresh_from_db()
    assert bantul.settings.brand_colour == "#0B5A8A"


def test_editor_cannot_edit_the_profile(client, bantul):
    client.force_login(bantul.user("penulis"))

    response = client.post(edit_url(bantul), profile_form(bantul, official_name="Diubah"))

    bantul.settings.refresh_from_db()
    assert response.status_code == 302
    assert bantul.settings.official_name == "Kapanewon Bantul"
