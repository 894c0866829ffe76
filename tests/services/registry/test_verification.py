"""Verification: the worklist's order, and recording a visit (stamp, residents, audit, conflicts)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from grid_data import id_number, residents_of, seed_grid, set_verified
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import ConflictError, PermissionDenied, ValidationError
from console.models import AuditLog, Household, VerificationVisit
from console.security import Actor
from console.services.registry import NewResident, VerificationService, export_worklist_csv

DAY = dt.timedelta(days=1)


@pytest.fixture
def verification(sessions: sessionmaker[Session], clock: FixedClock) -> VerificationService:
    return VerificationService(sessions, clock)


def _one_building(engine: Engine, clock: FixedClock) -> None:
    """Eight households in one community (grid cell 1, officer 1) with known ages and uses."""
    seed_grid(
        engine,
        clock.now(),
        communities=1,
        grid_cells=1,
        buildings=1,
        floors=4,
        units=1,
        rooms=2,
        residents=True,
        seed=11,
    )
    now = clock.now()
    plan = {
        1: (10, "自住"),  # green: not on the list
        2: (40, "自住"),  # orange
        3: (60, "出租"),  # orange, rental
        4: (100, "自住"),  # red
        5: (95, "群租"),  # red, group rental
        6: (None, "自住"),  # never: red, oldest
        7: (200, "出租"),  # red, rental, older than 5
        8: (35, "群租"),  # orange, group rental
    }
    for hid, (days, use) in plan.items():
        set_verified(engine, hid, None if days is None else now - days * DAY, use)


def test_worklist_red_before_orange_rentals_first_then_oldest(
    engine: Engine, verification: VerificationService, clock: FixedClock, duty_officer: Actor
) -> None:
    _one_building(engine, clock)
    rows = verification.worklist(duty_officer, officer_id=1)
    assert [r.household_id for r in rows] == [7, 5, 6, 4, 3, 8, 2]
    assert [r.colour for r in rows] == ["red"] * 4 + ["orange"] * 3
    first = rows[0]
    assert first.is_rental and first.days_since_verified == 200 and first.days_overdue == 170
    never = next(r for r in rows if r.household_id == 6)
    assert never.days_since_verified is None and never.last_verified_at is None
    assert all(r.officer == "民警1" and r.grid_cell == "第1网格" for r in rows)
    assert rows == verification.worklist(duty_officer, grid_cell_id=1)
    assert verification.worklist(duty_officer, grid_cell_id=2) == []


def test_worklist_counts_living_residents(
    engine: Engine, verification: VerificationService, clock: FixedClock, duty_officer: Actor
) -> None:
    _one_building(engine, clock)
    rows = {r.household_id: r for r in verification.worklist(duty_officer)}
    for hid, row in rows.items():
        assert row.residents == sum(1 for r in residents_of(engine, hid) if r[3] is None)


def test_record_visit_stamps_updates_residents_and_audits(
    engine: Engine,
    sessions: sessionmaker[Session],
    verification: VerificationService,
    clock: FixedClock,
    community_officer: Actor,
) -> None:
    _one_building(engine, clock)
    hid = next(h for h in range(2, 9) if len(residents_of(engine, h)) >= 2)
    before = residents_of(engine, hid)
    version = _version(sessions, hid)
    visited = clock.now() - dt.timedelta(hours=2)
    result = verification.record_visit(
        community_officer,
        hid,
        version,
        visited_at=visited,
        officer_id=1,
        confirmed_resident_ids=[before[0][0]],
        moved_out_resident_ids=[before[1][0]],
        added_residents=[NewResident(" 李娜 ", "11010519491231002x", "139 1234 5678", "租客")],
        note="门口核实",
    )
    assert result.version == version + 1 and result.last_verified_at == visited
    assert result.residents_confirmed == 1 and result.residents_moved_out == 1
    with sessions() as s:
        h = s.get_one(Household, hid)
        assert h.last_verified_at == visited and h.version == version + 1
        visit = s.scalars(select(VerificationVisit).where(VerificationVisit.household_id == hid)).one()
        assert (visit.residents_confirmed, visit.residents_added, visit.residents_moved_out) == (1, 1, 1)
        assert visit.note == "门口核实" and visit.officer_id == 1
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "verify")).one()
    assert (audit.username, audit.entity_id) == ("yang", hid)
    assert json.loads(audit.detail)["moved_out"] == [before[1][0]]
    after = {r[0]: r for r in residents_of(engine, hid)}
    assert after[before[1][0]][3] == visited  # moved out at the visit
    new = after[result.residents_added[0]]
    assert new[1:3] == ("李娜", "11010519491231002X")  # trimmed, check character upper-cased
    # The household is now green: off the worklist.
    assert hid not in {r.household_id for r in verification.worklist(community_officer)}


def test_record_visit_conflict(
    engine: Engine,
    sessions: sessionmaker[Session],
    verification: VerificationService,
    clock: FixedClock,
    community_officer: Actor,
) -> None:
    _one_building(engine, clock)
    version = _version(sessions, 4)
    verification.record_visit(community_officer, 4, version, visited_at=clock.now(), officer_id=1)
    with pytest.raises(ConflictError):  # a second console still holding the old version
        verification.record_visit(community_officer, 4, version, visited_at=clock.now(), officer_id=None)
    with sessions() as s:
        assert len(s.scalars(select(VerificationVisit)).all()) == 1


def test_bad_id_number_names_the_field_and_stores_nothing(
    engine: Engine,
    sessions: sessionmaker[Session],
    verification: VerificationService,
    clock: FixedClock,
    community_officer: Actor,
) -> None:
    _one_building(engine, clock)
    good = id_number(900_000)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(ValidationError) as err:
        verification.record_visit(
            community_officer,
            4,
            _version(sessions, 4),
            visited_at=clock.now(),
            officer_id=1,
            added_residents=[NewResident("王五", good), NewResident("赵六", bad)],
        )
    assert err.value.field == "id_number"
    assert "新增第2人" in err.value.message and "校验码" in err.value.message
    with pytest.raises(ValidationError) as err2:
        verification.record_visit(
            community_officer,
            4,
            _version(sessions, 4),
            visited_at=clock.now(),
            officer_id=1,
            added_residents=[NewResident("王五", good, "1541234567")],
        )
    assert err2.value.field == "phone"
    with sessions() as s:
        assert s.get_one(Household, 4).version == 1
        assert s.scalars(select(VerificationVisit)).all() == []


def test_record_visit_rejects_residents_of_other_households_and_future_times(
    engine: Engine,
    sessions: sessionmaker[Session],
    verification: VerificationService,
    clock: FixedClock,
    community_officer: Actor,
) -> None:
    _one_building(engine, clock)
    other = next(h for h in range(1, 9) if residents_of(engine, h) and h != 4)
    stranger = residents_of(engine, other)[0][0]
    with pytest.raises(ValidationError) as err:
        verification.record_visit(
            community_officer, 4, 1, visited_at=clock.now(), officer_id=1, moved_out_resident_ids=[stranger]
        )
    assert err.value.field == "moved_out_resident_ids"
    with pytest.raises(ValidationError) as err:
        verification.record_visit(community_officer, 4, 1, visited_at=clock.now() + DAY, officer_id=1)
    assert err.value.field == "visited_at"


def test_duty_officer_may_not_record_visits(
    engine: Engine, verification: VerificationService, clock: FixedClock, duty_officer: Actor
) -> None:
    _one_building(engine, clock)
    with pytest.raises(PermissionDenied):
        verification.record_visit(duty_officer, 4, 1, visited_at=clock.now(), officer_id=1)


def test_export_worklist_csv(
    engine: Engine, verification: VerificationService, clock: FixedClock, duty_officer: Actor, tmp_path: Path
) -> None:
    _one_building(engine, clock)
    rows = verification.worklist(duty_officer)
    path = export_worklist_csv(rows, tmp_path / "worklist.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][:3] == ["序号", "颜色", "地址"]
    assert len(table) == len(rows) + 1
    assert table[1][2] == rows[0].address and table[1][1].startswith("红")
    assert "从未核实" in {line[5] for line in table[1:]}


def _version(sessions: sessionmaker[Session], hid: int) -> int:
    with sessions() as s:
        return s.get_one(Household, hid).version
