"""The alert feed service: paging, filters, the triage lifecycle, escalation, masking."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import ConflictError, PermissionDenied, UserError, ValidationError
from console.models import Alert, AuditLog, Device
from console.security import Actor
from console.services.alerts import AlertService, EscalationJob, FeedFilter
from tests.services.alerts.conftest import ID_NUMBER, District


def _all_pages(alerts: AlertService, actor: Actor, f: FeedFilter, limit: int) -> list[int]:
    seen: list[int] = []
    after = None
    while True:
        page = alerts.feed_page(actor, f, after, limit)
        seen += [r.id for r in page]
        if len(page) < limit:
            return seen
        after = page[-1].cursor


def test_paging_walks_every_alert_once_newest_first_even_while_new_ones_arrive(
    district: District, alerts: AlertService, duty_officer: Actor
) -> None:
    ids = [
        district.alert(severity=("critical", "high", "medium", "low")[i % 4], community=i % 3)
        for i in range(230)
    ]
    first = alerts.feed_page(duty_officer, FeedFilter(), None, 100)
    assert [r.id for r in first] == sorted(ids, reverse=True)[:100]
    district.alert(summary="翻页时新来的预警")  # arrives above the cursor: must not shift the pages
    rest = alerts.feed_page(duty_officer, FeedFilter(), first[-1].cursor, 100)
    rest += alerts.feed_page(duty_officer, FeedFilter(), rest[-1].cursor, 100)
    assert [r.id for r in first + rest] == sorted(ids, reverse=True)
    assert first[0].community_name == "双岭花园"  # the 230th alert went to community 229 % 3 == 1


def test_an_escalated_unacknowledged_alert_is_pinned_on_top(
    district: District, alerts: AlertService, duty_officer: Actor, clock: FixedClock
) -> None:
    old = district.alert(severity="critical", kind="fraud_risk", age_s=90, summary="反诈预警 高")
    newer = [district.alert(severity="low") for _ in range(5)]
    assert EscalationJob(alerts._sessions, clock).run_once(clock.now()) == [old]
    page = alerts.feed_page(duty_officer, FeedFilter(), None, 3)
    assert [r.id for r in page] == [old, newer[-1], newer[-2]]
    assert page[0].pinned and not page[1].pinned
    assert _all_pages(alerts, duty_officer, FeedFilter(), 2) == [old, *reversed(newer)]
    alerts.acknowledge(duty_officer, old)
    assert [r.id for r in alerts.feed_page(duty_officer, FeedFilter(), None, 10)][
        -1
    ] == old  # back in its place


def test_filters_by_severity_kind_community_status_and_text_are_applied_in_the_query(
    district: District, alerts: AlertService, duty_officer: Actor
) -> None:
    car = district.alert(
        severity="high",
        kind="plate_read",
        community=1,
        entry=district.car,
        plate="闽D12345",
        summary="布控车辆 闽D12345 驶入 双岭花园",
    )
    person = district.alert(
        severity="medium",
        kind="person_entry",
        community=2,
        entry=district.person,
        id_number=ID_NUMBER,
        summary="重点人员 陈某 350211********1236 进入 铁山新村",
    )
    fraud = district.alert(
        severity="critical",
        kind="fraud_risk",
        community=0,
        status="acknowledged",
        summary="反诈预警(高) 138****0001 杀猪盘",
    )
    lost = district.alert(
        severity="low", kind="report", community=0, status="resolved", summary="群众求助[宠物走失] 橘猫"
    )

    def ids(**kw: Any) -> list[int]:
        return _all_pages(alerts, duty_officer, FeedFilter(**kw), 2)

    assert ids(severities=frozenset({"critical", "high"})) == [fraud, car]
    assert ids(kinds=frozenset({"person_entry"})) == [person]
    assert ids(community_ids=frozenset({district.communities[0]})) == [lost, fraud]
    assert ids(statuses=frozenset({"new", "acknowledged"})) == [fraud, person, car]
    assert ids(statuses=frozenset({"new"}), community_ids=frozenset({district.communities[1]})) == [car]
    assert ids(text="闽d 123") == [car]  # a plate typed loosely
    assert ids(text="350211199003") == [person]  # ID number prefix, found through the watchlist
    assert ids(text="杀猪盘") == [fraud]
    assert ids(text="橘猫", statuses=frozenset({"new"})) == []
    assert ids(text="100%_") == []  # wildcards are taken literally
    live = alerts.alerts_by_ids(
        duty_officer, [car, person, fraud], FeedFilter(kinds=frozenset({"plate_read"}))
    )
    assert [r.id for r in live] == [car]
    assert live[0].matched == "闽D12345"
    (row,) = alerts.alerts_by_ids(duty_officer, [person])
    assert row.matched == "陈某 350211********1236"
    with pytest.raises(ValidationError, match="severity"):
        alerts.feed_page(duty_officer, FeedFilter(severities=frozenset({"urgent"})))


def test_lifecycle_stamps_server_time_and_user_and_writes_the_audit_log(
    district: District,
    alerts: AlertService,
    duty_officer: Actor,
    clock: FixedClock,
    sessions: sessionmaker[Session],
) -> None:
    aid = district.alert(severity="high", kind="plate_read", entry=district.car, plate="闽D12345")
    row = alerts.acknowledge(duty_officer, aid, expected_version=1)
    assert row.status == "acknowledged"
    # The database server's clock, not this console's (the test clock is fixed in March 2026).
    assert row.acknowledged_at is not None and abs(
        row.acknowledged_at - dt.datetime.now(dt.UTC)
    ) < dt.timedelta(minutes=5)
    assert abs(row.acknowledged_at - clock.now()) > dt.timedelta(minutes=5)
    row = alerts.mark_dispatched(duty_officer, aid, expected_version=row.version)
    assert row.status == "dispatched" and row.dispatched_at is not None
    row = alerts.resolve(
        duty_officer, aid, "confirmed", read_correct=True, note="车主已带回所里", expected_version=row.version
    )
    assert (row.status, row.outcome, row.read_correct) == ("resolved", "confirmed", True)
    with sessions() as s:
        a = s.get_one(Alert, aid)
        assert (a.acknowledged_by, a.dispatched_by, a.resolved_by) == (duty_officer.user_id,) * 3
        assert a.resolution_note == "车主已带回所里"
        actions = s.scalars(
            select(AuditLog.action)
            .where(AuditLog.entity == "alert", AuditLog.entity_id == aid)
            .order_by(AuditLog.id)
        ).all()
    assert actions == ["acknowledge", "dispatch", "resolve"]


def test_invalid_transitions_and_missing_outcomes_are_refused_with_a_clear_message(
    district: District, alerts: AlertService, duty_officer: Actor, community_officer: Actor
) -> None:
    plate = district.alert(severity="high", kind="plate_read", entry=district.car, plate="闽D12345")
    with pytest.raises(UserError, match="请先确认"):
        alerts.resolve(duty_officer, plate, "confirmed", read_correct=True)
    alerts.acknowledge(duty_officer, plate)
    with pytest.raises(UserError, match="不能确认"):
        alerts.acknowledge(duty_officer, plate)
    with pytest.raises(ValidationError, match="read_correct"):
        alerts.resolve(duty_officer, plate, "false_alarm")
    with pytest.raises(ValidationError, match="read_correct"):
        alerts.resolve(duty_officer, plate, "misread", read_correct=True)
    with pytest.raises(ValidationError, match="outcome"):
        alerts.resolve(duty_officer, plate, "gone")
    alerts.resolve(duty_officer, plate, "misread", read_correct=False)
    with pytest.raises(UserError, match="已处置完毕"):
        alerts.mark_dispatched(duty_officer, plate)
    with pytest.raises(PermissionDenied):
        alerts.acknowledge(community_officer, district.alert())
    report = district.alert()
    # Dispatching straight from "new" acknowledges on the way (one keystroke from alert to dispatch).
    row = alerts.mark_dispatched(duty_officer, report)
    assert row.acknowledged_at is not None and row.status == "dispatched"
    assert alerts.resolve(duty_officer, report, "handled_by_others", read_correct=True).read_correct is None
    with district.engine.connect() as conn:
        action, outcome, detail = conn.execute(
            select(AuditLog.action, AuditLog.outcome, AuditLog.detail).order_by(AuditLog.id.desc()).limit(1)
        ).one()
    assert (action, outcome) == ("resolve", "ok")  # the audit row's outcome; the alert's is in its detail
    assert '"resolution": "handled_by_others"' in detail


def test_a_stale_version_is_a_conflict_and_the_other_consoles_change_stays(
    district: District, alerts: AlertService, duty_officer: Actor, users: Any
) -> None:
    aid = district.alert(severity="critical", kind="fraud_risk")
    other = users.ensure_user("li", "李值班", "duty_officer")
    alerts.acknowledge(other, aid, expected_version=1)
    with pytest.raises(ConflictError, match="另一台值班台"):
        alerts.mark_dispatched(duty_officer, aid, expected_version=1)
    (row,) = alerts.alerts_by_ids(duty_officer, [aid])
    assert row.status == "acknowledged"


def test_detail_masks_id_numbers_unless_unmasked_and_unmasking_is_audited(
    district: District,
    alerts: AlertService,
    duty_officer: Actor,
    community_officer: Actor,
    sessions: sessionmaker[Session],
    clock: FixedClock,
) -> None:
    district.sighting(id_number=ID_NUMBER, community=0, at=clock.now() - dt.timedelta(hours=5))
    district.sighting(id_number=ID_NUMBER, community=1, at=clock.now() - dt.timedelta(hours=2))
    aid = district.alert(
        severity="medium",
        kind="person_entry",
        community=2,
        entry=district.person,
        id_number=ID_NUMBER,
        summary="重点人员 陈某 进入 铁山新村",
    )
    d = alerts.detail(duty_officer, aid)
    assert not d.unmasked and d.watchlist is not None
    assert d.watchlist.id_number == "350211********1236" and d.events[0].id_number == "350211********1236"
    assert d.trace_subject == "350211********1236"
    assert [s.community_name for s in d.trace] == [
        "铁山新村",
        "双岭花园",
        "滨水小区",
    ]  # a trace across communities
    assert d.community is not None and d.community.property_manager_phone == "13859210002"
    with pytest.raises(PermissionDenied):
        alerts.detail(duty_officer, aid, unmask=True, reason="核对身份")
    with pytest.raises(ValidationError) as no_reason:  # unmasking needs a stated reason
        alerts.detail(community_officer, aid, unmask=True)
    assert no_reason.value.code == "unmask.reason_required"
    full = alerts.detail(community_officer, aid, unmask=True, reason="核对布控对象身份")
    assert full.watchlist is not None and full.watchlist.id_number == ID_NUMBER
    with sessions() as s:
        audits = s.execute(
            select(AuditLog.username, AuditLog.action, AuditLog.detail).where(AuditLog.entity_id == aid)
        ).all()
    assert [(u, a) for u, a, _d in audits] == [("yang", "view_personal_data")]
    assert "核对布控对象身份" in audits[0][2]
    car = district.alert(severity="high", kind="plate_read", entry=district.car, plate="闽D12345")
    cd = alerts.detail(duty_officer, car)
    assert (
        cd.watchlist is not None
        and cd.watchlist.case_no == "GK2026-031"
        and cd.events[0].note.startswith("驶入")
    )


def test_device_precision_counts_correct_and_misread_plate_reads(
    district: District, alerts: AlertService, duty_officer: Actor
) -> None:
    for device, correct in (
        ("north-gate-1", True),
        ("north-gate-1", True),
        ("north-gate-1", False),
        ("south-gate", False),
    ):
        aid = district.alert(
            severity="high", kind="plate_read", entry=district.car, plate="闽D12345", device=device
        )
        alerts.acknowledge(duty_officer, aid)
        alerts.resolve(duty_officer, aid, "confirmed" if correct else "misread", read_correct=correct)
    stats = {p.device: (p.correct, p.misread) for p in alerts.device_precision(duty_officer)}
    assert stats == {"north-gate-1": (2, 1), "south-gate": (0, 1)}


def test_escalated_alerts_are_ordered_by_severity_then_longest_overdue_across_pages(
    district: District, alerts: AlertService, duty_officer: Actor, clock: FixedClock
) -> None:
    # Raised oldest first: a high, a critical, another high, another critical; then calm traffic.
    high_old = district.alert(severity="high", kind="plate_read", age_s=400)
    critical_old = district.alert(severity="critical", kind="fraud_risk", age_s=300)
    high_new = district.alert(severity="high", kind="plate_read", age_s=200)
    critical_new = district.alert(severity="critical", kind="fraud_risk", age_s=100)
    calm = [district.alert(severity="low") for _ in range(3)]
    escalated = EscalationJob(alerts._sessions, clock).run_once(clock.now())
    assert sorted(escalated) == sorted([high_old, critical_old, high_new, critical_new])
    # A critical alert never sits under a high one, whichever was raised first; within a severity
    # the one waiting longest comes first. Paging one row at a time keeps the order.
    expected = [critical_old, critical_new, high_old, high_new, *reversed(calm)]
    assert [r.id for r in alerts.feed_page(duty_officer, FeedFilter(), None, 10)] == expected
    assert _all_pages(alerts, duty_officer, FeedFilter(), 1) == expected
    assert _all_pages(alerts, duty_officer, FeedFilter(severities=frozenset({"high"})), 1) == [
        high_old,
        high_new,
    ]
    counts = alerts.urgent_open_counts(duty_officer)
    assert (counts.critical, counts.high, counts.overdue, counts.total) == (2, 2, 4, 4)
    alerts.acknowledge(duty_officer, critical_old)
    district.alert(severity="critical", kind="fraud_risk")  # new, not yet overdue
    counts = alerts.urgent_open_counts(duty_officer)
    assert (counts.critical, counts.high, counts.overdue) == (2, 2, 3)


def test_an_overdue_alert_reminds_at_most_once_per_interval() -> None:
    from console.services.alerts import ReminderLimiter

    start = dt.datetime(2026, 3, 14, 13, 0, tzinfo=dt.UTC)
    limiter = ReminderLimiter(every_s=300)
    assert limiter.due([1, 2], start) == [1, 2]
    for seconds in (1, 60, 299):  # the feed re-reads and ticks often: no second reminder yet
        assert limiter.due([1, 2], start + dt.timedelta(seconds=seconds)) == []
    assert limiter.due([1, 2, 3], start + dt.timedelta(seconds=100)) == [3]
    assert limiter.due([1, 2, 3], start + dt.timedelta(seconds=300)) == [1, 2]
    limiter.keep_only({2})  # 1 and 3 were acknowledged
    assert limiter.due([1, 3], start + dt.timedelta(seconds=301)) == [1, 3]  # overdue again: new


def test_sightings_name_devices_by_their_readable_place_and_unknown_ones_by_code(
    district: District, alerts: AlertService, duty_officer: Actor, clock: FixedClock
) -> None:
    with district.engine.begin() as c:
        c.execute(
            insert(Device).values(
                code="GK001-north-gate-1",
                community_id=district.communities[0],
                kind="plate-camera",
                name="滨水小区北门车辆道闸",
                active=True,
                version=1,
            )
        )
    district.sighting(plate="闽D12345", device="GK999-unknown", at=clock.now() - dt.timedelta(hours=2))
    aid = district.alert(
        severity="high",
        kind="plate_hit",
        entry=district.car,
        plate="闽D12345",
        device="GK001-north-gate-1",
        summary="布控车辆 闽D12345",
    )
    d = alerts.detail(duty_officer, aid)
    assert [e.device for e in d.events] == ["滨水小区北门车辆道闸"]
    assert [s.device for s in d.trace] == ["滨水小区北门车辆道闸", "GK999-unknown"]
