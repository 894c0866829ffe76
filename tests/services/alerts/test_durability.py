"""An acknowledgement or a resolution, once the console says it is done, survives a power cut
(issue 13, item 3; docs/architecture.md "Durability"): its commit is made with SQLite at
``synchronous=FULL`` in WAL mode, or PostgreSQL with ``synchronous_commit`` on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

from console.security import Actor
from console.services.alerts import AlertService
from tests.services.alerts.conftest import District

SQLITE_FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
PG_DURABLE = {"on", "remote_write", "remote_apply"}  # "off" and "local" may lose a commit


def _durability_at_commit(engine: Engine, seen: list[Any]) -> None:
    """Record, at every commit on ``engine``, the setting that decides whether it is flushed."""

    def on_commit(conn: Any) -> None:
        cur = conn.connection.dbapi_connection.cursor()
        try:
            if engine.dialect.name == "sqlite":
                sync = cur.execute("PRAGMA synchronous").fetchone()[0]
                mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
                seen.append((sync >= SQLITE_FULL, mode))
            else:
                cur.execute("SHOW synchronous_commit")
                seen.append((cur.fetchone()[0] in PG_DURABLE, "server"))
        finally:
            cur.close()

    event.listen(engine, "commit", on_commit)


def test_acknowledging_and_resolving_commit_durably(
    district: District, alerts: AlertService, duty_officer: Actor, engine: Engine
) -> None:
    aid = district.alert(severity="critical", kind="fraud_risk")
    seen: list[Any] = []
    _durability_at_commit(engine, seen)
    alerts.acknowledge(duty_officer, aid)
    acknowledged = len(seen)
    row = alerts.resolve(duty_officer, aid, "confirmed", note="已电话劝阻")
    assert row.status == "resolved"
    assert acknowledged >= 1 and len(seen) > acknowledged  # each step committed (and was seen)
    expected = "wal" if engine.dialect.name == "sqlite" else "server"
    assert seen == [(True, expected)] * len(seen)


def test_a_console_that_lowered_the_guarantee_would_be_caught(
    district: District, alerts: AlertService, duty_officer: Actor, engine: Engine
) -> None:
    """The check above can fail: with the flush turned down on the connection, it sees it."""
    aid = district.alert(severity="critical", kind="fraud_risk")
    lower = "PRAGMA synchronous=NORMAL" if engine.dialect.name == "sqlite" else "SET synchronous_commit = off"
    event.listen(engine, "connect", lambda dbapi_conn, _rec: dbapi_conn.cursor().execute(lower))
    engine.dispose()  # new connections, each lowered
    seen: list[Any] = []
    _durability_at_commit(engine, seen)
    alerts.acknowledge(duty_officer, aid)
    assert seen and not any(durable for durable, _ in seen)
