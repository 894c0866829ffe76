"""Which available officers to send: those whose grid cell holds the community first, then the nearest.

An officer's position is the centre of the communities in their grid cell (officers on the board
have no GPS); distance is between that centre and the alert's community, in kilometres.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, select

from console.errors import ValidationError
from console.models import Alert, Community, Officer

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Recommendation:
    officer_id: int
    badge: str
    name: str
    team: str
    same_cell: bool
    distance_km: float | None  # None: the officer has no grid cell or the community no position


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance: exact enough across one district, and cheap."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    x = (lon2 - lon1) * math.cos((lat1 + lat2) / 2)
    return EARTH_RADIUS_KM * math.hypot(x, lat2 - lat1)


def cell_centres(
    communities: Iterable[tuple[int | None, float | None, float | None]],
) -> dict[int, tuple[float, float]]:
    """grid cell id -> mean (lat, lon) of its communities that have a position."""
    sums: dict[int, list[float]] = {}
    for cell, lat, lon in communities:
        if cell is None or lat is None or lon is None:
            continue
        acc = sums.setdefault(cell, [0.0, 0.0, 0.0])
        acc[0] += lat
        acc[1] += lon
        acc[2] += 1
    return {cell: (la / n, lo / n) for cell, (la, lo, n) in sums.items()}


def rank_officers(
    cell_id: int | None,
    position: tuple[float, float] | None,
    officers: Iterable[tuple[int, str, str, str, int | None]],
    centres: Mapping[int, tuple[float, float]],
) -> list[Recommendation]:
    """Officers (id, badge, name, team, grid cell) ordered for a community in ``cell_id`` at ``position``."""
    ranked = []
    for officer_id, badge, name, team, officer_cell in officers:
        centre = centres.get(officer_cell) if officer_cell is not None else None
        dist = distance_km(position, centre) if position is not None and centre is not None else None
        same = cell_id is not None and officer_cell == cell_id
        ranked.append(Recommendation(officer_id, badge, name, team, same, dist))
    ranked.sort(key=lambda r: (not r.same_cell, r.distance_km is None, r.distance_km or 0.0, r.badge))
    return ranked


def recommend_officers(conn: Connection, alert_id: int, limit: int | None = None) -> list[Recommendation]:
    """Available officers for ``alert_id``, best first (three small queries, ranked in Python)."""
    row = conn.execute(
        select(Community.grid_cell_id, Community.lat, Community.lon)
        .select_from(Alert)
        .outerjoin(Community, Community.id == Alert.community_id)
        .where(Alert.id == alert_id)
    ).one_or_none()
    if row is None:
        raise ValidationError("alert_id", "dispatch.alert_unknown", alert_id=alert_id)
    cell_id, lat, lon = row
    centres = cell_centres(conn.execute(select(Community.grid_cell_id, Community.lat, Community.lon)).all())
    officers = conn.execute(
        select(Officer.id, Officer.badge_no, Officer.name, Officer.team, Officer.grid_cell_id).where(
            Officer.status == "available"
        )
    ).all()
    position = (lat, lon) if lat is not None and lon is not None else None
    ranked = rank_officers(cell_id, position, officers, centres)
    return ranked if limit is None else ranked[:limit]
