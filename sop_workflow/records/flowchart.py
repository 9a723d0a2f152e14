"""The flowchart of the printed SOP, drawn in its *Pelaksana* columns as server-side SVG.

Indonesian government SOPs (Permenpan RB 35/2012) draw the procedure as a flowchart across the
actor columns of the procedure table: a terminator (capsule) MULAI on the first step and SELESAI
on the last, a process box for each activity, a decision diamond where an approval can refuse
(its "Tidak" exit drawn back to the step that is redone, its "Ya" exit going on), arrows between
consecutive steps across the columns, and off-page connectors (a pentagon with a letter, the same
letter at both ends) where the table breaks across pages.

Each table row carries one SVG spanning the actor columns (``FlowRow.svg``): the lanes have equal
widths, so the SVG's lanes sit under the column headings. A row may be taller than its SVG (a long
description): the lines that go on to the next row are drawn again as the cell's background
(``FlowRow.background``, an SVG stretched to the cell) so they reach the row's bottom edge.

The table is cut into pages of at most ``ROWS_PER_PAGE`` rows, as even as can be (11 rows: 4, 4
and 3; ``page_sizes``); an arrow that crosses a cut ends in an off-page connector and starts again
from one with the same letter on the other page.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from sop_workflow.definition import Kind, SopDefinition, Step

__all__ = [
    "LANE",
    "ROW_HEIGHT",
    "ROWS_PER_PAGE",
    "FlowRow",
    "flow_pages",
    "legend",
    "page_sizes",
    "reject_target",
]

#: Most rows of the procedure table on one printed page (A4 landscape, in WeasyPrint and in the
#: browser's print dialog, with descriptions of up to about eight lines); connectors mark the cuts.
ROWS_PER_PAGE = 5

# Geometry, in SVG units: one lane (actor column) is LANE wide, one row ROW_HEIGHT high.
LANE = 100
ROW_HEIGHT = 76
MID = 38  # the shapes' vertical centre
ROUTE_Y = 8  # where an arrow from another column runs across, near the row's top
BOX_W, BOX_H = 64, 24  # process box and terminator
DIAMOND_W, DIAMOND_H = 30, 15  # half width and half height of the decision diamond
GUTTER = 42  # a return line runs this far from its target column's centre
CONNECTOR_W, CONNECTOR_H = 16, 18  # the off-page connector (pentagon pointing down)
ARROW = 6  # arrowhead length
STROKE = 1.2
FONT = 9

_SHAPE_TOP = {
    "process": MID - BOX_H / 2,
    "terminator": MID - BOX_H / 2,
    "decision": MID - DIAMOND_H,
}
_SHAPE_BOTTOM = {"process": MID + BOX_H / 2, "terminator": MID + BOX_H / 2}
_SHAPE_HALF_WIDTH = {"process": BOX_W / 2, "terminator": BOX_W / 2, "decision": DIAMOND_W}


@dataclass
class FlowRow:
    """The flowchart of one step's row: ``svg`` (inline) and ``background`` (a CSS value)."""

    step: Step
    shape: str  # "terminator", "process" or "decision"
    lane: int
    svg: SafeString = mark_safe("")
    background: str = ""
    connectors: list[str] = field(default_factory=list)  # letters of the off-page connectors


