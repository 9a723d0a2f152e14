"""Wagtail/Django patches live in one module, whose guard stops start-up when a patched symbol
is gone (an upgrade renamed or removed it) instead of silently leaving a tenant gap open."""

import logging

import pytest
import wagtail
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.views.reports import audit_logging
from wagtail.users.models import UserProfile

from home import wagtail_patches
from home.wagtail_patches import Patch, Target, check_patch_targets


def test_the_guard_passes_on_the_installed_wagtail_and_django(capsys):
    assert check_patch_targets() == []

    call_command("check")  # raises SystemCheckError on any error

    assert "no issues" in capsys.readouterr().out


def test_start_up_stops_naming_a_filter_wagtail_no_longer_has(monkeypatch):
    monkeypatch.delitem(PageFilterSet.base_filters, "owner")

    with pytest.raises(SystemCheckError) as raised:
        call_command("check")

    report = str(raised.value)
    assert (
        "(home.E001) wagtail.admin.views.pages.listing.PageFilterSet.base_filters['owner'] "
        "no longer exists; the patch 'PageFilterSet filter owner offers the user's "
        "institutions' needs it."
    ) in report
    assert "checked against Wagtail 8.0.1 and Django 5.2.19" in report
    assert report.count("home.E001") == 1  # the other filters are still there


def test_the_guard_names_a_method_wagtail_no_longer_has(monkeypatch):
    monkeypatch.delattr(UserProfile, "get_current_time_zone")

    errors = check_patch_targets()

    assert [(error.level, error.id) for error in errors] == [(checks.ERROR, "home.E001")]
    assert errors[0].msg == (
        "wagtail.users.models.UserProfile.get_current_time_zone no longer exists; "
        "the patch 'admin time zone defaults to the institution's' needs it."
    )


def test_the_guard_names_every_symbol_of_a_view_wagtail_moved(monkeypatch):
    monkeypatch.delattr(audit_logging, "LogEntriesView")
    monkeypatch.delitem(PageViewRestrictionForm.base_fields, "groups")

    named = [error.msg.split(" no longer exists")[0] for error in check_patch_targets()]

    assert named == [
        "wagtail.admin.views.reports.audit_logging.LogEntriesView.filterset_class",
        "wagtail.admin.forms.pages.PageViewRestrictionForm.base_fields['groups']",
    ]


def test_a_patch_whose_symbol_is_missing_is_skipped_and_logged(caplog):
    installed = []
    broken = Patch(
        "pages lose their go-live",
        (Target("wagtail.models", "Page.go_live_at"), Target("wagtail.models", "Page.gone")),
        lambda: installed.append("broken"),
    )
    working = Patch(
        "pages keep their go-live",
        (Target("wagtail.models", "Page.go_live_at"),),
        lambda: installed.append("working"),
    )

    with caplog.at_level(logging.ERROR, logger="home.wagtail_patches"):
        skipped = wagtail_patches.install([broken, working])

    assert skipped == [broken]
    assert installed == ["working"]
    assert "Not applied: pages lose their go-live (missing wagtail.models.Page.gone)" in (
        caplog.text
    )


def test_another_wagtail_release_is_a_warning_to_re_read_the_patches(monkeypatch):
    monkeypatch.setattr(wagtail, "__version__", "8.1.0")

    messages = check_patch_targets()

    assert [(message.level, message.id) for message in messages] == [(checks.WARNING, "home.W001")]
    assert messages[0].msg == (
        "home/wagtail_patches.py was checked against Wagtail 8.0.1 and Django 5.2.19, "
        "not Wagtail 8.1.0."
    )
