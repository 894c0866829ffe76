"""A small district for dispatch tests: two grid cells, three communities, officers, alerts.

Dispatch stamps times with the database server's clock, so alerts here are raised relative to the
real time (``age_s`` seconds ago), not the tests' fixed clock.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, insert, select, update

from console.models import Alert, Community, Dispatch, GridCell, Officer
from tests.factories import add_communities, add_station

RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}


class DispatchWorld:
    """Cells G1 (滨水小区, 双岭花园) and G2 (铁山新村, a few kilometres east)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with engine.begin() as c:
            self.station = add_station(c)
            self.cells = [
                int(
                    c.execute(
                        insert(GridCell)
                        .values(station_id=self.station, code=code, name=name, version=1)
                        .returning(GridCell.id)
                    ).scalar_one()
                )
                for code, name in (("G1", "灌口一网格"), ("G2", "灌口二网格"))
            ]
            self.communities = add_communities(c, self.station, ["滨水小区", "双岭花园", "铁山新村"])
            for community, cell, lat, lon in zip(
                self.communities,
                (self.cells[0], self.cells[0], self.cells[1]),
                (24.600, 24.604, 24.610),
                (117.990, 117.994, 118.060),
                strict=True,
            ):
                c.execute(
                    update(Community)
                    .where(Community.id == community)
                    .values(grid_cell_id=cell, lat=lat, lon=lon)
                )

    def officer(
        self, badge: str, *, status: str = "available", cell: int | None = 0, team: str = "值班一组"
    ) -> int:
        with self.engine.begin() as c:
            return int(
                c.execute(
                    insert(Officer)
                    .values(
                        station_id=self.station,
                        badge_no=badge,
                        name=f"警员{badge}",
                        role="值班民警",
                        team=team,
                        status=status,
                        grid_cell_id=None if cell is None else self.cells[cell],
                        version=1,
                    )
                    .returning(Officer.id)
                ).scalar_one()
            )

    def alert(
        self,
        *,
        kind: str = "plate_read",
        status: str = "new",
        community: int = 0,
        age_s: float = 120,
        delivered_after_s: float = 0,
    ) -> int:
        """An alert whose event happened ``age_s`` ago and reached the console ``delivered_after_s`` later."""
        at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=age_s)
        raised = at + dt.timedelta(seconds=delivered_after_s)
        with self.engine.begin() as c:
            return int(
                c.execute(
                    insert(Alert)
                    .values(
                        kind=kind,
                        severity="high",
                        severity_rank=RANK["high"],
                        status=status,
                        community_id=self.communities[community],
                        summary="测试预警",
                        count=1,
                        first_event_at=at,
                        last_event_at=at,
                        raised_at=raised,
                        updated_at=raised,
                        version=1,
                        resolution_note="",
                    )
                    .returning(Alert.id)
                ).scalar_one()
            )

    def backdate(self, dispatch_id: int, raised_at: dt.datetime, dispatched_at: dt.datetime) -> None:
        """Move a dispatch and its alert into the past, as if sent earlier (for exact response times)."""
        with self.engine.begin() as c:
            alert_id = c.execute(select(Dispatch.alert_id).where(Dispatch.id == dispatch_id)).scalar_one()
            c.execute(update(Alert).where(Alert.id == alert_id).values(raised_at=raised_at))
            c.execute(
                update(Dispatch)
                .where(Dispatch.id == dispatch_id)
                .values(received_at=raised_at, dispatched_at=dispatched_at)
            )

    def status_of(self, badge: str) -> str:
        with self.engine.connect() as c:
            return str(c.execute(select(Officer.status).where(Officer.badge_no == badge)).scalar_one())

    def count(self, table: object) -> int:
        from sqlalchemy import func

        with self.engine.connect() as c:
            return int(c.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]
