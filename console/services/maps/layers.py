"""The district map's extra layers: where officers are heading, and confirmed series (串案) as paths.

Qt-free. Both read the same tables their own domains write (dispatch, cases) but only to place
them on the map: every rule about dispatches and series stays in ``services/dispatch`` and
``services/cases``. A community's position is the one the district map uses for it (its point,
or the centre of its outline), so markers land on the community drawn there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select

from console.models import (
    CaseSeries,
    CaseSeriesMember,
    Community,
    Dispatch,
    Officer,
    TheftCase,
    dispatch_officer,
)
from console.services.maps.places import LatLon, parse_outline, position

SERIES_SHOWN = 50  # the newest confirmed series drawn on the map; older ones are in the dossiers
DESTINATIONS_SHOWN = 500


@dataclass(frozen=True)
class OfficerDestination:
    """One open dispatch: who is heading to (or already at) which community."""

    dispatch_id: int
    alert_id: int | None
    status: str  # en_route, on_scene
    dispatched_at: dt.datetime
    arrived_at: dt.datetime | None
    officers: tuple[tuple[str, str], ...]  # (badge, name), by badge
    community_id: int
    community_name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class SeriesStop:
    """One case of a series on the map, in the series' time order."""

    case_no: str
    category: str
    reported_at: dt.datetime
    community_id: int | None
    community_name: str  # the registry's name, or the text the case was opened with
    lat: float | None  # None: the case names no placed community and cannot be drawn
    lon: float | None

    @property
    def placed(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class SeriesPath:
    """A confirmed series: its cases in the order they were reported, joined on the map."""

    id: int
    label: str
    stops: tuple[SeriesStop, ...]

    @property
    def placed(self) -> tuple[SeriesStop, ...]:
        """The stops that can be drawn (their community has a position)."""
        return tuple(s for s in self.stops if s.placed)

    @property
    def unplaced(self) -> tuple[str, ...]:
        """Case numbers of the series that cannot be drawn."""
        return tuple(s.case_no for s in self.stops if not s.placed)


def _community_positions(conn: Connection, ids: Iterable[int]) -> dict[int, tuple[str, LatLon | None]]:
    wanted = sorted(set(ids))
    out: dict[int, tuple[str, LatLon | None]] = {}
    for start in range(0, len(wanted), 1000):  # bounded IN lists on both backends
        rows = conn.execute(
            select(Community.id, Community.name, Community.lat, Community.lon, Community.outline).where(
                Community.id.in_(wanted[start : start + 1000])
            )
        )
        for cid, name, lat, lon, outline in rows:
            ring = parse_outline(outline) if lat is None or lon is None else None
            out[cid] = (name, position(lat, lon, ring))
    return out


def officer_destinations(conn: Connection, limit: int = DESTINATIONS_SHOWN) -> list[OfficerDestination]:
    """Open dispatches (en route or on scene) to a placed community, newest first."""
    d = Dispatch
    rows = conn.execute(
        select(d.id, d.alert_id, d.status, d.dispatched_at, d.arrived_at, d.community_id)
        .where(d.status != "closed", d.community_id.is_not(None))
        .order_by(d.id.desc())
        .limit(limit)
    ).all()
    if not rows:
        return []
    crew: dict[int, list[tuple[str, str]]] = {r.id: [] for r in rows}
    ids = list(crew)
    for start in range(0, len(ids), 1000):
        for dispatch_id, badge, name in conn.execute(
            select(dispatch_officer.c.dispatch_id, Officer.badge_no, Officer.name)
            .join(Officer, Officer.id == dispatch_officer.c.officer_id)
            .where(dispatch_officer.c.dispatch_id.in_(ids[start : start + 1000]))
        ):
            crew[dispatch_id].append((badge, name))
    places = _community_positions(conn, (r.community_id for r in rows))
    out = []
    for r in rows:
        name, pos = places.get(r.community_id, ("", None))
        if pos is None:
            continue
        out.append(
            OfficerDestination(
                r.id,
                r.alert_id,
                r.status,
                r.dispatched_at,
                r.arrived_at,
                tuple(sorted(crew[r.id])),
                r.community_id,
                name,
                *pos,
            )
        )
    return out


def series_paths(
    conn: Connection, series_id: int | None = None, limit: int = SERIES_SHOWN
) -> list[SeriesPath]:
    """Confirmed series with their cases in report order: one (``series_id``) or the newest ``limit``."""
    q = select(CaseSeries.id, CaseSeries.label)
    q = q.where(CaseSeries.id == series_id) if series_id is not None else q.order_by(CaseSeries.id.desc())
    chosen = conn.execute(q.limit(limit)).all()
    if not chosen:
        return []
    t, m = TheftCase, CaseSeriesMember
    members: dict[int, list[tuple[int, str, str, dt.datetime, int | None, str]]] = {
        sid: [] for sid, _label in chosen
    }
    for sid, case_id, case_no, category, reported_at, community_id, community_text in conn.execute(
        select(m.series_id, t.id, t.case_no, t.category, t.reported_at, t.community_id, t.community_text)
        .join(t, t.id == m.case_id)
        .where(m.series_id.in_(list(members)))
    ):
        members[sid].append((case_id, case_no, category, reported_at, community_id, community_text or ""))
    places = _community_positions(
        conn, (c[4] for cases in members.values() for c in cases if c[4] is not None)
    )
    out = []
    for sid, label in chosen:
        stops = []
        # The same order as the dossier's series list: by report time, then by case id.
        for _cid, case_no, category, reported_at, community_id, text in sorted(
            members[sid], key=lambda c: (c[3], c[0])
        ):
            name, pos = places.get(community_id, (text, None)) if community_id is not None else (text, None)
            stops.append(
                SeriesStop(
                    case_no,
                    category,
                    reported_at,
                    community_id,
                    name,
                    pos[0] if pos else None,
                    pos[1] if pos else None,
                )
            )
        out.append(SeriesPath(sid, label, tuple(stops)))
    return out
