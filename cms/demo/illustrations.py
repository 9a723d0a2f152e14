"""Simple drawn illustrations for demo news (the demo ships no photographs).

Each scene is drawn from flat shapes so that the alt text of the demo content can describe
exactly what the picture shows.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675
SKIN = [(141, 85, 36), (198, 134, 66), (224, 172, 105), (161, 102, 94)]
CLOTHES = [(11, 90, 138), (179, 92, 0), (46, 125, 50), (123, 31, 162), (200, 40, 40)]


def _person(draw: ImageDraw.ImageDraw, x: int, ground: int, rng: random.Random, scale=1.0):
    head = int(26 * scale)
    body_h = int(110 * scale)
    colour = rng.choice(CLOTHES)
    draw.rounded_rectangle(
        (x - head, ground - body_h, x + head, ground), radius=int(18 * scale), fill=colour
    )
    draw.ellipse(
        (x - head, ground - body_h - 2 * head, x + head, ground - body_h), fill=rng.choice(SKIN)
    )


def _sky_and_ground(draw, sky, ground, horizon=430):
    draw.rectangle((0, 0, WIDTH, horizon), fill=sky)
    draw.rectangle((0, horizon, WIDTH, HEIGHT), fill=ground)


def _meeting(draw, rng):
    _sky_and_ground(draw, (236, 231, 220), (190, 160, 120), 470)
    draw.rectangle((380, 80, 820, 330), fill=(30, 60, 90))  # presentation screen
    draw.rectangle((420, 120, 780, 290), fill=(220, 235, 245))
    for index, height in enumerate((60, 110, 150)):
        draw.rectangle((470 + index * 90, 270 - height, 530 + index * 90, 270), fill=(11, 90, 138))
    draw.rectangle((250, 470, 950, 520), fill=(120, 80, 40))  # table
    for x in (320, 480, 720, 880):
        _person(draw, x, 470, rng)


def _field(draw, rng):
    _sky_and_ground(draw, (170, 215, 240), (90, 160, 70))
    draw.ellipse((980, 60, 1100, 180), fill=(255, 210, 60))
    for x in range(150, 1100, 170):
        _person(draw, x + rng.randint(-20, 20), 560 + rng.randint(-30, 30), rng)


def _road(draw, rng):
    _sky_and_ground(draw, (175, 215, 240), (110, 160, 80))
    draw.polygon([(520, 430), (680, 430), (1000, HEIGHT), (200, HEIGHT)], fill=(80, 80, 85))
    for y in range(450, HEIGHT, 60):
        draw.rectangle((595, y, 605, y + 30), fill=(250, 250, 250))
    _person(draw, 230, 620, rng)
    _person(draw, 960, 620, rng)


def _building(draw, rng):
    _sky_and_ground(draw, (180, 220, 245), (120, 170, 90))
    draw.rectangle((300, 220, 900, 500), fill=(245, 240, 225))
    draw.polygon([(260, 230), (600, 90), (940, 230)], fill=(160, 60, 40))
    for x in range(340, 880, 110):
        draw.rectangle((x, 300, x + 60, 380), fill=(11, 90, 138))
    draw.rectangle((560, 400, 640, 500), fill=(110, 70, 40))
    draw.rectangle((580, 150, 620, 190), fill=(250, 250, 250))


def _chart(draw, rng):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=(245, 247, 250))
    draw.line((150, 580, 1080, 580), fill=(40, 40, 40), width=6)
    draw.line((150, 100, 150, 580), fill=(40, 40, 40), width=6)
    for index in range(6):
        height = rng.randint(120, 440)
        x = 210 + index * 145
        draw.rectangle((x, 580 - height, x + 90, 577), fill=CLOTHES[index % len(CLOTHES)])


def _market(draw, rng):
    _sky_and_ground(draw, (175, 215, 240), (200, 180, 140))
    for x in (120, 460, 800):
        draw.polygon([(x, 260), (x + 140, 180), (x + 280, 260)], fill=rng.choice(CLOTHES))
        draw.rectangle((x + 20, 260, x + 260, 420), fill=(240, 225, 190))
        for item in range(4):
            draw.ellipse((x + 35 + item * 55, 370, x + 75 + item * 55, 410), fill=(230, 120, 40))
    for x in (260, 640, 980):
        _person(draw, x, 610, rng)


SCENES = {
    "meeting": _meeting,
    "classroom": _meeting,
    "office": _meeting,
    "field": _field,
    "ceremony": _field,
    "farm": _field,
    "health": _field,
    "road": _road,
    "river": _road,
    "building": _building,
    "chart": _chart,
    "market": _market,
}


def draw_scene(scene: str, seed: int = 0) -> bytes:
    """A JPEG of the named scene (unknown names draw a building)."""
    rng = random.Random(f"{scene}-{seed}")
    image = Image.new("RGB", (WIDTH, HEIGHT))
    SCENES.get(scene, _building)(ImageDraw.Draw(image), rng)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()
