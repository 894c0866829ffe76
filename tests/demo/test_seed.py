"""The demo district: deterministic, valid identifiers, every colour and alert status, refuses a used database."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, select

from console import cli
from console.demo.seed import DemoSummary, is_empty, seed_demo
from console.errors import UserError
from console.models import (
    Alert,
    Base,
    Community,
    Event,
    Household,
    Officer,
    Resident,
    ServiceRequest,
    Station,
    TheftCase,
    Vehicle,
    VerificationVisit,
    WatchlistEntry,
)
from console.validators import validate_id_number, validate_mobile, validate_plate
from tests.factories import wipe_database

NOW = dt.datetime(2026, 3, 14, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
SAMPLE_TABLES = (
    "community",
    "household",
    "resident",
    "vehicle",
    "watchlist_entry",
    "theft_case",
    "alert",
    "event",
    "dispatch",
    "verification_visit",
)


def _wipe(engine: Engine) -> None:
    wipe_database(engine)


def _schema(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name"
            ).all()
            rows.append(("journal_mode", conn.exec_driver_sql("PRAGMA journal_mode").scalar(), "", ""))
        else:
            rows = conn.exec_driver_sql(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE connamespace = CAST(current_schema() AS regnamespace) ORDER BY 1, 2"
            ).all()
    return [tuple(r) for r in rows]


def _snapshot(engine: Engine) -> dict[str, Any]:
    """Row counts of every table and a sample of rows (every 97th) of the main ones."""
    out: dict[str, Any] = {}
    with engine.connect() as conn:
        for t in Base.metadata.sorted_tables:
            out[t.name] = conn.execute(select(func.count()).select_from(t)).scalar_one()
        for name in SAMPLE_TABLES:
            t = Base.metadata.tables[name]
            rows = conn.execute(select(t).where(t.c.id % 97 == 1).order_by(t.c.id)).all()
            out[f"{name}.sample"] = [tuple(r) for r in rows]
    return out


def test_same_seed_same_district_and_another_seed_differs(engine: Engine) -> None:
    stages: list[str] = []
    first = seed_demo(
        engine, "small", seed=5, now=NOW, progress=lambda stage, done, total: stages.append(stage)
    )
    a = _snapshot(engine)
    _wipe(engine)
    assert is_empty(engine)
    seed_demo(engine, "small", seed=5, now=NOW)
    b = _snapshot(engine)
    _wipe(engine)
    seed_demo(engine, "small", seed=6, now=NOW)
    c = _snapshot(engine)

    assert a == b
    assert a["resident.sample"] != c["resident.sample"]
    assert a["event.sample"] != c["event.sample"]
    assert first.count("resident") == a["resident"] and first.count("event") == a["event"]
    assert {"household", "resident", "event", "alert"} <= set(stages)
    assert "演示数据已生成" in first.line()


def test_seeded_district_is_complete_and_valid(engine: Engine) -> None:
    """One seed, several views of it (seeding is the slow part of these tests)."""
    schema = _schema(engine)
    seeded = seed_demo(engine, "small", seed=7, now=NOW)
    # Indexes and foreign keys dropped for the load are back, exactly as the migrations made them.
    assert _schema(engine) == schema
    _check_shape(engine, seeded)
    _check_identifiers(engine)
    _check_colours_and_statuses(engine)
    _check_new_rows_get_fresh_ids(engine)
    _check_references(engine)
    _check_officers_on_the_board(engine)


def _check_officers_on_the_board(engine: Engine) -> None:
    """The officers' board shows each officer's grid cell and time in status: none left blank."""
    with engine.connect() as conn:
        officers = conn.execute(select(Officer.grid_cell_id, Officer.status_since)).all()
    assert officers
    assert all(cell is not None for cell, _ in officers)
    assert all(since is not None and since <= NOW for _, since in officers)


def _check_shape(engine: Engine, seeded: DemoSummary) -> None:
    assert seeded.count("station") == 1
    assert seeded.count("community") == 6
    assert 2_000 <= seeded.count("household") <= 8_000
    assert seeded.count("resident") > seeded.count("household")
    assert seeded.count("event") > 5_000
    with engine.connect() as conn:
        names = set(conn.scalars(select(Community.name)))
        station = conn.execute(select(Station.name, Station.district)).one()
        cable = conn.execute(select(TheftCase).where(TheftCase.title.contains("蚂蚁搬家"))).one()
        outlines = list(conn.scalars(select(Community.outline).where(Community.outline.is_not(None))))
    assert {"禹洲璟阅城", "联发欣悦湾", "安仁社区"} <= names
    assert tuple(station) == ("灌口派出所", "集美区")
    # The article's case: solved within 24 h, victim told within two days.
    assert cable.solved_at - cable.reported_at <= dt.timedelta(hours=24)
    assert cable.victim_notified_at - cable.solved_at <= dt.timedelta(days=2)
    for ring in map(json.loads, outlines):
        assert ring[0] == ring[-1] and len(ring) >= 4
        lon, lat = ring[0]
        assert 117.9 < lon < 118.1 and 24.5 < lat < 24.7


def _check_identifiers(engine: Engine) -> None:
    with engine.connect() as conn:
        residents = conn.execute(select(Resident.id_number, Resident.phone)).all()
        plates = list(conn.scalars(select(Vehicle.plate)))
        watched = conn.execute(select(WatchlistEntry.id_number, WatchlistEntry.plate)).all()
        events = conn.execute(select(Event.plate, Event.id_number, Event.phone, Event.payload)).all()
    today = NOW.date()
    for number, phone in residents:
        assert validate_id_number(number, today=today) == number
        if phone is not None:
            assert validate_mobile(phone) == phone
    assert len({n for n, _ in residents}) == len(residents)
    for plate in plates:
        assert validate_plate(plate) == plate
    for number, plate in watched:
        assert validate_id_number(number, today=today) if number else validate_plate(plate)
    for plate, number, phone, payload in events:
        wire = json.loads(payload)
        assert wire["kind"] in ("plate_read", "person_entry", "fraud_risk", "report")
        if plate:
            assert validate_plate(plate) == plate == wire["plate"]
        if number:
            assert validate_id_number(number, today=today) == number
        if phone:
            assert validate_mobile(phone) == phone


def _check_colours_and_statuses(engine: Engine) -> None:
    with engine.connect() as conn:
        verified = [v for (v,) in conn.execute(select(Household.last_verified_at))]
        statuses = dict(conn.execute(select(Alert.status, func.count()).group_by(Alert.status)).all())
        recent_new = conn.execute(
            select(func.count())
            .select_from(Alert)
            .where(Alert.status == "new", Alert.raised_at >= NOW - dt.timedelta(hours=1))
        ).scalar_one()
        resolved = conn.execute(select(Alert).where(Alert.status == "resolved").limit(50)).all()
        linked = conn.execute(
            select(func.count()).select_from(Event).where(Event.alert_id.is_not(None))
        ).scalar_one()
    ages = [(NOW - v).days if v is not None else None for v in verified]
    green = sum(1 for a in ages if a is not None and a <= 30)
    orange = sum(1 for a in ages if a is not None and 30 < a <= 90)
    red = sum(1 for a in ages if a is not None and a > 90)
    never = ages.count(None)
    total = len(ages)
    assert green > orange > 0 and red > 0 and never > 0
    assert green / total > 0.3 and never / total < 0.2
    assert all(v is None or v <= NOW for v in verified)
    assert set(statuses) == {"new", "acknowledged", "dispatched", "resolved"}
    assert recent_new >= 3
    for a in resolved:
        assert a.outcome is not None and a.raised_at <= a.acknowledged_at <= a.resolved_at
    assert linked >= statuses["resolved"]


def _check_new_rows_get_fresh_ids(engine: Engine) -> None:
    """After explicit ids (PostgreSQL sequences moved past them), the console's own inserts still work."""
    with engine.begin() as conn:
        top = conn.execute(select(func.max(ServiceRequest.id))).scalar_one()
        new_id = conn.execute(
            insert(ServiceRequest)
            .values(kind="lost-keys", text="钥匙丢失", created_at=NOW)
            .returning(ServiceRequest.id)
        ).scalar_one()
    assert new_id > top


