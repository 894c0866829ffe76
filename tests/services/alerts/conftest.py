"""The alert tests' district: a station, three communities, a watched car and person, alert helpers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.models import Alert, Event, TheftCase, WatchlistEntry
from console.services.alerts import AlertService
from tests.factories import add_communities, add_station

ID_NUMBER = "350211199003071236"
RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}


class District:
    """A station, three communities, a watched car and person, and helpers to raise alerts."""

    def __init__(self, engine: Engine, now: dt.datetime) -> None:
        self.engine, self.now = engine, now
        with engine.begin() as c:
            self.station = add_station(c)
            self.communities = add_communities(c, self.station, ["滨水小区", "双岭花园", "铁山新村"])
            case_id = c.execute(
                insert(TheftCase)
                .values(
                    case_no="GK2026-031",
                    kind="盗窃",
                    title="地下室电缆被盗",
                    description="",
                    status="open",
                    occurred_at=now,
                    reported_at=now,
                    version=1,
                )
                .returning(TheftCase.id)
            ).scalar_one()
            self.car = c.execute(
                insert(WatchlistEntry)
                .values(
                    kind="vehicle",
                    plate="闽D12345",
                    name="",
                    reason="涉盗窃电缆案车辆",
                    severity="high",
                    case_id=case_id,
                    active=True,
                    created_at=now,
                    version=1,
                )
                .returning(WatchlistEntry.id)
            ).scalar_one()
            self.person = c.execute(
                insert(WatchlistEntry)
                .values(
                    kind="person",
                    id_number=ID_NUMBER,
                    name="陈某",
                    reason="电信诈骗前科",
                    severity="medium",
                    active=True,
                    created_at=now,
                    version=1,
                )
                .returning(WatchlistEntry.id)
            ).scalar_one()

    def alert(
        self,
        *,
        severity: str = "medium",
        kind: str = "report",
        community: int = 0,
        status: str = "new",
        summary: str = "群众求助",
        entry: int | None = None,
        age_s: float = 0,
        plate: str | None = None,
        id_number: str | None = None,
        device: str = "north-gate-1",
        **extra: Any,
    ) -> int:
        at = self.now - dt.timedelta(seconds=age_s)
        with self.engine.begin() as c:
            aid = c.execute(
                insert(Alert)
                .values(
                    kind=kind,
                    severity=severity,
                    severity_rank=RANK[severity],
                    status=status,
                    community_id=self.communities[community],
                    watchlist_entry_id=entry,
                    summary=summary,
                    count=1,
                    first_event_at=at,
                    last_event_at=at,
                    raised_at=at,
                    updated_at=at,
                    version=1,
                    resolution_note="",
                    **extra,
                )
                .returning(Alert.id)
            ).scalar_one()
        if plate or id_number:
            self.sighting(
                plate=plate, id_number=id_number, community=community, alert_id=aid, at=at, device=device
            )
        return aid

    def sighting(
        self,
        *,
        plate: str | None = None,
        id_number: str | None = None,
        community: int = 0,
        alert_id: int | None = None,
        at: dt.datetime | None = None,
        device: str = "east-gate",
    ) -> None:
        with self.engine.begin() as c:
            n = c.execute(select(Event.id).order_by(Event.id.desc()).limit(1)).scalar() or 0
            c.execute(
                insert(Event).values(
                    source="gate-camera",
                    external_id=f"ev{n + 1}",
                    kind="plate_read" if plate else "person_entry",
                    at=at or self.now,
                    received_at=at or self.now,
                    community_id=self.communities[community],
                    device=device,
                    plate=plate,
                    id_number=id_number,
                    alert_id=alert_id,
                    payload='{"direction": "in", "confidence": 0.93}',
                )
            )


@pytest.fixture
def district(engine: Engine, clock: FixedClock) -> District:
    return District(engine, clock.now())


@pytest.fixture
def alerts(sessions: sessionmaker[Session], clock: FixedClock) -> AlertService:
    return AlertService(sessions, clock)
