"""What every service shares (console/services/base.py): the named ways to the database and
optimistic locking written once."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

import console.services
from console.errors import ConflictError, UserError
from console.models import Station
from console.services.base import Service, guarded_update

SERVICES = Path(console.services.__file__).parent


@pytest.fixture
def station_id(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as s:
        return int(
            s.execute(
                insert(Station).values(code="GK", name="灌口派出所", version=1).returning(Station.id)
            ).scalar_one()
        )


def _station(sessions: sessionmaker[Session], station_id: int) -> tuple[int, int]:
    with sessions() as s:
        version, days = s.execute(
            select(Station.version, Station.orange_after_days).where(Station.id == station_id)
        ).one()
        return version, days


# ------------------------------------------------------------------ guarded_update


def test_guarded_update_writes_the_values_and_bumps_the_version(
    sessions: sessionmaker[Session], station_id: int
) -> None:
    with sessions.begin() as s:
        assert guarded_update(s, Station, station_id, 1, "派出所", orange_after_days=45) == 2
    assert _station(sessions, station_id) == (2, 45)


def test_a_stale_version_is_refused_naming_the_record_and_nothing_is_written(
    sessions: sessionmaker[Session], station_id: int
) -> None:
    with sessions.begin() as s:  # another console saves first
        guarded_update(s, Station, station_id, 1, "派出所", orange_after_days=45)
    with pytest.raises(ConflictError) as caught, sessions.begin() as s:
        guarded_update(s, Station, station_id, 1, "灌口派出所参数", orange_after_days=10)
    assert caught.value.code == "conflict.stale"
    assert "灌口派出所参数" in caught.value.text("zh_CN")
    assert "灌口派出所参数" in caught.value.text("en")
    assert _station(sessions, station_id) == (2, 45)


def test_a_missing_row_is_refused_as_not_found(sessions: sessionmaker[Session], station_id: int) -> None:
    with pytest.raises(UserError) as caught, sessions.begin() as s:
        guarded_update(s, Station, station_id + 99, 1, "派出所 #99", orange_after_days=10)
    assert not isinstance(caught.value, ConflictError)
    assert caught.value.code == "record.not_found"
    assert "派出所 #99" in caught.value.text("en")


def test_a_use_case_keeps_its_own_words_for_a_conflict(
    sessions: sessionmaker[Session], station_id: int
) -> None:
    with sessions.begin() as s:
        guarded_update(s, Station, station_id, None, "派出所", orange_after_days=45)  # no check: 1 -> 2
    with pytest.raises(ConflictError) as caught, sessions.begin() as s:
        guarded_update(
            s,
            Station,
            station_id,
            1,
            "派出所",
            conflict=lambda now: ConflictError("watchlist.changed", entry_id=station_id, version=now),
            orange_after_days=10,
        )
    assert caught.value.code == "watchlist.changed"
    assert caught.value.params["version"] == 2  # the version another console left, to reload
    assert _station(sessions, station_id) == (2, 45)


# ------------------------------------------------------------------ the session styles


def test_a_read_leaves_no_transaction_open(
    sessions: sessionmaker[Session], engine: Engine, station_id: int
) -> None:
    """On PostgreSQL a lookup is not "idle in transaction" (no BEGIN/ROLLBACK round trips)."""
    service = Service(sessions)
    with service._read() as conn:
        assert conn.execute(select(Station.name)).scalar() == "灌口派出所"
        if engine.dialect.name == "postgresql":
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
            with engine.connect() as other:
                state = other.execute(
                    text("SELECT state FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
                ).scalar()
            assert state == "idle"
        else:
            assert not conn.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
    with service._write() as s:  # the contrast: a write holds its transaction open
        s.execute(select(Station.name)).scalar()
        if engine.dialect.name == "postgresql":
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
            with engine.connect() as other:
                state = other.execute(
                    text("SELECT state FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
                ).scalar()
            assert state == "idle in transaction"


def test_a_locked_write_on_sqlite_holds_the_writer_lock_from_its_start(
    sessions: sessionmaker[Session], engine: Engine, station_id: int
) -> None:
    """Two consoles deciding from what they read (is the officer free?) go one after the other."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL locks rows instead")
    service = Service(sessions)
    other = sqlite3.connect(str(engine.url.database), timeout=0)
    try:
        with service._write_locked() as s:
            s.execute(select(Station.version)).scalar()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the use case committed
        other.rollback()
    finally:
        other.close()


def test_a_streamed_read_returns_every_row_in_chunks(
    sessions: sessionmaker[Session], station_id: int
) -> None:
    with sessions.begin() as s:
        s.execute(insert(Station), [{"code": f"S{i}", "name": f"站{i}", "version": 1} for i in range(5)])
    with Service(sessions)._read_streamed(2) as conn:
        chunks = [list(part) for part in conn.execute(select(Station.code).order_by(Station.id)).partitions()]
    assert [len(c) for c in chunks] == [2, 2, 2]
    assert [r.code for c in chunks for r in c] == ["GK", "S0", "S1", "S2", "S3", "S4"]


# ------------------------------------------------------------------ only named ways


def direct_database_access(source: str) -> list[int]:
    """Lines that open the database around base.py's named ways: ``x._sessions(...)``,
    ``x._sessions.begin()`` or a hand-written ``BEGIN``."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            called = node.func  # x._sessions(...) or x._sessions.begin(...)
            if called.attr == "_sessions" or (
                isinstance(called.value, ast.Attribute) and called.value.attr == "_sessions"
            ):
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.strip().upper().startswith("BEGIN")
        ):
            lines.append(node.lineno)
    return lines


def test_the_check_finds_a_service_opening_its_own_session() -> None:
    source = (
        "class S(Service):\n"
        "    def a(self):\n"
        "        with self._sessions() as s: ...\n"
        "    def b(self):\n"
        "        with self.service._sessions.begin() as s: ...\n"
        "    def c(self, s):\n"
        '        s.connection().exec_driver_sql("BEGIN IMMEDIATE")\n'
        "    def d(self):\n"
        "        return Other(self._sessions, self._clock)  # handing the factory on is fine\n"
    )
    assert direct_database_access(source) == [3, 5, 7]


def test_no_service_opens_the_database_except_through_base() -> None:
    found = {
        path.relative_to(SERVICES).as_posix(): lines
        for path in sorted(SERVICES.rglob("*.py"))
        if path.name != "base.py" or path.parent != SERVICES
        if (lines := direct_database_access(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "use Service._read()/_write()/_write_locked()/_read_streamed(): " + str(found)
