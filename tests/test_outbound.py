"""The Satu Data (CKAN) connect form calls public portals only, and never shows their answer."""

from __future__ import annotations

import pytest
from django.urls import reverse

from social_publish.models import Channel
from tests.fakes.base import Response
from tests.social_support import ckan_channel, document, run_jobs

pytestmark = [pytest.mark.usefixtures("social_env"), pytest.mark.django_db]

PRIVATE = "mengarah ke jaringan loopback, link-local, atau privat"


def connect(client, institution, base_url: str, fake_ckan, token: str | None = None):
    """The institution admin submits the real connect form."""
    client.force_login(institution.user("admin"))
    return client.post(
        reverse("social_publish_channels:connect_ckan"),
        {
            "base_url": base_url,
            "organization": fake_ckan.org["name"],
            "api_token": token or fake_ckan.api_token,
        },
    )


def test_a_loopback_portal_is_refused_unless_the_operator_allows_it(
    client, bunder, fake_ckan, monkeypatch
):
    monkeypatch.setenv("SOCIAL_OUTBOUND_ALLOWED_HOSTS", "")
    refused = connect(client, bunder, fake_ckan.base_url, fake_ckan)

    assert refused.status_code == 200
    assert f"Alamat 127.0.0.1 {PRIVATE}" in refused.content.decode()
    assert "SOCIAL_OUTBOUND_ALLOWED_HOSTS" in refused.content.decode()
    assert fake_ckan.requests == []  # resolved and refused before any request
    assert not Channel.objects.filter(kind="ckan").exists()

    monkeypatch.setenv("SOCIAL_OUTBOUND_ALLOWED_HOSTS", "127.0.0.0/8")
    allowed = connect(client, bunder, fake_ckan.base_url, fake_ckan)
    assert allowed.status_code == 302
    assert Channel.objects.get(site=bunder.site, kind="ckan").base_url == fake_ckan.base_url


@pytest.mark.parametrize(
    ("base_url", "host"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),  # cloud metadata
        ("http://10.20.30.40:5000", "10.20.30.40"),
        ("http://192.168.1.1", "192.168.1.1"),
        ("http://[::1]:8080", "::1"),
        ("http://[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
        ("http://localhost:9", "localhost"),  # a name: resolved first, then refused
    ],
)
def test_private_and_link_local_addresses_are_refused(
    client, bunder, fake_ckan, monkeypatch, base_url, host
):
    monkeypatch.setenv("SOCIAL_OUTBOUND_ALLOWED_HOSTS", "")
    response = connect(client, bunder, base_url, fake_ckan)

    assert response.status_code == 200
    assert f"Alamat {host} {PRIVATE}" in response.content.decode()
    assert not Channel.objects.filter(kind="ckan").exists()


def test_an_unknown_host_is_named(client, bunder, fake_ckan):
    response = connect(client, bunder, "https://portal-satu-data.invalid", fake_ckan)

    assert "Host portal-satu-data.invalid tidak ditemukan. Periksa alamat portal." in (
        response.content.decode()
    )


def test_the_portal_s_error_text_is_never_shown_in_the_form(client, bunder, fake_ckan):
    secret = "RAHASIA-internal db=10.0.0.5 password=hunter2"
    fake_ckan.fail_with(
        Response(
            403, {"success": False, "error": {"__type": "Authorization Error", "message": secret}}
        ),
        path=r"organization_list_for_user",
    )

    html = connect(client, bunder, fake_ckan.base_url, fake_ckan).content.decode()

    assert "Portal tidak menerima token ini untuk organisasi tersebut." in html
    assert "RAHASIA" not in html
    assert "hunter2" not in html


def test_a_page_that_is_not_a_portal_is_not_shown_back(client, bunder, fake_ckan):
    fake_ckan.fail_with(Response(200, "<html>Intranet Pemda: daftar server</html>"), path=r".")

    html = connect(client, bunder, fake_ckan.base_url, fake_ckan).content.decode()

    assert "Alamat ini tidak menjawab seperti portal CKAN." in html
    assert "daftar server" not in html


def test_a_redirect_from_the_portal_is_not_followed(client, bunder, fake_ckan):
    fake_ckan.fail_with(
        Response(302, None, {"Location": "http://169.254.169.254/latest/meta-data/"}), path=r"."
    )

    html = connect(client, bunder, fake_ckan.base_url, fake_ckan).content.decode()

    assert "Alamat ini tidak menjawab seperti portal CKAN." in html
    assert len(fake_ckan.requests) == 1


def test_delivery_re_checks_the_address_before_each_request(bunder, fake_ckan, monkeypatch):
    """A channel stored while its address was allowed: once it is not, nothing is sent."""
    ckan_channel(bunder, fake_ckan)
    monkeypatch.setenv("SOCIAL_OUTBOUND_ALLOWED_HOSTS", "")
    data = document(bunder, "curah-hujan.csv", b"bulan,mm\n1,320\n")
    page = bunder.news(body=[("document", {"document": data, "title": "Data"})])

    [row] = run_jobs(page)

    assert row.state == "failed"
    assert PRIVATE in row.last_error
    assert fake_ckan.requests == []
