"""Demo district, part one: station, officers, users, grid cells, communities, buildings,
households, residents, organisations, verification visits, devices and residents' vehicles."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from console.models import (
    Building,
    Community,
    Device,
    GridCell,
    Household,
    Officer,
    Organisation,
    Resident,
    Station,
    User,
    Vehicle,
    VerificationVisit,
)
from console.services import demo_data as D

if TYPE_CHECKING:
    from console.services.demo import BulkLoader

CST = dt.timezone(dt.timedelta(hours=8), "CST")
USES = ("自住", "出租", "群租", "空置", "商用")
RELATIONS = ("户主", "配偶", "子女", "子女", "父母", "父母", "租客")
ROLE_OF = {
    "所领导": "leader",
    "值班民警": "duty_officer",
    "社区民警": "community_officer",
    "网格员": "grid_worker",
    "办案队": "investigator",
}


@dataclass(frozen=True)
class Scale:
    communities: int
    grid_cells: int
    buildings: int
    events: int
    alerts: int
    cases: int
    service_requests: int
    watch_people: int
    watch_vehicles: int
    max_visits: int  # verification visits per verified household (1 = only the latest)
    recent_new: int  # alerts raised in the last hour, still "new"
    officers: dict[str, int]


SCALE_PARAMS = {
    "small": Scale(
        communities=6,
        grid_cells=3,
        buildings=28,
        events=12_000,
        alerts=400,
        cases=36,
        service_requests=24,
        watch_people=16,
        watch_vehicles=8,
        max_visits=3,
        recent_new=6,
        officers={"所领导": 3, "值班民警": 6, "社区民警": 3, "网格员": 3, "办案队": 5},
    ),
    "district": Scale(
        communities=150,
        grid_cells=25,
        buildings=2_000,
        events=1_000_000,
        alerts=20_000,
        cases=240,
        service_requests=600,
        watch_people=300,
        watch_vehicles=120,
        max_visits=1,
        recent_new=12,
        officers={"所领导": 4, "值班民警": 12, "社区民警": 13, "网格员": 25, "办案队": 10},
    ),
}


@dataclass
class Registry:
    """What the activity stage needs to know about the registry it builds on (internal)."""

    scale: Scale
    seed: int
    now: dt.datetime
    station_id: int = 0
    ids: D.IdNumberFactory | None = None
    male_names: list[str] = field(default_factory=list)
    female_names: list[str] = field(default_factory=list)
    officers: list[dict[str, Any]] = field(default_factory=list)
    user_of_officer: dict[int, int] = field(default_factory=dict)
    communities: list[dict[str, Any]] = field(default_factory=list)
    community_households: np.ndarray = field(default_factory=lambda: np.zeros(0))
    devices: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # community idx -> (code, kind)
    res_id: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    res_comm: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    res_age: np.ndarray = field(default_factory=lambda: np.zeros(0))
    res_names: list[str] = field(default_factory=list)
    res_id_numbers: list[str] = field(default_factory=list)
    res_phones: list[str | None] = field(default_factory=list)
    res_record: list[str] = field(default_factory=list)
    plates: list[str] = field(default_factory=list)  # residents' vehicles
    plate_comm: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    visitor_plates: list[str] = field(default_factory=list)

    def users_with(self, *roles: str) -> list[int]:
        return [self.user_of_officer[o["id"]] for o in self.officers if o["role"] in roles]

    def officers_with(self, *roles: str) -> list[dict[str, Any]]:
        return [o for o in self.officers if o["role"] in roles]


def build_registry(
    loader: BulkLoader, scale_name: str, seed: int, now: dt.datetime, roles: dict[str, int]
) -> Registry:
    from console.services.demo import rng_pair

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
    households = _buildings_and_households(loader, reg, *rng_pair(seed, 4))
    _residents(loader, reg, households, *rng_pair(seed, 5))
    _organisations(loader, reg, *rng_pair(seed, 6))
    _visits(loader, reg, households, *rng_pair(seed, 7))
    _devices(loader, reg)
    _vehicles(loader, reg, households, *rng_pair(seed, 8))
    return reg


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
    for role, n in reg.scale.officers.items():
        for i in range(n):
            male = rng.random() < 0.75
            name = rng.choice(D.SURNAMES[:30]) + rng.choice(reg.male_names if male else reg.female_names)
            badge = f"WG{len(rows) + 1:04d}" if role == "网格员" else f"{rng.randrange(100000, 999999)}"
            while badge in badges:
                badge = f"{rng.randrange(100000, 999999)}"
            badges.add(badge)
            status = (
                statuses[i % len(statuses)]
                if role in ("值班民警", "办案队")
                else ("off_duty" if i % 5 == 4 else "available")
            )
            t = teams[role]
            rows.append(
                {
                    "id": first + len(rows),
                    "station_id": reg.station_id,
                    "badge_no": badge,
                    "name": name,
                    "role": role,
                    "team": t[i % len(t)],
                    "phone": D.mobile(rng),
                    "status": status,
                    "version": 1,
                }
            )
    loader.load_rows(Officer.__table__, rows)
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


def _buildings_and_households(
    loader: BulkLoader, reg: Registry, rng: Any, gen: np.random.Generator
) -> dict[str, Any]:
    n_comm = len(reg.communities)
    village = np.array([c["_village"] for c in reg.communities])
    weights = gen.uniform(0.5, 1.5, size=n_comm)
    weights[0] *= 1.8  # 禹洲璟阅城 is a large estate
    per = np.maximum(2, np.round(weights / weights.sum() * reg.scale.buildings)).astype(int)
    b_comm = np.repeat(np.arange(n_comm), per)
    nb = len(b_comm)
    kind = gen.random(nb)
    is_village = village[b_comm]
    floors = np.where(
        kind < 0.6,
        gen.integers(18, 34, nb),
        np.where(kind < 0.9, gen.integers(11, 18, nb), gen.integers(6, 10, nb)),
    )
    units = np.where(kind < 0.6, gen.integers(2, 5, nb), gen.integers(2, 4, nb))
    rooms = np.where(kind < 0.9, gen.integers(2, 5, nb), 2)
    floors = np.where(is_village, gen.integers(4, 8, nb), floors)
    units = np.where(is_village, 1, units)
    rooms = np.where(is_village, gen.integers(2, 5, nb), rooms)
    first_b = loader.first_id(Building.__table__)
    b_ids = first_b + np.arange(nb)
    b_no = np.arange(nb) - np.repeat(np.cumsum(per) - per, per) + 1
    c_ids = [c["id"] for c in reg.communities]
    brows = [
        {
            "id": int(b),
            "community_id": c_ids[c],
            "name": f"{k}号楼",
            "floors": int(f),
            "units": int(u),
            "rooms_per_floor": int(r),
            "version": 1,
        }
        for b, c, k, f, u, r in zip(
            b_ids.tolist(),
            b_comm.tolist(),
            b_no.tolist(),
            floors.tolist(),
            units.tolist(),
            rooms.tolist(),
            strict=True,
        )
    ]
    loader.load_rows(Building.__table__, brows)

    size = floors * units * rooms
    h_b = np.repeat(np.arange(nb), size)
    n = len(h_b)
    k = np.arange(n) - np.repeat(np.cumsum(size) - size, size)
    per_unit = (floors * rooms)[h_b]
    unit = k // per_unit + 1
    rem = k % per_unit
    floor = rem // rooms[h_b] + 1
    room = floor * 100 + rem % rooms[h_b] + 1
    h_comm = b_comm[h_b]
    vil = village[h_comm]
    u = gen.random(n)
    cum_estate = np.cumsum([0.74, 0.15, 0.02, 0.09])
    cum_village = np.cumsum([0.45, 0.33, 0.14, 0.08])
    use = np.where(
        vil,
        np.searchsorted(cum_village, u * cum_village[-1]),
        np.searchsorted(cum_estate, u * cum_estate[-1]),
    )
    use = np.where((floor == 1) & (gen.random(n) < 0.2), 4, use)
    # Verification age: green (≤30 d) 45 %, orange (31–90 d) 25 %, red (>90 d) 20 %, never 10 %.
    band = np.searchsorted(np.cumsum([0.45, 0.25, 0.20, 0.10]), gen.random(n) * 0.9999999, side="right")
    band = np.where(vil & (band == 0) & (gen.random(n) < 0.3), 2, band)
    days = np.select(
        [band == 0, band == 1, band == 2],
        [gen.integers(1, 29, n), gen.integers(32, 89, n), gen.integers(92, 420, n)],
        0,
    )
    midnight = int(reg.now.astimezone(CST).replace(hour=0, minute=0, second=0, microsecond=0).timestamp())
    ts = midnight - days * 86400 + gen.integers(9 * 3600, 18 * 3600, n)
    ts = np.where(ts > int(reg.now.timestamp()), ts - 86400, ts)
    first_h = loader.first_id(Household.__table__)
    h_ids = first_h + np.arange(n)
    units_s = [str(i) for i in range(10)]
    rooms_s = {int(v): str(v) for v in np.unique(room)}
    b_list, c_list = b_ids.tolist(), c_ids

    columns = (
        "id",
        "community_id",
        "building_id",
        "unit",
        "floor",
        "room",
        "housing_use",
        "last_verified_at",
        "note",
        "version",
    )

    def chunks() -> Any:
        for s in range(0, n, 50_000):
            e = min(n, s + 50_000)
            yield [
                (
                    i,
                    c_list[c],
                    b_list[b],
                    units_s[un],
                    f,
                    rooms_s[r],
                    USES[us],
                    t if bd < 3 else None,
                    "",
                    1,
                )
                for i, c, b, un, f, r, us, bd, t in zip(
                    h_ids[s:e].tolist(),
                    h_comm[s:e].tolist(),
                    h_b[s:e].tolist(),
                    unit[s:e].tolist(),
                    floor[s:e].tolist(),
                    room[s:e].tolist(),
                    use[s:e].tolist(),
                    band[s:e].tolist(),
                    ts[s:e].tolist(),
                    strict=True,
                )
            ]

    loader.load(
        Household.__table__, columns, chunks(), n, rebuild_indexes=True, epoch_columns=["last_verified_at"]
    )
    reg.community_households = np.bincount(h_comm, minlength=n_comm)
    return {"ids": h_ids, "comm": h_comm, "use": use, "band": band, "ts": ts, "building": h_b}


def _residents(
    loader: BulkLoader, reg: Registry, hh: dict[str, Any], rng: Any, gen: np.random.Generator
) -> None:
    use = hh["use"]
    n_h = len(use)
    own = gen.choice(np.arange(1, 7), size=n_h, p=[0.03, 0.10, 0.25, 0.30, 0.20, 0.12])
    rent = gen.choice(np.arange(1, 5), size=n_h, p=[0.2, 0.4, 0.3, 0.1])
    group = gen.integers(4, 10, n_h)
    count = np.select([use == 0, use == 1, use == 2], [own, rent, group], 0)
    r_h = np.repeat(np.arange(n_h), count)
    n = len(r_h)
    pos = np.arange(n) - np.repeat(np.cumsum(count) - count, count)
    rental = use[r_h] != 0
    rel = np.where(rental, 6, pos)
    head_age = gen.integers(28, 79, n_h)[r_h]
    age = np.select(
        [rel == 0, rel == 1, (rel == 2) | (rel == 3), (rel == 4) | (rel == 5)],
        [
            head_age,
            np.clip(head_age + gen.integers(-5, 4, n), 22, 95),
            gen.random(n) * np.maximum(1, head_age - 22),
            np.clip(head_age + gen.integers(22, 31, n), 50, 96),
        ],
        gen.integers(18, 56, n),
    )
    head_male = (gen.random(n_h) < 0.7)[r_h]
    male = np.select(
        [rel == 0, rel == 1, rel == 4, rel == 5], [head_male, ~head_male, True, False], gen.random(n) < 0.52
    )
    head_surname = gen.choice(len(D.SURNAMES), size=n_h, p=D.SURNAME_P)[r_h]
    own_surname = gen.choice(len(D.SURNAMES), size=n, p=D.SURNAME_P)
    surname = np.where((rel == 0) | (rel == 2) | (rel == 3) | (rel == 4), head_surname, own_surname)
    names = D.person_names(gen, male, reg.male_names, reg.female_names, surname)
    today = reg.now.astimezone(CST).date().toordinal()
    birth = (today - age * 365.25 - gen.integers(0, 365, n)).astype(np.int64)
    assert reg.ids is not None
    id_numbers = reg.ids.make(gen, birth, male)
    phone_all = D.mobiles(gen, n)
    has_phone = (age >= 14) & (gen.random(n) < 0.96)
    phones = [p if h else None for p, h in zip(phone_all, has_phone.tolist(), strict=True)]
    adult = age >= 18
    rec_u = gen.random(n)
    record = np.where(
        adult & (rec_u < 0.002),
        1,
        np.where(adult & (rec_u < 0.004), 2, np.where(adult & (rec_u < 0.0045), 3, 0)),
    )
    records = ("", "诈骗前科", "盗窃前科", "涉毒前科")
    moved = (gen.random(n) < 0.01) & rental
    moved_ts = int(reg.now.timestamp()) - gen.integers(86400, 300 * 86400, n)
    first = loader.first_id(Resident.__table__)
    r_ids = first + np.arange(n)
    h_ids = hh["ids"]

    columns = (
        "id",
        "household_id",
        "name",
        "id_number",
        "phone",
        "relation",
        "criminal_record",
        "moved_out_at",
        "version",
    )

    def chunks() -> Any:
        for s in range(0, n, 50_000):
            e = min(n, s + 50_000)
            yield [
                (i, h, nm, idn, ph, RELATIONS[rl], records[rc], mt if mv else None, 1)
                for i, h, nm, idn, ph, rl, rc, mv, mt in zip(
                    r_ids[s:e].tolist(),
                    h_ids[r_h[s:e]].tolist(),
                    names[s:e],
                    id_numbers[s:e],
                    phones[s:e],
                    rel[s:e].tolist(),
                    record[s:e].tolist(),
                    moved[s:e].tolist(),
                    moved_ts[s:e].tolist(),
                    strict=True,
                )
            ]

    loader.load(
        Resident.__table__, columns, chunks(), n, rebuild_indexes=True, epoch_columns=["moved_out_at"]
    )
    reg.res_id = r_ids
    reg.res_comm = hh["comm"][r_h]
    reg.res_age = age
    reg.res_names = names
    reg.res_id_numbers = id_numbers
    reg.res_phones = phones
    reg.res_record = [records[x] for x in record.tolist()]
    hh["count"] = count
    hh["first_resident"] = np.cumsum(count) - count


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


def _visits(
    loader: BulkLoader, reg: Registry, hh: dict[str, Any], rng: Any, gen: np.random.Generator
) -> None:
    verified = np.flatnonzero(hh["band"] < 3)
    extra = (
        gen.integers(0, reg.scale.max_visits, len(verified))
        if reg.scale.max_visits > 1
        else np.zeros(len(verified), dtype=np.int64)
    )
    v_h = np.repeat(verified, extra + 1)
    back = np.arange(len(v_h)) - np.repeat(np.cumsum(extra + 1) - (extra + 1), extra + 1)
    ts = hh["ts"][v_h] - back * gen.integers(60, 200, len(v_h)) * 86400
    # Each grid cell's community officer or its grid worker made the visit.
    owners = reg.officers_with("社区民警")
    workers = reg.officers_with("网格员")
    cell_index = {cid: i for i, cid in enumerate(sorted({c["grid_cell_id"] for c in reg.communities}))}
    comm_officers = []
    for c in reg.communities:
        i = cell_index[c["grid_cell_id"]]
        comm_officers.append([owners[i % len(owners)]["id"], workers[i % len(workers)]["id"]])
    who = gen.integers(0, 2, len(v_h))
    count = hh["count"][v_h]
    added = (gen.random(len(v_h)) < 0.06).astype(np.int64)
    moved = (gen.random(len(v_h)) < 0.04) & (count > 1)
    notes = ("", "租客已搬离, 已注销", "新增租客登记", "户主外出, 电话核实")
    note_i = np.where(moved, 1, np.where(added > 0, 2, np.where(gen.random(len(v_h)) < 0.03, 3, 0)))
    first = loader.first_id(VerificationVisit.__table__)
    h_ids, h_comm = hh["ids"], hh["comm"]
    uo = reg.user_of_officer
    n = len(v_h)

    columns = (
        "id",
        "household_id",
        "officer_id",
        "user_id",
        "visited_at",
        "residents_confirmed",
        "residents_added",
        "residents_moved_out",
        "note",
    )
    h_id_list = h_ids.tolist()
    h_comm_list = h_comm.tolist()

    def chunks() -> Any:
        for s in range(0, n, 50_000):
            e = min(n, s + 50_000)
            rows = []
            for i, h, t, w, cnt, ad, mv, ni in zip(
                range(first + s, first + e),
                v_h[s:e].tolist(),
                ts[s:e].tolist(),
                who[s:e].tolist(),
                count[s:e].tolist(),
                added[s:e].tolist(),
                moved[s:e].tolist(),
                note_i[s:e].tolist(),
                strict=True,
            ):
                officer = comm_officers[h_comm_list[h]][w]
                rows.append((i, h_id_list[h], officer, uo.get(officer), t, cnt, ad, int(mv), notes[ni]))
            yield rows

    loader.load(
        VerificationVisit.__table__, columns, chunks(), n, rebuild_indexes=True, epoch_columns=["visited_at"]
    )


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
    loader.load_rows(Vehicle.__table__, rows)
