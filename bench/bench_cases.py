"""Case dossiers at district scale (issue 8): dossier ≤ 100 ms, case list ≤ 50 ms, IMEI match ≤ 5 ms, series ≤ 50 ms.

    python bench/bench_cases.py [--cases 20000] [--items 50000] [--alerts 200000] [--backend sqlite|postgresql|both]
                                [--db NAME] [--reps 200] [--smoke]

Loads a synthetic district with Core executemany — 60 communities, 40 officers, ``--cases``
theft cases over three years (cable, phone, e-bike, bicycle, burglary ...; victims, suspects
drawn from a pool of repeat offenders, vehicles, plates watched for other cases, linked alerts,
the timeline; ``--alerts`` alerts of the station's history, a tenth of the cases linked to one)
and ``--items`` property items (IMEI with its Luhn digit for phones, frame numbers
for e-bikes and bicycles, serial numbers for the rest, a few identifiers met in two cases; each
with its custody trail) — then times, each beside a baseline measured in the same run:

- opening a dossier: ``CaseService.show`` (every tab's data) for random cases; baseline: the same
  tabs read the obvious ORM way, one query per tab and one more per property item's custody;
- the case list's first page (200 rows) and each filter: ``CaseService.list_cases`` when main has
  it, else the SQL it runs (see ``first_page``); baseline: the same filtered list unpaged;
- matching a recovered item by IMEI / serial / frame: the indexed SELECT ``PropertyService.recover``
  matches with; baseline: the same lookup over ``upper(column)``, which no index serves (both plans
  are checked); also the whole ``recover`` call (a write) for information;
- series proposals for a newly opened case: ``SeriesService.proposals_for`` right after
  ``CaseService.open`` (half of them with a stolen phone whose IMEI another case has, a third
  solved with a known suspect); baseline: the station-wide ``open_proposals`` pass, which finds
  the same pairs without the per-case indexed lookups.

``--db``: a SQLite file / PostgreSQL database name kept between runs (loaded once; the timed
writes add a few cases each run). PostgreSQL is reached as bench/_common.py says (skipped with a
note when unreachable). ``--smoke``: 1,000 cases, 2,500 items, 20 repetitions (seconds; for CI).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable
from typing import Any

from _common import backends, check, parse, parser, synthetic_rng
from _district import HEADER, database, district_rows, id_number, load, mobile, person_name, row, timed
from sqlalchemy import Engine, func, or_, select, text
from stdnum import luhn

from console.clock import SystemClock
from console.db import session_factory
from console.models import (
    Alert,
    CaseFence,
    CaseLink,
    CaseParty,
    CaseSeriesMember,
    CaseTimeline,
    Community,
    CustodyEvent,
    Officer,
    PropertyItem,
    TheftCase,
    Vehicle,
    WatchlistEntry,
)
from console.security import Actor, Permission
from console.services.cases import CATEGORIES, CaseService, PropertyService, SeriesService

try:  # the case list service lands with branch i8-dossier; until then the bench runs its SQL
    from console.services.cases import CaseFilter  # type: ignore[attr-defined]
except ImportError:
    CaseFilter = None

PAGE = 200  # the case list's page (i8-dossier's listing.PAGE_SIZE)
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
# category -> (share of cases, summary, what is stolen, the identifier its items carry)
KINDS: dict[str, tuple[float, str, tuple[str, ...], str | None]] = {
    "cable": (0.10, "{c}地下室电缆被盗", ("电缆", "铜芯电缆"), None),
    "phone": (0.25, "{c}手机被盗", ("华为手机", "苹果手机", "小米手机", "OPPO手机"), "imei"),
    "e-bike": (0.24, "{c}电动车被盗", ("雅迪电动车", "爱玛电动车", "新日电动车"), "frame"),
    "bicycle": (0.08, "{c}自行车被盗", ("捷安特自行车", "美利达自行车"), "frame"),
    "burglary": (0.15, "{c}入室盗窃", ("笔记本电脑", "金项链", "现金", "平板电脑"), "serial"),
    "vehicle": (0.03, "{c}机动车被盗", ("小型轿车",), None),
    "fraud": (0.02, "{c}电信诈骗", ("银行转账",), None),
    "other": (0.13, "{c}财物被盗", ("电动车电瓶", "快递包裹", "工具箱"), "serial"),
}
PLACES = ("地下室", "非机动车棚", "地下车库", "快递柜", "东门", "商铺")


def imei(n: int) -> str:
    body = f"86{n:012d}"
    return body + luhn.calc_check_digit(body)


def make_rows(cases: int, items: int, history: int, seed: int = 8) -> dict[Any, list[dict[str, Any]]]:
    """The whole district as rows per table, in insertion order."""
    rng = synthetic_rng(seed)
    tables = district_rows(rng)
    communities = tables[Community.__table__]  # type: ignore[index]
    officers = tables[Officer.__table__]  # type: ignore[index]
    cats = list(KINDS)
    weights = [KINDS[c][0] for c in cats]
    span = 3 * 365 * 86400
    times = sorted(NOW - dt.timedelta(seconds=rng.randrange(3600, span)) for _ in range(cases))
    suspects = [
        (person_name(rng), id_number(rng, 5_000_000 + s), mobile(5_000_000 + s))
        for s in range(cases // 8 + 4)
    ]
    case_rows, parties, vehicles, watch, alerts, links, timeline = [], [], [], [], [], [], []
    seq: dict[int, int] = {}
    for i, reported in enumerate(times):
        cid = i + 1
        cat = rng.choices(cats, weights)[0]
        c = communities[rng.randrange(len(communities))] if rng.random() < 0.95 else None
        name = c["name"] if c else f"灌口镇{rng.choice('东南西北')}{rng.randint(1, 9)}村"
        year = reported.year
        seq[year] = seq.get(year, 0) + 1
        solved = None
        if (NOW - reported).days > 2 and rng.random() < 0.55:
            solved = reported + dt.timedelta(hours=rng.uniform(1, 24 * 20))
            solved = solved if solved < NOW else None
        status = (
            "open"
            if solved is None
            else ("closed" if (NOW - solved).days > 30 and rng.random() < 0.6 else "solved")
        )
        case_rows.append(
            {
                "id": cid,
                "case_no": f"GK{year}{seq[year]:05d}",
                "kind": "盗窃",
                "category": cat,
                "title": KINDS[cat][1].format(c=name),
                "description": f"{name}发生{CATEGORIES[cat]}案件, 群众报警。"
                + ("已破案。" if solved else "正在侦查中。"),
                "community_id": c["id"] if c else None,
                "community_text": "" if c else name,
                "place": f"{name}{rng.choice(PLACES)}" if rng.random() < 0.5 else "",
                "status": status,
                "occurred_at": reported - dt.timedelta(hours=rng.uniform(0.5, 30)),
                "reported_at": reported,
                "solved_at": solved,
                "lead_officer_id": officers[i % len(officers)]["id"],
                "version": 1,
            }
        )
        victim = len(parties) + 1
        parties.append(
            {
                "id": victim,
                "case_id": cid,
                "role": "victim",
                "name": person_name(rng),
                "id_number": id_number(rng, i),
                "phone": mobile(i),
                "note": "",
                "version": 1,
            }
        )
        timeline.append(
            {
                "case_id": cid,
                "at": reported,
                "kind": "opened",
                "username": "bench",
                "detail": json.dumps({"category": cat}),
            }
        )
        if solved is not None:
            for s in rng.sample(suspects, rng.choice((1, 1, 2, 4))):
                parties.append(
                    {
                        "id": len(parties) + 1,
                        "case_id": cid,
                        "role": "suspect",
                        "name": s[0],
                        "id_number": s[1],
                        "phone": s[2],
                        "note": "",
                        "version": 1,
                    }
                )
            timeline.append(
                {"case_id": cid, "at": solved, "kind": "solved", "username": "bench", "detail": "{}"}
            )
        if rng.random() < 0.12:
            plate = f"闽D{len(vehicles):05d}"
            vehicles.append(
                {
                    "id": len(vehicles) + 1,
                    "plate": plate,
                    "kind": "小型汽车",
                    "brand": "",
                    "colour": rng.choice("黑白银红蓝"),
                    "owner_name": person_name(rng),
                    "case_id": cid,
                    "version": 1,
                }
            )
            if rng.random() < 0.2 and cid > 100:  # the same car watched for an earlier case
                watch.append(
                    {
                        "kind": "vehicle",
                        "plate": plate,
                        "name": "",
                        "reason": "涉案车辆",
                        "severity": "high",
                        "case_id": rng.randrange(1, cid),
                        "active": True,
                        "created_at": reported,
                        "version": 1,
                    }
                )
        if rng.random() < 0.1:
            alert = len(alerts) + 1
            alerts.append(_alert(alert, c["id"] if c else None, reported))
            links.append(
                {
                    "case_id": cid,
                    "alert_id": alert,
                    "other_case_id": None,
                    "at": reported,
                    "username": "bench",
                }
            )
        if rng.random() < 0.03 and cid > 1:
            links.append(
                {
                    "case_id": cid,
                    "alert_id": None,
                    "other_case_id": rng.randrange(1, cid),
                    "at": reported,
                    "username": "bench",
                }
            )
    # The rest of the station's alerts (the dossier's alerts tab reads this table): not linked to cases.
    for n in range(len(alerts) + 1, history + 1):
        alerts.append(
            _alert(n, rng.randrange(len(communities)) + 1, NOW - dt.timedelta(seconds=rng.randrange(span)))
        )
    item_rows, custody = _items(rng, items, case_rows, parties, timeline)
    tables.update(
        {
            TheftCase.__table__: case_rows,
            CaseParty.__table__: parties,
            Vehicle.__table__: vehicles,
            WatchlistEntry.__table__: watch,
            Alert.__table__: alerts,
            CaseLink.__table__: links,
            PropertyItem.__table__: item_rows,
            CustodyEvent.__table__: custody,
            CaseTimeline.__table__: timeline,
        }
    )
    return tables


def _alert(n: int, community_id: int | None, at: dt.datetime) -> dict[str, Any]:
    return {
        "id": n,
        "kind": "plate_read",
        "severity": "high",
        "severity_rank": 1,
        "status": "resolved",
        "community_id": community_id,
        "summary": f"布控车辆 闽D{n % 100000:05d} 驶入",
        "count": 1,
        "first_event_at": at,
        "last_event_at": at,
        "raised_at": at,
        "updated_at": at,
        "version": 1,
        "resolution_note": "",
    }


def _items(
    rng: Any,
    items: int,
    case_rows: list[dict[str, Any]],
    parties: list[dict[str, Any]],
    timeline: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Property items of the cases (every case has one, the rest spread at random) and their custody trails."""
    cases = len(case_rows)
    item_rows: list[dict[str, Any]] = []
    custody: list[dict[str, Any]] = []
    owners = {p["case_id"]: p["id"] for p in parties if p["role"] == "victim"}
    for n in range(items):
        case = case_rows[n] if n < cases else case_rows[rng.randrange(cases)]
        cat = case["category"]
        kind = KINDS[cat][3]
        ident: dict[str, str] = {}
        if kind == "imei":
            ident["imei"] = imei(
                rng.randrange(n) if n > 10 and rng.random() < 0.01 else n
            )  # a phone stolen twice
        elif kind == "frame":
            ident["frame"] = (
                f"LYD{n:010d}" if rng.random() > 0.01 or n < 10 else f"LYD{rng.randrange(n):010d}"
            )
        elif kind == "serial" and rng.random() < 0.6:
            ident["serial"] = f"SN{rng.choice('ABCDEFGH')}{n:09d}"
        u = rng.random()
        status = (
            "stolen" if case["solved_at"] is None or u < 0.2 else ("recovered" if u < 0.45 else "returned")
        )
        recovered = case["solved_at"] if status != "stolen" else None
        returned = recovered + dt.timedelta(hours=rng.uniform(4, 60)) if status == "returned" else None
        if returned is not None and returned > NOW:
            status, returned = "recovered", None
        item_id = n + 1
        item_rows.append(
            {
                "id": item_id,
                "case_id": case["id"],
                "description": rng.choice(KINDS[cat][2]),
                "category": CATEGORIES[cat],
                "quantity": rng.randint(2, 12) if cat == "cable" else 1,
                "value_yuan": round(rng.uniform(50, 8000), 2),
                "status": status,
                "owner_party_id": owners[case["id"]],
                "recovered_at": recovered,
                "recovered_place": "灌口废品回收站"
                if recovered and cat == "cable"
                else ("二手手机店" if recovered else ""),
                "recovered_by": "350101" if recovered else "",
                "notified_at": recovered + dt.timedelta(hours=rng.uniform(1, 40)) if recovered else None,
                "notified_how": "phone" if recovered else "",
                "returned_at": returned,
                "returned_to_id_number": parties[owners[case["id"]] - 1]["id_number"] if returned else None,
                "version": 1,
                **{k: ident.get(k) for k in ("serial", "imei", "frame")},
            }
        )
        trail = [("reported_stolen", case["reported_at"], "报案登记")]
        if recovered is not None:
            trail += [
                ("recovered", recovered, "追回涉案财物"),
                ("stored", recovered + dt.timedelta(hours=1), "入库保管"),
            ]
        if returned is not None:
            trail.append(("returned", returned, "发还, 已核验身份证"))
        custody += [
            {
                "property_item_id": item_id,
                "kind": k,
                "at": at,
                "holder": "",
                "username": "bench",
                "location": "",
                "note": note,
            }
            for k, at, note in trail
        ]
        timeline.append(
            {
                "case_id": case["id"],
                "at": case["reported_at"],
                "kind": "property_added",
                "username": "bench",
                "detail": json.dumps({"item_id": item_id, **ident}),
            }
        )
    return item_rows, custody


