"""Where a community sits on the district map: its point, or the centre of its outline."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

log = logging.getLogger(__name__)

LatLon = tuple[float, float]


def parse_outline(raw: str | None) -> tuple[LatLon, ...] | None:
    """The GeoJSON ring ``[[lon, lat], ...]`` stored on a community as (lat, lon) pairs.

    A missing, malformed or degenerate (fewer than 3 points) outline gives None, and the
    community is drawn as a circle instead: a bad outline must never hide a community.
    """
    if not raw or not raw.strip():
        return None
    try:
        data = json.loads(raw)
        # Accept a bare ring, a GeoJSON Polygon's coordinates ([ring, ...]) or a Polygon object.
        if isinstance(data, dict):
            data = data.get("coordinates")
        if (
            isinstance(data, list)
            and data
            and isinstance(data[0], list)
            and data[0]
            and isinstance(data[0][0], list)
        ):
            data = data[0]
        ring = tuple((float(p[1]), float(p[0])) for p in data)
    except (ValueError, TypeError, IndexError, KeyError):
        log.warning("ignoring malformed community outline: %.80s", raw)
        return None
    if len(ring) < 3 or not all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in ring):
        return None
    return ring


def _centre(ring: Sequence[LatLon]) -> LatLon:
    lats = [p[0] for p in ring]
    lons = [p[1] for p in ring]
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


def position(lat: float | None, lon: float | None, ring: Sequence[LatLon] | None) -> LatLon | None:
    if lat is not None and lon is not None:
        return (lat, lon)
    if ring:
        return _centre(ring)
    return None
