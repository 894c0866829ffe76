"""Verification colours stay distinguishable for officers with red-green colour blindness."""

from __future__ import annotations

import itertools
import math

from console.widgets.theme import VERIFICATION_COLOURS

# Machado, Oliveira & Fernandes (2009): full deuteranopia, applied in linear RGB.
DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _srgb(value: float) -> float:
    v = min(1.0, max(0.0, value))
    return 255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055)


def as_deuteranope_sees(hex_colour: str) -> tuple[float, ...]:
    rgb = [_linear(int(hex_colour[i : i + 2], 16)) for i in (1, 3, 5)]
    return tuple(_srgb(sum(m * x for m, x in zip(row, rgb, strict=True))) for row in DEUTERANOPIA)


def test_green_orange_red_and_grey_remain_apart_under_deuteranopia() -> None:
    seen = {name: as_deuteranope_sees(colour) for name, colour in VERIFICATION_COLOURS.items()}
    for a, b in itertools.combinations(seen, 2):
        assert math.dist(seen[a], seen[b]) >= 50, f"{a} and {b} look alike to a deuteranope"
