"""The flowchart in the *Pelaksana* columns of the printed SOP (Permenpan RB 35/2012 layout):
terminators, process boxes, decisions with their "Tidak" branch back to the step redone, arrows
between actors and off-page connectors where the table is cut into pages."""

import re

import pytest
from django.urls import reverse

from sop_workflow.definition import bundled_definitions, load_definition
from sop_workflow.models import InstalledSop
from sop_workflow.records.flowchart import flow_pages, reject_target
from tests.sop_helpers import as_user, create_with_sop


def load(key):
    return load_definition(bundled_definitions()[key])


def shapes(key):
    return [row.shape for page in flow_pages(load(key)) for row in page]


def test_bunder_starts_and_ends_with_terminators_and_decides_at_steps_4_and_5():
    assert shapes("kalurahan_bunder") == [
        "terminator",
        "process",
        "process",
        "decision",
        "decision",
        *["process"] * 5,
        "terminator",
    ]


@pytest.mark.parametrize(
    ("key", "decisions"),
    [
        ("kalurahan_bunder", {4: 3, 5: 3}),  # on_reject = { step = 3 }
        ("kapanewon_bantul", {3: 2}),  # no on_reject: back to the submitting Pengelola Website
        ("dpmk_bantul", {2: 1, 3: 1}),
        ("kecamatan_jenawi", {3: 2}),  # TOLAK: back to the admin's drafting
        ("diskominfo_ketapang", {6: 5, 7: 5}),
    ],
)
def test_each_decision_returns_to_the_step_its_sop_redoes(key, decisions):
    definition = load(key)
    rows = [row for page in flow_pages(definition) for row in page]

    found = {
        row.step.number: reject_target(definition, row.step).number
        for row in rows
        if row.shape == "decision"
    }

    assert found == decisions


def test_the_table_breaks_into_even_pages_with_a_lettered_connector_at_both_ends():
    pages = flow_pages(load("kalurahan_bunder"))

    assert [[row.step.number for row in page] for page in pages] == [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11],
    ]
    rows = {row.step.number: row for page in pages for row in page}
    assert rows[4].connectors == ["A"]  # 4 → 5 crosses the first cut
    assert rows[8].connectors == ["B"] == rows[9].connectors  # 8 → 9 the second
    for number, letter in ((4, "A"), (5, "A"), (8, "B"), (9, "B")):
        assert re.search(
            rf"<polygon points=[^>]+/><text[^>]*>{letter}</text>", str(rows[number].svg)
        )
    assert not any(rows[n].connectors for n in (1, 2, 6, 7, 10, 11))


def test_a_return_across_the_page_cut_gets_its_own_connector_pair():
    rows = {row.step.number: row for page in flow_pages(load("kalurahan_bunder")) for row in page}

    # step 5's "Tidak" returns to step 3, on the page before (C); step 4's stays on its page
    assert rows[5].connectors == ["A", "C"]
    assert rows[3].connectors == ["C"]


@pytest.mark.django_db
def test_the_printed_bunder_sop_draws_its_flowchart_in_indonesian(client):
    bunder = create_with_sop("kalurahan_bunder")
    installed = InstalledSop.objects.get(site=bunder.site, is_current=True)

    response = as_user(client, bunder.user("ketua_ppid")).get(
        reverse("sop_workflow:sop_print", args=[installed.pk])
    )
    html = response.content.decode()
    rows = re.findall(r'<td class="flow"[^>]*>(.*?)</td>', html, flags=re.S)
    labels = [re.findall(r"<text[^>]*>([^<]*)</text>", row) for row in rows]

    assert response.status_code == 200
    assert len(rows) == 11
    assert labels[0] == ["MULAI"]
    assert labels[-1] == ["SELESAI"]
    for decision in (labels[3], labels[4]):  # steps 4 and 5
        assert {"Ya", "Tidak"} <= set(decision)
    assert labels[4] == ["A", "Ya", "Tidak", "C"]  # step 5: from page 1 (A), back to 3 (C)
    assert html.count('<svg class="flow"') == 11
    assert 'aria-label="Langkah 4: pengambilan keputusan — Seksi Pengolahan Data' in html
    assert html.count('class="procedure-page"') == 3  # 4, 4 and 3 rows


def test_a_review_that_redoes_itself_loops_back_into_its_own_diamond():
    definition = load_definition(
        {
            "format_version": 1,
            "sop": {
                "key": "uji",
                "title": "Uji",
                "institution": "Desa Uji",
                "institution_type": "desa",
            },
            "roles": [
                {"key": "admin", "name": "Admin", "drafts": True, "submits": True},
                {"key": "lurah", "name": "Lurah"},
            ],
            "steps": [
                {"number": 1, "description": "Menyusun", "actor": "admin", "kind": "preparation",
                 "time": "60 menit"},
                {"number": 2, "description": "Memeriksa", "actor": "lurah", "kind": "review",
                 "time": "15 menit", "on_reject": {"step": 2}},
                {"number": 3, "description": "Menayangkan", "actor": "admin",
                 "kind": "publication", "time": "5 menit"},
            ],
        }
    )  # fmt: skip
    row = flow_pages(definition)[0][1]

    assert row.shape == "decision"
    assert reject_target(definition, row.step) is row.step
    assert ">Tidak<" in str(row.svg)
    assert str(row.svg).count("<polygon") == 3  # the arrow in, the diamond, the loop back


@pytest.mark.django_db
def test_jenawi_s_decisions_read_disetujui_and_tolak_as_its_signed_sop_writes_them(client):
    """Jenawi's original writes DISETUJUI (going on) and TOLAK (back to the admin's draft)
    where the others write Ya and Tidak: ``decision_labels`` in the definition."""
    from sop_workflow.definition.writer import dump_definition

    jenawi = create_with_sop("kecamatan_jenawi")
    installed = InstalledSop.objects.get(site=jenawi.site, is_current=True)
    html = (
        as_user(client, jenawi.user(next(iter(load("kecamatan_jenawi").roles)).key))
        .get(reverse("sop_workflow:sop_print", args=[installed.pk]))
        .content.decode()
    )
    rows = re.findall(r'<td class="flow"[^>]*>(.*?)</td>', html, flags=re.S)
    words = {word for row in rows for word in re.findall(r"<text[^>]*>([^<]*)</text>", row)}

    assert {"DISETUJUI", "TOLAK"} <= words
    assert not {"Ya", "Tidak"} & words
    assert 'decision_labels = ["DISETUJUI", "TOLAK"]' in dump_definition(load("kecamatan_jenawi"))


@pytest.mark.parametrize("value", ['["SETUJU"]', '["SETUJU", ""]', '"SETUJU"'])
def test_decision_labels_are_two_words_or_the_definition_is_refused(value):
    from sop_workflow.definition import DefinitionError

    text = (
        bundled_definitions()["kecamatan_jenawi"]
        .read_text()
        .replace('decision_labels = ["DISETUJUI", "TOLAK"]', f"decision_labels = {value}")
    )
    with pytest.raises(DefinitionError) as refused:
        load_definition(text, file="kecamatan_jenawi.toml")
    assert "decision_labels" in str(refused.value)
