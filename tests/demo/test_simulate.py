"""The simulated stream: valid events of every kind from the registry, through ingest, on its own thread."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.demo.simulate import Simulator, start_background_simulation
from console.errors import UserError
from console.models import Alert, Building, Community, Event, Household, Resident, Station, Vehicle
from console.security import Actor, system_actor
from console.services.alerts import WatchlistService
from console.services.intake import IngestService


@pytest.fixture
def registry(sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor) -> None:
    with sessions.begin() as s:
        s.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        s.execute(
            insert(Community),
            [
                {"id": 1, "station_id": 1, "code": "YZ", "name": "禹洲璟阅城", "version": 1},
                {"id": 2, "station_id": 1, "code": "HQ", "name": "华侨学府", "version": 1},
            ],
        )
        s.execute(insert(Building).values(id=1, community_id=1, name="1号楼", version=1))
        s.execute(
            insert(Household).values(id=1, community_id=1, building_id=1, floor=1, room="101", version=1)
        )
        s.execute(
            insert(Resident).values(
                household_id=1, name="王芳", id_number="35021119881204003X", phone="13812341234", version=1
            )
        )
        s.execute(insert(Vehicle).values(plate="闽D12345", version=1))
    WatchlistService(sessions, clock).add(duty_officer, plate="闽DA8888", reason="涉案车辆")


def test_simulated_events_are_all_valid_and_cover_every_kind(
    registry: None, engine: Engine, sessions: sessionmaker[Session], clock: FixedClock
) -> None:
    ingest = IngestService(sessions, clock)
    # Alerts far above the demo's pace, so that 400 events show every kind (the default pace is
    # the next test's).
    simulator = Simulator(engine, ingest, clock, seed=3, urgent_per_hour=1000, other_alerts_per_hour=1000)
    events = simulator.make_events(400)
    answers = ingest.ingest(events, system_actor("sim"))
    assert [a.status for a in answers] == ["accepted"] * 400  # unique external ids, nothing rejected
    kinds = Counter(e["kind"] for e in events)
    assert set(kinds) == {"plate_read", "person_entry", "fraud_risk", "report"}
    assert kinds["plate_read"] + kinds["person_entry"] > 300  # mostly harmless sightings
    assert any(e.get("plate") == "闽DA8888" for e in events)  # an occasional watchlist hit
    assert any(e.get("category") in ("lost-item", "lost-pet") for e in events)


def test_an_empty_registry_is_a_clear_error(
    engine: Engine, sessions: sessionmaker[Session], clock: FixedClock
) -> None:
    with pytest.raises(UserError, match="没有小区"):
        Simulator(engine, IngestService(sessions, clock), clock).refresh()


def test_background_simulation_runs_on_the_callers_engine_and_stops(
    registry: None, engine: Engine, sessions: sessionmaker[Session]
) -> None:
    stop = threading.Event()
    simulator = Simulator(engine, IngestService(sessions), seed=4)
    thread = start_background_simulation(simulator, rate=40.0, stop_event=stop)
    assert thread.daemon
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with sessions() as s:
            if s.execute(select(func.count()).select_from(Event)).scalar_one() >= 5:
                break
        time.sleep(0.1)
    thread.stop()
    assert not thread.is_alive() and stop.is_set()
    with sessions() as s:
        assert s.execute(select(func.count()).select_from(Event)).scalar_one() >= 5


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_hour_of_the_default_stream_raises_a_handful_of_urgent_alerts_not_dozens(
    registry: None,
    engine: Engine,
    sessions: sessionmaker[Session],
    clock: FixedClock,
    duty_officer: Actor,
    seed: int,
) -> None:
    watchlist = WatchlistService(sessions, clock)
    watchlist.add(duty_officer, plate="闽DB7777", reason="盗抢车辆", severity="critical")
    watchlist.add(duty_officer, id_number="350211198001010013", reason="在逃人员", severity="high")
    watchlist.add(duty_officer, plate="闽DC6666", reason="欠费车辆", severity="low")
    ingest = IngestService(sessions, clock)
    simulator = Simulator(engine, ingest, clock, seed=seed)
    rate = 2.0  # the demo's default events per second
    for _minute in range(60):  # one simulated hour, a minute of events at a time
        ingest.ingest(simulator.make_events(int(rate * 60)), system_actor("sim"))
        clock.advance(minutes=1)
    with sessions() as s:
        by_severity = dict(
            s.execute(select(Alert.severity, func.count()).group_by(Alert.severity)).all()  # type: ignore[arg-type]
        )
    urgent = by_severity.get("critical", 0) + by_severity.get("high", 0)
    assert 2 <= urgent <= 10, by_severity  # a few an hour, as a duty room sees them
    assert by_severity.get("medium", 0) + by_severity.get("low", 0) <= 60, by_severity  # a feed, not a wall
