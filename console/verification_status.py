"""Household verification statuses and their colours: the one definition (Qt-free).

DOMAIN.md: green when verified within ``orange_after`` days (30 by default), orange up to
``red_after`` days (90), red beyond that **or never verified**. A household never verified keeps its
own status (``never``) so the map, the worklist and the legend can count it apart and draw it with
its own mark, but its colour is red everywhere: the grid map's cells and legend, the worklist's
colour column and printout, the household dialog and the district map all read the colours here.
"""

from __future__ import annotations

GREEN, ORANGE, RED, NEVER = 0, 1, 2, 3
"""Status codes as stored in the grid map's numpy arrays (uint8)."""
STATUS_NAMES = ("green", "orange", "red", "never")
"""Status names by code."""

# Bluish green, light amber-orange, dark vermilion, slate: apart in lightness as well as hue, so an
# officer with red-green colour blindness still tells the three states apart
# (tests/widgets/test_theme.py simulates deuteranopia). Grey is not a household status: it marks
# what has nothing to verify (a community of the district map without households).
COLOURS: dict[str, str] = {
    "green": "#1d9e74",
    "orange": "#f5b83d",
    "red": "#d6402a",
    "grey": "#5c6370",
}
STATUS_COLOURS: dict[str, str] = {"green": "green", "orange": "orange", "red": "red", "never": "red"}
"""The colour (a key of COLOURS) of each status: never verified is red (DOMAIN.md)."""
DUE_STATUSES = frozenset({"orange", "red", "never"})
"""Statuses that put a household on the verification worklist."""


def status_of(days: int | None, orange_after: int, red_after: int) -> str:
    """The status of a household last verified ``days`` days ago (None: never)."""
    if days is None or days < 0:
        return "never"
    if days <= orange_after:
        return "green"
    return "orange" if days <= red_after else "red"


def colour_of(status: str) -> str:
    """The colour name (green, orange, red) of ``status``."""
    return STATUS_COLOURS[status]


def status_hex(status: str) -> str:
    """The colour of ``status`` as #rrggbb."""
    return COLOURS[STATUS_COLOURS[status]]
