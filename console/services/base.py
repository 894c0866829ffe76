"""What every service shares: a session factory, the clock, and writing the audit log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session, sessionmaker

from console.clock import Clock, SystemClock
from console.models import AuditLog
from console.security import Actor


class Service:
    """Base of the station's use cases: each public method runs in its own transaction."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None = None) -> None:
        self._sessions = sessions
        self._clock = clock or SystemClock()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A connection for one read-only use case, in autocommit.

        No transaction means no BEGIN and ROLLBACK round trips: on PostgreSQL that halves the
        time of a one-query lookup (search, a live feed update).
        """
        with self._sessions() as session:
            if self.backend == "postgresql":
                yield session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            else:  # the SQLite driver opens no transaction for a SELECT anyway
                yield session.connection()

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
    **detail: Any,
) -> None:
    """Append one line to the audit log in the caller's transaction."""
    session.execute(
        insert(AuditLog).values(
            at=clock.now(),
            user_id=actor.user_id,
            username=actor.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else "",
        )
    )
