"""The Content-Security-Policy headers of the public sites and the admin (README "Security");
that real pages raise no violation under them is shown in Chromium
(tests/browser/test_signin_csp.py)."""

from __future__ import annotations

import base64
import hashlib
import re


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_public_pages_allow_only_own_script_files_and_the_brand_style_by_hash(client, bantul):
    bantul.settings.brand_colour = "#1d4e89"
    bantul.settings.save()
    response = client.get("/", HTTP_HOST=bantul.hostname)
    policy = directives(response)

    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    style = re.search(r"<style>([^<]+)</style>", response.content.decode()).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert style == ":root { --brand: #1d4e89; }"
    assert policy["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert "<script>" not in response.content.decode()
    # the same bytes on every response: the ETag holds and a revalidation gets a 304
    again = client.get("/", HTTP_HOST=bantul.hostname, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_admin_allows_no_foreign_script_style_or_form_target(client, bantul):
    client.force_login(bantul.user("penulis"))
    response = client.get("/admin/")
    policy = directives(response)

    assert response.status_code == 200
    # inline scripts: Wagtail's chooser widgets still need them (README "Security")
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_the_login_page_carries_the_admin_policy(client, db):
    policy = directives(client.get("/admin/login/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_date_widgets_render_without_inline_scripts(client, bantul):
    client.force_login(bantul.user("penulis"))
    page = bantul.news("Kerja bakti")
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert 'data-security-chooser="date"' in html
    assert "initDateChooser(" not in html
    assert "initDateTimeChooser(" not in html
