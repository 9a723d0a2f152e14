"""What the admin guard (``home/admin_guard.py``) and the tag scoping (``home/tag_tenancy.py``)
refuse, and what they still let a member do with the institution's own pages and tags.

The census (``tests/test_admin_url_census.py``) proves every URL refuses; these tests show the
refusal as a person sees it, and that the institution's own work is untouched.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from social_publish.models import Syndication
from tests.social_support import facebook_channel

pytestmark = pytest.mark.django_db

NO_PERMISSION = "Maaf, Anda tidak memiliki izin untuk mengakses area ini."


@pytest.fixture
def tagged(bantul, bunder):
    for inst, name in ((bantul, "Bantul"), (bunder, "Bunder")):
        inst.photo = inst.image(title=f"Foto {name}")
        inst.photo.tags.add(f"kegiatan-{name.lower()}")
        inst.article = inst.news(f"Kabar rahasia {name}")
        inst.article.tags.add(f"kabar-{name.lower()}")
        inst.article.save_revision().publish()
    return bantul, bunder


def test_tag_autocomplete_offers_only_the_institutions_own_tags(client, tagged):
    bantul, _ = tagged
    client.force_login(bantul.user("penulis"))

    pages = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "kabar"})
    media = client.get(
        reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"]), {"term": "keg"}
    )

    assert pages.json() == ["kabar-bantul"]
    assert media.json() == ["kegiatan-bantul"]


def test_operator_is_offered_every_tag(client, tagged, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("op", "op@x.id", "x"))

    response = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "kabar"})

    assert response.json() == ["kabar-bantul", "kabar-bunder"]


def test_image_listing_and_chooser_offer_only_own_popular_tags(client, tagged):
    bantul, _ = tagged
    client.force_login(bantul.user("penulis"))

    listing = client.get(reverse("wagtailimages:index")).content.decode()
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()

    for html in (listing, chooser):
        assert "kegiatan-bantul" in html
        assert "kegiatan-bunder" not in html


def test_another_institutions_page_is_not_found(client, tagged):
    bantul, bunder = tagged
    client.force_login(bantul.user("admin"))

    response = client.get(
        reverse("wagtailadmin_pages:move_confirm", args=[bunder.article.pk, bunder.news_index.pk])
    )

    assert response.status_code == 404
    assert "rahasia Bunder" not in response.content.decode()


def test_own_pages_still_open_for_moving_and_bulk_actions(client, tagged):
    bantul, _ = tagged
    client.force_login(bantul.user("admin"))

    move = client.get(
        reverse("wagtailadmin_pages:move_confirm", args=[bantul.article.pk, bantul.news_index.pk])
    )
    bulk = client.get(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"]),
        {"id": "all", "childOf": bantul.news_index.pk},
    )

    assert move.status_code == 200
    assert "Kabar rahasia Bantul" in move.content.decode()
    assert bulk.status_code == 200
    assert "Kabar rahasia Bantul" in bulk.content.decode()


def test_bulk_action_naming_another_institutions_page_is_refused(client, tagged):
    bantul, bunder = tagged
    client.force_login(bantul.user("admin"))

    response = client.get(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]),
        {"id": [bantul.article.pk, bunder.article.pk]},
    )

    assert response.status_code == 404
    assert "rahasia Bunder" not in response.content.decode()


def test_task_chooser_and_page_types_report_are_the_operators(client, tagged, django_user_model):
    bantul, _ = tagged
    client.force_login(bantul.user("admin"))

    chooser = client.get(reverse("wagtailadmin_workflows:task_chooser"))
    report = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert chooser.status_code == report.status_code == 302
    assert chooser["Location"] == report["Location"] == reverse("wagtailadmin_home")
    assert NO_PERMISSION in dashboard
    assert reverse("wagtailadmin_reports:page_types_usage") not in dashboard

    client.force_login(django_user_model.objects.create_superuser("op", "op@x.id", "x"))
    assert client.get(reverse("wagtailadmin_workflows:task_chooser")).status_code == 200
    operator_report = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    assert operator_report.status_code == 200
    operator_dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:page_types_usage") in operator_dashboard


def test_retrying_a_post_never_redirects_to_another_site(client, bunder, fake_graph):
    """A forged ``next`` (a link sent to the admin) lands on the posts listing instead."""
    facebook_channel(bunder, fake_graph)
    page = bunder.news()
    Syndication.objects.filter(page_id=page.pk).update(state="failed")
    row = Syndication.objects.get(page_id=page.pk)
    client.force_login(bunder.user("admin"))
    retry = reverse("social_publish_syndications:retry", args=[row.pk])

    forged = client.post(retry, {"next": "https://jahat.example/masuk"})
    Syndication.objects.filter(pk=row.pk).update(state="failed")
    own = client.post(retry, {"next": reverse("social_publish_syndications:page", args=[page.pk])})

    assert forged.status_code == 302
    assert forged["Location"] == reverse("social_publish_syndications:index")
    assert own["Location"] == reverse("social_publish_syndications:page", args=[page.pk])


def test_the_page_chooser_still_climbs_to_the_tree_root_showing_only_own_pages(client, tagged):
    bantul, _ = tagged
    client.force_login(bantul.user("penulis"))
    root = bantul.home.get_parent()

    response = client.get(reverse("wagtailadmin_choose_page_child", args=[root.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kapanewon Bantul" in html
    assert "Bunder" not in html
