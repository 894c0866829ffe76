"""Demo district: the alerts of a year (watchlist hits, fraud risks, citizen reports) in every
status, with the lifecycle timestamps a duty room leaves behind, and the events that raised them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from console.demo import data as D
from console.demo.bulk import CST
from console.demo.world import Activity, Registry, Watch
from console.services.alerts import SEVERITY_RANK, Facts, Matched, alert_severity, alert_summary, group_key
from console.services.dispatch import ALERT_OUTCOME

OUTCOMES = {  # kind -> (outcome, weight)
    "plate_read": (("confirmed", 50), ("misread", 20), ("false_alarm", 15), ("handled_by_others", 15)),
    "person_entry": (("confirmed", 60), ("false_alarm", 25), ("handled_by_others", 15)),
    "fraud_risk": (("confirmed", 80), ("false_alarm", 20)),
    "report": (("confirmed", 85), ("false_alarm", 10), ("handled_by_others", 5)),
}
NOTES = {
    ("plate_read", "confirmed"): "民警到场核查, 车主带回所里配合调查",
    ("plate_read", "misread"): "车牌识别有误, 非布控车辆",
    ("person_entry", "confirmed"): "已电话通知物业关注, 社区民警跟进",
    ("fraud_risk", "confirmed"): "已劝阻, 受害人未转账",
    ("report", "confirmed"): "民警到场处置完毕",
    ("report", "handled_by_others"): "已移交社区调解",
}


CALL_NOTES = {
    "reached": "已联系上本人, 告知为诈骗",
    "no_answer": "无人接听",
    "refused": "本人拒绝配合, 坚持转账",
}


def _choose(rng: Any, options: tuple[tuple[str, int], ...]) -> str:
    return str(rng.choices([o for o, _ in options], weights=[w for _, w in options])[0])


def _active_at(w: Watch, at: dt.datetime) -> bool:
    return w.active and w.created <= at and (w.expires is None or at < w.expires)


def plan_alerts(
    reg: Registry, act: Activity, rng: Any, gen: np.random.Generator
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Alerts (sorted by time, each with its events) and the events that raised them."""
    now = reg.now
    scale = reg.scale
    smart = sorted(reg.devices)
    n_open = scale.recent_new
    n_ack = max(3, n_open // 2)
    plan: list[tuple[dt.datetime, str]] = []
    order = ("plate_read", "fraud_risk", "person_entry", "report")
    for i in range(n_open):  # raised in the last hour, nobody has looked yet
        plan.append((now - dt.timedelta(minutes=rng.uniform(0.5, 58)), order[i % 4] + ":new"))
    for i in range(n_ack * 2):  # the last few hours: being looked at, or officers on the way
        status = "acknowledged" if i < n_ack else "dispatched"
        plan.append((now - dt.timedelta(hours=rng.uniform(1.1, 5.5)), order[(i + 1) % 4] + ":" + status))
    n_rest = max(0, scale.alerts - len(plan))
    ts = int(now.timestamp()) - gen.integers(6 * 3600, 365 * 86400, n_rest)
    kinds = gen.choice(4, size=n_rest, p=[0.25, 0.2, 0.3, 0.25])
    for t, k in zip(ts.tolist(), kinds.tolist(), strict=True):
        plan.append((dt.datetime.fromtimestamp(t, CST), order[k] + ":resolved"))
    people = [w for w in act.watches if w.kind == "person"]
    cars = [w for w in act.watches if w.kind == "vehicle"]
    used_recent: set[int] = set()
    alerts: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for at, what in sorted(plan, key=lambda p: p[0]):
        kind, status = what.split(":")
        watch = None
        if kind in ("plate_read", "person_entry"):
            pool = cars if kind == "plate_read" else people
            candidates = [
                w
                for w in rng.sample(pool, min(len(pool), 12))
                if _active_at(w, at) and (status == "resolved" or w.id not in used_recent)
            ]
            if not candidates:
                kind = "fraud_risk"
            else:
                watch = candidates[0]
                if status != "resolved":
                    used_recent.add(watch.id)
        comm = rng.choice(smart) if smart else rng.randrange(len(reg.communities))
        mine = _alert_events(reg, act, rng, kind, at, comm, watch, status)
        alert = _alert_row(reg, rng, kind, status, comm, watch, mine)
        for e in mine:
            e["_alert"] = len(alerts)
        alerts.append(alert)
        events.extend(mine)
    return alerts, events


def _alert_events(
    reg: Registry,
    act: Activity,
    rng: Any,
    kind: str,
    at: dt.datetime,
    comm: int,
    watch: Watch | None,
    status: str,
) -> list[dict[str, Any]]:
    code = reg.communities[comm]["code"]
    devices = reg.devices.get(comm, [])
    cams: list[str | None] = [d for d, k in devices if k == "plate-camera"] or [None]
    doors: list[str | None] = [d for d, k in devices if k == "access-control"] or [None]
    if kind in ("plate_read", "person_entry"):
        if watch is None:
            raise ValueError(f"a {kind} event needs the watchlist entry it matches")
        count = (
            1 if status == "new" and rng.random() < 0.5 else _choose(rng, (("1", 75), ("2", 18), ("3", 7)))
        )
        out = []
        t = at.replace(microsecond=0)
        for _ in range(int(count)):
            if kind == "plate_read":
                body = {
                    "community": code,
                    "device": rng.choice(cams),
                    "plate": watch.key,
                    "direction": rng.choice(("in", "in", "out")),
                    "confidence": round(rng.uniform(0.86, 0.99), 2),
                }
                cols = {"plate": watch.key}
            else:
                body = {
                    "community": code,
                    "device": rng.choice(doors),
                    "id_number": watch.key,
                    "name": watch.name,
                    "confidence": round(rng.uniform(0.9, 0.995), 3),
                }
                cols = {"id_number": watch.key}
            out.append({"_kind": kind, "_at": t, "_comm": comm, "_body": body, **cols})
            t = t + dt.timedelta(seconds=rng.randint(40, 280))
        return out
    if kind == "fraud_risk":
        lo, hi = np.searchsorted(reg.res_comm, [comm, comm + 1])
        r = int(lo + rng.randrange(max(1, hi - lo)))
        while reg.res_age[r] < 18 and r + 1 < hi:
            r += 1
        level = _choose(rng, (("high", 25), ("medium", 40), ("low", 35)))
        scheme = rng.choice(D.FRAUD_SCHEMES)
        amount = {
            "high": rng.randrange(50_000, 800_000, 1000),
            "medium": rng.randrange(5_000, 100_000, 500),
            "low": rng.randrange(500, 20_000, 100),
        }[level]
        body = {
            "level": level,
            "scheme": scheme[0],
            "bank": rng.choice(D.BANKS),
            "amount": float(amount),
            "community": code,
        }
        phone, idn = reg.res_phones[r], reg.res_id_numbers[r]
        who: dict[str, Any] = {"id_number": idn}
        body["id_number"] = idn
        if phone:
            body["phone"] = phone
            who["phone"] = phone
        return [{"_kind": kind, "_at": at.replace(microsecond=0), "_comm": comm, "_body": body, **who}]
    category, text = rng.choice(D.REPORTS)
    lo, hi = np.searchsorted(reg.res_comm, [comm, comm + 1])
    phone = reg.res_phones[int(lo + rng.randrange(max(1, hi - lo)))] or D.mobile(rng)
    body = {"text": text, "category": category, "reporter_phone": phone, "community": code}
    return [
        {"_kind": "report", "_at": at.replace(microsecond=0), "_comm": comm, "_body": body, "phone": phone}
    ]


def _facts(kind: str, first: dict[str, Any]) -> Facts:
    """The first event's facts, as the alert rules read a parsed event."""
    body = first["_body"]
    return Facts(
        kind,
        plate=body.get("plate"),
        id_number=body.get("id_number"),
        phone=body.get("phone"),
        name=body.get("name"),
        level=body.get("level"),
        category=body.get("category"),
        text=body.get("text"),
        direction=body.get("direction"),
        amount=body.get("amount"),
        scheme=body.get("scheme"),
        bank=body.get("bank"),
    )


def _alert_row(
    reg: Registry,
    rng: Any,
    kind: str,
    status: str,
    comm: int,
    watch: Watch | None,
    events: list[dict[str, Any]],
) -> dict[str, Any]:
    first, last = events[0], events[-1]
    for e in events:
        e["_received"] = e["_at"] + dt.timedelta(seconds=rng.uniform(0.3, 2.5))
    raised = first["_received"]
    # The station's own rules (as ingest applies them to live events): demo data cannot drift.
    matched = Matched(watch.id, watch.severity, watch.name, watch.reason, watch.case_no) if watch else None
    facts = _facts(kind, first)
    severity = alert_severity(facts, matched)
    community_id = reg.communities[comm]["id"]
    duty = reg.users_with("值班民警")
    row: dict[str, Any] = {
        "kind": kind,
        "severity": severity,
        "severity_rank": SEVERITY_RANK[severity],
        "status": status,
        "community_id": community_id,
        "watchlist_entry_id": watch.id if watch else None,
        "group_key": group_key(matched, community_id),
        "summary": alert_summary(facts, reg.communities[comm]["name"], matched),
        "count": len(events),
        "first_event_at": first["_at"],
        "last_event_at": last["_at"],
        "raised_at": raised,
        "updated_at": raised,
        "acknowledged_at": None,
        "acknowledged_by": None,
        "dispatched_at": None,
        "dispatched_by": None,
        "resolved_at": None,
        "resolved_by": None,
        "escalated_at": None,
        "outcome": None,
        "read_correct": None,
        "fraud_amount_saved": None,
        "resolution_note": "",
        "version": 1,
        "_comm": comm,
        "_dispatch": None,
        "_intervention": None,
    }
    if status == "new":
        return row
    slow = rng.random() < 0.15
    ack = raised + dt.timedelta(seconds=rng.uniform(65, 400) if slow else rng.uniform(8, 55))
    user = rng.choice(duty)
    row.update(
        acknowledged_at=ack,
        acknowledged_by=user,
        updated_at=ack,
        version=2,
        escalated_at=raised + dt.timedelta(seconds=60) if slow else None,
    )
    if status == "acknowledged":
        if kind == "fraud_risk":
            row["_intervention"] = _card(rng, row, None, first["_body"]["level"])
        return row
    outcome = "confirmed" if status == "dispatched" else _choose(rng, OUTCOMES[kind])
    needs_dispatch = status == "dispatched" or (
        outcome == "confirmed"
        and (
            kind in ("plate_read", "report")
            or (kind == "person_entry" and rng.random() < 0.3)
            or (kind == "fraud_risk" and first["_body"]["level"] == "high")
        )
    )
    t = ack
    if needs_dispatch:
        t = ack + dt.timedelta(seconds=rng.uniform(15, 120))
        row.update(dispatched_at=t, dispatched_by=user, updated_at=t, version=3, _dispatch=t)
    if status == "dispatched":
        if kind == "fraud_risk":
            row["_intervention"] = _card(rng, row, None, first["_body"]["level"])
        return row
    done = t + dt.timedelta(minutes=rng.uniform(12, 70) if needs_dispatch else rng.uniform(2, 30))
    note = NOTES.get(
        (kind, outcome),
        {"false_alarm": "核查无异常", "handled_by_others": "已由其他单位处置"}.get(outcome, "已处置"),
    )
    row.update(
        status="resolved",
        resolved_at=done,
        resolved_by=user,
        updated_at=done,
        outcome=outcome,
        resolution_note=note,
        version=row["version"] + 1,
    )
    if kind == "plate_read":
        row["read_correct"] = outcome != "misread"
    if kind == "fraud_risk":
        _fraud_outcome(rng, row, first["_body"])
    return row


def _fraud_outcome(rng: Any, row: dict[str, Any], body: dict[str, Any]) -> None:
    """The anti-fraud card behind a resolved fraud warning: calls, outcome, money saved.

    The alert's outcome follows the intervention's as the product maps it when a card is closed
    (console.services.dispatch: stopped / transferred / unreachable -> confirmed, not_fraud ->
    false_alarm).
    """
    if row["outcome"] == "false_alarm":
        outcome = "not_fraud"
    else:
        outcome = _choose(rng, (("stopped", 70), ("transferred", 15), ("unreachable", 15)))
    row["outcome"] = ALERT_OUTCOME[outcome]
    level = body["level"]
    how = {"high": "紧急止付", "medium": "电话劝阻", "low": "短信提醒"}[level]
    saved = round(body["amount"] * rng.uniform(0.6, 1.0), -2) if outcome == "stopped" else None
    row["fraud_amount_saved"] = saved
    row["resolution_note"] = {
        "stopped": f"{how}成功, 挽回损失 ¥{saved or 0:,.0f}",
        "transferred": "劝阻未果, 受害人已转账, 已移交反诈中心",
        "unreachable": "多次联系未果, 已通报社区民警",
        "not_fraud": "核实为正常交易, 非诈骗",
    }[outcome]
    card = _card(rng, row, outcome, level)
    card.update(outcome=outcome, saved=saved, closed_at=row["resolved_at"], closed_by=row["resolved_by"])
    row["_intervention"] = card


def _card(rng: Any, row: dict[str, Any], outcome: str | None, level: str) -> dict[str, Any]:
    """An opened anti-fraud card: call attempts from the acknowledgement on."""
    opened = row["acknowledged_at"]
    results = {
        "stopped": ("reached",),
        "not_fraud": ("reached",),
        "transferred": ("refused",),
        "unreachable": ("no_answer", "no_answer"),
        None: ("no_answer",),
    }[outcome]
    misses = (
        rng.choice((0, 0, 1, 2)) if outcome in ("stopped", "transferred", "not_fraud") else rng.randint(1, 2)
    )
    sequence = ("no_answer",) * misses + results
    # Calls a minute or two apart, all of them before the card was closed.
    window = (row["resolved_at"] - opened).total_seconds() if row["resolved_at"] else 180.0 * len(sequence)
    gap = min(180.0, window / (len(sequence) + 1))
    calls, at = [], opened
    for result in sequence:
        at = at + dt.timedelta(seconds=gap * rng.uniform(0.5, 1.0))
        calls.append((result, at, CALL_NOTES[result]))
    stop = at + dt.timedelta(seconds=30) if level == "high" and outcome in ("stopped", None) else None
    if stop is not None and row["resolved_at"] is not None and stop >= row["resolved_at"]:
        stop = None
    return {
        "opened_at": opened,
        "opened_by": row["acknowledged_by"],
        "calls": calls,
        "stop_payment_requested_at": stop,
        "outcome": None,
        "saved": None,
        "closed_at": None,
        "closed_by": None,
    }


# ------------------------------------------------------------------------- requests and dispatches
