"""Demo district, part two: theft cases (console/demo/cases.py), vehicles and watchlists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from console.demo import data as D
from console.demo.bulk import CST, BulkLoader, rng_pair
from console.demo.cases import build_cases
from console.demo.events import build_events
from console.demo.world import Activity, Registry, Watch
from console.models import Vehicle, WatchlistEntry

OTHER_REGIONS = ("赣B", "赣A", "粤B", "湘A", "川A", "浙A", "渝A", "豫A", "闽C", "闽E")
OUTSIDER_AREAS = np.array(
    [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]
)  # AREA_CODES beyond Fujian


def build_activity(loader: BulkLoader, reg: Registry) -> None:
    act = Activity()
    rng, gen = rng_pair(reg.seed, 20)
    build_cases(loader, reg, act, rng, gen, outsiders(reg, gen, 40))
    _watchlist(loader, reg, act, *rng_pair(reg.seed, 21))
    build_events(loader, reg, act)


def outsiders(
    reg: Registry, gen: np.random.Generator, n: int, min_age: int = 19, max_age: int = 50
) -> list[tuple[str, str, str]]:
    """(name, ID number, phone) of people registered elsewhere (suspects, visitors)."""
    male = gen.random(n) < 0.85
    names = D.person_names(gen, male, reg.male_names, reg.female_names)
    today = reg.now.astimezone(CST).date().toordinal()
    birth = (today - gen.uniform(min_age, max_age, n) * 365.25).astype(np.int64)
    if reg.ids is None:
        raise RuntimeError("the registry makes its ID-number factory before its people")
    numbers = reg.ids.make(gen, birth, male, areas=gen.choice(OUTSIDER_AREAS, n))
    return list(zip(names, numbers, D.mobiles(gen, n), strict=True))


def _watchlist(loader: BulkLoader, reg: Registry, act: Activity, rng: Any, gen: np.random.Generator) -> None:
    now = reg.now
    first = loader.first_id(WatchlistEntry.__table__)
    vehicle_first = loader.first_id(Vehicle.__table__)
    adders = reg.users_with("办案队", "值班民警")
    rows: list[dict[str, Any]] = []
    vehicles: list[dict[str, Any]] = []
    year = dt.timedelta(days=365)

    def add(
        kind: str,
        key: str,
        name: str,
        reason: str,
        severity: str,
        case: dict[str, Any] | None,
        created: dt.datetime,
        expires: dt.datetime | None,
        active: bool = True,
    ) -> None:
        wid = first + len(rows)
        rows.append(
            {
                "id": wid,
                "kind": kind,
                "id_number": key if kind == "person" else None,
                "plate": key if kind == "vehicle" else None,
                "name": name,
                "reason": reason,
                "severity": severity,
                "case_id": case["id"] if case else None,
                "expires_at": expires,
                "active": active,
                "added_by": adders[len(rows) % len(adders)] if adders else None,
                "created_at": created,
                "version": 1,
            }
        )
        act.watches.append(
            Watch(
                wid,
                kind,
                key,
                name,
                reason,
                severity,
                case["case_no"] if case else None,
                created,
                expires,
                active,
            )
        )

    def created_at() -> dt.datetime:
        return now - dt.timedelta(days=rng.uniform(20, 330), hours=rng.uniform(0, 10))

    # People: residents with a fraud record, known thieves from solved cases, outsiders flagged by
    # the anti-fraud centre. Some entries have expired, a few were switched off by hand.
    fraud_residents = [i for i, r in enumerate(reg.res_record) if r == "诈骗前科"]
    n_people = reg.scale.watch_people
    for i in fraud_residents[: n_people * 2 // 5]:
        created = created_at()
        expires = None if rng.random() < 0.6 else created + dt.timedelta(days=rng.choice((90, 180, 365)))
        add(
            "person",
            reg.res_id_numbers[i],
            reg.res_names[i],
            "诈骗前科, 进入小区时提醒物业关注",
            "medium",
            None,
            created,
            expires,
            rng.random() > 0.04,
        )
        act.watched_residents.add(i)
    for case in [c for c in act.cases if c["suspects"]]:
        if len(rows) >= n_people * 7 // 10:
            break
        for name, idn, _phone in case["suspects"]:
            if any(w.key == idn for w in act.watches):
                continue
            created = case["solved"] + dt.timedelta(days=1)
            add(
                "person",
                idn,
                name,
                f"盗窃前科 (案件 {case['case_no']} 嫌疑人)",
                rng.choice(("medium", "high")),
                case,
                created,
                created + dt.timedelta(days=rng.choice((30, 180, 365))),
            )
    for name, idn, _phone in outsiders(reg, gen, max(0, n_people - len(rows)), 22, 60):
        created = created_at()
        add(
            "person",
            idn,
            name,
            "外地诈骗前科人员 (反诈中心通报)",
            rng.choice(("high", "medium", "medium")),
            None,
            created,
            created + year if rng.random() < 0.8 else None,
        )

    # Vehicles: cars seen near open theft cases (most from out of the province), some older ones expired.
    taken = set(reg.plates) | set(reg.visitor_plates)
    open_cases = [c for c in act.cases if c["status"] == "open"] or act.cases
    solved_cases = [c for c in act.cases if c["solved"] is not None] or act.cases
    drivers = outsiders(reg, gen, reg.scale.watch_vehicles, 22, 55)
    for i in range(reg.scale.watch_vehicles):
        is_open = i < reg.scale.watch_vehicles * 6 // 10
        case = open_cases[i % len(open_cases)] if is_open else solved_cases[i % len(solved_cases)]
        plate = D.plate(rng, region=rng.choice(OTHER_REGIONS), new_energy=rng.random() < 0.15)
        while plate in taken:
            plate = D.plate(rng, region=rng.choice(OTHER_REGIONS))
        taken.add(plate)
        name, idn, phone = drivers[i]
        created = case["reported"] + dt.timedelta(hours=rng.uniform(2, 30))
        created = min(created, now - dt.timedelta(hours=2))
        if is_open:
            expires = None if rng.random() < 0.5 else now + dt.timedelta(days=rng.randint(10, 90))
        else:
            expires = (case["solved"] or created) + dt.timedelta(days=rng.randint(2, 10))
        severity = "critical" if is_open and i % 7 == 0 else "high"
        add(
            "vehicle",
            plate,
            name,
            "嫌疑车辆, 车主涉盗窃案件",
            severity,
            case,
            created,
            expires,
            rng.random() > 0.03,
        )
        vehicles.append(
            {
                "id": vehicle_first + i,
                "plate": plate,
                "kind": "小型汽车",
                "brand": rng.choice(D.CAR_BRANDS),
                "colour": rng.choice(D.CAR_COLOURS),
                "owner_name": name,
                "owner_id_number": idn,
                "owner_phone": phone,
                "resident_id": None,
                "case_id": case["id"],
                "version": 1,
            }
        )
    loader.load_rows(Vehicle.__table__, vehicles)
    loader.load_rows(WatchlistEntry.__table__, rows)
