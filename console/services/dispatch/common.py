"""What the dispatch services share: the audit line with the operating-system user, row locks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from console.clock import Clock
from console.security import Actor
from console.services.base import write_audit


def audit(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    clock: Clock,
    **detail: Any,
) -> None:
    """write_audit (which records the operating-system user behind the command line's account)."""
    write_audit(session, actor, action, entity, entity_id, clock, **detail)


def locked(session: Session, stmt: Select[Any]) -> Select[Any]:
    """``stmt`` FOR UPDATE on PostgreSQL (SQLite has one writer at a time and no row locks)."""
    if session.get_bind().dialect.name == "postgresql":
        return stmt.with_for_update()
    return stmt
