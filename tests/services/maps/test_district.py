"""District summary: overdue share per community with the station's thresholds, and open alerts."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import insert, update
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import PermissionDenied
from console.models import Alert, Building, Community, Household, Station
from console.security import Actor
from console.services.maps import DistrictService, parse_outline


def _seed(sessions: sessionmaker[Session], now: dt.datetime) -> dict[str, int]:
    """Two communities at Guankou with households verified at known ages, one with no position."""
    days = dt.timedelta(days=1)
    with sessions.begin() as s:
        s.execute(
            insert(Station).values(
                id=1, code="GK", name="灌口派出所", orange_after_days=30, red_after_days=90
            )
        )
        ring = [[118.030, 24.600], [118.034, 24.600], [118.034, 24.603], [118.030, 24.603], [118.030, 24.600]]
        s.execute(
            insert(Community),
            [
                dict(
                    id=1,
                    station_id=1,
                    code="C1",
                    name="深青花园",
                    lat=24.601,
                    lon=118.031,
                    property_manager_company="深青物业",
                    property_manager_name="陈经理",
                    property_manager_phone="13800001111",
                ),
                dict(
                    id=2,
                    station_id=1,
                    code="C2",
                    name="田头新村",
                    lat=None,
                    lon=None,
                    outline=json.dumps(ring),
                ),
                dict(id=3, station_id=1, code="C3", name="尚无住户小区", lat=24.61, lon=118.04),
                dict(id=4, station_id=1, code="C4", name="待定位小区"),
            ],
        )
        s.execute(
            insert(Building),
            [dict(id=b, community_id=b, name="1号楼", floors=6, rooms_per_floor=4) for b in (1, 2, 4)],
        )
        # Ages in days: 29 and exactly 30 -> green, 31 and 90 -> orange, 91 -> red, None -> never.
        ages_c1 = [29, 30, 31, 90, 91, None]
        ages_c2 = [1, 2, 3, 4, 200]
        ages_c4 = [None]
        rows = []
        for cid, ages in ((1, ages_c1), (2, ages_c2), (4, ages_c4)):
            for i, age in enumerate(ages):
                rows.append(
                    dict(
                        community_id=cid,
                        building_id=cid,
                        unit="1",
                        floor=1,
                        room=f"10{i}",
                        last_verified_at=None if age is None else now - age * days,
                    )
                )
        s.execute(insert(Household), rows)
    return {"c1": 1, "c2": 2, "c3": 3, "c4": 4}


def test_overdue_share_follows_station_thresholds(
    sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    _seed(sessions, clock.now())
    service = DistrictService(sessions, clock)
    by_name = {c.name: c for c in service.communities(duty_officer)}

    shen = by_name["深青花园"]
    assert (shen.households, shen.green, shen.orange, shen.red, shen.never) == (6, 2, 2, 1, 1)
    assert shen.overdue_share == pytest.approx(4 / 6)
    assert shen.property_manager_name == "陈经理" and shen.property_manager_phone == "13800001111"
    assert shen.outline is None and (shen.lat, shen.lon) == (24.601, 118.031)

    tian = by_name["田头新村"]
    assert (tian.households, tian.green, tian.red) == (5, 4, 1)
    assert tian.overdue_share == pytest.approx(0.2)
    # No point given: placed at the centre of its outline, drawn as a polygon of (lat, lon) pairs.
    assert tian.outline is not None and tian.outline[0] == (24.600, 118.030)
    assert tian.lat == pytest.approx(24.6015) and tian.lon == pytest.approx(118.032)

    empty = by_name["尚无住户小区"]
    assert empty.households == 0 and empty.overdue_share == 0.0 and empty.has_position

    unplaced = by_name["待定位小区"]
    assert not unplaced.has_position and unplaced.never == 1


def test_stricter_station_thresholds_turn_more_households_overdue(
    sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    _seed(sessions, clock.now())
    with sessions.begin() as s:
        s.execute(update(Station).values(orange_after_days=7, red_after_days=30))
    by_name = {c.name: c for c in DistrictService(sessions, clock).communities(duty_officer)}
    shen = by_name["深青花园"]
    # 29, 30 days -> orange now; 31, 90, 91 -> red; never stays never.
    assert (shen.green, shen.orange, shen.red, shen.never) == (0, 2, 3, 1)
    assert by_name["田头新村"].green == 4


def test_time_passing_turns_households_orange(
    sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    _seed(sessions, clock.now())
    later = FixedClock(clock.now() + dt.timedelta(days=2))
    shen = {c.name: c for c in DistrictService(sessions, later).communities(duty_officer)}["深青花园"]
    assert (shen.green, shen.orange, shen.red) == (0, 3, 2)


def test_open_alerts_are_placed_at_their_community(
    sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    _seed(sessions, clock.now())
    now = clock.now()
    base = dict(kind="plate_read", first_event_at=now, last_event_at=now, raised_at=now, updated_at=now)
    with sessions.begin() as s:
        s.execute(
            insert(Alert),
            [
                dict(
                    id=1,
                    severity="high",
                    severity_rank=1,
                    status="new",
                    community_id=1,
                    summary="布控车辆 闽D12345",
                    **base,
                ),
                dict(
                    id=2,
                    severity="critical",
                    severity_rank=0,
                    status="acknowledged",
                    community_id=2,
                    summary="反诈",
                    **base,
                ),
                dict(
                    id=3,
                    severity="low",
                    severity_rank=3,
                    status="resolved",
                    community_id=1,
                    summary="已处置",
                    **base,
                ),
                dict(
                    id=4,
                    severity="medium",
                    severity_rank=2,
                    status="new",
                    community_id=4,
                    summary="无坐标",
                    **base,
                ),
                dict(
                    id=5,
                    severity="medium",
                    severity_rank=2,
                    status="dispatched",
                    community_id=None,
                    summary="无小区",
                    **base,
                ),
            ],
        )
    markers = DistrictService(sessions, clock).open_alerts(duty_officer)
    assert [m.id for m in markers] == [2, 1]  # newest first; resolved and unplaceable left out
    assert markers[0].severity == "critical" and markers[0].community_name == "田头新村"
    assert markers[0].lat == pytest.approx(24.6015)
    assert markers[1].summary == "布控车辆 闽D12345" and (markers[1].lat, markers[1].lon) == (24.601, 118.031)
    assert [m.id for m in DistrictService(sessions, clock).open_alerts(duty_officer, limit=1)] == [2]


def test_grid_worker_sees_communities_but_not_alerts(
    sessions: sessionmaker[Session], clock: FixedClock, users
) -> None:
    _seed(sessions, clock.now())
    worker = users.ensure_user("li", "李网格", "grid_worker")
    service = DistrictService(sessions, clock)
    assert len(service.communities(worker)) == 4
    with pytest.raises(PermissionDenied):
        service.open_alerts(worker)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "not json",
        "[[1, 2]]",
        json.dumps([[118.0, 24.0], [118.1, 24.0]]),
        json.dumps([[500, 24], [1, 2], [3, 4]]),
    ],
)
def test_bad_outline_falls_back_to_a_circle(raw: str) -> None:
    assert parse_outline(raw) is None


def test_geojson_polygon_outline_is_accepted() -> None:
    ring = [[118.0, 24.0], [118.1, 24.0], [118.1, 24.1]]
    assert parse_outline(json.dumps({"type": "Polygon", "coordinates": [ring]})) == (
        (24.0, 118.0),
        (24.0, 118.1),
        (24.1, 118.1),
    )


def test_each_station_colours_its_own_communities_by_its_own_thresholds(
    sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    _seed(sessions, clock.now())
    now = clock.now()
    with sessions.begin() as s:
        s.execute(
            insert(Station).values(id=2, code="HC", name="后溪派出所", orange_after_days=7, red_after_days=30)
        )
        s.execute(
            insert(Community).values(id=9, station_id=2, code="C9", name="后溪小区", lat=24.7, lon=118.0)
        )
        s.execute(insert(Building).values(id=9, community_id=9, name="1号楼"))
        s.execute(
            insert(Household),
            [
                dict(
                    community_id=9,
                    building_id=9,
                    unit="1",
                    floor=1,
                    room=f"20{i}",
                    last_verified_at=now - dt.timedelta(days=age),
                )
                for i, age in enumerate([3, 10, 29, 31])
            ],
        )
    by_name = {c.name: c for c in DistrictService(sessions, clock).communities(duty_officer)}
    assert [by_name["后溪小区"].green, by_name["后溪小区"].orange, by_name["后溪小区"].red] == [1, 2, 1]
    shen = by_name["深青花园"]  # still on Guankou's 30 / 90 days
    assert (shen.green, shen.orange, shen.red, shen.never) == (2, 2, 1, 1)
