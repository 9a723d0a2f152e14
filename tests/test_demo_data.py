"""The demo content is read from ``cms/demo/data/*.toml``; a wrong file names its file and key."""

import shutil
from pathlib import Path

import pytest

from cms.demo.content import DATA_DIR, INSTITUTIONS, NEWS, DemoDataError, load_demo


def test_profiles_show_the_shared_office_hours_and_images_describe_their_drawing():
    office_hours = "Senin–Kamis pukul 07.30–16.00 WIB dan Jumat pukul 07.30–14.30 WIB"
    for institution in INSTITUTIONS:
        address = institution.profile_body[-1]
        assert address.startswith("<p><strong>Alamat layanan.</strong>")
        assert office_hours in address
        assert "{office_hours}" not in address
    images = [image for item in NEWS for image in item.images]
    markets = {image.description for image in images if image.scene == "market"}
    assert markets == {
        "Ilustrasi: tiga lapak beratap segitiga berjajar. Di meja setiap lapak ada empat benda "
        "bulat berwarna oranye, dan tiga orang berdiri di depan lapak."
    }


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    for path in DATA_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path)
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "bantul.toml",
            'scene = "building"',
            'scene = "bulding"',
            "bantul.toml: news[2].images[0].scene: must be one of meeting, field,",
        ),
        (
            "dpmk.toml",
            "\nofficial_name = ",
            "\nofficial_nama = ",
            "dpmk.toml: institution.official_name: is missing",
        ),
        (
            "jenawi.toml",
            "\nwhy = ",
            "\nwhy_not = ",
            "jenawi.toml: news[0].five_w_one_h.why: is missing",
        ),
        (
            "bunder.toml",
            "\nshare = true",
            "\nshare = true\ncaption = 'x'",
            "bunder.toml: news[0].images[0].caption: is not a known key",
        ),
        (
            "ketapang.toml",
            "date = 2026-08-19",
            'date = "19 Agustus 2026"',
            "ketapang.toml: news[2].date: must be a date without quotes (2025-02-13)",
        ),
        (
            "bunder.toml",
            "days_to_deadline = 2",
            'days_to_deadline = "dua"',
            "bunder.toml: dispositions[0].days_to_deadline: must be a whole number of days",
        ),
        (
            "bantul.toml",
            'heading = "Usulan prioritas"',
            'headline = "Usulan prioritas"',
            "bantul.toml: news[0].body[2]: needs exactly one of paragraph, heading or quote",
        ),
        (
            "dpmk.toml",
            'title = "',
            'title = """',
            "dpmk.toml: not valid TOML:",
        ),
        (
            "shared.toml",
            '"bantulkab", "gunungkidulkab"]',
            '"bantulkab", "gunungkidulkab", "contoh"]',
            "contoh.toml: file is missing",
        ),
        (
            "shared.toml",
            ', "gunungkidulkab"]',
            "]",
            "shared.toml: institutions: does not list gunungkidulkab.toml",
        ),
        (
            "dpmk.toml",
            'parent = "bantulkab"',
            'parent = "slemankab"',
            "dpmk.toml: institution.parent: must be the key of an institution listed in shared",
        ),
        (
            "bantulkab.toml",
            "offer_below = true",
            'offer_below = "ya"',
            "bantulkab.toml: news[0].offer_below: must be true or false",
        ),
    ],
)
def test_a_broken_data_file_is_refused_naming_the_file_and_the_key(
    tmp_path, name, old, new, message
):
    with pytest.raises(DemoDataError) as error:
        load_demo(broken_copy(tmp_path, name, old, new))
    assert str(error.value).startswith(message)


def test_a_copied_news_item_must_get_its_own_title(tmp_path):
    text = (DATA_DIR / "ketapang.toml").read_text(encoding="utf-8")
    first = text[text.index("[[news]]") : text.index("[[news]]", text.index("[[news]]") + 1)]
    directory = broken_copy(tmp_path, "ketapang.toml", "[[news]]", first + "[[news]]")
    with pytest.raises(DemoDataError) as error:
        load_demo(directory)
    assert str(error.value).startswith("ketapang.toml: news[1].title: is the title of an earlier")


def test_the_regencies_are_above_the_institutions_of_their_region():
    parents = {institution.key: institution.parent for institution in INSTITUTIONS}
    assert parents["bantul"] == parents["dpmk"] == "bantulkab"
    assert parents["bunder"] == "gunungkidulkab"
    assert parents["jenawi"] == parents["ketapang"] == ""
    offered = [item for item in NEWS if item.offer_below]
    assert [item.institution for item in offered] == ["bantulkab"]
