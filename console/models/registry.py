"""The registry (一标三实): station, grid cells, communities, buildings, households, residents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    cast,
    func,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned


class Station(Versioned, Base):
    __tablename__ = "station"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    district: Mapped[str] = mapped_column(String(100), default="")
    # Verification colour thresholds in days (DOMAIN.md: orange after 30, red after 90).
    orange_after_days: Mapped[int] = mapped_column(Integer, default=30)
    red_after_days: Mapped[int] = mapped_column(Integer, default=90)
    escalate_after_seconds: Mapped[int] = mapped_column(Integer, default=60)
    # A dispatch should be at the door within this many seconds of the warning (cases.md).
    response_target_seconds: Mapped[int] = mapped_column(Integer, default=600, server_default="600")
    # Cases of one category at one place within this many days are proposed as a series (串案).
    series_window_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")


class GridCell(Versioned, Base):
    __tablename__ = "grid_cell"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))


class Community(Versioned, Base):
    __tablename__ = "community"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"))
    grid_cell_id: Mapped[int | None] = mapped_column(ForeignKey("grid_cell.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    property_manager_company: Mapped[str] = mapped_column(String(100), default="")
    property_manager_name: Mapped[str] = mapped_column(String(50), default="")
    property_manager_phone: Mapped[str] = mapped_column(String(20), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # GeoJSON polygon ring [[lon, lat], ...] as JSON text; absent -> drawn as a circle.
    outline: Mapped[str | None] = mapped_column(Text)
    smart_gate: Mapped[bool] = mapped_column(Boolean, default=False)


class Building(Versioned, Base):
    __tablename__ = "building"
    __table_args__ = (UniqueConstraint("community_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    name: Mapped[str] = mapped_column(String(32))
    floors: Mapped[int] = mapped_column(Integer, default=1)
    units: Mapped[int] = mapped_column(Integer, default=1)
    rooms_per_floor: Mapped[int] = mapped_column(Integer, default=1)


class Household(Versioned, Base):
    __tablename__ = "household"
    __table_args__ = (
        UniqueConstraint("building_id", "unit", "room"),
        Index("ix_household_community_verified", "community_id", "last_verified_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id"))
    unit: Mapped[str] = mapped_column(String(16), default="")
    floor: Mapped[int] = mapped_column(Integer)
    room: Mapped[str] = mapped_column(String(16), index=True)  # search by room (migration 0003)
    # 自住 owner-occupied, 出租 rented, 群租 group rental, 空置 vacant, 商用 commercial
    housing_use: Mapped[str] = mapped_column(String(8), default="自住")
    last_verified_at: Mapped[dt.datetime | None] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")


class Resident(Versioned, Base):
    __tablename__ = "resident"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), default="", index=True)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    phone: Mapped[str | None] = mapped_column(String(11), index=True)
    relation: Mapped[str] = mapped_column(String(16), default="")
    criminal_record: Mapped[str] = mapped_column(String(32), default="")
    moved_out_at: Mapped[dt.datetime | None] = mapped_column()


# Search indexes (migration 0003 creates them; see console/services/search.py). The expression
# forms: the last 4 digits of ID and phone numbers, the birth date in an ID number, the given
# name. PostgreSQL only: code-point ("C") collation indexes for prefix ranges and pg_trgm GIN
# indexes for substrings; declared on ``CAST(col AS TEXT)`` because that is what PostgreSQL
# reflects (it does not report the collation or the operator class), so that autogenerate sees
# no drift on either backend.
_r = Resident.__table__.c
Index("ix_resident_id_last4", func.substr(_r.id_number, literal_column("15")))
Index("ix_resident_phone_last4", func.substr(_r.phone, literal_column("8")))
Index("ix_resident_birth_date", func.substr(_r.id_number, literal_column("7"), literal_column("8")))
Index("ix_resident_name_last1", func.substr(_r.name, func.length(_r.name)))
Index("ix_resident_name_last2", func.substr(_r.name, func.length(_r.name) - literal_column("1")))
for _col in ("name", "id_number", "phone"):
    Index(f"ix_resident_{_col}_c", cast(_r[_col], Text)).ddl_if(dialect="postgresql")
    Index(f"ix_resident_{_col}_trgm", cast(_r[_col], Text), postgresql_using="gin").ddl_if(
        dialect="postgresql"
    )


class Organisation(Versioned, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("building.id"))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32), default="")
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")


class VerificationVisit(Base):
    __tablename__ = "verification_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    visited_at: Mapped[dt.datetime] = mapped_column()
    residents_confirmed: Mapped[int] = mapped_column(Integer, default=0)
    residents_added: Mapped[int] = mapped_column(Integer, default=0)
    residents_moved_out: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
