"""Institutions created, renamed or re-hosted while the servers run are served at once by every
process (home.site_registry): two ``runserver`` processes with their own local-memory caches,
changes made by a third (this test), each process asked right after."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import ExitStack

import pytest
import requests
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.models import InstitutionSettings, NewsIndexPage
from home.provisioning import InstitutionSpec, provision_institution
from tests.institutions import Institution, host_client
from tests.worker import ROOT, database_url, web_server


def home_page(base: str, hostname: str) -> BeautifulSoup:
    answer = requests.get(f"{base}/", headers={"Host": hostname}, timeout=30)
    assert answer.status_code == 200, answer.text[:2000]
    return BeautifulSoup(answer.text, "html.parser")


def news_links(page: BeautifulSoup, article: str) -> tuple[str, str]:
    """Where the home page's "Semua berita" button and its latest article's card lead."""
    button = page.find("a", string="Semua berita")
    card = page.find("a", string=article)
    assert button is not None, page.get_text(" ", strip=True)[:2000]
    assert card is not None, page.get_text(" ", strip=True)[:2000]
    return button["href"], card["href"]


@pytest.mark.django_db(transaction=True)
def test_an_institution_created_renamed_and_rehosted_is_served_at_once_by_every_process(
    make_institution, tmp_path
):
    bantul = make_institution("bantul", name="Kapanewon Bantul")
    logs = tmp_path / "logs"
    logs.mkdir()
    with ExitStack() as stack:
        servers = [web_server(name, tmp_path / name, logs, stack) for name in ("web-a", "web-b")]
        for base in servers:  # each process has read the site list (and cached its paths)
            assert "Kapanewon Bantul" in home_page(base, bantul.hostname).get_text()

        site = provision_institution(
            InstitutionSpec("Kalurahan Baru", "baru.localhost", "kalurahan")
        ).site
        article = Institution(site).news("Kerja bakti pertama di Kalurahan Baru")
        root = site.root_page.url_path.rstrip("/")
        news_path = NewsIndexPage.objects.child_of(site.root_page).get().url_path
        expected = (news_path.removeprefix(root), article.url_path.removeprefix(root))
        for base in servers:
            page = home_page(base, "baru.localhost")
            assert page.find("h1").get_text(strip=True) == "Kalurahan Baru"
            assert news_links(page, article.title) == expected  # not "None"
            for path in expected:
                answer = requests.get(
                    f"{base}{path}", headers={"Host": "baru.localhost"}, timeout=30
                )
                assert answer.status_code == 200

        profile = InstitutionSettings.objects.get(site=site)
        profile.official_name = "Kalurahan Baru Makmur"
        profile.save()
        site.hostname = "makmur.localhost"
        site.save()
        for base in servers:
            page = home_page(base, "makmur.localhost")
            assert page.find("h1").get_text(strip=True) == "Kalurahan Baru Makmur"
            assert news_links(page, article.title) == expected
            # the old host is no longer the institution: the default site (the portal) if there
            # is one, else "not found"
            old = requests.get(f"{base}/", headers={"Host": "baru.localhost"}, timeout=30)
            assert old.status_code in (200, 404)
            heading = BeautifulSoup(old.text, "html.parser").find("h1")
            assert heading is None or heading.get_text(strip=True) != "Kalurahan Baru Makmur"


# A long-running process (like a qcluster worker composing a social post) asked for page
# addresses, one page id per line: it builds them without a request, from the root paths.
ADDRESS_READER = (
    "import sys\n"
    "from wagtail.models import Page\n"
    "for line in sys.stdin:\n"
    "    print(Page.objects.get(pk=int(line)).specific.full_url, flush=True)\n"
)


@pytest.mark.django_db(transaction=True)
def test_a_running_worker_links_an_article_of_an_institution_created_after_it_started(
    make_institution, tmp_path
):
    bantul = make_institution("bantul", name="Kapanewon Bantul")
    known = bantul.news("Kabar lama dari Bantul")
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "shell", "--no-imports", "-c", ADDRESS_READER],
        cwd=tmp_path,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url(),
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def address(page) -> str:
        worker.stdin.write(f"{page.pk}\n")
        worker.stdin.flush()
        return worker.stdout.readline().strip()

    try:
        assert (
            address(known)
            == f"http://{bantul.hostname}{known.url_path.removeprefix(bantul.home.url_path.rstrip('/'))}"
        )
        site = provision_institution(
            InstitutionSpec("Kalurahan Baru", "baru.localhost", "kalurahan")
        ).site
        article = Institution(site).news("Kerja bakti pertama di Kalurahan Baru")
        path = article.url_path.removeprefix(site.root_page.url_path.rstrip("/"))
        assert address(article) == f"http://baru.localhost{path}"  # not "None"
        site.hostname = "makmur.localhost"
        site.save()
        assert address(article) == f"http://makmur.localhost{path}"
    finally:
        worker.stdin.close()
        worker.wait(timeout=30)


@pytest.mark.django_db
def test_a_request_reads_the_site_list_stamp_once_and_not_every_site(client, make_institution):
    bantul = make_institution("bantul", name="Kapanewon Bantul")
    host = host_client(client, bantul.hostname)
    host.get("/")  # warms this process's copy
    with CaptureQueriesContext(connection) as queries:
        assert host.get("/").status_code == 200
    site_table = Site._meta.db_table
    settings_table = InstitutionSettings._meta.db_table
    touched = [q["sql"] for q in queries if site_table in q["sql"] or settings_table in q["sql"]]
    assert touched == []
    assert sum("home_sitelistversion" in q["sql"] for q in queries) == 1


@pytest.mark.django_db
def test_a_profile_saved_in_this_process_is_shown_on_the_next_request(client, make_institution):
    bantul = make_institution("bantul", name="Kapanewon Bantul")
    host = host_client(client, bantul.hostname)
    assert "Kapanewon Bantul" in host.get("/").content.decode()
    profile = InstitutionSettings.objects.get(site__hostname=bantul.hostname)
    profile.official_name = "Kapanewon Bantul Raya"
    profile.save()
    assert "Kapanewon Bantul Raya" in host.get("/").content.decode()
