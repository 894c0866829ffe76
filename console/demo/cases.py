"""Demo district: two years of theft cases, so the station's figures tell the source article's story.

The year before last had more cases than the last one (criminal incidents down about 43 % year on
year); of the cases of any half-year about 33 are solved within 24 hours and 2 within 24–72
hours. Mostly small thefts — cable, phones, e-bikes, bicycles, parcels — plus a few series: the
"ant moving" cable thefts in 禹洲璟阅城's basement, solved when the four suspects came to sell at
the scrap-recycling station; phones snatched in one estate and sold to a second-hand phone shop;
e-bikes taken from an urban village, still open. Property carries its identifiers (IMEI with a
valid Luhn digit, serial, frame number) and an append-only custody trail from report to return;
a few recovered items wait unclaimed, one or two with the owner not called after 48 hours.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from stdnum import luhn

from console.demo import data as D
from console.demo.bulk import BulkLoader
from console.demo.world import Activity, Registry
from console.models import (
    CaseFence,
    CaseParty,
    CaseSeries,
    CaseSeriesMember,
    CaseTimeline,
    CustodyEvent,
    PropertyItem,
    TheftCase,
)
from console.services.cases import (
    CATEGORIES,
    NOTIFY_WITHIN,
    STATION_TZ,
    case_no_year_prefix,
    format_case_no,
    hours_to_solve,
    normalise_imei,
    normalise_serial,
)

# (title, category code, item, item category, value range per piece (yuan), quantity range, identifier)
KINDS = (
    ("{c}地下室电缆被盗", "cable", "铜芯电缆(捆)", "电缆", (800, 3000), (2, 12), None),
    ("{c}住户手机被盗", "phone", "智能手机", "手机", (1200, 7000), (1, 1), "imei"),
    ("{c}电动车被盗", "e-bike", "电动自行车", "电动车", (1500, 4500), (1, 1), "frame"),
    ("{c}楼道自行车被盗", "bicycle", "自行车", "自行车", (300, 1500), (1, 1), "frame"),
    ("{c}快递包裹被盗", "other", "快递包裹", "快递包裹", (50, 800), (1, 3), "serial"),
    ("{c}住户家中被盗", "burglary", "笔记本电脑", "电子产品", (3000, 9000), (1, 1), "serial"),
    ("{c}车内财物被盗", "vehicle", "车内现金及钱包", "现金", (200, 3000), (1, 1), None),
)
KIND_P = np.array([0.10, 0.26, 0.24, 0.12, 0.14, 0.06, 0.08])
# Shares of outcomes, (solved within 24 h, within 24–72 h, later); the rest stay open. Of the 49
# background cases of a half-year 31 are solved within 24 h and 2 within 72 h; with the featured
# series that makes the article's "33 within 24 hours, 2 within 72 hours".
LAST_YEAR_SHARES = (31 / 49, 2 / 49, 6 / 49)
PRIOR_YEAR_SHARES = (0.42, 0.12, 0.16)
GOLDEN = 0.6180339887498949  # a low-discrepancy sequence: every stretch of cases gets its share
FEATURED = 8  # cases of the featured series, all in the last half-year
YOY_RATIO = 0.57  # last year's cases / the year before's: down 43 %
SCRAP_YARD = "灌口废品回收站"
PHONE_SHOP = "集美二手手机店"
STORE = "派出所涉案财物保管室"
STATION = "灌口派出所"


@dataclass
class _Plan:
    reported: dt.datetime
    kind: int
    comm: int
    solve_h: float | None
    title: str | None = None
    text: str | None = None
    suspects: list[tuple[str, str, str]] = field(default_factory=list)
    qty: int | None = None
    series: str | None = None
    fence: tuple[str, str] | None = None  # (name, FENCE_KINDS code)
    recovered_place: str | None = None
    uncalled: bool = False  # recovered, the owner never called
    waiting: bool = False  # recovered, the owner called but not yet come


@dataclass
class _Rows:
    cases: list[dict[str, Any]] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    custody: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    fences: list[dict[str, Any]] = field(default_factory=list)


def build_cases(
    loader: BulkLoader, reg: Registry, act: Activity, rng: Any, gen: np.random.Generator, suspects: list[Any]
) -> None:
    """Plan and load the cases, their parties, property with custody trails, timelines and series."""
    plan = _featured(reg, rng, suspects[:6]) + _background(reg, rng, gen)
    plan.sort(key=lambda p: p.reported)
    _leave_uncalled(plan, reg.now)
    rows = _Rows()
    firsts = {
        t.name: loader.first_id(t)  # type: ignore[attr-defined]
        for t in (
            TheftCase.__table__,
            CaseParty.__table__,
            PropertyItem.__table__,
            CustodyEvent.__table__,
            CaseTimeline.__table__,
            CaseFence.__table__,
        )
    }
    investigators = reg.officers_with("办案队")
    usernames = {o["id"]: f"gk{o['badge_no']}".lower() for o in reg.officers}
    sequence: dict[str, int] = {}
    first = investigators[0]
    who = (reg.user_of_officer.get(first["id"]), usernames[first["id"]], first["name"])
    pool = suspects[6:30]
    staff = suspects[30:]  # property companies' staff who claim recovered cable
    series_members: dict[str, list[int]] = {}
    for i, p in enumerate(plan):
        prefix = case_no_year_prefix(p.reported)
        sequence[prefix] = sequence.get(prefix, 0) + 1
        lead = investigators[i % len(investigators)]
        who = (reg.user_of_officer.get(lead["id"]), usernames[lead["id"]], lead["name"])
        if not p.suspects and p.solve_h is not None:
            n = 2 if KINDS[p.kind][1] == "cable" else 1
            p.suspects = [pool[(2 * i + j) % len(pool)] for j in range(n)]
        cid = _case(rows, firsts, reg, rng, p, format_case_no(prefix, sequence[prefix]), lead, who, staff)
        if p.series:
            series_members.setdefault(p.series, []).append(cid)
        act.cases.append(
            {
                "id": cid,
                "case_no": rows.cases[-1]["case_no"],
                "status": rows.cases[-1]["status"],
                "reported": p.reported,
                "solved": rows.cases[-1]["solved_at"],
                "community": p.comm,
                "suspects": p.suspects if rows.cases[-1]["solved_at"] else [],
            }
        )
    _found_items(rows, firsts, reg, rng, who)
    loader.load_rows(TheftCase.__table__, rows.cases)
    loader.load_rows(CaseParty.__table__, rows.parties)
    loader.load_rows(PropertyItem.__table__, rows.items)
    loader.load_rows(CustodyEvent.__table__, rows.custody)
    loader.load_rows(CaseTimeline.__table__, rows.timeline)
    loader.load_rows(CaseFence.__table__, rows.fences)
    _confirmed_series(loader, series_members, rows, who[1])


def _leave_uncalled(plan: list[_Plan], now: dt.datetime) -> None:
    """Recent cases solved fast whose property still waits: two owners nobody has called yet (the
    board flags them after 48 hours), three called who have not come yet."""

    def solved_fast_between(days_from: int, days_to: int) -> list[_Plan]:
        return [
            p
            for p in plan
            if not p.series
            and p.solve_h is not None
            and p.solve_h < 24
            and dt.timedelta(days=days_from) <= now - p.reported <= dt.timedelta(days=days_to)
        ]

    for p in solved_fast_between(4, 20)[-2:]:
        p.uncalled = True
    for p in solved_fast_between(21, 90)[-3:]:
        p.waiting = True


def _featured(reg: Registry, rng: Any, suspects: list[Any]) -> list[_Plan]:
    """The series the demo tells: cable in 禹洲璟阅城's basement (kept from the first demo), phones, e-bikes."""
    now = reg.now
    gang = suspects[:4]
    cable = [
        _Plan(
            now - dt.timedelta(days=9, hours=15),
            0,
            0,
            113,
            title="禹洲璟阅城地下室电缆被盗(第一起)",
            suspects=gang,
            qty=5,
            series="cable",
            fence=(SCRAP_YARD, "scrap"),
            recovered_place=SCRAP_YARD,
        ),
        _Plan(
            now - dt.timedelta(days=5, hours=14),
            0,
            0,
            14,
            title="禹洲璟阅城地下室电缆被盗(蚂蚁搬家)",
            text=(
                "夜间4名嫌疑人多次进入小区地下室剪断并盗走电缆十余捆(蚂蚁搬家)。因前一起案件已关联该团伙, "
                "民警在废品回收站守候, 嫌疑人前来销赃时被当场抓获, 电缆全部追回, 两日内通知物业前来认领。"
            ),
            suspects=gang,
            qty=12,
            series="cable",
            fence=(SCRAP_YARD, "scrap"),
            recovered_place=SCRAP_YARD,
        ),
    ]
    # Phones taken from the same estate over three weeks, found through the IMEI at a phone shop.
    estate = 1 % len(reg.communities)
    thief = [suspects[4]]
    phones = [
        _Plan(
            now - dt.timedelta(days=d, hours=h),
            1,
            estate,
            s,
            title=f"{reg.communities[estate]['name']}手机被盗(系列案{n})",
            suspects=thief,
            series="phone",
            fence=(PHONE_SHOP, "phone_shop"),
            recovered_place=PHONE_SHOP,
        )
        for n, (d, h, s) in enumerate(((62, 3, 24 * 20 + 5), (51, 20, 24 * 9 + 2), (43, 6, 21.5)), 1)
    ]
    # E-bikes from an urban village's sheds: a series proposed, not yet solved.
    village = next((i for i, c in enumerate(reg.communities) if c.get("_village")), 2 % len(reg.communities))
    bikes = [
        _Plan(
            now - dt.timedelta(days=d, hours=rng.uniform(0, 12)),
            2,
            village,
            None,
            title=f"{reg.communities[village]['name']}车棚电动车被盗",
        )
        for d in (26, 19, 12)
    ]
    return cable + phones + bikes


