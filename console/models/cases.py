"""Theft cases, the people in them, vehicles, and stolen property with its custody trail."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, Index, String, Text, cast
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned

CASE_STATUSES = ("open", "solved", "closed")
PARTY_ROLES = ("suspect", "victim", "complainant")
PROPERTY_STATUSES = ("stolen", "recovered", "returned")


class TheftCase(Versioned, Base):
    __tablename__ = "theft_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="盗窃")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")
    occurred_at: Mapped[dt.datetime] = mapped_column()
    reported_at: Mapped[dt.datetime] = mapped_column(index=True)
    solved_at: Mapped[dt.datetime | None] = mapped_column()
    victim_notified_at: Mapped[dt.datetime | None] = mapped_column()
    lead_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))


class CaseParty(Versioned, Base):
    __tablename__ = "case_party"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"))
    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(11))
    note: Mapped[str] = mapped_column(Text, default="")


class Vehicle(Versioned, Base):
    __tablename__ = "vehicle"

    id: Mapped[int] = mapped_column(primary_key=True)
    plate: Mapped[str] = mapped_column(String(8), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="小型汽车")
    brand: Mapped[str] = mapped_column(String(50), default="")
    colour: Mapped[str] = mapped_column(String(16), default="")
    # indexed for search (migration 0003)
    owner_name: Mapped[str] = mapped_column(String(50), default="", index=True)
    owner_id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    owner_phone: Mapped[str | None] = mapped_column(String(11), index=True)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("theft_case.id"))


# PostgreSQL-only plate indexes of migration 0003 (see console/models/registry.py for the form).
Index("ix_vehicle_plate_c", cast(Vehicle.__table__.c.plate, Text)).ddl_if(dialect="postgresql")
Index("ix_vehicle_plate_trgm", cast(Vehicle.__table__.c.plate, Text), postgresql_using="gin").ddl_if(
    dialect="postgresql"
)


class PropertyItem(Versioned, Base):
    __tablename__ = "property_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"), index=True)
    description: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))  # 电缆, 手机, 电动车, ...
    quantity: Mapped[int] = mapped_column(default=1)
    value_yuan: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(16), default="stolen")
    owner_party_id: Mapped[int | None] = mapped_column(ForeignKey("case_party.id"))


class CustodyEvent(Base):
    __tablename__ = "custody_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    property_item_id: Mapped[int] = mapped_column(ForeignKey("property_item.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # reported_stolen, recovered, stored, returned
    at: Mapped[dt.datetime] = mapped_column()
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    location: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
