"""The district at a glance: each community's share of overdue households, and the open alerts.

Feeds the district map. Qt-free; every method opens its own read transaction and returns frozen
dataclasses.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from console.models import Alert, Community, Household, Station
from console.security import Actor, Permission
from console.services.base import Service
from console.services.maps.layers import OfficerDestination, SeriesPath, officer_destinations, series_paths
from console.services.maps.places import LatLon, parse_outline, position

log = logging.getLogger(__name__)

DEFAULT_ORANGE_AFTER_DAYS = 30
DEFAULT_RED_AFTER_DAYS = 90
OPEN_ALERT_LIMIT = 500


@dataclass(frozen=True)
class CommunitySummary:
    """One community on the district map: where it is and how overdue its households are."""

    id: int
    code: str
    name: str
    lat: float | None  # the community's point, or the centre of its outline; None: not placed
    lon: float | None
    outline: tuple[LatLon, ...] | None  # polygon ring as (lat, lon) pairs; None: draw a circle
    households: int
    green: int  # verified within orange_after_days
    orange: int  # older than orange_after_days, within red_after_days
    red: int  # older than red_after_days
    never: int  # never verified
    property_manager_company: str
    property_manager_name: str
    property_manager_phone: str

    @property
    def overdue(self) -> int:
        """Households due for a visit: orange, red and never verified."""
        return self.orange + self.red + self.never

    @property
    def overdue_share(self) -> float:
        """Overdue households / households; 0.0 for a community with no households."""
        return self.overdue / self.households if self.households else 0.0

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class AlertMarker:
    """An open alert placed at its community."""

    id: int
    severity: str
    status: str
    kind: str
    summary: str
    count: int
    last_event_at: dt.datetime
    community_id: int
    community_name: str
    lat: float
    lon: float


class DistrictService(Service):
    """Per-community verification coverage and open alerts for the district map."""

    def _cutoffs(self, session: Session) -> list[tuple[list[int] | None, dt.datetime, dt.datetime]]:
        """(station ids or None for all, green cutoff, red cutoff) per distinct threshold pair."""
        now = self._now(session)  # compared with stored verification dates
        rows = session.execute(select(Station.id, Station.orange_after_days, Station.red_after_days)).all()
        groups: dict[tuple[int, int], list[int]] = {}
        for sid, orange, red in rows:
            orange = orange or DEFAULT_ORANGE_AFTER_DAYS
            # Red never comes before orange, whatever a station typed into its settings.
            key = (orange, max(red or DEFAULT_RED_AFTER_DAYS, orange))
            groups.setdefault(key, []).append(sid)
        if len(groups) <= 1:
            orange, red = next(iter(groups), (DEFAULT_ORANGE_AFTER_DAYS, DEFAULT_RED_AFTER_DAYS))
            return [(None, now - dt.timedelta(days=orange), now - dt.timedelta(days=red))]
        return [
            (ids, now - dt.timedelta(days=orange), now - dt.timedelta(days=red))
            for (orange, red), ids in groups.items()
        ]

    def communities(self, actor: Actor) -> list[CommunitySummary]:
        """Every community with its household counts per verification colour, by name.

        One aggregate query over the households (CASE WHEN on last_verified_at against cutoff
        times computed here and bound as parameters, so the SQL is the same on SQLite and
        PostgreSQL), outer-joined to the communities so an empty community still appears.
        """
        actor.require(Permission.VIEW_REGISTRY)
        with self._write() as session:
            cutoffs = self._cutoffs(session)
            verified = Household.last_verified_at

            def in_band(newer_than: int) -> ColumnElement[bool]:
                # newer_than=1: verified after the green cutoff; 2: after the red cutoff.
                terms = []
                for station_ids, green_cut, red_cut in cutoffs:
                    cond = verified >= (green_cut if newer_than == 1 else red_cut)
                    if station_ids is not None:
                        cond = and_(Community.station_id.in_(station_ids), cond)
                    terms.append(cond)
                return or_(*terms)

            def count_if(cond: ColumnElement[bool]) -> ColumnElement[int]:
                return func.sum(case((cond, literal(1)), else_=literal(0)))

            # Three sums over the covering (community_id, last_verified_at) index; the colours
            # follow by subtraction: orange = within red - green, red = verified - within red.
            counts_q = select(
                Household.community_id.label("community_id"),
                func.count().label("households"),
                func.count(verified).label("verified"),
                count_if(in_band(1)).label("green"),
                count_if(in_band(2)).label("within_red"),
            )
            if any(station_ids is not None for station_ids, _g, _r in cutoffs):
                counts_q = counts_q.join(Community, Community.id == Household.community_id)
            counts = counts_q.group_by(Household.community_id).subquery()
            zero = literal(0)
            rows = session.execute(
                select(
                    Community.id,
                    Community.code,
                    Community.name,
                    Community.lat,
                    Community.lon,
                    Community.outline,
                    Community.property_manager_company,
                    Community.property_manager_name,
                    Community.property_manager_phone,
                    func.coalesce(counts.c.households, zero),
                    func.coalesce(counts.c.verified, zero),
                    func.coalesce(counts.c.green, zero),
                    func.coalesce(counts.c.within_red, zero),
                )
                .outerjoin(counts, counts.c.community_id == Community.id)
                .order_by(Community.name, Community.id)
            ).all()
        result = []
        for cid, code, name, lat, lon, outline, pm_co, pm_name, pm_phone, n, seen, g, recent in rows:
            ring = parse_outline(outline)
            pos = position(lat, lon, ring)
            result.append(
                CommunitySummary(
                    id=cid,
                    code=code,
                    name=name,
                    lat=pos[0] if pos else None,
                    lon=pos[1] if pos else None,
                    outline=ring,
                    households=int(n),
                    green=int(g),
                    orange=int(recent) - int(g),
                    red=int(seen) - int(recent),
                    never=int(n) - int(seen),
                    property_manager_company=pm_co or "",
                    property_manager_name=pm_name or "",
                    property_manager_phone=pm_phone or "",
                )
            )
        return result

    def open_alerts(self, actor: Actor, limit: int = OPEN_ALERT_LIMIT) -> list[AlertMarker]:
        """The newest open (not resolved) alerts that belong to a placed community, newest first."""
        actor.require(Permission.VIEW_ALERTS)
        with self._write() as session:
            rows = session.execute(
                select(
                    Alert.id,
                    Alert.severity,
                    Alert.status,
                    Alert.kind,
                    Alert.summary,
                    Alert.count,
                    Alert.last_event_at,
                    Community.id,
                    Community.name,
                    Community.lat,
                    Community.lon,
                    Community.outline,
                )
                .join(Community, Community.id == Alert.community_id)
                .where(Alert.status != "resolved")
                .where(
                    or_(
                        and_(Community.lat.is_not(None), Community.lon.is_not(None)),
                        Community.outline.is_not(None),
                    )
                )
                .order_by(Alert.id.desc())
                .limit(limit)
            ).all()
        markers = []
        for aid, severity, status, kind, summary, count, last_at, cid, cname, lat, lon, outline in rows:
            pos = position(lat, lon, parse_outline(outline) if lat is None or lon is None else None)
            if pos is None:
                continue
            markers.append(
                AlertMarker(aid, severity, status, kind, summary or "", count or 1, last_at, cid, cname, *pos)
            )
        return markers

    def officer_destinations(self, actor: Actor) -> list[OfficerDestination]:
        """Open dispatches to placed communities: which officers are heading where, newest first."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            return officer_destinations(conn)

    def series_paths(self, actor: Actor, series_id: int | None = None) -> list[SeriesPath]:
        """Confirmed series (one, or the newest ones) with their cases in report order, placed."""
        actor.require(Permission.VIEW_CASES)
        with self._read() as conn:
            return series_paths(conn, series_id)
