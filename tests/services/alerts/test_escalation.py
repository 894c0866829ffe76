"""Escalation as a station job: overdue urgent alerts escalate once, audited once, by one console."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.db import make_engine, session_factory
from console.models import AuditLog, Station
from console.security import Actor
from console.services.alerts import AlertService, EscalationJob
from console.services.station import JobRunner, PeriodicJob
from tests.services.alerts.conftest import District


@pytest.fixture
def job(sessions: sessionmaker[Session], clock: FixedClock) -> EscalationJob:
    return EscalationJob(sessions, clock)


def _escalation_audits(engine: Engine) -> list[int]:
    with engine.connect() as c:
        return sorted(c.execute(select(AuditLog.entity_id).where(AuditLog.action == "escalate")).scalars())


def test_overdue_urgent_alerts_escalate_after_the_stations_setting(
    district: District,
    job: EscalationJob,
    alerts: AlertService,
    engine: Engine,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    due = district.alert(severity="critical", age_s=61)
    high_due = district.alert(severity="high", age_s=100)
    district.alert(severity="high", age_s=30)  # not yet
    district.alert(severity="low", age_s=600)  # low never escalates
    district.alert(severity="critical", age_s=600, status="acknowledged")  # someone is on it
    assert job.run_once(clock.now()) == [due, high_due]
    assert job.run_once(clock.now()) == []  # once only
    assert _escalation_audits(engine) == [due, high_due]  # audited once, as the system
    with engine.begin() as c:
        c.execute(update(Station).values(escalate_after_seconds=300))
    later = district.alert(severity="critical", age_s=200)
    assert job.run_once(clock.now()) == []
    clock.advance(seconds=101)
    assert job.run_once(clock.now()) == [later]
    (row,) = alerts.alerts_by_ids(duty_officer, [due])
    assert row.escalated_at is not None and row.pinned and row.version == 1  # no conflict for the officer
    with engine.connect() as c:
        users = set(c.execute(select(AuditLog.username).where(AuditLog.action == "escalate")).scalars())
    assert users == {"escalation"}


def test_an_alert_acknowledged_meanwhile_is_neither_escalated_nor_audited(
    district: District,
    job: EscalationJob,
    alerts: AlertService,
    engine: Engine,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    due = district.alert(severity="critical", age_s=120)
    alerts.acknowledge(duty_officer, due)
    assert job.run_once(clock.now()) == []
    assert _escalation_audits(engine) == []


def test_two_consoles_escalate_each_alert_once(db_url: str, clock: FixedClock) -> None:
    """Two consoles (two engines, two job threads) run the job at the same moment, many rounds:
    on PostgreSQL the advisory lock, on SQLite the writer lock, lets one of them do each round."""
    engines = [make_engine(db_url) for _ in range(2)]
    try:
        district = District(engines[0], clock.now())
        due = [district.alert(severity="critical", age_s=90 + i) for i in range(40)]
        jobs = [EscalationJob(session_factory(e), clock) for e in engines]
        escalated: list[list[int]] = [[], []]
        start = threading.Barrier(2)

        def console(n: int) -> None:
            start.wait()
            for _ in range(20):
                escalated[n] += jobs[n].run_once(clock.now())

        threads = [threading.Thread(target=console, args=(n,)) for n in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(escalated[0] + escalated[1]) == sorted(due)  # each once, by one console or the other
        assert _escalation_audits(engines[0]) == sorted(due)
        with engines[0].connect() as c:
            assert c.execute(select(func.count()).where(AuditLog.action == "escalate")).scalar() == len(due)
    finally:
        for e in engines:
            e.dispose()


def test_the_job_runner_runs_the_job_on_its_thread_and_stops_within_its_bound(
    district: District, job: EscalationJob, clock: FixedClock
) -> None:
    due = district.alert(severity="high", age_s=300)
    done = threading.Event()
    seen: list[int] = []

    def round_() -> None:
        seen.extend(job.run_once(clock.now()))
        done.set()

    runner = JobRunner([PeriodicJob("escalation", round_, 0.05)])
    runner.start()
    try:
        assert done.wait(10)
        assert seen == [due]
    finally:
        runner.stop(timeout=5)
    assert not runner.running


def test_a_failing_round_is_logged_and_the_next_round_still_runs(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []
    more = threading.Event()

    def flaky() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database went away")
        more.set()

    runner = JobRunner([PeriodicJob("flaky", flaky, 0.01)])
    runner.start()
    try:
        assert more.wait(10)
    finally:
        runner.stop()
    assert "station job flaky failed: database went away" in caplog.text