@dataclass
class _Canvas:
    lanes: int
    parts: list[str] = field(default_factory=list)
    through: set[float] = field(default_factory=set)  # x of lines that reach the row's bottom

    def line(self, *points: tuple[float, float], dashed: bool = False) -> None:
        dash = ' stroke-dasharray="3 2"' if dashed else ""
        self.parts.append(f'<polyline points="{_points(points)}" fill="none"{dash}/>')

    def arrow(self, *points: tuple[float, float]) -> None:
        """A line through ``points`` with an arrowhead at the last one."""
        (x1, y1), (x2, y2) = points[-2], points[-1]
        dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)
        base_x, base_y = x2 - dx * ARROW, y2 - dy * ARROW
        self.line(*points[:-1], (base_x, base_y))
        w = ARROW / 2
        head = [(x2, y2), (base_x + dy * w, base_y + dx * w), (base_x - dy * w, base_y - dx * w)]
        self.parts.append(f'<polygon points="{_points(head)}" fill="#000" stroke="none"/>')

    def text(self, x: float, y: float, label: str, anchor: str = "middle", size=FONT) -> None:
        self.parts.append(
            f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" font-size="{size}" '
            f'stroke="none" fill="#000">{escape(label)}</text>'
        )

    def shape(self, kind: str, cx: float, label: str = "", dashed: bool = False) -> None:
        dash = ' stroke-dasharray="3 2"' if dashed else ""
        if kind == "decision":
            points = [
                (cx, MID - DIAMOND_H),
                (cx + DIAMOND_W, MID),
                (cx, MID + DIAMOND_H),
                (cx - DIAMOND_W, MID),
            ]
            self.parts.append(f'<polygon points="{_points(points)}" fill="#fff"{dash}/>')
        else:
            radius = BOX_H / 2 if kind == "terminator" else 0
            self.parts.append(
                f'<rect x="{cx - BOX_W / 2:g}" y="{MID - BOX_H / 2:g}" width="{BOX_W}" '
                f'height="{BOX_H}" rx="{radius:g}" fill="#fff"{dash}/>'
            )
        if label:
            self.text(cx, MID + FONT / 3, label)

    def connector(self, cx: float, top: float, letter: str) -> None:
        """An off-page connector: a pentagon pointing down, ``top`` its upper edge."""
        half = CONNECTOR_W / 2
        points = [
            (cx - half, top),
            (cx + half, top),
            (cx + half, top + CONNECTOR_H * 0.6),
            (cx, top + CONNECTOR_H),
            (cx - half, top + CONNECTOR_H * 0.6),
        ]
        self.parts.append(f'<polygon points="{_points(points)}" fill="#fff"/>')
        self.text(cx, top + CONNECTOR_H * 0.55, letter, size=FONT - 1)

    def svg(self, title: str) -> SafeString:
        width = self.lanes * LANE
        separators = "".join(
            f'<line x1="{k * LANE}" y1="0" x2="{k * LANE}" y2="{ROW_HEIGHT}" stroke-width="0.6"/>'
            for k in range(1, self.lanes)
        )
        return mark_safe(
            f'<svg class="flow" viewBox="0 0 {width} {ROW_HEIGHT}" role="img" '
            f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
            f'font-family="DejaVu Sans, Arial, sans-serif">'
            f'<rect width="{width}" height="{ROW_HEIGHT}" fill="#fff"/>'
            f'<g stroke="#000" stroke-width="{STROKE}">{separators}{"".join(self.parts)}</g>'
            f"</svg>"
        )

    def background(self) -> str:
        """The lines below the SVG to the row's bottom, as a ``background-image`` value."""
        width = self.lanes * LANE
        lines = "".join(f"M{k * LANE} 0V10" for k in range(1, self.lanes))
        through = "".join(f"M{x:g} 0V10" for x in sorted(self.through))
        image = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 10" '
            f'preserveAspectRatio="none">'
            f'<path d="{lines}" stroke="#000" stroke-width="0.6" fill="none"/>'
            f'<path d="{through}" stroke="#000" stroke-width="{STROKE}" fill="none"/></svg>'
        )
        encoded = base64.b64encode(image.encode()).decode()
        return f'url("data:image/svg+xml;base64,{encoded}")'


def _points(points) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def _centre(lane: int) -> float:
    return lane * LANE + LANE / 2


def is_decision(definition: SopDefinition, step: Step) -> bool:
    """An approval that can refuse: the step names ``on_reject``, or it is the main step of a
    review task whose steps name none (a refusal then goes back to the submitter)."""
    if step.on_reject is not None:
        return True
    if step.kind is not Kind.REVIEW or step.part_of is not None or step.choose_platforms:
        return False
    task = next((t for t in definition.tasks() if t.main.number == step.number), None)
    return task is not None and task.on_reject is None


def fitting_size(label: str, room: float, largest: float = FONT - 1) -> float:
    """The font size at which ``label`` fits in ``room`` units (DejaVu Sans: about 0.62 em a
    capital), at most ``largest``."""
    return round(min(largest, room / (0.62 * max(len(label), 1))), 1)


def decision_words(definition: SopDefinition) -> tuple[str, str]:
    """The words on a decision's exits, going on and returning: the SOP's own
    (``decision_labels``, e.g. DISETUJUI / TOLAK), else Ya / Tidak."""
    if len(definition.sop.decision_labels) == 2:
        going_on, returning = definition.sop.decision_labels
        return going_on, returning
    return pgettext("SOP flowchart", "Yes"), pgettext("SOP flowchart", "No")


