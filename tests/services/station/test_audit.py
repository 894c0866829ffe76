"""The audit log: hash-chained, stamped by the server's clock, append-only for the application's role."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.models import AuditLog
from console.security import Actor
from console.services.base import write_audit
from console.services.station import AuditService


def _log(sessions: sessionmaker[Session], actor: Actor, n: int) -> None:
    clock = FixedClock(dt.datetime(2001, 1, 1, tzinfo=dt.UTC))  # a console whose clock is far off
    for i in range(n):
        with sessions.begin() as s:
            write_audit(s, actor, "view_personal_data", "resident", i + 1, clock, reason="核查")


def test_an_untouched_log_verifies_and_rows_carry_the_servers_clock(
    sessions: sessionmaker[Session], duty_officer: Actor
) -> None:
    before = dt.datetime.now(dt.UTC)
    _log(sessions, duty_officer, 5)
    check = AuditService(sessions).verify()
    assert (check.ok, check.first_bad_id) == (True, None) and check.rows >= 5
    with sessions() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    # The server's time (not the console's 2001), to the hundredth of a second, and where from.
    assert abs((last.at - before).total_seconds()) < 60
    assert last.at.microsecond % 10_000 == 0
    assert last.console and last.outcome == "ok" and len(last.row_hash) == 64


def test_the_application_cannot_update_or_delete_audit_rows(
    sessions: sessionmaker[Session], duty_officer: Actor
) -> None:
    _log(sessions, duty_officer, 2)
    for statement in ("UPDATE audit_log SET username = 'nobody'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), sessions.begin() as s:
            s.execute(text(statement))
    assert AuditService(sessions).verify().ok


def test_postgresql_refuses_truncate_too(
    engine: Engine, sessions: sessionmaker[Session], duty_officer: Actor
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's")
    _log(sessions, duty_officer, 1)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_log"))


def _tamper(engine: Engine, statement: str, row_id: int) -> None:
    """Change the log behind the triggers' back, as someone with the database file or its owner could."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
            conn.execute(text(statement), {"id": row_id})
            conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))
        return
    raw = sqlite3.connect(str(engine.url.database))
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("DROP TRIGGER audit_log_no_delete")
    raw.execute(statement, {"id": row_id})
    raw.commit()
    raw.close()


@pytest.mark.parametrize(
    ("statement", "bad"),
    [
        ("UPDATE audit_log SET detail = '' WHERE id = :id", 0),  # a past row edited: that row
        ("UPDATE audit_log SET at = at WHERE id = :id", None),  # nothing really changed: still intact
        ("DELETE FROM audit_log WHERE id = :id", 1),  # a row removed: the next row's link breaks
    ],
)
def test_verify_reports_the_first_broken_link(
    engine: Engine, sessions: sessionmaker[Session], duty_officer: Actor, statement: str, bad: int | None
) -> None:
    _log(sessions, duty_officer, 6)
    with sessions() as s:
        ids = list(s.scalars(select(AuditLog.id).order_by(AuditLog.id)))
    target = ids[2]
    _tamper(engine, statement, target)
    check = AuditService(sessions).verify()
    if bad is None:
        assert check.ok
    else:
        assert (check.ok, check.first_bad_id) == (False, ids[2 + bad])


def test_cli_audit_verify(
    engine: Engine, db_url: str, sessions: sessionmaker[Session], duty_officer: Actor
) -> None:
    _log(sessions, duty_officer, 3)

    def verify() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "console", "--db", db_url, "audit", "verify"],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

    done = verify()
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"rows": 3, "ok": True}
    with sessions() as s:
        second = list(s.scalars(select(AuditLog.id).order_by(AuditLog.id)))[1]
    _tamper(engine, "UPDATE audit_log SET username = 'someone' WHERE id = :id", second)
    done = verify()
    assert done.returncode == 1
    assert json.loads(done.stdout) == {"ok": False, "first_bad_id": second}
