"""A use case PostgreSQL rolls back as a deadlock victim or a serialization failure is re-run
whole by the Service wrapper (console/services/base.py), and leaves no partial write either way."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from console.db import make_engine, session_factory
from console.models import Station
from console.services import base
from console.services.base import Service
from tests.races import at_once

PG_ONLY = pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


class Renamer(Service):
    """Two consoles' use case: rename two stations in the order given, in one transaction."""

    def __init__(self, sessions: sessionmaker[Session], meet: threading.Barrier) -> None:
        super().__init__(sessions)
        self.meet = meet
        self.attempts = 0

    def rename_both(self, first: int, second: int, name: str) -> None:
        self.attempts += 1
        with self._write() as s:
            s.execute(update(Station).where(Station.id == first).values(name=name))
            if self.attempts == 1:  # both hold their first row: each now waits for the other's
                self.meet.wait(timeout=10)
            s.execute(update(Station).where(Station.id == second).values(name=name))

    def bump_version(self, station_id: int) -> None:
        """Read, then write what was read plus one, at REPEATABLE READ: a lost update is refused."""
        self.attempts += 1
        with self._write() as s:
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            seen = s.execute(select(Station.version).where(Station.id == station_id)).scalar_one()
            if self.attempts == 1:
                self.meet.wait(timeout=10)
            s.execute(update(Station).where(Station.id == station_id).values(version=seen + 1))


@pytest.fixture
def two_consoles(db_url: str) -> Iterator[tuple[Engine, Engine]]:
    engines = make_engine(db_url), make_engine(db_url)
    yield engines
    for e in engines:
        e.dispose()


def _stations(engine: Engine, n: int) -> list[int]:
    with engine.begin() as c:
        return [
            int(
                c.execute(
                    insert(Station).values(code=f"S{i}", name="原名", version=1).returning(Station.id)
                ).scalar_one()
            )
            for i in range(n)
        ]


def _names(engine: Engine, ids: list[int]) -> list[str]:
    with engine.connect() as c:
        return [c.execute(select(Station.name).where(Station.id == i)).scalar_one() for i in ids]


@PG_ONLY
def test_a_deadlock_victim_is_re_run_and_both_use_cases_land_whole(
    two_consoles: tuple[Engine, Engine],
) -> None:
    a, b = _stations(two_consoles[0], 2)
    meet = threading.Barrier(2)
    left, right = (Renamer(session_factory(e), meet) for e in two_consoles)
    errors = at_once(lambda: left.rename_both(a, b, "左台"), lambda: right.rename_both(b, a, "右台"))
    assert errors == [None, None]
    assert sorted([left.attempts, right.attempts]) == [1, 2]  # PostgreSQL chose one victim; it ran again
    last = "左台" if left.attempts == 2 else "右台"
    assert _names(two_consoles[0], [a, b]) == [last, last]  # the victim's re-run wrote both rows


@PG_ONLY
def test_without_a_re_run_the_victim_fails_and_leaves_no_partial_write(
    two_consoles: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "RETRIES", 0)
    a, b = _stations(two_consoles[0], 2)
    meet = threading.Barrier(2)
    left, right = (Renamer(session_factory(e), meet) for e in two_consoles)
    errors = at_once(lambda: left.rename_both(a, b, "左台"), lambda: right.rename_both(b, a, "右台"))
    failed = [e for e in errors if e is not None]
    assert len(failed) == 1 and isinstance(failed[0], OperationalError)
    assert getattr(failed[0].orig, "sqlstate", None) == "40P01"
    winner = "右台" if errors[0] is not None else "左台"
    assert _names(two_consoles[0], [a, b]) == [winner, winner]  # nothing of the victim's first row


@PG_ONLY
def test_a_serialization_failure_is_re_run_and_no_update_is_lost(two_consoles: tuple[Engine, Engine]) -> None:
    (sid,) = _stations(two_consoles[0], 1)
    meet = threading.Barrier(2)
    left, right = (Renamer(session_factory(e), meet) for e in two_consoles)
    assert at_once(lambda: left.bump_version(sid), lambda: right.bump_version(sid)) == [None, None]
    assert sorted([left.attempts, right.attempts]) == [1, 2]
    with two_consoles[0].connect() as c:
        assert c.execute(select(Station.version).where(Station.id == sid)).scalar_one() == 3


# ------------------------------------------------------------------ when not to re-run


class FailsOnce(Service):
    """A use case whose first attempt ends in a (simulated) serialization failure."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(sessions)
        self.attempts = 0

    def _fail_first(self) -> None:
        self.attempts += 1
        if self.attempts == 1:
            raise OperationalError("UPDATE ...", {}, _Rolledback())

    def plain(self) -> str:
        self._fail_first()
        return "done"

    def raw_driver(self) -> str:
        """As from a raw driver cursor (ingest's COPY), not wrapped by SQLAlchemy."""
        self.attempts += 1
        if self.attempts == 1:
            raise _Rolledback
        return "done"

    def after_a_commit(self, station_id: int) -> None:
        with self._write() as s:
            s.execute(update(Station).where(Station.id == station_id).values(version=Station.version + 1))
        self._fail_first()

    def outer(self, inner: FailsOnce) -> str:
        return inner.plain()

    def consuming(self, items: Any) -> int:
        taken = next(items)
        self._fail_first()
        return int(taken)


class _Rolledback(Exception):
    sqlstate = "40001"


def test_only_a_retryable_failure_of_the_outermost_call_before_any_commit_is_re_run(
    sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "retry_pause", lambda _attempt: 0.0)
    once = FailsOnce(sessions)
    assert once.plain() == "done" and once.attempts == 2
    raw = FailsOnce(sessions)
    assert raw.raw_driver() == "done" and raw.attempts == 2

    sid = _one_station(sessions)
    committed = FailsOnce(sessions)
    with pytest.raises(OperationalError):  # a re-run would bump the version twice
        committed.after_a_commit(sid)
    assert committed.attempts == 1
    with sessions() as s:
        assert s.execute(select(Station.version).where(Station.id == sid)).scalar_one() == 2

    inner, outer = FailsOnce(sessions), FailsOnce(sessions)
    assert outer.outer(inner) == "done"  # the outermost call re-ran the whole; the inner one did not loop
    assert inner.attempts == 2 and outer.attempts == 0

    one_shot = FailsOnce(sessions)
    with pytest.raises(OperationalError):  # a re-run would start from the second item
        one_shot.consuming(iter([1, 2, 3]))
    assert one_shot.attempts == 1


def _one_station(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as s:
        return int(
            s.execute(
                insert(Station).values(code="GK", name="灌口", version=1).returning(Station.id)
            ).scalar_one()
        )