def reject_target(definition: SopDefinition, step: Step) -> Step | None:
    """The step a refusal of ``step`` returns to (drawn as the "Tidak" branch), if any."""
    earlier = [s for s in definition.steps if s.number < step.number]
    reject = step.on_reject
    if reject is not None and reject.step is not None:
        return definition.step(reject.step)
    if reject is not None and reject.role:
        return next((s for s in reversed(earlier) if reject.role in s.actor), None)
    submitters = {role.key for role in definition.submitter_roles}
    preparation = [s for s in earlier if s.kind is Kind.PREPARATION]
    return next(
        (s for s in reversed(preparation) if submitters & set(s.actor)),
        preparation[-1] if preparation else None,
    )


def _letters():
    index = 0
    while True:
        index, value = index + 1, index
        name = ""
        while True:
            name = chr(ord("A") + value % 26) + name
            value = value // 26 - 1
            if value < 0:
                break
        yield name


def flow_pages(
    definition: SopDefinition, rows_per_page: int = ROWS_PER_PAGE
) -> list[list[FlowRow]]:
    """The flowchart of every step, in pages of at most ``rows_per_page`` rows."""
    lanes = {role.key: index for index, role in enumerate(definition.roles)}
    names = {role.key: role.name for role in definition.roles}
    steps = list(definition.steps)
    last = len(steps) - 1
    rows = []
    for index, step in enumerate(steps):
        if index in (0, last):
            shape = "terminator"
        elif is_decision(definition, step):
            shape = "decision"
        else:
            shape = "process"
        rows.append(FlowRow(step=step, shape=shape, lane=lanes[step.actor[0]]))
    canvases = [_Canvas(len(lanes)) for _ in rows]
    sizes = page_sizes(len(rows), rows_per_page)
    page_of = [page for page, size in enumerate(sizes) for _ in range(size)]
    letters = _letters()

    # the shapes; a step of two actors shows its shape, dashed, in the other actor's column
    for index, row in enumerate(rows):
        canvas = canvases[index]
        label = ""
        if row.shape == "terminator":
            label = pgettext("SOP flowchart", "START") if index == 0 else ""
            label = pgettext("SOP flowchart", "END") if index == last and index else label
        cx = _centre(row.lane)
        for other in row.step.actor[1:]:
            ox = _centre(lanes[other])
            canvas.line((cx, MID), (ox, MID), dashed=True)
            canvas.shape(row.shape if row.shape != "terminator" else "process", ox, dashed=True)
        canvas.shape(row.shape, cx, label)

    # the arrows from each step to the next
    for index in range(last):
        row, following = rows[index], rows[index + 1]
        here, there = canvases[index], canvases[index + 1]
        x, nx = _centre(row.lane), _centre(following.lane)
        bottom = _SHAPE_BOTTOM.get(row.shape, MID + DIAMOND_H)
        top = _SHAPE_TOP[following.shape]
        if page_of[index] != page_of[index + 1]:
            letter = next(letters)
            connector_top = ROW_HEIGHT - CONNECTOR_H - 1
            here.line((x, bottom), (x, connector_top))
            here.connector(x, connector_top, letter)
            there.connector(nx, 1, letter)
            there.arrow((nx, CONNECTOR_H + 1), (nx, top))
            row.connectors.append(letter)
            following.connectors.append(letter)
        else:
            here.line((x, bottom), (x, ROW_HEIGHT))
            here.through.add(x)
            if x == nx:
                there.arrow((nx, 0), (nx, top))
            else:
                there.arrow((x, 0), (x, ROUTE_Y), (nx, ROUTE_Y), (nx, top))
        if row.shape == "decision":
            yes = decision_words(definition)[0]
            # beside the line down, clear of an off-page connector below the diamond, inside
            # its lane (a long word such as DISETUJUI in a smaller size)
            start = x + CONNECTOR_W / 2 + 3
            size = fitting_size(yes, _centre(row.lane) + LANE / 2 - start - 2)
            here.text(start, MID + DIAMOND_H + FONT, yes, "start", size=size)

    # the "Tidak" branches, back to the step that is redone
    position = {row.step.number: index for index, row in enumerate(rows)}
    for index, row in enumerate(rows):
        target = reject_target(definition, row.step) if row.shape == "decision" else None
        if target is None:
            continue
        goal = position[target.number]
        aim = rows[goal]
        x, tx = _centre(row.lane), _centre(aim.lane)
        leftwards = aim.lane < row.lane
        side = -1 if leftwards else 1
        exit_x = x + side * DIAMOND_W
        channel = tx + GUTTER if aim.lane <= row.lane else tx - GUTTER
        entry_x = tx + (1 if aim.lane <= row.lane else -1) * _SHAPE_HALF_WIDTH[aim.shape]
        source = canvases[index]
        # the label above the exit, clear of the diamond's slanted edge and the return line
        source.text(
            x + side * 16,
            MID - 9,
            decision_words(definition)[1],
            "end" if leftwards else "start",
            size=FONT - 1,
        )
        if goal == index:  # the step is redone itself: a loop back into the diamond's top
            aside, over = exit_x + side * 10, MID - DIAMOND_H - 5
            source.arrow((exit_x, MID), (aside, MID), (aside, over), (x + side * 5, over))
            continue
        # a shape of this row's other actor between the exit and the return line: pass below it
        low, high = sorted((exit_x, channel))
        blocked = any(low < _centre(lanes[key]) < high for key in row.step.actor[1:])
        if page_of[goal] == page_of[index] and blocked:
            below = MID + DIAMOND_H + 12
            aside = exit_x + side * 6
            source.line((exit_x, MID), (aside, MID), (aside, below), (channel, below), (channel, 0))
        if page_of[goal] == page_of[index]:
            if not blocked:
                source.line((exit_x, MID), (channel, MID), (channel, 0))
            for between in range(goal + 1, index):
                canvases[between].line((channel, 0), (channel, ROW_HEIGHT))
                canvases[between].through.add(channel)
            canvases[goal].arrow((channel, ROW_HEIGHT), (channel, MID), (entry_x, MID))
            canvases[goal].through.add(channel)
        else:
            letter = next(letters)
            connector_top = ROW_HEIGHT - CONNECTOR_H - 1
            source.line((exit_x, MID), (channel, MID), (channel, connector_top))
            source.connector(channel, connector_top, letter)
            # below the row's top, where an arrow from another column may run across
            top = ROUTE_Y + 3
            canvases[goal].connector(channel, top, letter)
            canvases[goal].arrow((channel, top + CONNECTOR_H), (channel, MID), (entry_x, MID))
            row.connectors.append(letter)
            aim.connectors.append(letter)

    for row, canvas in zip(rows, canvases, strict=True):
        title = f"{_shape_name(row.shape, row.step.number)} — {names[row.step.actor[0]]}"
        row.svg = canvas.svg(title)
        row.background = canvas.background()
    return paged(rows, sizes)