# ----------------------------------------------------------------------------- the case list
def first_page(services: dict[str, Any], actor: Actor, given: dict[str, Any]) -> list[Any]:
    """The list's first page for ``given`` (CaseFilter fields)."""
    if CaseFilter is not None:  # the service, once main has it: the one line this bench times then
        return list(services["cases"].list_cases(actor, CaseFilter(**given)))
    return case_list_sql(services["engine"], given, PAGE)


def case_list_sql(engine: Engine, given: dict[str, Any], limit: int | None) -> list[Any]:
    """What i8-dossier's ``listing.case_list_query`` runs (joins, filters, newest first), as a service would."""
    t = TheftCase
    query = (
        select(
            t.id,
            t.case_no,
            t.category,
            t.title,
            t.community_text,
            t.reported_at,
            t.solved_at,
            t.status,
            Community.name.label("community_name"),
            Officer.badge_no,
            Officer.name.label("officer_name"),
        )
        .outerjoin(Community, Community.id == t.community_id)
        .outerjoin(Officer, Officer.id == t.lead_officer_id)
        .order_by(t.reported_at.desc(), t.id.desc())
    )
    if given.get("status"):
        query = query.where(t.status == given["status"])
    if given.get("category"):
        query = query.where(t.category == given["category"])
    if given.get("community"):
        registered = select(Community.id).where(Community.name == given["community"])
        query = query.where(or_(t.community_id.in_(registered), t.community_text == given["community"]))
    if given.get("officer"):
        query = query.where(
            t.lead_officer_id.in_(select(Officer.id).where(Officer.badge_no == given["officer"]))
        )
    if given.get("reported_from") is not None:
        query = query.where(t.reported_at >= given["reported_from"])
    if given.get("reported_to") is not None:
        query = query.where(t.reported_at < given["reported_to"])
    if given.get("text"):
        query = query.where(
            or_(t.case_no.like(f"%{given['text'].upper()}%"), t.title.like(f"%{given['text']}%"))
        )
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        return conn.execute(query).all()


