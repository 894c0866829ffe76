"""The grid map's data: colours at the thresholds, per-station thresholds, layouts, filters, masking."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from grid_data import keep_cells_of, seed_grid, set_verified
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import PermissionDenied, ValidationError
from console.models import AuditLog, Household
from console.security import Actor, system_actor
from console.services.maps import GREEN, NEVER, ORANGE, RED, GridMapService, MapFilter, aspect_bucket

DAY = dt.timedelta(days=1)


@pytest.fixture
def gridmap(sessions: sessionmaker[Session], clock: FixedClock) -> GridMapService:
    return GridMapService(sessions, clock)


def test_colours_at_the_thresholds_and_never(
    engine: Engine, gridmap: GridMapService, clock: FixedClock, duty_officer: Actor
) -> None:
    seed_grid(
        engine,
        clock.now(),
        communities=1,
        grid_cells=1,
        buildings=1,
        floors=2,
        units=1,
        rooms=3,
        residents=False,
    )
    now = clock.now()
    ages = {1: 30, 2: 31, 3: 90, 4: 91, 5: None, 6: 0}
    for hid, days in ages.items():
        set_verified(engine, hid, None if days is None else now - days * DAY - dt.timedelta(hours=1))
    snap = gridmap.load(duty_officer)
    got = {hid: int(snap.status[snap.index_of(hid)]) for hid in ages}
    assert got == {1: GREEN, 2: ORANGE, 3: ORANGE, 4: RED, 5: NEVER, 6: GREEN}
    assert int(snap.days[snap.index_of(4)]) == 91
    assert int(snap.days[snap.index_of(5)]) == -1
    assert snap.counts() == {"green": 2, "orange": 2, "red": 1, "never": 1}


def test_thresholds_are_per_station(
    engine: Engine, gridmap: GridMapService, clock: FixedClock, duty_officer: Actor
) -> None:
    # Community 2 belongs to station 2: orange after 10 days, red after 20.
    seed_grid(
        engine,
        clock.now(),
        communities=2,
        grid_cells=1,
        buildings=1,
        floors=1,
        units=1,
        rooms=1,
        residents=False,
        second_station=True,
    )
    for hid in (1, 2):
        set_verified(engine, hid, clock.now() - 15 * DAY)
    snap = gridmap.load(duty_officer)
    assert snap.status[snap.index_of(1)] == GREEN  # station 1: 15 days is within a month
    assert snap.status[snap.index_of(2)] == ORANGE  # station 2: past its 10 days


def test_community_layout_matches_the_building(
    engine: Engine, gridmap: GridMapService, clock: FixedClock, duty_officer: Actor
) -> None:
    seed_grid(engine, clock.now(), communities=2, buildings=2, floors=6, units=2, rooms=3, residents=False)
    snap = gridmap.load(duty_officer)
    lay = snap.layout("community", 1)
    assert len(lay.indices) == 2 * 6 * 2 * 3
    assert [b.label for b in lay.blocks] == ["1", "2"]
    for b in lay.blocks:
        assert (b.height, b.width, b.unit_columns, b.top_floor) == (6, 2 * 3, 3, 6)
    # Top row is the highest floor; within a floor the rooms run left to right, unit 1 then unit 2.
    first = lay.blocks[0]
    for i, x, y in zip(lay.indices.tolist(), lay.x.tolist(), lay.y.tolist(), strict=True):
        if snap.buildings[int(snap.building[i])].id != first.id:
            continue
        assert snap.floor[i] == first.top_floor - (y - first.y)
        unit, col = divmod(x - first.x, 3)
        assert snap.unit_label(i) == str(unit + 1)
        assert snap.room_label(i) == f"{snap.floor[i]}{col + 1:02d}"
    # Every household once, no two on one cell.
    assert len(set(zip(lay.x.tolist(), lay.y.tolist(), strict=True))) == len(lay.indices)
    hid = int(snap.household_id[lay.indices[0]])
    assert lay.household_at(int(lay.x[0]), int(lay.y[0])) == snap.index_of(hid)


def test_rooms_and_units_not_written_as_plain_numbers(
    engine: Engine, gridmap: GridMapService, clock: FixedClock, duty_officer: Actor
) -> None:
    seed_grid(engine, clock.now(), communities=1, buildings=1, floors=2, units=2, rooms=2, residents=False)
    with engine.begin() as c:
        c.execute(update(Household).where(Household.id == 1).values(room="0101"))
        c.execute(update(Household).where(Household.id == 2).values(room="102B"))
        c.execute(
            update(Household).where(Household.building_id == 1, Household.unit == "2").values(unit="东")
        )
    snap = gridmap.load(duty_officer)
    assert snap.room_label(snap.index_of(1)) == "0101"
    assert snap.room_label(snap.index_of(2)) == "102B"
    assert snap.unit_label(snap.index_of(5)) == "东" and snap.room_label(snap.index_of(5)) == "101"
    assert snap.address(snap.index_of(2)).endswith("1号楼1单元102B室")
    lay = snap.layout("community", 1)
    assert len(set(zip(lay.x.tolist(), lay.y.tolist(), strict=True))) == len(snap) == 8
    # The unit written "东" comes after unit 1, to its right.
    assert lay.position_of(snap.index_of(5))[0] > lay.position_of(snap.index_of(1))[0]


def test_district_and_grid_cell_layouts(
    engine: Engine, gridmap: GridMapService, clock: FixedClock, duty_officer: Actor
) -> None:
    seed_grid(
        engine,
        clock.now(),
        communities=5,
        grid_cells=2,
        buildings=2,
        floors=3,
        units=1,
        rooms=2,
        residents=False,
    )
    snap = gridmap.load(duty_officer)
    district = snap.layout("district")
    assert len(district.indices) == len(snap) == 5 * 12
    assert sorted(b.label for b in district.blocks) == [f"小区{i}" for i in range(1, 6)]
    for b in district.blocks:  # each community's households inside its own block
        ci = snap.community_index(b.id)
        inside = (
            (district.x >= b.x)
            & (district.x < b.x + b.width)
            & (district.y >= b.y)
            & (district.y < b.y + b.height)
        )
        assert set(snap.community[district.indices[inside]].tolist()) == {ci}
        assert int(inside.sum()) == 12
    cell = snap.layout("grid_cell", 1)
    assert {b.label for b in cell.blocks} == {"小区1", "小区3", "小区5"}
    assert len(cell.indices) == 36
    # A short, wide view (a small screen's map dock) has the communities in one row; a square one
    # in a few rows; every household is placed in each.
    assert aspect_bucket(600 / 110) == 5.0 and aspect_bucket(400 / 380) == 1.0
    assert aspect_bucket(0) == aspect_bucket(float("inf")) == aspect_bucket(float("nan")) == 16 / 9
    wide, square = snap.layout("district", None, 5.0), snap.layout("district", None, 1.0)
    assert len({b.y for b in wide.blocks}) == 1
    assert len({b.y for b in square.blocks}) > 1
    assert len(wide.indices) == len(square.indices) == len(snap)
    assert snap.layout("district") is district  # cached per shape


def test_filters_and_counts(
    engine: Engine, gridmap: GridMapService, clock: FixedClock, duty_officer: Actor
) -> None:
    seed_grid(engine, clock.now(), communities=4, grid_cells=2, residents=False)
    snap = gridmap.load(duty_officer)
    by_cell = snap.filter_mask(MapFilter(grid_cell_id=2))
    assert {snap.communities[c].grid_cell_id for c in snap.community[by_cell].tolist()} == {2}
    by_officer = snap.filter_mask(MapFilter(officer_id=2))
    assert np.array_equal(by_officer, by_cell)  # officer 2 owns grid cell 2
    rentals = snap.filter_mask(MapFilter(housing_uses=frozenset({"出租", "群租"})))
    assert 0 < rentals.sum() < len(snap)
    red = snap.filter_mask(MapFilter(statuses=frozenset({RED})))
    assert snap.counts(red) == {"green": 0, "orange": 0, "red": int(red.sum()), "never": 0}
    assert sum(snap.counts().values()) == len(snap)


def test_recolour_after_a_visit(
    engine: Engine, gridmap: GridMapService, clock: FixedClock, duty_officer: Actor
) -> None:
    seed_grid(engine, clock.now(), communities=1, residents=False)
    set_verified(engine, 3, None)
    snap = gridmap.load(duty_officer)
    assert snap.status[snap.index_of(3)] == NEVER
    idx = gridmap.recolour(snap, [3, 999_999], clock.now())
    assert idx.tolist() == [snap.index_of(3)]
    assert snap.status[snap.index_of(3)] == GREEN and snap.days[snap.index_of(3)] == 0
    assert gridmap.verification_times(duty_officer, [3]) == {3: None}  # the map only, not the database


def test_household_detail_masks_for_duty_officer(
    engine: Engine,
    sessions: sessionmaker[Session],
    gridmap: GridMapService,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=1, residents=True, seed=3)
    hid = _household_with_residents(gridmap, duty_officer)
    detail = gridmap.household_detail(duty_officer, hid)
    assert not detail.unmasked
    for r in detail.residents:
        assert r.id_number.startswith("350211") and "********" in r.id_number
        assert r.phone.startswith("138") and "****" in r.phone
    with sessions() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.action == "unmask")).all() == []


def test_household_detail_unmasked_is_audited(
    engine: Engine,
    sessions: sessionmaker[Session],
    gridmap: GridMapService,
    clock: FixedClock,
    community_officer: Actor,
    duty_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=1, residents=True, seed=3)
    keep_cells_of(engine, community_officer.username)
    hid = _household_with_residents(gridmap, duty_officer)
    # Even a role that may unmask sees the numbers masked until it states a reason.
    assert not gridmap.household_detail(community_officer, hid).unmasked
    with pytest.raises(ValidationError) as no_reason:
        gridmap.household_detail(community_officer, hid, unmask_reason="  ")
    assert no_reason.value.code == "unmask.reason_required"
    with pytest.raises(PermissionDenied):
        gridmap.household_detail(duty_officer, hid, unmask_reason="核实身份")
    detail = gridmap.household_detail(community_officer, hid, unmask_reason="入户核实身份")
    assert detail.unmasked
    assert all("*" not in r.id_number and len(r.id_number) == 18 for r in detail.residents)
    assert "号楼" in detail.address and detail.address.endswith("室")
    other = next(
        h for h in range(1, 50) if h != hid and gridmap.household_detail(community_officer, h).residents
    )
    assert not gridmap.household_detail(community_officer, other).unmasked  # that record only
    with sessions() as s:
        log = s.scalars(select(AuditLog).where(AuditLog.action == "unmask")).one()
    assert (log.username, log.entity, log.entity_id) == ("yang", "household", hid)
    assert sorted(json.loads(log.detail)["residents"]) == sorted(r.id for r in detail.residents)
    assert json.loads(log.detail)["reason"] == "入户核实身份"


def test_load_needs_registry_permission(gridmap: GridMapService) -> None:
    with pytest.raises(PermissionDenied):
        gridmap.load(system_actor())


def test_empty_registry_loads_an_empty_map(gridmap: GridMapService, duty_officer: Actor) -> None:
    snap = gridmap.load(duty_officer)
    assert len(snap) == 0 and snap.counts() == {"green": 0, "orange": 0, "red": 0, "never": 0}
    assert snap.layout("district").indices.size == 0


def _household_with_residents(gridmap: GridMapService, actor: Actor) -> int:
    for hid in range(1, 50):
        if len(gridmap.household_detail(actor, hid).residents) >= 2:
            return hid
    raise AssertionError("seed has no household with two residents")
