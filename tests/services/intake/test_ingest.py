"""Ingest: answers, idempotency (also under concurrency), watchlist matching, grouping, severities."""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import PermissionDenied
from console.models import Alert, Community, Event, Station, TheftCase
from console.security import Actor, system_actor
from console.services.alerts import WatchlistService
from console.services.intake import IngestAnswer, IngestService

PLATE = "闽D12345"
ID_NUMBER = "35021119881204003X"


class Intake:
    """A station with two communities and a theft case; ingest and watchlist services on one clock."""

    def __init__(self, sessions: sessionmaker[Session], clock: FixedClock, officer: Actor) -> None:
        self.sessions, self.clock, self.officer = sessions, clock, officer
        self.actor = system_actor("test")
        with sessions.begin() as s:
            s.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
            s.execute(
                insert(Community),
                [
                    {"id": 1, "station_id": 1, "code": "YZ", "name": "禹洲璟阅城", "version": 1},
                    {"id": 2, "station_id": 1, "code": "HQ", "name": "华侨学府", "version": 1},
                ],
            )
            s.execute(
                insert(TheftCase).values(
                    id=1,
                    case_no="J2026-031",
                    title="地下室电缆被盗",
                    occurred_at=clock.now(),
                    reported_at=clock.now(),
                    version=1,
                )
            )
        self.ingest = IngestService(sessions, clock)
        self.watchlist = WatchlistService(sessions, clock)
        self._n = 0

    def event(self, kind: str = "plate_read", *, minutes: float = 0, **fields: Any) -> dict[str, Any]:
        self._n += 1
        base: dict[str, Any] = {
            "source": "gate-camera",
            "external_id": f"e{self._n}",
            "kind": kind,
            "at": (self.clock.now() + dt.timedelta(minutes=minutes)).isoformat(),
        }
        if kind == "plate_read":
            base.update(community="YZ", plate=PLATE)
        elif kind == "person_entry":
            base.update(community="YZ", id_number=ID_NUMBER)
        elif kind == "fraud_risk":
            base.update(phone="13812341234", level="high")
        else:
            base.update(text="电动车被偷", category="theft")
        base.update(fields)
        return base

    def send(self, *events: Any) -> list[IngestAnswer]:
        return self.ingest.ingest(list(events), self.actor)

    def alert(self, alert_id: int) -> Any:
        with self.sessions() as s:
            return s.execute(select(Alert).where(Alert.id == alert_id)).scalar_one()

    def count(self, table: Any) -> int:
        with self.sessions() as s:
            return s.execute(select(func.count()).select_from(table)).scalar_one()


@pytest.fixture
def intake(sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor) -> Intake:
    return Intake(sessions, clock, duty_officer)


def test_accepted_duplicate_and_rejected_answers(intake: Intake) -> None:
    good = intake.event(plate="闽d·123 45", colour="白")
    answers = intake.send(good, json.dumps(good, ensure_ascii=False), "not json", intake.event(plate="闽D1"))
    assert [a.status for a in answers] == ["accepted", "duplicate", "rejected", "rejected"]
    assert answers[1].event_id == answers[0].event_id
    assert answers[2].error_field is None
    assert answers[3].error_field == "plate"
    with intake.sessions() as s:
        stored = s.execute(select(Event)).scalar_one()
    assert stored.plate == PLATE and stored.community_id == 1
    assert json.loads(stored.payload)["colour"] == "白"  # unknown fields kept
    again = intake.send(good)
    assert again[0].status == "duplicate" and again[0].event_id == answers[0].event_id


def test_sightings_can_be_traced_by_time_exactly(intake: Intake) -> None:
    """Stored times compare correctly with times SQLAlchemy binds (same storage format on SQLite)."""
    at = intake.clock.now().replace(microsecond=0) - dt.timedelta(minutes=3)
    intake.send(intake.event(at=at.isoformat()), intake.event(at=(at - dt.timedelta(seconds=1)).isoformat()))
    with intake.sessions() as s:
        seen = s.scalars(select(Event.at).where(Event.plate == PLATE, Event.at >= at)).all()
    assert seen == [at]


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 3, 14, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        dt.datetime(2026, 3, 14, 13, 7, 55, 123456, tzinfo=dt.UTC),
        dt.datetime(1999, 12, 31, 23, 59, 59, 1, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        dt.datetime(1, 1, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))),
    ],
)
def test_fast_sqlite_time_text_equals_the_column_types_own(moment: dt.datetime) -> None:
    from sqlalchemy.dialects import sqlite

    from console.services.intake import sqlite_utc_text

    dialect = sqlite.dialect()
    column_type = Event.__table__.c.at.type
    assert sqlite_utc_text(moment) == column_type.dialect_impl(dialect).bind_processor(dialect)(moment)