def list_filters(engine: Engine, reps: int) -> dict[str, list[dict[str, Any]]]:
    rng = synthetic_rng(12)
    with engine.connect() as conn:
        names = conn.execute(select(Community.name)).scalars().all()
        badges = conn.execute(select(Officer.badge_no)).scalars().all()
        numbers = conn.execute(select(TheftCase.case_no).order_by(func.random()).limit(reps)).scalars().all()
    n = max(5, reps // 4)
    month = dt.timedelta(days=30)
    return {
        "list: first page, no filter": [{}] * n,
        "list: status open": [{"status": "open"}] * n,
        "list: category": [{"category": rng.choice(list(KINDS))} for _ in range(n)],
        "list: community": [{"community": rng.choice(names)} for _ in range(n)],
        "list: lead officer": [{"officer": rng.choice(badges)} for _ in range(n)],
        "list: period (30 days, a year ago)": [
            {
                "reported_from": NOW - dt.timedelta(days=rng.randint(300, 400)),
                "reported_to": NOW - dt.timedelta(days=rng.randint(300, 400)) + month,
            }
            for _ in range(n)
        ],
        "list: text, case no fragment": [{"text": rng.choice(numbers)[-6:]} for _ in range(n)],
        "list: text, summary word": [
            {"text": rng.choice(("电缆", "手机", "电动车", "入室"))} for _ in range(n)
        ],
        "list: open + category + community": [
            {"status": "open", "category": rng.choice(list(KINDS)), "community": rng.choice(names)}
            for _ in range(n)
        ],
    }


# ----------------------------------------------------------------------------- the dossier baseline
def dossier_orm(sessions: Any, case_no: str) -> dict[str, Any]:
    """Every tab the obvious ORM way: one query per tab, one more per item for its custody trail."""
    with sessions() as s:
        case = s.scalars(select(TheftCase).where(TheftCase.case_no == case_no)).one()
        community = s.get(Community, case.community_id) if case.community_id else None
        lead = s.get(Officer, case.lead_officer_id) if case.lead_officer_id else None
        items = s.scalars(select(PropertyItem).where(PropertyItem.case_id == case.id)).all()
        return {
            "case": (case, community, lead),
            "parties": s.scalars(select(CaseParty).where(CaseParty.case_id == case.id)).all(),
            "vehicles": s.scalars(select(Vehicle).where(Vehicle.case_id == case.id)).all(),
            "property": [
                (i, s.scalars(select(CustodyEvent).where(CustodyEvent.property_item_id == i.id)).all())
                for i in items
            ],
            "links": s.scalars(
                select(CaseLink).where(or_(CaseLink.case_id == case.id, CaseLink.other_case_id == case.id))
            ).all(),
            "alerts": s.scalars(
                select(Alert).join(CaseLink, CaseLink.alert_id == Alert.id).where(CaseLink.case_id == case.id)
            ).all(),
            "timeline": s.scalars(select(CaseTimeline).where(CaseTimeline.case_id == case.id)).all(),
            "fences": s.scalars(select(CaseFence).where(CaseFence.case_id == case.id)).all(),
            "series": s.scalars(select(CaseSeriesMember).where(CaseSeriesMember.case_id == case.id)).all(),
        }


# ----------------------------------------------------------------------------- identifier match
def match_indexed(sessions: Any, column: str) -> Callable[[str], list[PropertyItem]]:
    """The SELECT ``PropertyService.recover`` matches with (property._match): ORM rows, newest first."""
    col = getattr(PropertyItem, column)

    def lookup(value: str) -> list[PropertyItem]:
        with sessions() as s:
            return list(s.scalars(select(PropertyItem).where(col == value).order_by(PropertyItem.id.desc())))

    return lookup


def match_unindexed(sessions: Any, column: str) -> Callable[[str], list[PropertyItem]]:
    """The same lookup over ``upper(column)``: equal for stored (upper-case) values, no index serves it."""
    col = getattr(PropertyItem, column)

    def lookup(value: str) -> list[PropertyItem]:
        with sessions() as s:
            return list(
                s.scalars(
                    select(PropertyItem).where(func.upper(col) == value).order_by(PropertyItem.id.desc())
                )
            )

    return lookup


def uses_index(engine: Engine, column: str, expression: bool) -> bool:
    """Whether the backend plans the lookup through ``ix_property_item_<column>``."""
    where = f"upper({column})" if expression else column
    sql = f"SELECT * FROM property_item WHERE {where} = :v ORDER BY id DESC"  # noqa: S608 column names are our constants
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            plan = " ".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql), {"v": "X"}))
        else:
            plan = " ".join(r[0] for r in conn.execute(text("EXPLAIN " + sql), {"v": "X"}))
    return f"ix_property_item_{column}" in plan


