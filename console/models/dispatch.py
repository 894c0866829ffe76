"""Officers, dispatches to a place, and small service requests from residents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned

OFFICER_STATUSES = ("available", "dispatched", "on_scene", "off_duty")

dispatch_officer = Table(
    "dispatch_officer",
    Base.metadata,
    Column("dispatch_id", ForeignKey("dispatch.id"), primary_key=True),
    Column("officer_id", ForeignKey("officer.id"), primary_key=True),
)


class Officer(Versioned, Base):
    __tablename__ = "officer"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"))
    badge_no: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(32))  # 值班民警, 社区民警, 网格员, 办案队, 所领导
    team: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(11), default="")
    status: Mapped[str] = mapped_column(String(16), default="available")


class Dispatch(Versioned, Base):
    __tablename__ = "dispatch"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alert.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("theft_case.id"))
    service_request_id: Mapped[int | None] = mapped_column(ForeignKey("service_request.id"))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    status: Mapped[str] = mapped_column(String(16), default="en_route")  # en_route, on_scene, closed
    dispatched_at: Mapped[dt.datetime] = mapped_column()
    dispatched_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    arrived_at: Mapped[dt.datetime | None] = mapped_column()
    closed_at: Mapped[dt.datetime | None] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")


class ServiceRequest(Versioned, Base):
    __tablename__ = "service_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # lost-keys, lost-pet, lost-item, other
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    reporter_name: Mapped[str] = mapped_column(String(50), default="")
    reporter_phone: Mapped[str] = mapped_column(String(11), default="")
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[dt.datetime] = mapped_column()
    closed_at: Mapped[dt.datetime | None] = mapped_column()
