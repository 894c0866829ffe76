"""Demo district, part one: station, officers, users, grid cells, communities, buildings,
households, residents, organisations, verification visits, devices and residents' vehicles."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any, cast

import numpy as np
from sqlalchemy import Table, update

from console.demo import data as D
from console.demo.bulk import CST, BulkLoader, rng_pair
from console.demo.people import buildings_and_households, residents, visits
from console.demo.world import SCALE_PARAMS, SHIFT_NAMES, Registry, shift_at
from console.models import (
    Community,
    Device,
    GridCell,
    Officer,
    Organisation,
    Station,
    User,
    Vehicle,
)

ROLE_OF = {
    "所领导": "supervisor",
    "值班民警": "duty_officer",
    "社区民警": "community_officer",
    "网格员": "grid_worker",
    "办案队": "investigator",
}


def build_registry(
    loader: BulkLoader, scale_name: str, seed: int, now: dt.datetime, roles: dict[str, int]
) -> Registry:
    scale = SCALE_PARAMS[scale_name]
    reg = Registry(scale=scale, seed=seed, now=now)
    rng, _gen = rng_pair(seed, 1)
    reg.ids = D.IdNumberFactory(now.astimezone(CST).date())
    reg.male_names = D.given_name_pool(D.MALE_CHARS, rng)
    reg.female_names = D.given_name_pool(D.FEMALE_CHARS, rng)
    reg.station_id = loader.first_id(Station.__table__)
    loader.load_rows(
        Station.__table__,
        [
            {
                "id": reg.station_id,
                **D.STATION,
                "orange_after_days": 30,
                "red_after_days": 90,
                "escalate_after_seconds": 60,
                "version": 1,
            }
        ],
    )
    _officers_and_users(loader, reg, roles, *rng_pair(seed, 2))
    cells = _grid_cells(loader, reg)
    _communities(loader, reg, cells, *rng_pair(seed, 3))
    _officers_to_cells(loader, reg)
    households = buildings_and_households(loader, reg, *rng_pair(seed, 4))
    residents(loader, reg, households, *rng_pair(seed, 5))
    _organisations(loader, reg, *rng_pair(seed, 6))
    visits(loader, reg, households, *rng_pair(seed, 7))
    _devices(loader, reg)
    _vehicles(loader, reg, households, *rng_pair(seed, 8))
    return reg


def _officers_to_cells(loader: BulkLoader, reg: Registry) -> None:
    """Each officer works a grid cell: the board shows it and the dispatch dialog ranks by it."""
    cells = sorted({c["grid_cell_id"] for c in reg.communities if c.get("grid_cell_id")})
    if not cells:
        return
    table = cast(Table, Officer.__table__)
    for i, officer in enumerate(reg.officers):
        loader.conn.execute(
            update(table).where(table.c.id == officer["id"]).values(grid_cell_id=cells[i % len(cells)])
        )


def _officers_and_users(loader: BulkLoader, reg: Registry, roles: dict[str, int], rng: Any, gen: Any) -> None:
    first = loader.first_id(Officer.__table__)
    teams = {
        "所领导": ("所长", "教导员", "副所长", "副所长"),
        "值班民警": ("值班一组", "值班二组", "值班三组"),
        "社区民警": ("社区警务队",),
        "网格员": ("网格服务站",),
        "办案队": ("办案队",),
    }
    statuses = ("available", "available", "dispatched", "on_scene", "available", "off_duty")
    badges: set[str] = set()
    rows: list[dict[str, Any]] = []
    on_shift = shift_at(reg.now)
    # Each officer has been in the current status for a while (the board's time in status); their
    # grid cells are given once the cells exist (_officers_to_cells).
    for role, n in reg.scale.officers.items():
        for i in range(n):
            male = rng.random() < 0.75
            name = rng.choice(D.SURNAMES[:30]) + rng.choice(reg.male_names if male else reg.female_names)
            badge = f"WG{len(rows) + 1:04d}" if role == "网格员" else f"{rng.randrange(100000, 999999)}"
            while badge in badges:
                badge = f"{rng.randrange(100000, 999999)}"
            badges.add(badge)
            # Field officers alternate day and night shifts; leaders and grid workers work days.
            shift = ("day", "night")[i % 2] if role in ("值班民警", "办案队", "社区民警") else "day"
            status = (
                statuses[(i // 2) % len(statuses)]
                if role in ("值班民警", "办案队")
                else ("off_duty" if i % 5 == 4 else "available")
            )
            if shift != on_shift:
                status = "off_duty"
            elif status == "off_duty" and role in ("值班民警", "办案队"):
                status = "available"  # on shift: at the desk, or out on a job
            t = teams[role]
            rows.append(
                {
                    "id": first + len(rows),
                    "station_id": reg.station_id,
                    "badge_no": badge,
                    "name": name,
                    "role": role,
                    "team": f"{t[(i // 2) % len(t)]}·{SHIFT_NAMES[shift]}"
                    if role in ("值班民警", "办案队", "社区民警")
                    else t[i % len(t)],
                    "phone": D.mobile(rng),
                    "status": status,
                    "status_since": reg.now - dt.timedelta(minutes=rng.randrange(3, 240)),
                    "version": 1,
                    "_shift": shift,
                }
            )
    loader.load_rows(Officer.__table__, [{k: v for k, v in r.items() if k != "_shift"} for r in rows])
    reg.officers = rows
    uid = loader.first_id(User.__table__)
    existing = {u for (u,) in loader.conn.execute(User.__table__.select().with_only_columns(User.username))}
    users: list[dict[str, Any]] = []
    for o in rows:
        username = f"gk{o['badge_no']}".lower()
        if username in existing:
            continue
        users.append(
            {
                "id": uid + len(users),
                "username": username,
                "display_name": o["name"],
                "password_hash": "",
                "role_id": roles[ROLE_OF[o["role"]]],
                "officer_id": o["id"],
                "active": True,
                "failed_logins": 0,
                "version": 1,
            }
        )
        reg.user_of_officer[o["id"]] = users[-1]["id"]
    loader.load_rows(User.__table__, users)


def _grid_cells(loader: BulkLoader, reg: Registry) -> list[dict[str, Any]]:
    first = loader.first_id(GridCell.__table__)
    owners = reg.officers_with("社区民警")
    rows = [
        {
            "id": first + i,
            "station_id": reg.station_id,
            "code": f"GK-W{i + 1:02d}",
            "name": f"灌口第{i + 1:02d}网格",
            "officer_id": owners[i % len(owners)]["id"],
            "version": 1,
        }
        for i in range(reg.scale.grid_cells)
    ]
    loader.load_rows(GridCell.__table__, rows)
    return rows


def _community_names(rng: Any, n: int) -> list[tuple[str, bool]]:
    """(name, is_village) pairs: the article's communities first, then invented ones."""
    out = [("禹洲璟阅城", False), ("联发欣悦湾", False), ("安仁社区", True)]
    seen = {name for name, _ in out}
    while len(out) < n:
        head = rng.choice(D.NAME_HEADS)
        village = head in D.NAME_HEADS[31:] and rng.random() < 0.6
        name = head + (rng.choice(("社区", "村", "安置房")) if village else rng.choice(D.NAME_TAILS))
        if name not in seen:
            seen.add(name)
            out.append((name, village))
    return out[:n]