# ----------------------------------------------------------------------------- one backend
def run(engine: Engine, args: Any) -> None:
    rng = synthetic_rng(21)
    sessions = session_factory(engine)
    clock = SystemClock()
    services = {
        "engine": engine,
        "cases": CaseService(sessions, clock),
        "property": PropertyService(sessions, clock),
        "series": SeriesService(sessions, clock),
    }
    actor = Actor(
        None, "bench", "bench", "investigator", frozenset(Permission) - {Permission.UNMASK_PERSONAL_DATA}
    )
    with engine.connect() as conn:
        counts = {
            m.__tablename__: conn.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (TheftCase, PropertyItem, CustodyEvent, CaseParty, CaseTimeline, Alert)
        }
        sample = (
            conn.execute(select(TheftCase.case_no).order_by(func.random()).limit(args.reps)).scalars().all()
        )
        idents = {
            k: conn.execute(
                select(getattr(PropertyItem, k))
                .where(getattr(PropertyItem, k).is_not(None))
                .order_by(func.random())
                .limit(args.reps)
            )
            .scalars()
            .all()
            for k in ("imei", "serial", "frame")
        }
        stolen = (
            conn.execute(
                select(PropertyItem.imei)
                .where(PropertyItem.status == "stolen", PropertyItem.imei.is_not(None))
                .order_by(func.random())
                .limit(min(50, args.reps))
            )
            .scalars()
            .all()
        )
        suspects = (
            conn.execute(select(CaseParty.id_number).where(CaseParty.role == "suspect").distinct().limit(200))
            .scalars()
            .all()
        )
        names = conn.execute(select(Community.name)).scalars().all()
    print(
        f"\n{engine.dialect.name}: "
        + ", ".join(f"{n:,} {t}" for t, n in counts.items())
        + f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    print(HEADER)

    # Opening a dossier.
    for case_no in sample[:5]:  # warm caches, as a console that has been open a while
        services["cases"].show(actor, case_no)
        dossier_orm(sessions, case_no)
    ours, shown = timed(lambda n: services["cases"].show(actor, n), sample)
    check(
        all(d.case["case_no"] == n for d, n in zip(shown, sample, strict=True)), "show returned another case"
    )
    base, _ = timed(lambda n: dossier_orm(sessions, n), sample[: max(5, len(sample) // 2)])
    tabs = sum(len(d.property) + len(d.parties) + len(d.timeline) for d in shown) / len(shown)
    print(row("dossier: CaseService.show", len(ours), ours, 100, "ORM, a query per tab and item", base))
    print(f"{'':34}   (a dossier averages {tabs:.1f} parties + items + timeline lines)")

    # The case list.
    label = "CaseService.list_cases" if CaseFilter is not None else "SQL of i8-dossier's list_cases"
    for measure, filters in list_filters(engine, args.reps).items():
        first_page(services, actor, filters[0])
        ours, pages = timed(lambda f: first_page(services, actor, f), filters)
        check(all(len(p) <= PAGE for p in pages), "a first page longer than a page")
        base, _ = timed(lambda f: case_list_sql(engine, f, None), filters[: max(3, len(filters) // 3)])
        print(row(measure, len(ours), ours, 50, "the same list unpaged", base))
    print(f"{'':34}   (measured: {label})")

    # Matching a recovered item by its identifier.
    for kind, values in idents.items():
        check(uses_index(engine, kind, False), f"the {kind} lookup does not use its index")
        check(not uses_index(engine, kind, True), f"the {kind} baseline is served by an index")
        indexed, unindexed = match_indexed(sessions, kind), match_unindexed(sessions, kind)
        ours, found = timed(indexed, values)
        check(all(found), f"an existing {kind} was not found")
        base, found = timed(unindexed, values[: max(5, len(values) // 4)])
        check(all(found), f"the {kind} baseline found nothing")
        print(
            row(
                f"match by {kind}: indexed SELECT",
                len(ours),
                ours,
                5,
                f"upper({kind}) = ?, a full scan",
                base,
            )
        )
    recover, results = timed(
        lambda v: services["property"].recover(actor, at=NOW, place="灌口废品回收站", imei=v, by="350101"),
        stolen,
    )
    check(all(r.matched for r in results), "recover did not match a stolen IMEI")
    print(
        row("  whole PropertyService.recover", len(recover), recover, None, "(a write; for information)", [])
    )

    # Series proposals for a newly opened case.
    phones = idents["imei"]
    opened = []
    for k in range(max(5, args.reps // 4)):
        cat = rng.choice(("cable", "phone", "e-bike", "burglary"))
        community = rng.choice(names)
        case = services["cases"].open(
            actor,
            category=cat,
            reported_at=NOW - dt.timedelta(minutes=30),
            summary=f"{community}新报案件 {k}",
            community=community,
            place=f"{community}{rng.choice(PLACES)}",
        )
        if k % 2 == 0:
            services["property"].add(
                actor, case_no=case.case_no, description="手机", category="手机", imei=phones[k % len(phones)]
            )
        if k % 3 == 0:
            services["cases"].solve(actor, case.case_no, at=NOW, suspect_ids=[suspects[k % len(suspects)]])
        opened.append(case.case_no)
    services["series"].proposals_for(actor, opened[0])
    ours, found = timed(lambda n: services["series"].proposals_for(actor, n), opened)
    check(any(found), "no proposal for any newly opened case")
    t = time.perf_counter()
    station = [services["series"].open_proposals(actor) for _ in range(2 if args.reps >= 50 else 1)]
    base = [(time.perf_counter() - t) / len(station)] * len(station)
    shared = sum(len(p) for p in found) / len(found)
    print(row("series: proposals_for new case", len(ours), ours, 50, "station-wide open_proposals", base))
    print(f"{'':34}   ({shared:.1f} proposals per new case; station-wide: {len(station[0])} shown)")


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--items", type=int, default=50_000)
    ap.add_argument(
        "--alerts",
        type=int,
        default=200_000,
        help="alerts in the station's history (a tenth of cases link one)",
    )
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--db", help="SQLite file / PostgreSQL database name kept between runs (loaded once)")
    ap.add_argument("--reps", type=int, default=200, help="timed calls per measure")
    args = parse(ap, smoke={"cases": 1_000, "items": 2_500, "alerts": 5_000, "reps": 20})
    check(
        args.items >= args.cases >= 100 and args.reps >= 5, "need --items >= --cases >= 100 and --reps >= 5"
    )
    t = time.perf_counter()
    tables = make_rows(args.cases, args.items, args.alerts)
    print(f"generated {args.cases:,} cases and {args.items:,} items in {time.perf_counter() - t:.1f} s")
    for backend in backends(args.backend):
        with database(backend, "bench_cases", args.db) as engine:
            with engine.connect() as conn:
                have = conn.execute(select(func.count()).select_from(TheftCase)).scalar_one()
            if have:
                print(f"{backend}: reusing {have:,} cases in {args.db}")
            else:
                print(f"{backend}: Core load {load(engine, tables):.1f} s")
            run(engine, args)


if __name__ == "__main__":
    main()