def test_community_by_code_or_exact_name_and_unknown_rejected(intake: Intake) -> None:
    answers = intake.send(intake.event(community="华侨学府"), intake.event(community="禹洲"))
    assert answers[0].status == "accepted"
    assert (answers[1].status, answers[1].error_field) == ("rejected", "community")
    with intake.sessions() as s:
        assert s.execute(select(Event.community_id)).scalar_one() == 2


def test_one_bad_event_never_spoils_the_others_and_stores_nothing(intake: Intake) -> None:
    batch = [
        intake.event(),
        intake.event(kind="report", text=""),
        b"\xff\xfe",
        intake.event(kind="fraud_risk"),
    ]
    answers = intake.send(*batch)
    assert [a.status for a in answers] == ["accepted", "rejected", "rejected", "accepted"]
    assert answers[1].error_field == "text"
    assert intake.count(Event) == 2
    assert intake.count(Alert) == 1  # the fraud warning; the plate is on no watchlist


def test_same_key_twice_in_one_batch_answers_the_original(intake: Intake) -> None:
    intake.watchlist.add(intake.officer, plate=PLATE, reason="涉案车辆", case_no="J2026-031")
    first = intake.event()
    answers = intake.send(first, dict(first, plate="闽D99999"))
    assert [a.status for a in answers] == ["accepted", "duplicate"]
    assert answers[1].event_id == answers[0].event_id
    assert answers[1].alert_id == answers[0].alert_id is not None
    assert intake.count(Event) == 1


def test_plate_hit_raises_an_alert_with_the_entry_severity_and_a_summary(intake: Intake) -> None:
    entry = intake.watchlist.add(intake.officer, plate=PLATE, reason="涉嫌盗窃电缆", case_no="J2026-031")
    [answer] = intake.send(intake.event(direction="in"))
    alert = intake.alert(answer.alert_id)
    assert (alert.kind, alert.severity, alert.severity_rank) == ("plate_read", "high", 1)
    assert alert.watchlist_entry_id == entry and alert.community_id == 1 and alert.count == 1
    assert alert.group_key == f"wl:{entry}:c:1"
    assert alert.status == "new"
    assert PLATE in alert.summary and "禹洲璟阅城" in alert.summary and "J2026-031" in alert.summary


def test_harmless_sightings_are_stored_without_alerts(intake: Intake) -> None:
    answers = intake.send(intake.event(), intake.event(kind="person_entry"))
    assert all(a.status == "accepted" and a.alert_id is None for a in answers)
    assert intake.count(Event) == 2 and intake.count(Alert) == 0


def test_hits_within_ten_minutes_group_into_the_open_alert(intake: Intake) -> None:
    intake.watchlist.add(intake.officer, plate=PLATE, reason="涉案车辆")
    a1 = intake.send(intake.event(minutes=-30))[0]
    a2 = intake.send(intake.event(minutes=-25))[0]
    a3, a4 = intake.send(intake.event(minutes=-20), intake.event(minutes=-12))  # chained: each within 10 min
    assert a1.alert_id == a2.alert_id == a3.alert_id == a4.alert_id
    alert = intake.alert(a1.alert_id)
    assert alert.count == 4
    assert alert.last_event_at == intake.clock.now() - dt.timedelta(minutes=12)
    with intake.sessions() as s:
        linked = s.scalars(select(Event.alert_id)).all()
    assert set(linked) == {a1.alert_id}
    later = intake.send(intake.event(minutes=-1))[0]  # 11 minutes after the last hit: a new alert
    assert later.alert_id != a1.alert_id
    assert intake.count(Alert) == 2


def test_another_community_or_a_resolved_alert_gets_a_new_alert(intake: Intake) -> None:
    intake.watchlist.add(intake.officer, plate=PLATE, reason="涉案车辆")
    first = intake.send(intake.event(minutes=-5))[0]
    other = intake.send(intake.event(minutes=-4, community="HQ"))[0]
    assert other.alert_id != first.alert_id
    with intake.sessions.begin() as s:
        s.execute(update(Alert).where(Alert.id == first.alert_id).values(status="resolved"))
    after = intake.send(intake.event(minutes=-3))[0]
    assert after.alert_id not in (first.alert_id, other.alert_id)
    assert intake.alert(first.alert_id).count == 1


def test_expired_and_ended_entries_do_not_match(intake: Intake) -> None:
    soon = intake.clock.now() + dt.timedelta(hours=1)
    intake.watchlist.add(intake.officer, plate=PLATE, reason="临时布控", expires_at=soon)
    ended = intake.watchlist.add(intake.officer, id_number=ID_NUMBER, reason="涉诈")
    assert intake.send(intake.event())[0].alert_id is not None
    version = intake.watchlist.get(intake.officer, ended).version
    intake.watchlist.expire(intake.officer, ended, version)
    assert intake.send(intake.event(kind="person_entry"))[0].alert_id is None
    intake.clock.advance(hours=2)
    assert intake.send(intake.event())[0].alert_id is None