def _outline(rng: Any, lat: float, lon: float) -> str:
    """A closed ring [[lon, lat], ...] around the centre: a skewed polygon 150–500 m across."""
    half = rng.uniform(0.0008, 0.0024)
    angle = rng.uniform(0, math.pi / 2)
    corners = rng.choice((4, 5, 6))
    ring = []
    for k in range(corners):
        a = angle + 2 * math.pi * k / corners + rng.uniform(-0.25, 0.25)
        r = half * rng.uniform(0.75, 1.2)
        ring.append([round(lon + r * math.cos(a) / 0.909, 6), round(lat + r * math.sin(a), 6)])
    ring.append(ring[0])
    return json.dumps(ring)


def _communities(loader: BulkLoader, reg: Registry, cells: list[dict[str, Any]], rng: Any, gen: Any) -> None:
    n = reg.scale.communities
    first = loader.first_id(Community.__table__)
    cols = max(1, round(math.sqrt(n * D.SPAN_LON / D.SPAN_LAT)))
    nrows = math.ceil(n / cols)
    names = _community_names(rng, n)
    rows: list[dict[str, Any]] = []
    for i, (name, village) in enumerate(names):
        r, c = divmod(i, cols)
        lat = D.CENTRE_LAT - D.SPAN_LAT / 2 + (r + 0.5 + rng.uniform(-0.3, 0.3)) * D.SPAN_LAT / nrows
        lon = D.CENTRE_LON - D.SPAN_LON / 2 + (c + 0.5 + rng.uniform(-0.3, 0.3)) * D.SPAN_LON / cols
        featured = name in D.FEATURED_COMMUNITIES
        company = (
            f"厦门{name[:2]}物业管理有限公司"
            if featured and not village
            else rng.choice(D.PM_COMPANIES)
            if not village
            else "灌口镇社区服务中心"
        )
        rows.append(
            {
                "id": first + i,
                "station_id": reg.station_id,
                "grid_cell_id": cells[min(len(cells) - 1, i * len(cells) // n)]["id"],
                "code": f"GK{i + 1:03d}",
                "name": name,
                "address": f"厦门市集美区灌口镇{rng.choice(D.ROADS)}{rng.randrange(1, 400)}号",
                "property_manager_company": company,
                "property_manager_name": rng.choice(D.SURNAMES[:30])
                + rng.choice(("经理", "主管", "先生", "女士")),
                "property_manager_phone": D.mobile(rng),
                "lat": round(lat, 6),
                "lon": round(lon, 6),
                "outline": _outline(rng, lat, lon) if featured or rng.random() < 0.85 else None,
                "smart_gate": featured
                or (not village and rng.random() < 0.7)
                or (village and rng.random() < 0.3),
                "version": 1,
            }
        )
        rows[-1]["_village"] = village
    loader.load_rows(Community.__table__, [{k: v for k, v in r.items() if k != "_village"} for r in rows])
    reg.communities = rows


def _organisations(loader: BulkLoader, reg: Registry, rng: Any, gen: Any) -> None:
    first = loader.first_id(Organisation.__table__)
    rows: list[dict[str, Any]] = []
    for c in reg.communities:
        picks = rng.sample(D.ORGANISATION_KINDS, rng.randrange(2, 7))
        for what, kind in picks:
            rows.append(
                {
                    "id": first + len(rows),
                    "community_id": c["id"],
                    "building_id": None,
                    "name": f"{c['name']}{what}",
                    "kind": kind,
                    "contact_name": rng.choice(D.SURNAMES[:30]) + rng.choice(reg.male_names),
                    "contact_phone": D.mobile(rng),
                    "version": 1,
                }
            )
    anren = next(c for c in reg.communities if c["name"] == "安仁社区")
    rows.append(
        {
            "id": first + len(rows),
            "community_id": anren["id"],
            "building_id": None,
            "name": "灌口废品回收站",
            "kind": "回收站",
            "contact_name": "林国华",
            "contact_phone": D.mobile(rng),
            "version": 1,
        }
    )
    loader.load_rows(Organisation.__table__, rows)


def _devices(loader: BulkLoader, reg: Registry) -> None:
    first = loader.first_id(Device.__table__)
    rows: list[dict[str, Any]] = []
    for idx, c in enumerate(reg.communities):
        if not c["smart_gate"]:
            continue
        mine = [
            (f"{c['code']}-north-gate-1", "plate-camera", "北门车辆道闸"),
            (f"{c['code']}-south-gate-1", "plate-camera", "南门车辆道闸"),
            (f"{c['code']}-north-door-1", "access-control", "北门人行门禁"),
            (f"{c['code']}-b1-u1-door", "access-control", "1号楼1单元门禁"),
        ]
        if idx % 3 == 0:
            mine.append((f"{c['code']}-b2-u1-door", "access-control", "2号楼1单元门禁"))
        reg.devices[idx] = [(code, kind) for code, kind, _ in mine]
        for code, kind, name in mine:
            rows.append(
                {
                    "id": first + len(rows),
                    "code": code,
                    "community_id": c["id"],
                    "kind": kind,
                    "name": f"{c['name']}{name}",
                    "active": True,
                    "version": 1,
                }
            )
    loader.load_rows(Device.__table__, rows)


def _vehicles(
    loader: BulkLoader, reg: Registry, hh: dict[str, Any], rng: Any, gen: np.random.Generator
) -> None:
    use, count = hh["use"], hh["count"]
    share = np.select([use == 0, use == 1], [0.26, 0.12], 0.03)
    owners_h = np.flatnonzero((gen.random(len(use)) < share) & (count > 0))
    owner = hh["first_resident"][owners_h]
    n = len(owner)
    n_visit = max(200, n // 3)
    all_plates = D.plates(rng, n + n_visit)
    reg.plates, reg.visitor_plates = all_plates[:n], all_plates[n : n + n_visit]
    reg.plate_comm = reg.res_comm[owner]
    first = loader.first_id(Vehicle.__table__)
    brand_i = gen.integers(0, len(D.CAR_BRANDS), n)
    nev_i = gen.integers(0, len(D.NEW_ENERGY_BRANDS), n)
    colour_i = gen.integers(0, len(D.CAR_COLOURS), n)
    rows = [
        {
            "id": first + i,
            "plate": p,
            "kind": "小型汽车",
            "brand": D.NEW_ENERGY_BRANDS[ni] if len(p) == 8 else D.CAR_BRANDS[bi],
            "colour": D.CAR_COLOURS[ci],
            "owner_name": reg.res_names[o],
            "owner_id_number": reg.res_id_numbers[o],
            "owner_phone": reg.res_phones[o],
            "resident_id": int(reg.res_id[o]),
            "case_id": None,
            "version": 1,
        }
        for i, (p, o, bi, ni, ci) in enumerate(
            zip(reg.plates, owner.tolist(), brand_i.tolist(), nev_i.tolist(), colour_i.tolist(), strict=True)
        )
    ]
    loader.load_rows(Vehicle.__table__, rows, rebuild_indexes=True)
