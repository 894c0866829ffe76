"""The change log that keeps every console in sync, and the indexes the live feed pages by.

Triggers (Alembic revision 0002) append one row per changed alert, household or watchlist entry;
consoles read the rows newer than the last one they saw (``console.live.ChangeFeed``). On
PostgreSQL the same trigger also sends ``NOTIFY duty_console`` so a listener wakes at once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.alerts import Alert
from console.models.base import Base

CHANGE_TOPICS = ("alert", "household", "watchlist")
NOTIFY_CHANNEL = "duty_console"


class ChangeLog(Base):
    __tablename__ = "change_log"
    # AUTOINCREMENT on SQLite: ids are never reused after pruning, so "id > last seen" stays true.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    topic: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(index=True)


# Indexes the feed needs beyond those of revision 0001 (created in revision 0002). Declared
# here, against the alert table, so that the models and the migrations stay identical.
ix_alert_kind_id = Index("ix_alert_kind_id", Alert.__table__.c.kind, Alert.__table__.c.id)
ix_alert_watchlist_id = Index(
    "ix_alert_watchlist_id", Alert.__table__.c.watchlist_entry_id, Alert.__table__.c.id
)
# "Escalated and still unacknowledged" rows are pinned to the top of the feed.
ix_alert_status_escalated = Index(
    "ix_alert_status_escalated", Alert.__table__.c.status, Alert.__table__.c.escalated_at
)
# The urgent-banner count (new critical/high alerts) as one short index range (revision 0004).
ix_alert_status_rank = Index(
    "ix_alert_status_rank", Alert.__table__.c.status, Alert.__table__.c.severity_rank
)