def _check_references(engine: Engine) -> None:
    """Every foreign key points at a row (SQLite loads with checks off; PostgreSQL checks as it goes)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            # The load switched checks and fsync off for its connection only: back on for everyone.
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        verified = conn.execute(
            select(func.count()).select_from(Household).where(Household.last_verified_at.is_not(None))
        ).scalar_one()
        latest_visits = conn.execute(
            select(func.count())
            .select_from(Household)
            .join(VerificationVisit, VerificationVisit.household_id == Household.id)
            .where(VerificationVisit.visited_at == Household.last_verified_at)
        ).scalar_one()
    assert latest_visits == verified  # the colour on the map matches the visit history


def test_seeding_a_used_database_is_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(Station).values(code="XX", name="某派出所"))
    assert not is_empty(engine)
    with pytest.raises(UserError, match="空数据库"):
        seed_demo(engine, "small", seed=1, now=NOW)


def test_unknown_scale_is_refused(engine: Engine) -> None:
    with pytest.raises(UserError, match="small 或 district"):
        seed_demo(engine, "huge", now=NOW)
    assert is_empty(engine)


def test_cli_seed_demo(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", db_url, "seed-demo", "--scale", "small", "--seed", "3"]) == 0
    err = capsys.readouterr().err
    assert "演示数据已生成" in err and "resident" in err
    assert cli.main(["--db", db_url, "seed-demo", "--scale", "small"]) == 2
    assert "空数据库" in capsys.readouterr().err
