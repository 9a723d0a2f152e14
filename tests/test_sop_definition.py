"""The declarative SOP definitions: the five bundled SOPs and the validation of the format."""

from __future__ import annotations

import copy
import os
from datetime import date, timedelta
from typing import Any

import pytest
from django.conf import settings

if not settings.configured and "DJANGO_SETTINGS_MODULE" not in os.environ:
    settings.configure(USE_I18N=False)  # run with -p no:django: no project settings needed

from django.utils import translation  # noqa: E402

from home.vocabulary import INSTITUTION_KINDS  # noqa: E402
from sop_workflow.definition import (  # noqa: E402
    DefinitionError,
    Kind,
    Problem,
    RejectTarget,
    StandardTime,
    bundled_definitions,
    definition_hash,
    dump_definition,
    load_definition,
    validate,
)
from tests.sop_example import documented_example  # noqa: E402

FILE = "test.toml"


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in their English source form, whatever the catalogue says."""
    with translation.override("en"):
        yield


def load(key: str):
    return load_definition(bundled_definitions()[key])


# --------------------------------------------------------------------------- bundled SOPs


def test_the_five_sops_are_bundled_under_their_keys():
    paths = bundled_definitions()
    assert sorted(paths) == [
        "diskominfo_ketapang",
        "dpmk_bantul",
        "kalurahan_bunder",
        "kapanewon_bantul",
        "kecamatan_jenawi",
    ]
    assert all(load_definition(path).key == key for key, path in paths.items())


@pytest.mark.parametrize(
    ("key", "roles", "times"),
    [
        (
            "kapanewon_bantul",
            ["peliput", "pengelola_website", "panewu"],
            ["60 min", "30 min", "15 min", "5 min"],
        ),
        (
            "kalurahan_bunder",
            ["ketua_ppid", "seksi", "admin_medsos"],
            ["10 min", "10 min", "60 min", "15 min", "15 min"] + ["10 min"] * 6,
        ),
        (
            "dpmk_bantul",
            ["sekdin", "kasubbag", "kabid", "operator_website", "petugas_penerima", "kontributor"],
            ["120 min", "15 min", "15 min", "5 min", "5 min"],
        ),
        (
            "kecamatan_jenawi",
            ["pengolah_data", "admin_website", "ppid_pelaksana"],
            ["tentative"] * 4,
        ),
        (
            "diskominfo_ketapang",
            ["penulis", "editor", "redaktur", "web_administrator", "web_developer"],
            ["1-3 weeks", "1-3 days", "1-3 h", "1-5 h", "1 h", "15 min", "15 min", "15 min"],
        ),
    ],
)
def test_bundled_definition_has_the_roles_steps_and_times_of_its_sop(key, roles, times):
    definition = load(key)
    assert [role.key for role in definition.roles] == roles
    assert [step.number for step in definition.steps] == list(range(1, len(times) + 1))
    assert [str(step.time) for step in definition.steps] == times


@pytest.mark.parametrize(
    ("key", "written"),
    [
        ("kapanewon_bantul", ["60 menit", "30 menit", "15 menit", "5 menit"]),
        (
            "kalurahan_bunder",
            ["10 Menit", "10 Menit", "60 Menit", "15 Menit", "15 Menit"] + ["10 Menit"] * 6,
        ),
        ("dpmk_bantul", ["120 menit", "15 menit", "15 menit", "5 menit", "5 menit"]),
        ("kecamatan_jenawi", ["Tentatif"] * 4),
        (
            "diskominfo_ketapang",
            ["1-3 minggu", "1-3 hari", "1-3 Jam", "1-5 Jam", "1 jam"] + ["15 menit"] * 3,
        ),
    ],
)
def test_bundled_definition_keeps_each_time_as_its_original_writes_it(key, written):
    """The *Waktu* column of the seeds (``shared/seeds/``), letter for letter."""
    assert [step.time.as_written for step in load(key).steps] == written


def test_a_task_of_two_rows_written_in_indonesian_sums_its_time_in_indonesian():
    bunder = load("kalurahan_bunder")

    assert [task.time.as_written for task in bunder.tasks()] == [
        "15 Menit",
        "25 menit",
        "10 Menit",
        "20 menit",
    ]
    assert str(bunder.tasks()[1].time) == "25 min"  # the canonical spelling is unchanged


def test_bantul_panewu_approves_and_the_website_manager_publishes():
    bantul = load("kapanewon_bantul")
    assert [(t.number, t.kind, t.actors) for t in bantul.tasks()] == [
        (3, Kind.REVIEW, ("panewu",)),
        (4, Kind.PUBLICATION, ("pengelola_website",)),
    ]
    assert bantul.step(1).checks == ("five_w_one_h", "media_present", "media_narrative")
    assert [r.key for r in bantul.submitter_roles] == ["pengelola_website"]
    assert [r.key for r in bantul.leadership_roles] == ["panewu"]
    assert bantul.sop.dates.approved == date(2024, 8, 28)
    assert bantul.sop.dates.revised is None


def test_bunder_has_two_approval_levels_platform_choice_and_a_link_report():
    bunder = load("kalurahan_bunder")
    tasks = bunder.tasks()
    assert [[s.number for s in task.steps] for task in tasks] == [[4], [5, 6], [7], [8, 9]]
    assert tasks[1].actors == ("ketua_ppid",)
    assert tasks[1].time.max == timedelta(minutes=25)
    assert tasks[0].on_reject == tasks[1].on_reject == RejectTarget(3, "admin_medsos")
    assert tasks[2].main.choose_platforms
    assert tasks[3].kind is Kind.PUBLICATION
    assert bunder.step(10).link_report_to == ("seksi", "ketua_ppid")
    assert [s.action for s in bunder.steps_of(Kind.AFTER_PUBLICATION)] == ["link_report", "receive"]
    # the scan numbers steps 9, 10, 11 as 9, 8, 10: kept where they differ
    assert [s.signed_number for s in bunder.steps[8:]] == [None, 8, 10]
    assert "signed_number = 8" in dump_definition(bunder)


def test_dpmk_registers_at_intake_collects_paraf_and_archives_with_a_classification():
    dpmk = load("dpmk_bantul")
    intake = dpmk.step(1)
    assert intake.kind is Kind.PREPARATION
    assert intake.intake_register
    assert intake.actor == ("petugas_penerima", "kasubbag")
    assert dpmk.step(2).paraf_by == ("kabid", "kasubbag")
    assert dpmk.step(3).paraf
    assert dpmk.step(3).on_reject == RejectTarget(step=1)
    assert dpmk.step(5).archive is not None
    assert dpmk.step(5).archive.classification
    assert dpmk.sop.number == ""
    assert dpmk.sop.approved_by.name == "Dra. Sri Nuryanti, M.Si"


def test_jenawi_verifies_language_and_disseminates_accessibly_to_satu_data():
    jenawi = load("kecamatan_jenawi")
    assert all(step.time.tentative for step in jenawi.steps)
    assert jenawi.step(3).advisory_checks == ("indonesian_language",)
    assert jenawi.step(3).on_reject == RejectTarget(step=2, role="admin_website")
    assert "satu_data" in jenawi.publication_task.main.channels
    assert jenawi.step(4).accessibility == ("audio", "visual", "braille")


def test_ketapang_builds_the_website_outside_the_article_flow_and_publishes_immediately():
    ketapang = load("diskominfo_ketapang")
    assert [s.number for s in ketapang.steps_of(Kind.MAINTENANCE)] == [1, 2]
    weeks = ketapang.step(1).time
    assert (weeks.min, weeks.max) == (timedelta(hours=37.5), timedelta(hours=112.5))
    assert ketapang.publication_task.main.publish_immediately
    assert [t.actors for t in ketapang.tasks()] == [
        ("editor",),
        ("redaktur",),
        ("web_administrator",),
    ]


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("key", sorted(bundled_definitions()))
def test_definition_round_trips_through_toml_and_dict(key):
    definition = load(key)
    assert load_definition(dump_definition(definition)) == definition
    assert load_definition(definition.to_dict()) == definition


@pytest.mark.parametrize("key", sorted(bundled_definitions()))
def test_hash_ignores_formatting_but_not_content(key):
    path = bundled_definitions()[key]
    definition = load_definition(path)
    reformatted = "# another comment\n" + dump_definition(definition)
    assert definition_hash(load_definition(reformatted)) == definition.hash
    changed = definition.to_dict()
    changed["steps"][-1]["time"] = "99 min"
    assert definition_hash(load_definition(changed)) != definition.hash


# --------------------------------------------------------------------------- standard time


@pytest.mark.parametrize(
    ("text", "low", "high", "canonical"),
    [
        ("60 min", timedelta(minutes=60), timedelta(minutes=60), "60 min"),
        ("60 Menit", timedelta(minutes=60), timedelta(minutes=60), "60 min"),
        ("1-3 h", timedelta(hours=1), timedelta(hours=3), "1-3 h"),
        ("1–5 jam", timedelta(hours=1), timedelta(hours=5), "1-5 h"),
        ("1,5 hours", timedelta(minutes=90), timedelta(minutes=90), "1.5 h"),
        ("1 hari", timedelta(hours=7.5), timedelta(hours=7.5), "1 day"),
        ("1-3 minggu", timedelta(hours=37.5), timedelta(hours=112.5), "1-3 weeks"),
    ],
)
def test_standard_time_is_parsed_into_working_time(text, low, high, canonical):
    parsed = StandardTime.parse(text)
    assert (parsed.min, parsed.max, str(parsed)) == (low, high, canonical)


def test_tentative_standard_time_has_no_bounds_and_is_left_out_of_sums():
    tentative = StandardTime.parse("Tentatif")
    assert tentative.tentative
    assert tentative.min is None
    total = StandardTime.parse("10 min") + tentative
    assert (total.tentative, total.max, total.as_written) == (
        False,
        timedelta(minutes=10),
        "10 min + tentatif",
    )
    assert str(StandardTime.parse("15 min") + StandardTime.parse("45 min")) == "1 h"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "soon",
            "Cannot read the standard time “soon”; "
            "write for example “60 menit”, “1-3 jam”, “30 menit - 1 jam”, “1 jam 30 menit”, "
            "“1x24 jam”, “2 hari kerja” or “Tentatif”.",
        ),
        (
            "5 fortnights",
            "Cannot read the standard time “5 fortnights”; "
            "write for example “60 menit”, “1-3 jam”, “30 menit - 1 jam”, “1 jam 30 menit”, "
            "“1x24 jam”, “2 hari kerja” or “Tentatif”.",
        ),
        ("0 min", "The standard time must be greater than zero."),
        ("3-1 h", "The shorter time must come first (“3-1 h”)."),
    ],
)
def test_unreadable_standard_time_is_refused(text, message):
    with pytest.raises(ValueError) as error:
        StandardTime.parse(text)
    assert str(error.value) == message


# --------------------------------------------------------------------------- validation


def minimal() -> dict[str, Any]:
    """A small valid definition to break in one place per test."""
    return {
        "format_version": 1,
        "sop": {
            "key": "uji",
            "title": "Uji",
            "institution": "Desa Uji",
            "institution_type": "kalurahan",
        },
        "roles": [
            {"key": "admin", "name": "Admin", "drafts": True, "submits": True},
            {"key": "lurah", "name": "Lurah", "leadership": True},
        ],
        "steps": [
            {
                "number": 1,
                "description": "Menyusun",
                "actor": "admin",
                "kind": "preparation",
                "time": "60 min",
            },
            {
                "number": 2,
                "description": "Menyetujui",
                "actor": "lurah",
                "kind": "review",
                "time": "15 min",
            },
            {
                "number": 3,
                "description": "Menayangkan",
                "actor": "admin",
                "kind": "publication",
                "time": "5 min",
            },
        ],
    }


def problems_of(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(p.location, p.field, p.message) for p in validate(data, file=FILE)]


def broken(**changes: Any) -> dict[str, Any]:
    """``minimal()`` with ``steps__1__time=None``-style changes (``None`` deletes the key)."""
    data = copy.deepcopy(minimal())
    for path, value in changes.items():
        *parents, last = path.split("__")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is None:
            del target[last]
        else:
            target[last] = value
    return data


def test_minimal_definition_is_valid():
    assert validate(minimal(), file=FILE) == []


STEP2 = "steps[1] (langkah 2)"
STEP3 = "steps[2] (langkah 3)"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            broken(steps__1__actor="ketua"),
            (STEP2, "actor", "Unknown role “ketua”; the roles are: admin, lurah."),
            id="unknown-role",
        ),
        pytest.param(
            broken(steps__1__time=None),
            (STEP2, "time", "This field is required."),
            id="missing-time",
        ),
        pytest.param(
            broken(steps__1__time="sebentar"),
            (
                STEP2,
                "time",
                "Cannot read the standard time “sebentar”; write for example “60 menit”, "
                "“1-3 jam”, “30 menit - 1 jam”, “1 jam 30 menit”, “1x24 jam”, “2 hari kerja” "
                "or “Tentatif”.",
            ),
            id="unparseable-time",
        ),
        pytest.param(
            broken(steps__1__on_reject={"step": 7}),
            (STEP2, "on_reject.step", "There is no step 7 to go back to."),
            id="reject-to-missing-step",
        ),
        pytest.param(
            broken(steps__1__on_reject={"step": 3}),
            (STEP2, "on_reject.step", "A rejection cannot go forward, to step 3."),
            id="reject-forward",
        ),
        pytest.param(
            broken(steps__1__on_reject={"role": "camat"}),
            (STEP2, "on_reject.role", "Unknown role “camat”; the roles are: admin, lurah."),
            id="reject-to-unknown-role",
        ),
        pytest.param(
            broken(steps__2__number=2),
            (
                "steps[2] (langkah 2)",
                "number",
                "Duplicate step number 2 (first used in steps[1] (langkah 2)).",
            ),
            id="duplicate-step-number",
        ),
        pytest.param(
            broken(roles__1__key="admin", steps__1__actor="admin"),
            (
                "roles[1] (admin)",
                "key",
                "Duplicate role key “admin” (first used in roles[0] (admin)).",
            ),
            id="duplicate-role-key",
        ),
        pytest.param(
            broken(steps__2__kind="review"),
            ("steps", "kind", "No publication step: one step needs kind = “publication”."),
            id="no-publication",
        ),
        pytest.param(
            broken(steps__0__checks=["five_w_one_h", "spelling"]),
            (
                "steps[0] (langkah 1)",
                "checks",
                "Unknown check “spelling”; known checks: "
                "alt_text, five_w_one_h, indonesian_language, intake_register, media_narrative, "
                "media_present, paraf, platforms_chosen.",
            ),
            id="unknown-check",
        ),
        pytest.param(
            broken(format_version=2),
            ("", "format_version", "Unsupported format version 2; this program reads version 1."),
            id="unknown-format-version",
        ),
        pytest.param(
            broken(steps__1__descripton="typo"),
            (STEP2, "descripton", "Unknown key; did you mean “description”?"),
            id="unknown-step-key",
        ),
        pytest.param(
            broken(sop__aproved_by={"title": "Lurah"}),
            ("sop", "aproved_by", "Unknown key; did you mean “approved_by”?"),
            id="unknown-header-key",
        ),
        pytest.param(
            broken(steps__1__on_reject={"stp": 1}),
            (STEP2, "on_reject.stp", "Unknown key; did you mean “step”?"),
            id="unknown-nested-key",
        ),
        pytest.param(
            broken(steps__2__kind="after_publication", steps__2__action="archive"),
            ("steps", "kind", "No publication step: one step needs kind = “publication”."),
            id="only-after-publication",
        ),
        pytest.param(
            broken(steps__0__kind="review", steps__1__kind="preparation"),
            (STEP2, "kind", "A preparation step cannot come after the review step 1."),
            id="phases-out-of-order",
        ),
        pytest.param(
            broken(steps__2__checks=["paraf"]),
            (STEP3, "checks", "Check “paraf” needs this or an earlier step with paraf = true."),
            id="check-without-its-option",
        ),
        pytest.param(
            broken(steps__0__on_reject={"step": 1}),
            (
                "steps[0] (langkah 1)",
                "on_reject",
                "“on_reject” is only allowed on steps of kind: review, publication.",
            ),
            id="reject-on-preparation",
        ),
        pytest.param(
            broken(steps__0__requires_disposition=True),
            (
                "steps[0] (langkah 1)",
                "requires_disposition",
                "“requires_disposition” is only allowed on steps with action “drafting”.",
            ),
            id="disposition-on-a-step-that-does-not-draft",
        ),
        pytest.param(
            broken(steps__1__part_of=3),
            (STEP2, "part_of", "Step 3 is a publication step; join only steps of the same kind."),
            id="part-of-other-kind",
        ),
        pytest.param(
            broken(sop__institution_type="kesultanan"),
            (
                "sop",
                "institution_type",
                "Unknown value “kesultanan”; expected one of: "
                + ", ".join(kind.key for kind in INSTITUTION_KINDS)
                + ".",
            ),
            id="unknown-institution-type",
        ),
        pytest.param(
            broken(roles__0__submits=False),
            ("roles", "submits", "No role submits content: set submits = true on a role."),
            id="nobody-submits",
        ),
        pytest.param(
            broken(steps__1__on_reject={}),
            (STEP2, "on_reject", "Give the step to go back to, the role, or both."),
            id="empty-reject",
        ),
        pytest.param(
            broken(steps__1__on_reject={"step": 1}, steps__0__kind="maintenance"),
            (
                STEP2,
                "on_reject.step",
                "Step 1 is a maintenance step; a rejection can only go back to a preparation "
                "or review step.",
            ),
            id="reject-to-maintenance",
        ),
        pytest.param(
            broken(steps__2__action="archive"),
            (STEP3, "action", "Only preparation and after_publication steps have an action."),
            id="action-on-publication",
        ),
        pytest.param(
            broken(
                steps__2__kind="after_publication",
                steps__1__kind="publication",
            ),
            (
                STEP3,
                "action",
                "An after_publication step needs an action: one of archive, link_report, "
                "receive, syndication.",
            ),
            id="after-publication-without-action",
        ),
        pytest.param(
            broken(
                steps__1__kind="publication",
                steps__2__kind="after_publication",
                steps__2__action="link_report",
            ),
            (STEP3, "link_report_to", "A link report needs the roles the links go to."),
            id="link-report-without-roles",
        ),
        pytest.param(
            broken(steps__1__paraf=True, steps__1__paraf_by=["admin"]),
            (STEP2, "paraf_by", "“admin” is not an actor of this step."),
            id="paraf-by-non-actor",
        ),
        pytest.param(
            broken(steps__2__channels=["tiktok"]),
            (
                STEP3,
                "channels",
                "Unknown channel “tiktok”; expected: facebook, instagram, satu_data, website, "
                "x, youtube.",
            ),
            id="unknown-channel",
        ),
        pytest.param(
            broken(steps__1__part_of=2),
            (STEP2, "part_of", "A step cannot be part of itself."),
            id="part-of-itself",
        ),
        pytest.param(
            broken(steps__1__signed_number=2),
            (
                STEP2,
                "signed_number",
                "signed_number is for a number that differs from the running order; this step "
                "is already number 2: remove signed_number.",
            ),
            id="signed-number-same-as-number",
        ),
        pytest.param(
            broken(steps__1__signed_number="8"),
            (STEP2, "signed_number", "Expected a positive whole number."),
            id="signed-number-not-a-number",
        ),
    ],
)
def test_invalid_definition_is_refused_with_location_and_message(data, expected):
    assert problems_of(data) == [expected]


def test_all_problems_are_reported_at_once():
    data = broken(
        steps__0__actor="wartawan",
        steps__1__time=None,
        steps__2__number=1,
        roles__1__leadershp=True,
    )
    with pytest.raises(DefinitionError) as error:
        load_definition(data, file=FILE)
    assert {(p.location, p.field) for p in error.value.problems} == {
        ("steps[0] (langkah 1)", "actor"),
        (STEP2, "time"),
        ("steps[2] (langkah 1)", "number"),
        ("roles[1] (lurah)", "leadershp"),
    }
    assert f"{FILE}: {STEP2}: time: This field is required." in str(error.value).splitlines()


def test_invalid_toml_text_is_refused_with_the_parser_message():
    problems = validate("format_version = 1\n[sop\n")
    assert len(problems) == 1
    assert problems[0].file == "<string>"
    assert problems[0].message.startswith("Not valid TOML: ")


def test_unknown_check_may_be_allowed_by_the_caller():
    data = broken(steps__0__checks=["spelling"])
    assert validate(data, known_checks={"spelling"}) == []


def test_a_definition_file_is_loaded_by_path_string(tmp_path):
    path = tmp_path / "uji.toml"
    path.write_text(dump_definition(load_definition(minimal())), encoding="utf-8")
    assert load_definition(str(path)).key == "uji"
    path.write_text("format_version = 3\n", encoding="utf-8")
    assert validate(path) == [
        Problem(
            str(path),
            "",
            "format_version",
            "Unsupported format version 3; this program reads version 1.",
        )
    ]


def test_problem_reads_as_one_line():
    problem = Problem("a.toml", STEP2, "time", "This field is required.")
    assert str(problem) == "a.toml: steps[1] (langkah 2): time: This field is required."


def test_the_example_in_the_format_documentation_is_valid():
    definition = load_definition(documented_example())
    assert definition.key == "kalurahan_contoh"
    assert [task.number for task in definition.tasks()] == [3, 4]