def test_an_entry_added_after_the_first_batch_matches_the_next(intake: Intake) -> None:
    assert intake.send(intake.event())[0].alert_id is None
    intake.watchlist.add(intake.officer, plate=PLATE, reason="新增布控", severity="critical")
    [answer] = intake.send(intake.event())
    assert intake.alert(answer.alert_id).severity == "critical"


@pytest.mark.parametrize(
    ("kind", "fields", "severity"),
    [
        ("fraud_risk", {"level": "high"}, "critical"),
        ("fraud_risk", {"level": "medium"}, "high"),
        ("fraud_risk", {"level": "low"}, "medium"),
        ("report", {"category": "theft"}, "medium"),
        ("report", {"category": "disturbance"}, "medium"),
        ("report", {"category": "other"}, "medium"),
        ("report", {"category": "lost-item"}, "low"),
        ("report", {"category": "lost-pet"}, "low"),
    ],
)
def test_severity_table_of_the_contract(
    intake: Intake, kind: str, fields: dict[str, Any], severity: str
) -> None:
    [answer] = intake.send(intake.event(kind, **fields))
    alert = intake.alert(answer.alert_id)
    assert (alert.kind, alert.severity) == (kind, severity)
    assert alert.severity_rank == {"critical": 0, "high": 1, "medium": 2, "low": 3}[severity]
    assert alert.watchlist_entry_id is None


def test_watchlist_default_severities(intake: Intake) -> None:
    intake.watchlist.add(intake.officer, plate=PLATE, reason="涉案车辆")
    intake.watchlist.add(intake.officer, id_number=ID_NUMBER, reason="有诈骗前科", name="李某")
    car, person = intake.send(intake.event(), intake.event(kind="person_entry"))
    assert intake.alert(car.alert_id).severity == "high"
    person_alert = intake.alert(person.alert_id)
    assert person_alert.severity == "medium"
    assert ID_NUMBER not in person_alert.summary and "350211********003X" in person_alert.summary


def test_fraud_warnings_and_reports_always_raise_their_own_alert(intake: Intake) -> None:
    answers = intake.send(intake.event("fraud_risk"), intake.event("fraud_risk"), intake.event("report"))
    assert len({a.alert_id for a in answers}) == 3


def test_a_batch_is_redone_carefully_if_the_fast_sqlite_path_cannot_vouch_for_its_ids(
    intake: Intake, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.services.intake import ingest as module

    original = module.IngestService._sqlite_insert_many

    def insert_then_doubt(conn: Any, values: Any) -> Any:
        original(conn, values)  # rows written, then rolled back with the transaction
        raise module._FastPathMismatch

    monkeypatch.setattr(module.IngestService, "_sqlite_insert_many", staticmethod(insert_then_doubt))
    intake.watchlist.add(intake.officer, plate=PLATE, reason="涉案车辆")
    first = intake.event()
    answers = intake.send(first, intake.event(kind="report"), first)
    assert [a.status for a in answers] == ["accepted", "accepted", "duplicate"]
    assert answers[0].alert_id is not None and answers[2].event_id == answers[0].event_id
    assert intake.count(Event) == 2 and intake.count(Alert) == 2


def test_ingest_needs_the_ingest_permission(intake: Intake) -> None:
    with pytest.raises(PermissionDenied):
        intake.ingest.ingest([intake.event()], intake.officer)


def _concurrent_ingest(engine: Engine, clock: FixedClock, lines: list[str]) -> list[list[IngestAnswer]]:
    from console.db import session_factory

    barrier = threading.Barrier(2)
    results: list[list[IngestAnswer]] = [[], []]
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        service = IngestService(session_factory(engine), clock, batch_size=100)
        barrier.wait()
        try:
            results[i] = service.ingest(lines, system_actor(f"feed-{i}"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    return results


def test_two_feeds_sending_the_same_500_events_at_once_store_each_once(
    intake: Intake, engine: Engine
) -> None:
    intake.watchlist.add(intake.officer, plate=PLATE, reason="涉案车辆")
    events = [
        intake.event(minutes=-9 + i / 100, plate=PLATE if i % 10 == 0 else f"闽D{i:05d}") for i in range(500)
    ]
    lines = [json.dumps(e, ensure_ascii=False) for e in events]
    first, second = _concurrent_ingest(engine, intake.clock, lines)
    assert intake.count(Event) == 500
    for a, b in zip(first, second, strict=True):
        assert {a.status, b.status} == {"accepted", "duplicate"}
        assert a.event_id == b.event_id and a.alert_id == b.alert_id
    with intake.sessions() as s:
        alerts = s.execute(select(Alert.count)).scalars().all()
    assert alerts == [50]  # 50 hits of one entry in one community within 10 minutes: one alert