def page_sizes(count: int, most: int = ROWS_PER_PAGE) -> list[int]:
    """``count`` rows in as few pages of at most ``most`` rows as can be, the sizes as even as
    can be, the larger first: ``page_sizes(11, 5) == [4, 4, 3]``."""
    pages = max(1, -(-count // most))
    size, extra = divmod(count, pages)
    return [size + (1 if page < extra else 0) for page in range(pages)]


def paged(items: list, sizes: list[int]) -> list[list]:
    """``items`` cut into consecutive pages of ``sizes``."""
    pages, start = [], 0
    for size in sizes:
        pages.append(items[start : start + size])
        start += size
    return pages


def _shape_name(shape: str, number: int) -> str:
    names = {
        "terminator": pgettext("SOP flowchart", "Step %(number)s: start or end"),
        "process": pgettext("SOP flowchart", "Step %(number)s: activity"),
        "decision": pgettext("SOP flowchart", "Step %(number)s: decision"),
    }
    return names[shape] % {"number": number}


def legend() -> list[tuple[SafeString, str]]:
    """The symbols of the flowchart with their meaning, as the originals print them under the
    table (Jenawi: *kegiatan mulai dan akhir, kegiatan eksekusi, …, arah kegiatan*)."""
    width, cx = 80, 40
    symbols = []
    for kind, meaning in (
        ("terminator", pgettext("SOP flowchart", "Start and end of the activity")),
        ("process", pgettext("SOP flowchart", "Activity carried out")),
        ("decision", pgettext("SOP flowchart", "Decision")),
        ("arrow", pgettext("SOP flowchart", "Direction of the activity")),
        ("connector", pgettext("SOP flowchart", "Connector to another page")),
    ):
        canvas = _Canvas(lanes=1)
        if kind == "arrow":
            canvas.arrow((cx - 30, MID), (cx + 30, MID))
        elif kind == "connector":
            canvas.connector(cx, MID - CONNECTOR_H / 2, "A")
        else:
            canvas.shape(kind, cx)
        svg = (
            f'<svg class="legend-symbol" viewBox="0 {MID - 20} {width} 40" aria-hidden="true" '
            f'xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, Arial, sans-serif">'
            f'<g stroke="#000" stroke-width="{STROKE}">{"".join(canvas.parts)}</g></svg>'
        )
        symbols.append((mark_safe(svg), meaning))
    return symbols
