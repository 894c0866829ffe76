"""What every service shares: the named ways to reach the database, the clock, the audit log.

A service opens the database only through these, so each use case says what it needs:
``_read()`` (a Connection in autocommit, for lookups), ``_write()`` (a Session in one
transaction), ``_write_locked()`` (the same, holding SQLite's write lock from the start) or
``_read_streamed()`` (a large result in chunks). Optimistic locking is ``guarded_update``.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import logging
import os
import platform
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console.clock import Clock, SystemClock
from console.errors import ConflictError, PermissionDenied, UserError
from console.models import AuditLog
from console.security import Actor
from console.services.audit_chain import audit_hash, audit_time, audit_time_text

log = logging.getLogger(__name__)


class Service:
    """Base of the station's use cases: each public method runs in its own transaction.

    Every public method of a subclass is wrapped so that a refusal (``PermissionDenied`` from
    ``Actor.require``) is written to the audit log, in a transaction of its own, before it
    reaches the caller: no refusal goes unrecorded, whichever service refused.

    The same wrapper re-runs a whole use case that PostgreSQL rolled back as a serialization
    failure (SQLSTATE 40001) or a deadlock victim (40P01), up to ``RETRIES`` times after a short
    random pause (see ``_retryable``): the rolled-back attempt left nothing behind, and the next
    one reads afresh.
    """

    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None = None) -> None:
        self._sessions = sessions
        self._clock = clock or SystemClock()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if name.startswith("_") or not inspect.isfunction(member):
                continue
            setattr(cls, name, _audits_refusals(member))

    def _audit_refusal(self, refused: PermissionDenied, action: str) -> None:
        if refused.audited or refused.actor is None:
            return
        try:
            with self._write() as s:
                write_audit(
                    s,
                    refused.actor,
                    action,
                    type(self).__name__,
                    None,
                    self._clock,
                    outcome="refused",
                    permission=refused.params.get("permission"),
                )
            refused.audited = True
        except Exception:  # the refusal itself must still reach the user
            log.warning("could not audit a refused %s", action, exc_info=True)

    def _now(self, conn: Connection | Session) -> dt.datetime:
        """Now by the database server's clock, for what a use case stores or compares with stored
        times; a pinned clock (tests, demo data: ``FixedClock``) is taken instead."""
        return self._clock.now() if getattr(self._clock, "pinned", False) else server_time(conn)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A Session in one transaction for one use case: committed on success, rolled back on error."""
        with self._sessions.begin() as session:
            yield session
        call = _outermost.get()
        if call is not None:
            call.committed = True  # from now on a re-run could write twice: no retry

    @contextmanager
    def _write_locked(self) -> Iterator[Session]:
        """``_write()``, holding the database's write lock from its first statement on SQLite.

        For a use case that reads rows and then decides what to write from them (is the officer
        still free? is the alert still unescalated?). SQLite's deferred transactions let two
        consoles read the same rows and then fail to upgrade their lock ("database is locked");
        BEGIN IMMEDIATE makes the second wait for the first and then read what it wrote.
        PostgreSQL locks rows instead (``SELECT ... FOR UPDATE`` or an advisory lock, taken by the
        caller), so there this is ``_write()``.
        """
        with self._write() as session:
            if self.backend == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection for one read-only use case, in autocommit.

        No transaction means no BEGIN and ROLLBACK round trips: on PostgreSQL that halves the
        time of a one-query lookup (search, a live feed update).
        """
        with self._sessions() as session:
            if self.backend == "postgresql":
                yield session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            else:  # the SQLite driver opens no transaction for a SELECT anyway
                yield session.connection()

    @contextmanager
    def _read_streamed(self, chunk: int) -> Iterator[Connection]:
        """A connection for reading a large result ``chunk`` rows at a time (an export).

        A server-side cursor on PostgreSQL, which declares one only inside a transaction, so unlike
        ``_read()`` this opens one (rolled back at the end: nothing is written); on SQLite a
        lazily stepped cursor.
        """
        with (
            self._sessions() as session,
            session.connection().execution_options(stream_results=True, yield_per=chunk) as conn,
        ):
            yield conn

    @property
    def backend(self) -> str:
        bind = self._sessions.kw.get("bind")
        return bind.dialect.name if bind is not None else "sqlite"


def write_audit(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    clock: Clock,
    *,
    outcome: str = "ok",
    **detail: Any,
) -> None:
    """Append one line to the audit log in the caller's transaction, chained to the line before.

    Stamped with the database server's clock (UTC, hundredths of a second; ``clock`` is kept for
    the callers' signature) and the console it came from. On PostgreSQL a transaction-scoped
    advisory lock makes concurrent writers take turns, so the chain never forks; on SQLite the
    database's single writer does the same.
    """
    del clock  # the server's clock, not the console's, dates the log
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(AUDIT_CHAIN_LOCK)))
    prev = session.execute(select(AuditLog.row_hash).order_by(AuditLog.id.desc()).limit(1)).scalar() or ""
    at = audit_time(server_time(session))
    if actor.os_user:
        detail["os_user"] = actor.os_user
    text = json.dumps(detail, ensure_ascii=False, default=str) if detail else ""
    console = console_name()
    session.execute(
        insert(AuditLog).values(
            at=at,
            user_id=actor.user_id,
            username=actor.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=text,
            console=console,
            outcome=outcome,
            prev_hash=prev,
            row_hash=audit_hash(
                prev,
                audit_time_text(at),
                actor.user_id,
                actor.username,
                action,
                entity,
                entity_id,
                text,
                console,
                outcome,
            ),
        )
    )


RETRIES = 3  # re-runs of a use case after a serialization failure or a deadlock (PostgreSQL)
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected


@dataclass
class _Call:
    """The outermost public service call running in this thread (or task)."""

    committed: bool = False


_outermost: ContextVar[_Call | None] = ContextVar("duty_console_outermost_call", default=None)


def is_retryable(exc: BaseException) -> bool:
    """A transaction the server rolled back only because of another one: trying again may succeed.

    As SQLAlchemy wraps the driver's error, or straight from a raw driver cursor (ingest's COPY).
    """
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return getattr(orig, "sqlstate", None) in RETRYABLE_SQLSTATES


def retry_pause(attempt: int) -> float:
    """Seconds before re-run ``attempt`` (1, 2, ...): 20–60 ms doubling, jittered so two
    consoles that collided do not collide again in step."""
    return random.uniform(0.02, 0.06) * 2 ** (attempt - 1)  # noqa: S311 (timing, not secrecy)


def _retryable(self: Service, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """May this call re-run itself? Only the outermost public call of a use case may: one made
    inside another's transaction (nested, or joined with ``in_session``) must fail with it and
    let the outermost re-run the whole. A call handed a one-shot iterator may not either: a
    re-run would miss what the first attempt consumed."""
    if _outermost.get() is not None or getattr(self, "_joined", None) is not None:
        return False
    return not any(isinstance(a, Iterator) for a in (*args, *kwargs.values()))


def _audits_refusals(method: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.isgeneratorfunction(method):  # refused when first stepped, not when called
        # Never re-run: what it yielded before failing has already been handed on.

        @functools.wraps(method)
        def audited_steps(self: Service, *args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                return (yield from method(self, *args, **kwargs))
            except PermissionDenied as refused:
                self._audit_refusal(refused, method.__name__)
                raise

        return audited_steps

    def attempt(self: Service, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        try:
            return method(self, *args, **kwargs)
        except PermissionDenied as refused:
            self._audit_refusal(refused, method.__name__)
            raise

    @functools.wraps(method)
    def audited(self: Service, *args: Any, **kwargs: Any) -> Any:
        if not _retryable(self, args, kwargs):
            return attempt(self, args, kwargs)
        call = _Call()
        token = _outermost.set(call)
        try:
            for tried in range(1, RETRIES + 2):
                try:
                    return attempt(self, args, kwargs)
                except Exception as exc:
                    if tried > RETRIES or call.committed or not is_retryable(exc):
                        raise
                    pause = retry_pause(tried)
                    state = getattr(exc.orig if isinstance(exc, DBAPIError) else exc, "sqlstate", "")
                    log.warning(
                        "%s.%s: %s (SQLSTATE %s); re-running it in %.0f ms (%d of %d)",
                        type(self).__name__,
                        method.__name__,
                        "deadlock" if state == "40P01" else "serialization failure",
                        state,
                        pause * 1000,
                        tried,
                        RETRIES,
                    )
                    time.sleep(pause)
            raise AssertionError("unreachable")  # the last attempt returns or raises
        finally:
            _outermost.reset(token)

    return audited


AUDIT_CHAIN_LOCK = 0x61756469  # "audi": the advisory lock key of the audit chain


def console_name() -> str:
    """The console (computer) an action came from, as the audit log records it."""
    return (os.environ.get("DUTY_CONSOLE_NAME") or platform.node() or "console")[:64]


def guarded_update(
    session: Session,
    table: Any,
    row_id: int,
    expected_version: int | None,
    what: str,
    *,
    conflict: Callable[[int], UserError] | None = None,
    missing: Callable[[], UserError] | None = None,
    **values: Any,
) -> int:
    """Optimistic locking in one place: update one row only if nobody changed it since it was read.

    ``table`` is a mapped class or a Table with ``id`` and ``version`` columns. With
    ``expected_version`` None the current version is taken (no conflict check, but still atomic).
    Bumps ``version`` and returns the new one. Raises ``UserError("record.not_found")`` for a
    missing row and ``ConflictError`` (naming ``what``, e.g. "预警 #12") when another console
    changed it first; the caller's transaction then rolls back, so nothing partial is written.

    A use case with words of its own for these passes ``conflict`` (called with the version the
    row has now) and/or ``missing``, each returning the error to raise, e.g.
    ``conflict=lambda now: ConflictError("watchlist.changed", entry_id=7, version=now)``.
    """
    t: Table = table.__table__ if hasattr(table, "__table__") else table
    current = session.execute(select(t.c.version).where(t.c.id == row_id)).scalar_one_or_none()
    if current is None:
        raise missing() if missing is not None else UserError("record.not_found", what=what)
    if expected_version is not None and current != expected_version:
        raise conflict(current) if conflict is not None else ConflictError(what=what)
    done = session.connection().execute(
        update(t).where(t.c.id == row_id, t.c.version == current).values(version=current + 1, **values)
    )
    if done.rowcount != 1:  # changed (or deleted) by another transaction between the two statements
        now = session.execute(select(t.c.version).where(t.c.id == row_id)).scalar_one_or_none()
        if now is None:
            raise missing() if missing is not None else UserError("record.not_found", what=what)
        raise conflict(now) if conflict is not None else ConflictError(what=what)
    return int(current) + 1


def _server_clock(dialect: str) -> Any:
    if dialect == "postgresql":
        return func.now()  # the transaction's start: one instant for every statement in it
    return func.strftime("%Y-%m-%d %H:%M:%f000", "now")


def server_now(session: Session) -> Any:
    """The database server's clock as an SQL expression, so that every console stamps the same time."""
    return _server_clock(session.get_bind().dialect.name)


def server_time(conn: Connection | Session) -> dt.datetime:
    """The database server's clock read now, in UTC (for values a use case computes with)."""
    dialect = conn.get_bind().dialect if isinstance(conn, Session) else conn.dialect
    value = conn.execute(select(_server_clock(dialect.name))).scalar_one()
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)
