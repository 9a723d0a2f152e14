"""A member of one institution never sees another institution's content in the admin.

Every surface is exercised through the admin's real HTTP views, as a logged-in member.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from home.models import InstitutionRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(bantul, bunder):
    """Bantul and Bunder, each with a draft, a live news item, an image and a document."""
    for inst, name in ((bantul, "Bantul"), (bunder, "Bunder")):
        inst.live_news = inst.news(f"Kabar rahasia {name}")
        inst.draft_news = inst.news(f"Draf rahasia {name}", publish=False)
        inst.photo = inst.image(title=f"Foto rahasia {name}", description=f"Foto {name}")
        document = get_document_model()(title=f"Dokumen rahasia {name}", collection=inst.collection)
        document.file.save(f"dokumen-{name}.txt", ContentFile(b"isi"), save=True)
        inst.document = document
        workflow = Workflow.objects.create(name=f"Alur {name}")
        task = GroupApprovalTask.objects.create(name=f"Persetujuan {name}")
        task.groups.set([InstitutionRole.objects.get(site=inst.site, key="penyetuju").group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=inst.home)
        requester = inst.user("penulis", username=f"pengaju-{name.lower()}")
        workflow.start(inst.draft_news, requester)
    return bantul, bunder


@pytest.fixture
def operator(django_user_model):
    return django_user_model.objects.create_superuser("operator", "op@example.go.id", "x")


def as_member(client, inst, role="penulis"):
    client.force_login(inst.user(role))
    return client


def test_explorer_lists_only_own_pages(client, two):
    bantul, bunder = two
    client = as_member(client, bantul)

    own = client.get(reverse("wagtailadmin_explore", args=[bantul.news_index.pk]))
    foreign = client.get(reverse("wagtailadmin_explore", args=[bunder.news_index.pk]))
    root = client.get(reverse("wagtailadmin_explore_root"), follow=True)

    assert "Draf rahasia Bantul" in own.content.decode()
    assert foreign.status_code == 404  # another institution's page: not found (admin_guard)
    assert "Bunder" not in root.content.decode()


def test_admin_page_search_finds_only_own_pages(client, two):
    bantul, _ = two
    client = as_member(client, bantul)

    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "rahasia"}).content.decode()

    assert "Draf rahasia Bantul" in html
    assert "rahasia Bunder" not in html


def test_page_chooser_offers_only_own_pages(client, two, operator):
    bantul, bunder = two
    client.force_login(operator)
    operator_search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "rahasia"})
    assert "rahasia Bunder" in operator_search.content.decode()
    client = as_member(client, bantul)

    browse_root = client.get(reverse("wagtailadmin_choose_page")).content.decode()
    browse_foreign = client.get(
        reverse("wagtailadmin_choose_page_child", args=[bunder.news_index.pk])
    )
    search = client.get(
        reverse("wagtailadmin_choose_page_search"), {"q": "rahasia"}
    ).content.decode()

    assert "Kalurahan Bunder" not in browse_root
    assert "rahasia Bunder" not in browse_foreign.content.decode()
    assert "Kabar rahasia Bantul" in search
    assert "rahasia Bunder" not in search


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:aging_pages",
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:workflow",
        "wagtailadmin_reports:workflow_tasks",
    ],
)
def test_reports_show_only_own_pages_and_users(client, two, operator, url_name):
    bantul, bunder = two
    bunder_user = bunder.user("admin", username="pengguna-bunder")
    bunder.draft_news.save_revision(user=bunder_user, log_action=True)
    bunder_live = bunder.live_news
    bunder_live.locked, bunder_live.locked_by = True, bunder_user
    bunder_live.save()
    bunder_live.last_published_at = bunder_live.last_published_at.replace(year=2020)
    bunder_live.save()

    client.force_login(operator)
    seen_by_operator = client.get(reverse(url_name)).content.decode()
    client = as_member(client, bantul, "admin")
    html = client.get(reverse(url_name)).content.decode()

    assert "rahasia Bunder" in seen_by_operator  # the report does list such pages
    assert "rahasia Bunder" not in html
    assert "pengguna-bunder" not in html
    assert "pengaju-bunder" not in html


def test_page_listing_filters_offer_only_colleagues_and_own_site(client, two, operator):
    bantul, bunder = two
    bunder_editor = bunder.user("penulis", username="penyunting-bunder")
    bunder.draft_news.save_revision(user=bunder_editor, log_action=True)
    bantul.draft_news.save_revision(user=bantul.user(username="penyunting-bantul"), log_action=True)
    client.force_login(operator)
    seen_by_operator = client.get(reverse("wagtailadmin_explore", args=[bantul.home.pk]))
    client = as_member(client, bantul, "admin")

    html = client.get(reverse("wagtailadmin_explore", args=[bantul.home.pk])).content.decode()

    assert "penyunting-bunder" in seen_by_operator.content.decode()  # filters do list users
    assert "penyunting-bantul" in html
    assert "penyunting-bunder" not in html
    assert "bunder.localhost" not in html


def test_images_listing_chooser_and_edit_are_collection_scoped(client, two):
    bantul, bunder = two
    client = as_member(client, bantul)

    listing = client.get(reverse("wagtailimages:index")).content.decode()
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    edit_foreign = client.get(reverse("wagtailimages:edit", args=[bunder.photo.pk]))

    assert "Foto rahasia Bantul" in listing
    assert "Foto rahasia Bunder" not in listing
    assert "Foto rahasia Bunder" not in chooser
    assert edit_foreign.status_code == 302


def test_documents_listing_chooser_and_edit_are_collection_scoped(client, two):
    bantul, bunder = two
    client = as_member(client, bantul)

    listing = client.get(reverse("wagtaildocs:index")).content.decode()
    chooser = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    edit_foreign = client.get(reverse("wagtaildocs:edit", args=[bunder.document.pk]))

    assert "Dokumen rahasia Bantul" in listing
    assert "Dokumen rahasia Bunder" not in listing
    assert "Dokumen rahasia Bunder" not in chooser
    assert edit_foreign.status_code == 302


def test_editing_another_institutions_page_is_refused(client, two):
    bantul, bunder = two
    client = as_member(client, bantul, "admin")

    response = client.get(reverse("wagtailadmin_pages:edit", args=[bunder.draft_news.pk]))
    history = client.get(reverse("wagtailadmin_pages:history", args=[bunder.draft_news.pk]))
    own = client.get(reverse("wagtailadmin_pages:history", args=[bantul.draft_news.pk]))

    assert response.status_code == 404  # not found (home/admin_guard.py)
    assert history.status_code == 404  # nor its history (who edited, when)
    assert bunder.draft_news.title not in history.content.decode()
    assert own.status_code == 200


def test_institution_profile_of_another_site_cannot_be_edited(client, two):
    bantul, bunder = two
    client = as_member(client, bantul, "admin")
    url = lambda inst: reverse(  # noqa: E731
        "wagtailsettings:edit", args=["home", "institutionsettings", inst.site.pk]
    )

    own = client.get(url(bantul))
    foreign = client.get(url(bunder))

    assert own.status_code == 200
    assert "Kapanewon Bantul" in own.content.decode()
    assert foreign.status_code == 302
    assert "Kalurahan Bunder" not in own.content.decode()


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailusers_groups:index",
        "wagtailsites:index",
        "wagtailadmin_workflows:index",
        "wagtailadmin_workflows:task_index",
    ],
)
def test_groups_sites_and_workflows_stay_with_operators(client, two, url_name):
    """The institution administrator manages its own people (tests/test_staff.py), nothing
    else of the platform."""
    bantul, _ = two
    client = as_member(client, bantul, "admin")

    response = client.get(reverse(url_name))

    assert response.status_code == 302


def test_using_another_institutions_image_in_a_page_is_refused(client, two):
    bantul, bunder = two
    client = as_member(client, bantul, "admin")
    page = bantul.draft_news
    page.share_image = bunder.photo

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "Gambar untuk dibagikan" in str(error.value)  # the field, never the other's title
    assert "Foto rahasia Bunder" not in str(error.value)
    page.share_image = bantul.photo
    page.full_clean()


@pytest.mark.parametrize("kind", ["image", "document"])
def test_choosing_another_institutions_media_by_id_is_refused(client, two, kind):
    bantul, bunder = two
    client = as_member(client, bantul)
    url_name, obj = (
        ("wagtailimages_chooser:chosen", bunder.photo)
        if kind == "image"
        else ("wagtaildocs_chooser:chosen", bunder.document)
    )

    foreign = client.get(reverse(url_name, args=[obj.pk]))
    own = client.get(
        reverse(url_name, args=[(bantul.photo if kind == "image" else bantul.document).pk])
    )

    assert own.status_code == 200
    assert foreign.status_code == 302  # Wagtail redirects with "permission denied"
    assert obj.title not in foreign.content.decode()


def test_page_privacy_offers_only_the_institutions_own_groups(client, two):
    bantul, bunder = two
    client = as_member(client, bantul, "admin")
    url = reverse("wagtailadmin_pages:set_privacy", args=[bantul.live_news.pk])

    html = client.get(url).content.decode()
    foreign_group = InstitutionRole.objects.get(site=bunder.site, key="admin").group
    response = client.post(url, {"restriction_type": "groups", "groups": [foreign_group.pk]})

    assert "Kapanewon Bantul: Penulis" in html
    assert "Kalurahan Bunder" not in html
    assert not bantul.live_news.get_view_restrictions().exists()
    assert response.status_code == 200
