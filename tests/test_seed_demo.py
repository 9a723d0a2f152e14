"""`seed_demo` loads the five SOP institutions, a user per role and illustrated news, once."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Site, WorkflowPage

from home.models import InstitutionRole, InstitutionSettings, NewsPage
from sop_workflow.models import InstalledSop
from tests.institutions import host_client

HOSTS = {"bantul", "bunder", "dpmk", "jenawi", "ketapang"}


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", "--allow-without-debug", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_builds_the_five_institutions_and_is_safe_to_rerun(client):
    seed()
    counts = (NewsPage.objects.count(), get_user_model().objects.count())

    second = seed()

    assert {
        site.hostname.split(".")[0] for site in Site.objects.filter(hostname__endswith=".localhost")
    } == HOSTS
    assert counts[0] >= 12
    assert counts == (NewsPage.objects.count(), get_user_model().objects.count())
    assert "tidak ada perubahan" in second
    for site in Site.objects.filter(hostname__endswith=".localhost"):
        installed = InstalledSop.current_for_site(site)
        assert installed is not None
        assert installed.workflow.active
        assert WorkflowPage.objects.get(page=site.root_page).workflow == installed.workflow
    panewu = get_user_model().objects.get(username="bantul.panewu")
    assert panewu.check_password("demo-sop-2026")
    assert (
        panewu.groups.get()
        == InstitutionRole.objects.get(site__hostname="bantul.localhost", key="panewu").group
    )
    for page in NewsPage.objects.live():
        assert page.share_image
        assert page.share_image_alt.strip()
        institution = InstitutionSettings.objects.get(site=page.get_site())
        assert page.share_image.collection == institution.collection
    html = host_client(client, "jenawi.localhost").get("/").content.decode()
    assert "Kecamatan Jenawi" in html
    assert 'class="card"' in html
    # The Seksi of Bunder finds the demo disposition on the dashboard, once.
    client.force_login(get_user_model().objects.get(username="bunder.seksi"))
    dashboard = host_client(client, "bunder.localhost").get("/admin/").content.decode()
    assert dashboard.count("Liputan Posyandu Balita Padukuhan Bunder") == 1


@pytest.mark.django_db
def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG=True"):
        call_command("seed_demo", stdout=StringIO())
    assert not get_user_model().objects.filter(username="operator").exists()
