"""The page editor's saves: Wagtail 8's autosave never undoes a publication."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail import hooks

from home.models import NewsPage
from tests.institutions import host_client
from tests.test_accessibility_alt_text import edit_data

pytestmark = pytest.mark.django_db

ALT = "Warga membersihkan saluran irigasi di Padukuhan Bunder"


def test_an_autosave_in_flight_when_the_page_is_published_leaves_it_live(client, bantul):
    """The editor types, then presses "Terbitkan" before the half-second autosave returns.

    The autosave request loaded the page while it was still a draft; the publication commits
    before that request saves. Without care its save writes ``live=False`` back.
    """
    page = bantul.news("Kerja bakti saluran irigasi", publish=False)
    page._test_image = bantul.image("Foto kerja bakti", ALT)
    admin = bantul.user("admin")
    client.force_login(admin)
    host_client(client, bantul.hostname)

    def publish_meanwhile(request, loaded_page):
        NewsPage.objects.get(pk=loaded_page.pk).save_revision(user=admin).publish(user=admin)

    with hooks.register_temporarily("before_edit_page", publish_meanwhile):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_data(page, ALT),
            headers={"Accept": "application/json"},
        )

    assert response.status_code == 200
    assert response.json()["success"]
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id is not None
    assert page.first_published_at is not None


def test_a_draft_save_of_a_live_page_keeps_it_live_with_changes_pending(client, bantul):
    page = bantul.news("Musyawarah padukuhan", publish=True)
    page._test_image = bantul.image("Foto musyawarah", ALT)
    client.force_login(bantul.user("penulis"))
    host_client(client, bantul.hostname)

    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page, ALT))

    page.refresh_from_db()
    assert page.live
    assert page.has_unpublished_changes
