"""The shape of the demo content: frozen dataclasses, no Django.

``cms.demo.content`` fills them from the TOML files under ``cms/demo/data/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

NewsType = Literal["kegiatan", "pengumuman", "siaran_pers", "artikel", "agenda", "informasi_publik"]
# Only meeting, field, road, building, chart and market have their own drawing (and alt text).
Scene = Literal[
    "meeting", "field", "road", "market", "office", "health",
    "ceremony", "farm", "river", "chart", "building", "classroom",
]  # fmt: skip
# ("paragraph", "<p>…</p>"), ("heading", "…") or ("quote", {"quote": "…", "attribution": "…"})
Block = tuple[str, str] | tuple[str, dict[str, str]]


@dataclass(frozen=True)
class Institution:
    key: str
    official_name: str
    short_name: str
    hostname: str
    institution_type: str  # a key of home.vocabulary.INSTITUTION_KINDS
    parent_region: str
    address: str
    phone: str
    email: str
    time_zone: str
    sop_key: str
    brand_colour: str
    profile_intro: str
    # One rich-text paragraph block each: tugas dan fungsi, visi, misi, alamat layanan.
    profile_body: tuple[str, ...]
    parent: str = ""  # the key of the institution above this one ("" when none)


@dataclass(frozen=True)
class Illustration:
    title: str
    description: str
    scene: Scene
    share: bool = False


@dataclass(frozen=True)
class NewsItem:
    institution: str
    title: str
    date: str
    news_type: NewsType
    lead: str
    body: tuple[Block, ...]
    tags: tuple[str, ...]
    # Keys: what, who, when, where, why, how (the SOP's 5W+1H coverage narrative).
    five_w_one_h: dict[str, str]
    images: tuple[Illustration, ...]
    offer_below: bool = False  # offered to the institutions below (home.regional)


@dataclass(frozen=True)
class DispositionItem:
    """A *disposisi* of the demo: open (waiting on the dashboard), or carried out along
    ``then_to`` (passed on to each role in turn) and, with ``drafted``, written up as a draft."""

    institution: str
    from_role: str
    to_role: str
    activity: str
    material: str
    days_to_deadline: int
    then_to: tuple[str, ...] = ()
    drafted: bool = False


class Demo(NamedTuple):
    """All of the demo, in the order of ``shared.toml``."""

    institutions: tuple[Institution, ...]
    news: tuple[NewsItem, ...]
    dispositions: tuple[DispositionItem, ...]
    # Titles of the work in progress and the completed SOP runs ({short_name} is replaced).
    activity_titles: tuple[str, ...] = ()
