"""Demo district, part three: a year of events, the alerts they raised in every status,
dispatches with their officers, and residents' service requests."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import numpy as np

from console.demo import data as D
from console.demo.alerts import plan_alerts
from console.demo.bulk import CST, BulkLoader, rng_pair, spread_times
from console.demo.world import Activity, Registry, shift_at
from console.models import (
    Alert,
    Dispatch,
    Event,
    FraudIntervention,
    InterventionCall,
    ServiceRequest,
    dispatch_alert,
    dispatch_officer,
)
from console.services.dispatch import BUSY_STATUSES, DEFAULT_RESPONSE_TARGET_S

SOURCES = {
    "plate_read": ("gate-camera", "GC"),
    "person_entry": ("access-control", "AC"),
    "fraud_risk": ("anti-fraud", "AF"),
    "report": ("citizen-report", "CR"),
}
# Gate traffic by hour of day (Beijing time): morning and evening peaks, quiet after midnight.
CLEARED = ("到场处置完毕", "已带回所里调查", "已调解", "已移交相关部门", "核查无异常")
HOUR_WEIGHTS = np.array([2, 1, 0.6, 0.5, 0.5, 1, 3, 7, 9, 6, 5, 5, 6, 5, 5, 5, 6, 8, 9, 8, 6, 5, 4, 3], float)


def build_events(loader: BulkLoader, reg: Registry, act: Activity) -> None:

    rng, gen = rng_pair(reg.seed, 30)
    alerts, alert_events = plan_alerts(reg, act, rng, gen)
    alert_first = loader.first_id(Alert.__table__)
    for i, a in enumerate(alerts):
        a["id"] = alert_first + i
    requests = _service_requests(loader, reg, *rng_pair(reg.seed, 31))
    dispatches, crew = _dispatches(loader, reg, act, alerts, requests, *rng_pair(reg.seed, 32))
    rows = [{k: v for k, v in a.items() if not k.startswith("_")} for a in alerts]
    loader.load_rows(Alert.__table__, rows, rebuild_indexes=True)
    _load_events(loader, reg, act, alerts, alert_events, gen)
    loader.load_rows(Dispatch.__table__, dispatches)
    loader.load_rows(dispatch_officer, crew)
    loader.load_rows(
        dispatch_alert,
        [
            {"dispatch_id": d["id"], "alert_id": d["alert_id"]}
            for d in dispatches
            if d["alert_id"] is not None
        ],
    )
    _interventions(loader, alerts)


def _service_requests(
    loader: BulkLoader, reg: Registry, rng: Any, gen: np.random.Generator
) -> list[dict[str, Any]]:
    now = reg.now
    first = loader.first_id(ServiceRequest.__table__)
    rows = []
    n = reg.scale.service_requests
    ts = np.sort(int(now.timestamp()) - gen.integers(1800, 365 * 86400, n))
    for i, t in enumerate(ts.tolist()):
        kind, text = rng.choice(D.SERVICE_REQUESTS)
        comm = rng.randrange(len(reg.communities))
        lo, hi = np.searchsorted(reg.res_comm, [comm, comm + 1])
        r = int(lo + rng.randrange(max(1, hi - lo)))
        created = dt.datetime.fromtimestamp(t, CST)
        closed = created + dt.timedelta(hours=rng.uniform(0.5, 30))
        is_open = i >= n - 2 or closed > now
        rows.append(
            {
                "id": first + i,
                "kind": kind,
                "community_id": reg.communities[comm]["id"],
                "reporter_name": reg.res_names[r],
                "reporter_phone": reg.res_phones[r] or D.mobile(rng),
                "text": text,
                "status": "open" if is_open else "closed",
                "created_at": created,
                "closed_at": None if is_open else closed,
                "version": 1,
                "_comm": comm,
            }
        )
    loader.load_rows(ServiceRequest.__table__, [{k: v for k, v in r.items() if k != "_comm"} for r in rows])
    return rows


def _dispatches(
    loader: BulkLoader,
    reg: Registry,
    act: Activity,
    alerts: list[dict[str, Any]],
    requests: list[dict[str, Any]],
    rng: Any,
    gen: np.random.Generator,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A year of dispatches with their response clocks; crews come from the shift on duty."""
    first = loader.first_id(Dispatch.__table__)
    busy = [o["id"] for o in reg.officers if o["status"] in BUSY_STATUSES]
    field_roles = ("值班民警", "办案队", "社区民警")
    crews = {
        shift: [o["id"] for o in reg.officers_with(*field_roles) if o.get("_shift", "day") == shift]
        for shift in ("day", "night")
    }
    duty = reg.users_with("值班民警")
    rows: list[dict[str, Any]] = []
    crew: list[dict[str, Any]] = []

    def add(
        at: dt.datetime,
        by: int | None,
        comm: int,
        note: str,
        open_: bool = False,
        received: dt.datetime | None = None,
        acknowledged: dt.datetime | None = None,
        **link: Any,
    ) -> None:
        did = first + len(rows)
        arrived = _arrival(rng, received or at, at)
        on_scene = open_ and arrived < reg.now and rng.random() < 0.5
        status = "closed" if not open_ else ("on_scene" if on_scene else "en_route")
        rows.append(
            {
                "id": did,
                "alert_id": None,
                "case_id": None,
                "service_request_id": None,
                "community_id": reg.communities[comm]["id"],
                "status": status,
                "received_at": received,
                "acknowledged_at": acknowledged,
                "dispatched_at": at,
                "dispatched_by": by,
                "arrived_at": arrived if (not open_ or on_scene) else None,
                "closed_at": None if open_ else arrived + dt.timedelta(minutes=rng.uniform(8, 60)),
                "note": note,
                "outcome": "" if open_ else rng.choice(CLEARED),
                "version": 1,
                **link,
            }
        )
        pool = busy if open_ and busy else (crews[shift_at(at)] or crews["day"])
        for officer in rng.sample(pool, min(len(pool), rng.choice((1, 2, 2, 3)))):
            crew.append({"dispatch_id": did, "officer_id": officer})

    for a in alerts:
        if a["_dispatch"] is not None:
            add(
                a["_dispatch"],
                a["dispatched_by"],
                a["_comm"],
                "接警派警",
                a["status"] == "dispatched",
                received=a["raised_at"],
                acknowledged=a["acknowledged_at"],
                alert_id=a["id"],
            )
    for c in act.cases:
        if c["solved"] is not None and (c["suspects"] and (len(c["suspects"]) == 4 or rng.random() < 0.3)):
            at = c["solved"] - dt.timedelta(hours=rng.uniform(1, 3))
            note = "废品回收站守候, 嫌疑人销赃时抓获" if len(c["suspects"]) == 4 else "现场勘查, 调取监控"
            add(at, rng.choice(duty), c["community"], note, case_id=c["id"])
    for r in requests:
        if r["kind"] in ("lost-pet", "other") or rng.random() < 0.25:
            add(
                r["created_at"] + dt.timedelta(minutes=rng.uniform(3, 20)),
                rng.choice(duty),
                r["_comm"],
                "协助群众",
                r["status"] == "open",
                received=r["created_at"],
                service_request_id=r["id"],
            )
    rows.sort(key=lambda d: (d["dispatched_at"], d["id"]))
    remap = {d["id"]: first + i for i, d in enumerate(rows)}
    for d in rows:
        d["id"] = remap[d["id"]]
    for c in crew:
        c["dispatch_id"] = remap[c["dispatch_id"]]
    return rows, crew