def _background(reg: Registry, rng: Any, gen: np.random.Generator) -> list[_Plan]:
    """Evenly spread small thefts: the last year's, and more of them the year before."""
    now = reg.now
    comm_p = reg.community_households / reg.community_households.sum()
    # The featured series (8 cases) fall in the last half-year: the year's other cases are spread
    # so that the last half-year and the same half a year earlier differ by the article's 43 %.
    n_last = max(2, reg.scale.cases - FEATURED)
    n_prior = round((n_last + 2 * FEATURED) / YOY_RATIO)
    out: list[_Plan] = []
    year = 365 * 86400
    years = ((n_last, now, LAST_YEAR_SHARES), (n_prior, now - dt.timedelta(days=365), PRIOR_YEAR_SHARES))
    for n, end, shares in years:
        bounds = np.cumsum(shares)
        start = end.timestamp() - year
        step = (year - 3 * 3600) / n
        offset = rng.random()
        kinds = gen.choice(len(KINDS), size=n, p=KIND_P / KIND_P.sum())
        comms = gen.choice(len(comm_p), size=n, p=comm_p)
        for i in range(n):
            ts = start + (i + rng.uniform(0.1, 0.9)) * step
            outcome = int(np.searchsorted(bounds, (offset + i * GOLDEN) % 1.0, side="right"))
            solve_h = (rng.uniform(1.5, 23.5), rng.uniform(26, 70), rng.uniform(80, 24 * 25), None)[outcome]
            out.append(
                _Plan(dt.datetime.fromtimestamp(ts, STATION_TZ), int(kinds[i]), int(comms[i]), solve_h)
            )
    return out


