"""Devices, events from them, watchlists and the alerts they raise."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned

SEVERITIES = ("critical", "high", "medium", "low")
ALERT_STATUSES = ("new", "acknowledged", "dispatched", "resolved")
EVENT_KINDS = ("plate_read", "person_entry", "fraud_risk", "report")
OUTCOMES = ("confirmed", "false_alarm", "misread", "handled_by_others")


class Device(Versioned, Base):
    __tablename__ = "device"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    kind: Mapped[str] = mapped_column(String(32))  # plate-camera, access-control, ...
    name: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        Index("ix_event_plate_at", "plate", "at"),
        Index("ix_event_id_number_at", "id_number", "at"),
        Index("ix_event_alert", "alert_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(index=True)
    received_at: Mapped[dt.datetime] = mapped_column()
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    device: Mapped[str | None] = mapped_column(String(64))
    plate: Mapped[str | None] = mapped_column(String(8))
    id_number: Mapped[str | None] = mapped_column(String(18))
    phone: Mapped[str | None] = mapped_column(String(11))
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alert.id"))
    # The event as received (JSON), unknown extra fields included.
    payload: Mapped[str] = mapped_column(Text)


class WatchlistEntry(Versioned, Base):
    __tablename__ = "watchlist_entry"
    __table_args__ = (
        Index("ix_watchlist_plate", "plate"),
        Index("ix_watchlist_id_number", "id_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # person | vehicle
    id_number: Mapped[str | None] = mapped_column(String(18))
    plate: Mapped[str | None] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(50), default="")
    reason: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(8))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("theft_case.id"), index=True)
    expires_at: Mapped[dt.datetime | None] = mapped_column()
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column()


class Alert(Versioned, Base):
    __tablename__ = "alert"
    __table_args__ = (
        Index("ix_alert_feed", "severity_rank", "id"),
        Index("ix_alert_status_id", "status", "id"),
        Index("ix_alert_community_id", "community_id", "id"),
        Index("ix_alert_group", "group_key", "status", "last_event_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # the event kind that raised it
    severity: Mapped[str] = mapped_column(String(8))
    # 0 critical .. 3 low: sorts and filters by severity with an index.
    severity_rank: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="new")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    watchlist_entry_id: Mapped[int | None] = mapped_column(ForeignKey("watchlist_entry.id"))
    # Same watchlist entry + same community within 10 minutes -> one alert.
    group_key: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text, default="")
    count: Mapped[int] = mapped_column(Integer, default=1)
    first_event_at: Mapped[dt.datetime] = mapped_column()
    last_event_at: Mapped[dt.datetime] = mapped_column()
    raised_at: Mapped[dt.datetime] = mapped_column()
    updated_at: Mapped[dt.datetime] = mapped_column(index=True)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column()
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    dispatched_at: Mapped[dt.datetime | None] = mapped_column()
    dispatched_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    resolved_at: Mapped[dt.datetime | None] = mapped_column()
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    escalated_at: Mapped[dt.datetime | None] = mapped_column()
    outcome: Mapped[str | None] = mapped_column(String(20))
    # For plate reads: was the plate read correctly? Feeds per-device precision.
    read_correct: Mapped[bool | None] = mapped_column(Boolean)
    fraud_amount_saved: Mapped[float | None] = mapped_column(Float)
    resolution_note: Mapped[str] = mapped_column(Text, default="")
