"""Demo content: the five institutions of the SOPs and realistic Indonesian news.

The text lives in TOML under ``cms/demo/data/`` (see its README.md): ``shared.toml`` and one file
per institution. This module reads and checks those files into frozen dataclasses, with no Django;
``cms.demo.seed`` turns them into sites, profile pages, news pages and dispositions.
"""

from __future__ import annotations

import datetime
from dataclasses import fields
from pathlib import Path
from typing import Any, get_args

from cms.demo import schema
from cms.demo.tomlcheck import DemoDataError, Table, read_toml
from home.vocabulary import INSTITUTION_KINDS

__all__ = [
    "ACTIVITY_TITLES",
    "DATA_DIR",
    "DISPOSITIONS",
    "INSTITUTIONS",
    "NEWS",
    "DemoDataError",
    "load_demo",
]
FIVE_W_ONE_H = ("what", "who", "when", "where", "why", "how")
DATA_DIR = Path(__file__).with_name("data")
MIN_ACTIVITY_TITLES = 15  # the most items cms.demo.activity makes for one institution
_INSTITUTION_TEXTS = [  # every text but the key, the profile body and the optional parent
    f.name for f in fields(schema.Institution) if f.name not in ("key", "profile_body", "parent")
]
_CHECKS: dict[str, dict[str, Any]] = {
    "institution_type": {"choices": tuple(kind.key for kind in INSTITUTION_KINDS)},
    "sop_key": {"pattern": "[a-z][a-z0-9_]*"},
    "brand_colour": {"pattern": "#[0-9A-Fa-f]{6}"},
}


def _block(t: Table) -> schema.Block:
    kinds = [kind for kind in ("paragraph", "heading", "quote") if kind in t.data]
    if len(kinds) != 1:
        t.fail("", f"needs exactly one of paragraph, heading or quote, not {sorted(t.data)}")
    if kinds[0] != "quote":
        block: schema.Block = (kinds[0], t.text(kinds[0]))
    else:
        quote = {"quote": t.text("quote")}
        if "attribution" in t.data:
            quote["attribution"] = t.text("attribution")
        block = ("quote", quote)
    t.done()
    return block


def _image(t: Table, alt_text: dict[str, str]) -> schema.Illustration:
    scene = t.text("scene", choices=get_args(schema.Scene))
    if "description" not in t.data and scene not in alt_text:
        t.fail("description", f"is missing, and shared.toml has no alt_text for {scene!r}")
    description = t.text("description") if "description" in t.data else alt_text[scene]
    share = t.get("share", bool, "true or false", False)
    image = schema.Illustration(t.text("title"), description, scene, share)  # type: ignore[arg-type]
    t.done()
    return image


def _news(t: Table, key: str, alt_text: dict[str, str]) -> schema.NewsItem:
    date = t.get("date", datetime.date, "a date without quotes (2025-02-13)")
    if isinstance(date, datetime.datetime):
        t.fail("date", "must be a date without a time")
    five_w = t.table("five_w_one_h")
    item = schema.NewsItem(
        institution=key,
        title=t.text("title"),
        date=date.isoformat(),
        news_type=t.text("news_type", choices=get_args(schema.NewsType)),  # type: ignore[arg-type]
        lead=t.text("lead"),
        body=tuple(_block(block) for block in t.tables("body")),
        tags=t.texts("tags"),
        five_w_one_h={name: five_w.text(name) for name in FIVE_W_ONE_H},
        images=tuple(_image(image, alt_text) for image in t.tables("images")),
        offer_below=t.get("offer_below", bool, "true or false", False),
    )
    five_w.done()
    t.done()
    return item


def _institution(t: Table, key: str, office_hours: str) -> schema.Institution:
    texts = {name: t.text(name, **_CHECKS.get(name, {})) for name in _INSTITUTION_TEXTS}
    body = tuple(p.replace("{office_hours}", office_hours) for p in t.texts("profile_body"))
    parent = t.text("parent") if "parent" in t.data else ""
    t.done()
    return schema.Institution(key=key, **texts, profile_body=body, parent=parent)


def _disposition(t: Table, key: str) -> schema.DispositionItem:
    texts = {name: t.text(name) for name in ("from_role", "to_role", "activity", "material")}
    days = t.get("days_to_deadline", int, "a whole number of days from today")
    then_to = tuple(t.texts("then_to")) if "then_to" in t.data else ()
    drafted = t.get("drafted", bool, "true or false", default=False)
    t.done()
    return schema.DispositionItem(
        institution=key, **texts, days_to_deadline=days, then_to=then_to, drafted=drafted
    )


def load_demo(directory: Path = DATA_DIR) -> schema.Demo:
    """Read and check ``shared.toml`` and the institution files it lists, in its order.

    Raises DemoDataError, naming the file and the key, at the first problem.
    """
    shared = read_toml(directory / "shared.toml")
    keys = shared.texts("institutions")
    office_hours = shared.text("office_hours")
    titles = shared.texts("activity_titles")
    if len(titles) < MIN_ACTIVITY_TITLES:
        shared.fail("activity_titles", f"needs at least {MIN_ACTIVITY_TITLES} titles")
    alt = shared.table("alt_text")
    alt_text = {scene: alt.text(scene) for scene in alt.data if scene in get_args(schema.Scene)}
    alt.done()
    shared.done()
    if len(set(keys)) < len(keys):
        shared.fail("institutions", "lists a file twice")
    if unlisted := sorted({p.stem for p in directory.glob("*.toml")} - {"shared", *keys}):
        shared.fail("institutions", f"does not list {unlisted[0]}.toml")
    institutions, news, dispositions = [], [], []
    for key in keys:
        data = read_toml(directory / f"{key}.toml")
        table = data.table("institution")
        institutions.append(_institution(table, key, office_hours))
        if institutions[-1].parent and institutions[-1].parent not in keys:
            table.fail("parent", "must be the key of an institution listed in shared.toml")
        if institutions[-1].parent == key:
            table.fail("parent", "cannot be the institution itself")
        for item in data.tables("news"):
            news.append(_news(item, key, alt_text))
            if news[-1].title in [n.title for n in news[:-1] if n.institution == key]:
                item.fail("title", "is the title of an earlier news item (seed_demo would skip it)")
        dispositions += [_disposition(d, key) for d in data.tables("dispositions")]
        data.done()
    return schema.Demo(tuple(institutions), tuple(news), tuple(dispositions), titles)


INSTITUTIONS, NEWS, DISPOSITIONS, ACTIVITY_TITLES = load_demo()
