"""A small synthetic registry for the grid-map and verification tests (and the map benchmark).

Inserted with Core executemany. Households get explicit ids (nothing else inserts households in
these tests); residents, visits and audit rows are left to the database's own sequences so that
services inserting more of them later do not collide on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import Engine, insert, select, update

from console.models import Building, Community, GridCell, Household, Officer, Resident, Station
from console.validators import id_check_character

USES = ("自住", "出租", "群租", "空置", "商用")
USE_WEIGHTS = (60, 22, 5, 8, 5)


@dataclass
class Seeded:
    station_ids: list[int] = field(default_factory=list)
    officer_ids: list[int] = field(default_factory=list)
    grid_cell_ids: list[int] = field(default_factory=list)
    community_ids: list[int] = field(default_factory=list)
    building_ids: list[int] = field(default_factory=list)
    household_ids: list[int] = field(default_factory=list)
    households: int = 0


def id_number(n: int) -> str:
    """A valid, unique (per ``n``) GB 11643 ID number registered in Jimei (350211)."""
    born = dt.date(1950, 1, 1) + dt.timedelta(days=n // 999)
    first17 = f"350211{born:%Y%m%d}{n % 999 + 1:03d}"
    return first17 + id_check_character(first17)


def seed_grid(
    engine: Engine,
    now: dt.datetime,
    *,
    communities: int = 3,
    grid_cells: int = 2,
    buildings: int = 2,
    floors: int = 4,
    units: int = 2,
    rooms: int = 2,
    residents: bool = True,
    seed: int = 7,
    second_station: bool = False,
) -> Seeded:
    """Stations, officers, grid cells, communities, buildings, households (and residents).

    Household verification ages are random (about a tenth never verified), deterministic per seed.
    With ``second_station`` the last community belongs to station 2 (orange after 10, red after 20).
    """
    rng = random.Random(seed)
    out = Seeded()
    with engine.begin() as c:
        c.execute(
            insert(Station),
            [
                dict(
                    id=1,
                    code="GK",
                    name="灌口派出所",
                    district="集美区",
                    orange_after_days=30,
                    red_after_days=90,
                    version=1,
                )
            ],
        )
        out.station_ids.append(1)
        if second_station:
            c.execute(
                insert(Station),
                [
                    dict(
                        id=2,
                        code="HX",
                        name="后溪派出所",
                        district="集美区",
                        orange_after_days=10,
                        red_after_days=20,
                        version=1,
                    )
                ],
            )
            out.station_ids.append(2)
        c.execute(
            insert(Officer),
            [
                dict(
                    id=i,
                    station_id=1,
                    badge_no=f"GK{i:03d}",
                    name=f"民警{i}",
                    role="社区民警",
                    version=1,
                    status="available",
                    team="",
                    phone="",
                )
                for i in range(1, grid_cells + 1)
            ],
        )
        out.officer_ids = list(range(1, grid_cells + 1))
        c.execute(
            insert(GridCell),
            [
                dict(id=i, station_id=1, code=f"G{i}", name=f"第{i}网格", officer_id=i, version=1)
                for i in range(1, grid_cells + 1)
            ],
        )
        out.grid_cell_ids = list(range(1, grid_cells + 1))
        c.execute(
            insert(Community),
            [
                dict(
                    id=i,
                    station_id=2 if second_station and i == communities else 1,
                    grid_cell_id=(i - 1) % grid_cells + 1,
                    code=f"C{i:03d}",
                    name=f"小区{i}",
                    address="",
                    property_manager_company="物业公司",
                    property_manager_name="陈经理",
                    property_manager_phone="13800000000",
                    smart_gate=False,
                    version=1,
                )
                for i in range(1, communities + 1)
            ],
        )
        out.community_ids = list(range(1, communities + 1))
        bld_rows, hh_rows = [], []
        bid = hid = 0
        for ci in range(1, communities + 1):
            for bn in range(1, buildings + 1):
                bid += 1
                bld_rows.append(
                    dict(
                        id=bid,
                        community_id=ci,
                        name=str(bn),
                        floors=floors,
                        units=units,
                        rooms_per_floor=rooms,
                        version=1,
                    )
                )
                for u in range(1, units + 1):
                    for f in range(1, floors + 1):
                        for r in range(1, rooms + 1):
                            hid += 1
                            age = rng.random()
                            verified = (
                                None
                                if age < 0.1
                                else now - dt.timedelta(days=rng.randint(0, 200), hours=rng.randint(0, 20))
                            )
                            hh_rows.append(
                                dict(
                                    id=hid,
                                    community_id=ci,
                                    building_id=bid,
                                    unit=str(u),
                                    floor=f,
                                    room=f"{f}{r:02d}",
                                    housing_use=rng.choices(USES, USE_WEIGHTS)[0],
                                    last_verified_at=verified,
                                    note="",
                                    version=1,
                                )
                            )
        c.execute(insert(Building), bld_rows)
        for start in range(0, len(hh_rows), 50_000):
            c.execute(insert(Household), hh_rows[start : start + 50_000])
        out.building_ids = list(range(1, bid + 1))
        out.household_ids = list(range(1, hid + 1))
        out.households = hid
        if residents:
            people = []
            n = 0
            for h in hh_rows:
                for k in range(rng.randint(0, 3)):
                    n += 1
                    people.append(
                        dict(
                            household_id=h["id"],
                            name=f"居民{n}",
                            id_number=id_number(n),
                            phone=f"138{n:08d}",
                            relation="户主" if k == 0 else "家属",
                            criminal_record="",
                            version=1,
                        )
                    )
            if people:
                c.execute(insert(Resident), people)
    return out


def set_verified(
    engine: Engine, household_id: int, verified: dt.datetime | None, use: str | None = None
) -> None:
    from sqlalchemy import update

    values: dict[str, object] = {"last_verified_at": verified}
    if use is not None:
        values["housing_use"] = use
    with engine.begin() as c:
        c.execute(update(Household).where(Household.id == household_id).values(**values))


def residents_of(engine: Engine, household_id: int) -> list[tuple[int, str, str | None, dt.datetime | None]]:
    with engine.connect() as c:
        return [
            tuple(r)
            for r in c.execute(  # type: ignore[misc]
                select(Resident.id, Resident.name, Resident.id_number, Resident.moved_out_at)
                .where(Resident.household_id == household_id)
                .order_by(Resident.id)
            )
        ]


def keep_cells_of(engine: Engine, username: str, officer_id: int = 1) -> None:
    """Tie ``username``'s account to the officer keeping grid cell ``officer_id`` (a community
    officer sees only the households of their own cells)."""
    from console.models import User

    with engine.begin() as conn:
        conn.execute(update(User).where(User.username == username).values(officer_id=officer_id))