def imei(rng: Any) -> str:
    """A 15-digit IMEI with its Luhn check digit, as the product's own rule accepts it."""
    body = f"{rng.choice(('35', '86', '35', '01'))}{rng.randrange(10**12):012d}"
    return normalise_imei(body + luhn.calc_check_digit(body))


def _identifier(rng: Any, what: str | None) -> dict[str, str]:
    if what == "imei":
        return {"imei": imei(rng)}
    if what == "frame":
        return {
            "frame": normalise_serial(
                f"{rng.choice(('TDR', 'YD', 'AM', 'XDS'))}{rng.randrange(10**12):012d}", "frame", 32
            )
        }
    if what == "serial":
        return {
            "serial": normalise_serial(
                f"{rng.choice(('SF', 'YT', 'ZTO', 'PF'))}{rng.randrange(10**13):013d}", "serial", 64
            )
        }
    return {}


def _case(
    rows: _Rows,
    firsts: dict[str, int],
    reg: Registry,
    rng: Any,
    p: _Plan,
    case_no: str,
    lead: dict[str, Any],
    who: tuple[int | None, str, str],
    staff: list[Any],
) -> int:
    now = reg.now
    user, username, officer_name = who
    comm = reg.communities[p.comm]
    title_t, category, item_desc, item_cat, (vlo, vhi), (qlo, qhi), ident = KINDS[p.kind]
    reported = p.reported
    solved = reported + dt.timedelta(hours=p.solve_h) if p.solve_h is not None else None
    if solved is not None and solved > now - dt.timedelta(minutes=10):
        solved = None
    cid = firsts["theft_case"] + len(rows.cases)
    status = (
        "open"
        if solved is None
        else ("closed" if (now - solved).days > 30 and rng.random() < 0.7 else "solved")
    )

    def timeline(at: dt.datetime, kind: str, **detail: Any) -> None:
        rows.timeline.append(
            {
                "id": firsts["case_timeline"] + len(rows.timeline),
                "case_id": cid,
                "at": at,
                "kind": kind,
                "username": username,
                "actor_name": officer_name,
                "detail": json.dumps(detail, ensure_ascii=False) if detail else "",
            }
        )

    victim, claimant = _victim(reg, rng, p, staff)
    victim_id = firsts["case_party"] + len(rows.parties)
    rows.parties.append({"id": victim_id, "case_id": cid, "role": "victim", **victim, "version": 1})
    timeline(reported, "opened", case_no=case_no, category=category)
    if solved is not None:
        note = D.SUSPECT_NOTES[0] if p.series == "cable" else rng.choice(D.SUSPECT_NOTES[1:])
        for name, idn, phone in p.suspects:
            rows.parties.append(
                {
                    "id": firsts["case_party"] + len(rows.parties),
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
    if p.fence:
        rows.fences.append(
            {
                "id": firsts["case_fence"] + len(rows.fences),
                "case_id": cid,
                "name": p.fence[0],
                "kind": p.fence[1],
                "address": "集美区灌口镇",
                "added_at": reported + dt.timedelta(hours=2),
                "username": username,
            }
        )

    qty = p.qty or rng.randint(qlo, qhi)
    value = round(rng.uniform(vlo, vhi) * (qty if category == "cable" else 1), -1)
    ids = _identifier(rng, ident)
    item_id = firsts["property_item"] + len(rows.items)
    timeline(
        reported + dt.timedelta(minutes=20), "property_added", item_id=item_id, description=item_desc, **ids
    )
    keep = p.series or p.uncalled or p.waiting
    recovered = solved if solved is not None and (keep or rng.random() < 0.85) else None
    place = p.recovered_place or (SCRAP_YARD if category == "cable" else comm["name"])
    notified, returned = _claim_times(rng, p, recovered, now)
    status_item = "returned" if returned else ("recovered" if recovered else "stolen")
    rows.items.append(
        {
            "id": item_id,
            "case_id": cid,
            "description": item_desc,
            "category": item_cat,
            "quantity": qty,
            "value_yuan": float(value),
            "status": status_item,
            "serial": ids.get("serial"),
            "imei": ids.get("imei"),
            "frame": ids.get("frame"),
            "owner_party_id": victim_id,
            "recovered_at": recovered,
            "recovered_place": place if recovered else "",
            "recovered_by": lead["badge_no"] if recovered else "",
            "notified_at": notified,
            "notified_how": rng.choice(("phone", "phone", "sms")) if notified else "",
            "returned_at": returned,
            "returned_to_id_number": claimant if returned else None,
            "version": 1,
        }
    )

    def custody(at: dt.datetime, kind: str, holder: str, where: str, note: str) -> None:
        rows.custody.append(
            {
                "id": firsts["custody_event"] + len(rows.custody),
                "property_item_id": item_id,
                "kind": kind,
                "at": at,
                "user_id": user,
                "holder": holder,
                "username": username,
                "location": where,
                "note": note,
            }
        )

    custody(reported, "reported_stolen", victim["name"], comm["name"], "报案登记")
    if solved is not None:
        timeline(
            solved, "solved", solved_at=solved.isoformat(), hours_to_solve=hours_to_solve(reported, solved)
        )
    if recovered is not None:
        custody(recovered, "recovered", f"民警 {lead['name']}", place, "追回涉案财物")
        custody(recovered + dt.timedelta(hours=1.5), "stored", STORE, STORE, "入库保管")
        timeline(recovered + dt.timedelta(hours=1), "property_recovered", item_id=item_id, place=place)
    if notified is not None:
        how = rows.items[-1]["notified_how"]
        custody(notified, "notified", STORE, "", f"通知失主认领 ({how}) 嫌疑人已抓获, 财物已追回, 请来所认领")
        timeline(notified, "property_notified", item_id=item_id, how=how)
    if returned is not None:
        custody(returned, "returned", victim["name"], STATION, "发还, 已核验身份证")
        timeline(returned, "property_returned", item_id=item_id)
    rows.cases.append(
        {
            "id": cid,
            "case_no": case_no,
            "kind": "盗窃",
            "category": category if category in CATEGORIES else "other",
            "title": p.title or title_t.format(c=comm["name"]),
            "description": p.text or _case_text(comm["name"], solved is not None, recovered is not None),
            "community_id": comm["id"],
            "status": status,
            "occurred_at": reported - dt.timedelta(hours=rng.uniform(1, 30)),
            "reported_at": reported,
            "solved_at": solved,
            "victim_notified_at": notified,
            "lead_officer_id": lead["id"],
            "version": 1,
        }
    )
    return cid


def _victim(reg: Registry, rng: Any, p: _Plan, staff: list[Any]) -> tuple[dict[str, Any], str | None]:
    """The victim party, and the ID number shown when the property is claimed."""
    comm = reg.communities[p.comm]
    category = KINDS[p.kind][1]
    # The victim: for cable, the property company; otherwise a resident of the community.
    if category == "cable":
        victim = {
            "name": comm["property_manager_company"] or comm["name"] + "物业",
            "resident_id": None,
            "id_number": None,
            "phone": comm["property_manager_phone"],
            "note": "物业公司报案",
        }
        claimant = staff[p.comm % len(staff)][1]  # the property company sends one of its staff
    else:
        lo, hi = np.searchsorted(reg.res_comm, [p.comm, p.comm + 1])
        r = int(lo + rng.randrange(max(1, hi - lo))) if hi > lo else rng.randrange(len(reg.res_id))
        while reg.res_age[r] < 18 and r + 1 < len(reg.res_age):
            r += 1
        victim = {
            "name": reg.res_names[r],
            "resident_id": int(reg.res_id[r]),
            "id_number": reg.res_id_numbers[r],
            "phone": reg.res_phones[r],
            "note": "",
        }
        claimant = reg.res_id_numbers[r]
    return victim, claimant


def _claim_times(
    rng: Any, p: _Plan, recovered: dt.datetime | None, now: dt.datetime
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the owner was called and came to claim the item (None: not yet)."""
    if recovered is None or p.uncalled:  # uncalled: flagged on the unclaimed board after 48 h
        return None, None
    if not p.series and rng.random() < 0.1:
        notified = recovered + NOTIFY_WITHIN + dt.timedelta(hours=rng.uniform(2, 40))  # called late
    else:
        notified = recovered + dt.timedelta(hours=rng.uniform(1, 40))  # within two days
    if notified >= now:
        return None, None
    if p.waiting:
        return notified, None  # called, has not come yet: waits on the board
    returned = notified + dt.timedelta(hours=rng.uniform(4, 60))
    return notified, (returned if returned < now else None)


def _case_text(place: str, solved: bool, recovered: bool) -> str:
    base = f"{place}发生盗窃案件, 群众报警。"
    if not solved:
        return base + "正在侦查中。"
    return base + (
        "经侦查破案, 涉案财物已追回, 已通知失主认领。" if recovered else "经侦查破案, 赃物已被挥霍。"
    )


def _found_items(
    rows: _Rows, firsts: dict[str, int], reg: Registry, rng: Any, who: tuple[Any, str, str]
) -> None:
    """Items handed in or found abandoned that match no case: they wait on the unclaimed board."""
    now = reg.now
    found = (
        ("电动自行车(弃置)", "电动车", "frame", 21, "灌口镇田头村路边"),
        ("智能手机(群众拾获上交)", "手机", "imei", 6, "灌口派出所接待大厅"),
        ("山地自行车", "自行车", "frame", 2, "集美大道公交站"),
    )
    for desc, cat, ident, days, where in found:
        item_id = firsts["property_item"] + len(rows.items)
        at = now - dt.timedelta(days=days, hours=rng.uniform(1, 10))
        ids = _identifier(rng, ident)
        rows.items.append(
            {
                "id": item_id,
                "case_id": None,
                "description": desc,
                "category": cat,
                "quantity": 1,
                "value_yuan": None,
                "status": "recovered",
                "serial": None,
                "imei": ids.get("imei"),
                "frame": ids.get("frame"),
                "owner_party_id": None,
                "recovered_at": at,
                "recovered_place": where,
                "recovered_by": "",
                "notified_at": None,
                "notified_how": "",
                "returned_at": None,
                "returned_to_id_number": None,
                "version": 1,
            }
        )
        rows.custody.append(
            {
                "id": firsts["custody_event"] + len(rows.custody),
                "property_item_id": item_id,
                "kind": "found",
                "at": at,
                "user_id": who[0],
                "holder": STORE,
                "username": who[1],
                "location": where,
                "note": "无主/未匹配物品入登记",
            }
        )


def _confirmed_series(loader: BulkLoader, members: dict[str, list[int]], rows: _Rows, username: str) -> None:
    """The cable and phone series, confirmed by the investigator; the e-bikes stay a proposal."""
    first = loader.first_id(CaseSeries.__table__)
    labels = {"cable": "禹洲璟阅城地下室电缆系列盗窃案", "phone": "手机系列盗窃案"}
    by_id = {c["id"]: c for c in rows.cases}
    series: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for n, (key, label) in enumerate(labels.items()):
        cases = members.get(key, [])
        if len(cases) < 2:
            continue
        at = max(by_id[c]["reported_at"] for c in cases) + dt.timedelta(hours=3)
        sid = first + n
        series.append({"id": sid, "label": label, "created_at": at, "created_by": username, "version": 1})
        links.extend({"case_id": c, "series_id": sid, "added_at": at, "added_by": username} for c in cases)
    loader.load_rows(CaseSeries.__table__, series)
    loader.load_rows(CaseSeriesMember.__table__, links)
