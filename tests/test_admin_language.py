"""The admin speaks Indonesian to institution users, from the login page on."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_indonesian(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()

    assert '<html lang="id"' in html
    assert "Masuk" in html and "Kata sandi" in html


def test_dashboard_of_an_editor_is_indonesian(client, bantul):
    client.force_login(bantul.user("penulis"))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Dasbor" in html
    assert "Dashboard" not in html
