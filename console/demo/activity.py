"""Demo district, part two: theft cases with their people, vehicles and property; watchlists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from console.demo import data as D
from console.demo.bulk import CST, BulkLoader, rng_pair
from console.demo.events import build_events
from console.demo.world import Activity, Registry, Watch
from console.models import CaseParty, CustodyEvent, PropertyItem, TheftCase, Vehicle, WatchlistEntry
from console.services.cases import CATEGORIES

OTHER_REGIONS = ("赣B", "赣A", "粤B", "湘A", "川A", "浙A", "渝A", "豫A", "闽C", "闽E")
OUTSIDER_AREAS = np.array(
    [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]
)  # AREA_CODES beyond Fujian


def build_activity(loader: BulkLoader, reg: Registry) -> None:
    act = Activity()
    _cases(loader, reg, act, *rng_pair(reg.seed, 20))
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


_CATEGORY_CODES = {name: code for code, name in CATEGORIES.items()}


def _hours(h: float) -> dt.timedelta:
    return dt.timedelta(hours=h)


def _cases(loader: BulkLoader, reg: Registry, act: Activity, rng: Any, gen: np.random.Generator) -> None:
    now = reg.now
    n = reg.scale.cases
    comm_p = reg.community_households / reg.community_households.sum()
    investigators = reg.officers_with("办案队")
    inv_users = reg.users_with("办案队")
    kinds = D.THEFT_KINDS
    case_first = loader.first_id(TheftCase.__table__)
    party_first = loader.first_id(CaseParty.__table__)
    item_first = loader.first_id(PropertyItem.__table__)
    cust_first = loader.first_id(CustodyEvent.__table__)
    cases: list[dict[str, Any]] = []
    parties: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    custody: list[dict[str, Any]] = []
    suspects_pool = outsiders(reg, gen, n * 2 + 8)
    yuzhou = 0  # 禹洲璟阅城 is the first community
    station_store = "灌口派出所涉案财物保管室"

    # The article's case: four men cut cable in 禹洲璟阅城's basement again and again ("ant moving");
    # the earlier theft was linked to them, so the officer waited at the scrap-recycling station.
    plan: list[dict[str, Any]] = [
        {
            "comm": yuzhou,
            "kind": 0,
            "reported": now - dt.timedelta(days=9, hours=15),
            "solve_h": 113,
            "title": "禹洲璟阅城地下室电缆被盗(第一起)",
            "suspects": 4,
            "qty": 5,
        },
        {
            "comm": yuzhou,
            "kind": 0,
            "reported": now - dt.timedelta(days=5, hours=14),
            "solve_h": 14,
            "title": "禹洲璟阅城地下室电缆被盗(蚂蚁搬家)",
            "suspects": 4,
            "qty": 12,
        },
    ]
    times = np.sort(int(now.timestamp()) - gen.integers(3 * 3600, 365 * 86400, n - len(plan)))
    kind_p = np.array([0.12, 0.3, 0.2, 0.14, 0.17, 0.07])
    for ts in times.tolist():
        age_days = (now.timestamp() - ts) / 86400
        u = rng.random()
        if age_days < 2 and u < 0.6:
            solve_h = None
        elif u < 0.72:
            solve_h = rng.uniform(1.5, 23.5)
        elif u < 0.78:
            solve_h = rng.uniform(25, 71)
        elif u < 0.86:
            solve_h = rng.uniform(80, 24 * 20)
        else:
            solve_h = None
        k = int(gen.choice(len(kinds), p=kind_p))
        plan.append(
            {
                "comm": int(gen.choice(len(comm_p), p=comm_p)),
                "kind": k,
                "reported": dt.datetime.fromtimestamp(ts, CST),
                "solve_h": solve_h,
                "title": None,
                "suspects": (rng.randint(2, 3) if k == 0 else 1),
                "qty": None,
            }
        )
    plan.sort(key=lambda p: p["reported"])
    featured_suspects = suspects_pool[:4]
    for i, p in enumerate(plan):
        comm = reg.communities[p["comm"]]
        title_t, category, item_desc, (vlo, vhi), (qlo, qhi) = kinds[p["kind"]]
        reported: dt.datetime = p["reported"]
        occurred = reported - _hours(rng.uniform(1, 30))
        solved = reported + _hours(p["solve_h"]) if p["solve_h"] is not None else None
        if solved is not None and solved > now:
            solved = None
        notified = solved + _hours(rng.uniform(2, 40)) if solved else None
        notified = notified if notified and notified < now else None
        status = (
            "open"
            if solved is None
            else ("closed" if (now - solved).days > 30 and rng.random() < 0.7 else "solved")
        )
        cid = case_first + i
        case_no = f"GK{reported.astimezone(CST):%Y}{i + 1:05d}"
        lead = investigators[i % len(investigators)]
        cases.append(
            {
                "id": cid,
                "case_no": case_no,
                "kind": "盗窃",
                "category": _CATEGORY_CODES.get(category, "other"),
                "title": p["title"] or title_t.format(c=comm["name"]),
                "description": _case_text(p, comm["name"], solved is not None),
                "community_id": comm["id"],
                "status": status,
                "occurred_at": occurred,
                "reported_at": reported,
                "solved_at": solved,
                "victim_notified_at": notified,
                "lead_officer_id": lead["id"],
                "version": 1,
            }
        )
        # The victim: for cable, the property company; otherwise a resident of the community.
        if p["kind"] == 0:
            victim = {
                "name": comm["property_manager_company"] or comm["name"] + "物业",
                "resident_id": None,
                "id_number": None,
                "phone": comm["property_manager_phone"],
                "note": "物业公司报案",
            }
        else:
            lo, hi = np.searchsorted(reg.res_comm, [p["comm"], p["comm"] + 1])
            r = int(lo + rng.randrange(max(1, hi - lo))) if hi > lo else rng.randrange(len(reg.res_id))
            victim = {
                "name": reg.res_names[r],
                "resident_id": int(reg.res_id[r]),
                "id_number": reg.res_id_numbers[r],
                "phone": reg.res_phones[r],
                "note": "",
            }
        victim_id = party_first + len(parties)
        parties.append({"id": victim_id, "case_id": cid, "role": "victim", **victim, "version": 1})
        suspects: list[tuple[str, str, str]] = []
        if solved is not None:
            pool = (
                featured_suspects
                if p["title"]
                else [suspects_pool[4 + (2 * i + j) % (len(suspects_pool) - 4)] for j in range(p["suspects"])]
            )
            suspects = list(pool)
            note = D.SUSPECT_NOTES[0] if p["title"] else rng.choice(D.SUSPECT_NOTES[1:])
            for name, idn, phone in suspects:
                parties.append(
                    {
                        "id": party_first + len(parties),
                        "case_id": cid,
                        "role": "suspect",
                        "resident_id": None,
                        "name": name,
                        "id_number": idn,
                        "phone": phone,
                        "note": note,
                        "version": 1,
                    }
                )
        qty = p["qty"] or rng.randint(qlo, qhi)
        value = round(rng.uniform(vlo, vhi) * (qty if p["kind"] == 0 else 1), -1)
        recovered = solved is not None and (p["title"] or rng.random() < 0.85)
        returned_at = notified + _hours(rng.uniform(4, 40)) if recovered and notified else None
        returned_at = returned_at if returned_at and returned_at < now else None
        item_status = "returned" if returned_at else ("recovered" if recovered else "stolen")
        item_id = item_first + len(items)
        items.append(
            {
                "id": item_id,
                "case_id": cid,
                "description": item_desc,
                "category": category,
                "quantity": qty,
                "value_yuan": float(value),
                "status": item_status,
                "owner_party_id": victim_id,
                "recovered_at": solved if recovered else None,
                "recovered_place": ("灌口废品回收站" if p["kind"] == 0 else comm["name"])
                if recovered
                else "",
                "notified_at": notified if recovered else None,
                "notified_how": "phone" if recovered and notified else "",
                "returned_at": returned_at,
                "returned_to_id_number": victim["id_number"] if returned_at else None,
                "version": 1,
            }
        )
        inv = inv_users[i % len(inv_users)] if inv_users else None
        trail = [("reported_stolen", reported, comm["name"], "报案登记")]
        if recovered and solved:
            where = "灌口废品回收站" if p["kind"] == 0 else comm["name"]
            trail.append(("recovered", solved, where, "追回涉案财物"))
            trail.append(("stored", solved + _hours(1.5), station_store, "入库保管"))
        if returned_at:
            trail.append(("returned", returned_at, "灌口派出所", f"发还失主 {victim['name']}"))
        for kind, at, where, note in trail:
            custody.append(
                {
                    "id": cust_first + len(custody),
                    "property_item_id": item_id,
                    "kind": kind,
                    "at": at,
                    "user_id": inv,
                    "location": where,
                    "note": note,
                }
            )
        act.cases.append(
            {
                "id": cid,
                "case_no": case_no,
                "status": status,
                "reported": reported,
                "solved": solved,
                "community": p["comm"],
                "suspects": suspects,
            }
        )
    loader.load_rows(TheftCase.__table__, cases)
    loader.load_rows(CaseParty.__table__, parties)
    loader.load_rows(PropertyItem.__table__, items)
    loader.load_rows(CustodyEvent.__table__, custody)


def _case_text(p: dict[str, Any], place: str, solved: bool) -> str:
    if p["title"] and p["qty"] == 12:
        return (
            "夜间4名嫌疑人多次进入小区地下室剪断并盗走电缆十余捆(蚂蚁搬家)。因前一起案件已关联该团伙, "
            "民警在废品回收站守候, 嫌疑人前来销赃时被当场抓获, 电缆全部追回, 两日内通知物业前来认领。"
        )
    base = f"{place}发生盗窃案件, 群众报警。"
    return base + ("经侦查破案, 已通知失主认领。" if solved else "正在侦查中。")


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