def _arrival(rng: Any, received: dt.datetime, dispatched: dt.datetime) -> dt.datetime:
    """At the door: most within the station's response target from the warning, about one in ten not."""
    elapsed = (dispatched - received).total_seconds()
    target = DEFAULT_RESPONSE_TARGET_S
    if rng.random() < 0.9 and elapsed < target - 120:
        response = rng.uniform(elapsed + 90, target - 10)  # travel of at least a minute and a half
    else:
        response = max(elapsed + 120, rng.uniform(target + 30, 2 * target))
    return received + dt.timedelta(seconds=response)


def _interventions(loader: BulkLoader, alerts: list[dict[str, Any]]) -> None:
    """The anti-fraud cards of fraud warnings, with their call attempts."""
    first = loader.first_id(FraudIntervention.__table__)
    cards: list[dict[str, Any]] = []
    calls: list[dict[str, Any]] = []
    call_first = loader.first_id(InterventionCall.__table__)
    for a in alerts:
        card = a["_intervention"]
        if card is None:
            continue
        cid = first + len(cards)
        cards.append(
            {"id": cid, "alert_id": a["id"], "version": 1, **{k: v for k, v in card.items() if k != "calls"}}
        )
        for result, at, note in card["calls"]:
            calls.append(
                {
                    "id": call_first + len(calls),
                    "intervention_id": cid,
                    "result": result,
                    "note": note,
                    "at": at,
                    "called_by": card["opened_by"],
                }
            )
    loader.load_rows(FraudIntervention.__table__, cards)
    loader.load_rows(InterventionCall.__table__, calls)


