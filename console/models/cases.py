"""Theft cases, the people in them, vehicles, and stolen property with its custody trail."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint, cast
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned

CASE_STATUSES = ("open", "solved", "closed")
PARTY_ROLES = ("suspect", "victim", "complainant")
PROPERTY_STATUSES = ("stolen", "recovered", "returned")


class TheftCase(Versioned, Base):
    """A case (案件). ``title`` is the summary (简要案情), ``description`` the narrative."""

    __tablename__ = "theft_case"
    __table_args__ = (Index("ix_theft_case_category_reported", "category", "reported_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="盗窃")
    # One of console.services.cases.rules.CATEGORIES (cable, phone, e-bike, ...).
    category: Mapped[str] = mapped_column(String(16), default="other", server_default="other")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    # The community as given when it is not (yet) in the registry; empty when community_id says it.
    community_text: Mapped[str] = mapped_column(String(100), default="", server_default="")
    place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    # Not known: the reported time ("at the latest when reported").
    occurred_at: Mapped[dt.datetime] = mapped_column()
    reported_at: Mapped[dt.datetime] = mapped_column(index=True)
    solved_at: Mapped[dt.datetime | None] = mapped_column()
    victim_notified_at: Mapped[dt.datetime | None] = mapped_column()
    lead_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    # A dossier merged into another of the same crime: closed, pointing at the one kept. A plain
    # integer like officer.grid_cell_id: a foreign key added to SQLite's theft_case could not be
    # dropped again without rebuilding a table others point at.
    merged_into_id: Mapped[int | None] = mapped_column(Integer, index=True)


class CaseParty(Versioned, Base):
    __tablename__ = "case_party"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"))
    name: Mapped[str] = mapped_column(String(50), index=True)  # search finds suspects by name
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(11))
    note: Mapped[str] = mapped_column(Text, default="")


class CaseLink(Base):
    """A case linked to an alert or to another case (stored once; read in both directions)."""

    __tablename__ = "case_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"), index=True)
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alert.id"), index=True)
    other_case_id: Mapped[int | None] = mapped_column(ForeignKey("theft_case.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column()
    username: Mapped[str] = mapped_column(String(32))


class CaseTimeline(Base):
    """Append-only: everything that happened to a case, in order (a trigger refuses UPDATE)."""

    __tablename__ = "case_timeline"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column()
    kind: Mapped[str] = mapped_column(String(32))  # opened, solved, linked_alert, property_added, ...
    username: Mapped[str] = mapped_column(String(32))
    actor_name: Mapped[str] = mapped_column(String(100), default="")  # the OS user for `cli`
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON


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
    case_id: Mapped[int | None] = mapped_column(ForeignKey("theft_case.id"), index=True)


# PostgreSQL-only plate indexes of migration 0003 (see console/models/registry.py for the form).
Index("ix_vehicle_plate_c", cast(Vehicle.__table__.c.plate, Text)).ddl_if(dialect="postgresql")
Index("ix_vehicle_plate_trgm", cast(Vehicle.__table__.c.plate, Text), postgresql_using="gin").ddl_if(
    dialect="postgresql"
)


class PropertyItem(Versioned, Base):
    """A stolen (or found: no case) item. Identifiers are stored normalised, indexed for matching."""

    __tablename__ = "property_item"
    __table_args__ = (Index("ix_property_item_status_recovered", "status", "recovered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("theft_case.id"), index=True)
    description: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))  # 电缆, 手机, phone, ...
    quantity: Mapped[int] = mapped_column(default=1)
    value_yuan: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    status: Mapped[str] = mapped_column(String(16), default="stolen")
    serial: Mapped[str | None] = mapped_column(String(64), index=True)
    imei: Mapped[str | None] = mapped_column(String(15), index=True)
    frame: Mapped[str | None] = mapped_column(String(32), index=True)
    owner_party_id: Mapped[int | None] = mapped_column(ForeignKey("case_party.id"))
    recovered_at: Mapped[dt.datetime | None] = mapped_column()
    recovered_place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    recovered_by: Mapped[str] = mapped_column(String(50), default="", server_default="")
    notified_at: Mapped[dt.datetime | None] = mapped_column()
    notified_how: Mapped[str] = mapped_column(String(8), default="", server_default="")
    returned_at: Mapped[dt.datetime | None] = mapped_column()
    returned_to_id_number: Mapped[str | None] = mapped_column(String(18))


class CustodyEvent(Base):
    """Append-only: who held an item, from when, where (a trigger refuses UPDATE)."""

    __tablename__ = "custody_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    property_item_id: Mapped[int] = mapped_column(ForeignKey("property_item.id"), index=True)
    # reported_stolen, found, recovered, stored, notified, returned
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column()
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    holder: Mapped[str] = mapped_column(String(100), default="", server_default="")
    username: Mapped[str] = mapped_column(String(32), default="", server_default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class CaseSeries(Versioned, Base):
    """A series (串案) the investigator confirmed: cases that look like the work of the same people."""

    __tablename__ = "case_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column()
    created_by: Mapped[str] = mapped_column(String(32))


class CaseSeriesMember(Base):
    """A case in a confirmed series (a case belongs to one series at most)."""

    __tablename__ = "case_series_member"

    case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"), primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("case_series.id"), index=True)
    added_at: Mapped[dt.datetime] = mapped_column()
    added_by: Mapped[str] = mapped_column(String(32))


class SeriesDismissal(Base):
    """A proposed pair the investigator dismissed: never proposed again. ``case_id`` < ``other_case_id``."""

    __tablename__ = "series_dismissal"
    __table_args__ = (UniqueConstraint("case_id", "other_case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"))
    other_case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column()
    username: Mapped[str] = mapped_column(String(32))


class CaseFence(Base):
    """A place where a case's stolen goods are sold (销赃地点): a scrap-recycling station, a phone shop."""

    __tablename__ = "case_fence"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("theft_case.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # console.services.cases.rules.FENCE_KINDS
    address: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[dt.datetime] = mapped_column()
    username: Mapped[str] = mapped_column(String(32))


# PostgreSQL-only "C"-collation indexes of migration 0012_case_search: search by the start of a suspect's name
# or of a case number (the same form as the plate's above).
Index("ix_case_party_name_c", cast(CaseParty.__table__.c.name, Text)).ddl_if(dialect="postgresql")
Index("ix_theft_case_case_no_c", cast(TheftCase.__table__.c.case_no, Text)).ddl_if(dialect="postgresql")
