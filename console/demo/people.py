"""Demo district: buildings, households (一标: address, housing use, verification age),
residents (实有人口) with valid ID and mobile numbers, and the verification visits behind the colours."""

from __future__ import annotations

from typing import Any

import numpy as np

from console.demo import data as D
from console.demo.bulk import CST, BulkLoader
from console.demo.world import Registry
from console.models import Building, Household, Resident, VerificationVisit

USES = ("自住", "出租", "群租", "空置", "商用")
RELATIONS = ("户主", "配偶", "子女", "子女", "父母", "父母", "租客")


def buildings_and_households(
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
        kind < 0.66,
        gen.integers(18, 34, nb),
        np.where(kind < 0.9, gen.integers(11, 18, nb), gen.integers(6, 10, nb)),
    )
    units = np.where(kind < 0.66, gen.integers(2, 5, nb), gen.integers(2, 4, nb))
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


def residents(
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
    if reg.ids is None:
        raise RuntimeError("the registry makes its ID-number factory before its people")
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


def visits(loader: BulkLoader, reg: Registry, hh: dict[str, Any], rng: Any, gen: np.random.Generator) -> None:
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