# ------------------------------------------------------------------------------------------ events


def _load_events(
    loader: BulkLoader,
    reg: Registry,
    act: Activity,
    alerts: list[dict[str, Any]],
    alert_events: list[dict[str, Any]],
    gen: np.random.Generator,
) -> None:
    """Alert events plus background sightings (no watchlist hit), in time order, one id sequence."""
    now = reg.now
    smart = np.array(sorted(reg.devices), dtype=np.int64)
    n_bg = max(0, reg.scale.events - len(alert_events)) if len(smart) else 0
    bg_ts = gen.integers(0, 1, n_bg)
    if n_bg:
        bg_ts = spread_times(gen, n_bg, now - dt.timedelta(seconds=30), 365, HOUR_WEIGHTS)
    weights = reg.community_households[smart].astype(float)
    comm = smart[gen.choice(len(smart), size=n_bg, p=weights / weights.sum())] if n_bg else bg_ts
    is_plate = gen.random(n_bg) < 0.66
    u1, u2, u3 = gen.random(n_bg), gen.random(n_bg), gen.random(n_bg)
    # Plates: mostly the community's own residents' cars, the rest visitors.
    ps = np.searchsorted(reg.plate_comm, comm)
    pe = np.searchsorted(reg.plate_comm, comm + 1)
    own_plate = (u1 < 0.72) & (pe > ps)
    plate_idx = np.where(
        own_plate,
        ps + (u2 * (pe - ps)).astype(np.int64),
        -1 - (u2 * len(reg.visitor_plates)).astype(np.int64),
    )
    # People: mostly the community's residents; never someone on a person watchlist.
    n_res = len(reg.res_id)
    rs = np.searchsorted(reg.res_comm, comm)
    re_ = np.searchsorted(reg.res_comm, comm + 1)
    person = np.where(u1 < 0.85, rs + (u2 * (re_ - rs)).astype(np.int64), (u2 * n_res).astype(np.int64))
    person = np.minimum(person, n_res - 1)
    watched = np.zeros(n_res, dtype=bool)
    watched[list(act.watched_residents)] = True
    for _ in range(10):
        hit = watched[person]
        if not hit.any():
            break
        person[hit] = (person[hit] + 1) % n_res
    dev_u = u3
    direction = gen.random(n_bg) < 0.55
    conf = gen.integers(80, 100, n_bg)
    with_name = gen.random(n_bg) < 0.6
    delay = gen.integers(0, 4, n_bg)

    all_ts = np.concatenate([bg_ts.astype(float), np.array([e["_at"].timestamp() for e in alert_events])])
    order = np.argsort(all_ts, kind="stable")
    total = len(order)
    first = loader.first_id(Event.__table__)
    codes = [c["code"] for c in reg.communities]
    comm_ids = [c["id"] for c in reg.communities]
    cams = {c: [d for d, k in reg.devices[c] if k == "plate-camera"] for c in reg.devices}
    doors = {c: [d for d, k in reg.devices[c] if k == "access-control"] for c in reg.devices}
    confs = [f"0.{i}" for i in range(100)]
    delays = [s + 0.4 for s in range(4)]
    # The wire "at" is Beijing time with its offset, as gate systems send it.
    local = np.datetime_as_string((bg_ts + 8 * 3600).astype("datetime64[s]"), unit="s").tolist()
    alert_id = [a["id"] for a in alerts]
    plates, visitors = reg.plates, reg.visitor_plates
    ids, names = reg.res_id_numbers, reg.res_names
    comm_l, plate_l, person_l = comm.tolist(), plate_idx.tolist(), person.tolist()
    is_plate_l, dev_l, dir_l = is_plate.tolist(), dev_u.tolist(), direction.tolist()
    conf_l, name_l, delay_l, ts_l = conf.tolist(), with_name.tolist(), delay.tolist(), bg_ts.tolist()

    def background(i: int, eid: int) -> tuple[Any, ...]:
        c = comm_l[i]
        at = ts_l[i]
        iso = local[i] + "+08:00"
        code = codes[c]
        if is_plate_l[i]:
            p = plate_l[i]
            plate = plates[p] if p >= 0 else visitors[-1 - p]
            dev_list = cams[c]
            dev = dev_list[int(dev_l[i] * len(dev_list))]
            ext = f"GC{eid:010d}"
            payload = (
                f'{{"source": "gate-camera", "external_id": "{ext}", "kind": "plate_read", "at": "{iso}", '
                f'"community": "{code}", "device": "{dev}", "plate": "{plate}", '
                f'"direction": "{"in" if dir_l[i] else "out"}", "confidence": {confs[conf_l[i]]}}}'
            )
            return (
                eid,
                "gate-camera",
                ext,
                "plate_read",
                at,
                at + delays[delay_l[i]],
                comm_ids[c],
                dev,
                plate,
                None,
                None,
                None,
                payload,
            )
        r = person_l[i]
        idn = ids[r]
        dev_list = doors[c]
        dev = dev_list[int(dev_l[i] * len(dev_list))]
        ext = f"AC{eid:010d}"
        name = f', "name": "{names[r]}"' if name_l[i] else ""
        payload = (
            f'{{"source": "access-control", "external_id": "{ext}", "kind": "person_entry", "at": "{iso}", '
            f'"community": "{code}", "device": "{dev}", "id_number": "{idn}"{name}, '
            f'"confidence": {confs[conf_l[i]]}}}'
        )
        return (
            eid,
            "access-control",
            ext,
            "person_entry",
            at,
            at + delays[delay_l[i]],
            comm_ids[c],
            dev,
            None,
            idn,
            None,
            None,
            payload,
        )

    def raised(e: dict[str, Any], eid: int) -> tuple[Any, ...]:
        source, prefix = SOURCES[e["_kind"]]
        ext = f"{prefix}{eid:010d}"
        at: dt.datetime = e["_at"]
        wire = {
            "source": source,
            "external_id": ext,
            "kind": e["_kind"],
            "at": at.isoformat(timespec="seconds"),
            **e["_body"],
        }
        return (
            eid,
            source,
            ext,
            e["_kind"],
            at.timestamp(),
            e["_received"].timestamp(),
            comm_ids[e["_comm"]],
            e["_body"].get("device"),
            e.get("plate"),
            e.get("id_number"),
            e.get("phone"),
            alert_id[e["_alert"]],
            json.dumps(wire, ensure_ascii=False),
        )

    def chunks() -> Any:
        for s in range(0, total, 50_000):
            idx = order[s : s + 50_000].tolist()
            yield [
                background(i, first + s + k) if i < n_bg else raised(alert_events[i - n_bg], first + s + k)
                for k, i in enumerate(idx)
            ]

    columns = (
        "id",
        "source",
        "external_id",
        "kind",
        "at",
        "received_at",
        "community_id",
        "device",
        "plate",
        "id_number",
        "phone",
        "alert_id",
        "payload",
    )
    loader.load(
        Event.__table__, columns, chunks(), total, rebuild_indexes=True, epoch_columns=("at", "received_at")
    )
