"""`create_institution` provisions a complete, isolated institution, idempotently."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from home.models import HomePage, InstitutionRole, InstitutionSettings, NewsIndexPage


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("create_institution", *args, stdout=out)
    return out.getvalue()


ARGS = ("--name", "Kalurahan Bunder", "--hostname", "bunder.localhost", "--type", "kalurahan")


@pytest.mark.django_db
def test_creates_site_tree_collection_groups_and_settings():
    output = run(*ARGS, "--region", "Kapanewon Patuk")

    site = Site.objects.get(hostname="bunder.localhost")
    assert isinstance(site.root_page.specific, HomePage)
    assert NewsIndexPage.objects.child_of(site.root_page).live().count() == 1
    settings = InstitutionSettings.objects.get(site=site)
    assert (settings.official_name, settings.parent_region) == (
        "Kalurahan Bunder",
        "Kapanewon Patuk",
    )
    assert settings.collection.name == "Kalurahan Bunder"
    assert InstitutionRole.objects.filter(site=site).count() == 3
    assert "siap di bunder.localhost" in output


@pytest.mark.django_db
def test_permissions_are_scoped_to_the_institution_subtree_and_collection():
    run(*ARGS)
    site = Site.objects.get(hostname="bunder.localhost")
    groups = Group.objects.filter(institution_role__site=site)
    page_perm_pages = set(
        GroupPagePermission.objects.filter(group__in=groups).values_list("page", flat=True)
    )
    collections = set(
        GroupCollectionPermission.objects.filter(group__in=groups).values_list(
            "collection", flat=True
        )
    )
    assert page_perm_pages == {site.root_page_id}
    assert collections == {InstitutionSettings.objects.get(site=site).collection_id}
    assert not GroupPagePermission.objects.filter(
        group__in=groups, page=Page.get_first_root_node()
    ).exists()


@pytest.mark.django_db
def test_second_run_changes_nothing_and_says_so():
    run(*ARGS)
    counts = (
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )

    output = run(*ARGS)

    assert "tidak ada perubahan" in output
    assert counts == (
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )


@pytest.mark.django_db
def test_unknown_type_is_refused_and_nothing_is_written():
    # "kesultanan" is not a unit that runs a government website; "provinsi" now is.
    with pytest.raises(CommandError):
        run("--name", "X", "--hostname", "x.localhost", "--type", "kesultanan")
    assert not Site.objects.filter(hostname="x.localhost").exists()


@pytest.mark.django_db
def test_hostname_of_a_non_institution_site_is_refused_in_indonesian():
    with pytest.raises(CommandError, match="sudah dipakai situs lain"):
        run("--name", "Portal", "--hostname", "localhost", "--type", "dinas")
    assert InstitutionRole.objects.count() == 0
