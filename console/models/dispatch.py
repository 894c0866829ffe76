"""Officers, dispatches to a place, anti-fraud interventions, and small service requests from residents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Column, ForeignKey, Index, Integer, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned

OFFICER_STATUSES = ("available", "dispatched", "en_route", "on_scene", "off_duty")
# A dispatch is en route until it arrives (on scene), then closed when cleared.
DISPATCH_STATUSES = ("en_route", "on_scene", "closed")
CALL_RESULTS = ("reached", "no_answer", "refused")
INTERVENTION_OUTCOMES = ("stopped", "transferred", "not_fraud", "unreachable")

dispatch_officer = Table(
    "dispatch_officer",
    Base.metadata,
    Column("dispatch_id", ForeignKey("dispatch.id"), primary_key=True),
    Column("officer_id", ForeignKey("officer.id"), primary_key=True),
)

# Every alert a dispatch covers (``dispatch.alert_id`` is the one it was sent for); an alert may
# get several dispatches.
dispatch_alert = Table(
    "dispatch_alert",
    Base.metadata,
    Column("dispatch_id", ForeignKey("dispatch.id"), primary_key=True),
    Column("alert_id", ForeignKey("alert.id"), primary_key=True, index=True),
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
    # The grid cell the officer covers. No foreign key: grid_cell already points at officer, and
    # adding one would rebuild the table on SQLite; OfficerService checks the cell exists.
    grid_cell_id: Mapped[int | None] = mapped_column(Integer)
    # When the status last changed (the board's "time in status"); null for rows older than it.
    status_since: Mapped[dt.datetime | None] = mapped_column()


class OfficerStatusChange(Base):
    """Append-only history of an officer's status: what, when, why, by whom."""

    __tablename__ = "officer_status_change"
    __table_args__ = (Index("ix_officer_status_change_officer_at", "officer_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    status: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column()
    dispatch_id: Mapped[int | None] = mapped_column(ForeignKey("dispatch.id"))
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reason: Mapped[str] = mapped_column(Text, default="")


class Dispatch(Versioned, Base):
    __tablename__ = "dispatch"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alert.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("theft_case.id"))
    service_request_id: Mapped[int | None] = mapped_column(ForeignKey("service_request.id"))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    status: Mapped[str] = mapped_column(String(16), default="en_route")  # en_route, on_scene, closed
    # The response clock: received (the alert's raised_at) → acknowledged → dispatched → arrived
    # → cleared (closed_at).
    received_at: Mapped[dt.datetime | None] = mapped_column()
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column()
    dispatched_at: Mapped[dt.datetime] = mapped_column(index=True)  # the figures' periods (0010)
    dispatched_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    arrived_at: Mapped[dt.datetime | None] = mapped_column()
    closed_at: Mapped[dt.datetime | None] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    # Why an off-duty or busy officer was sent anyway (empty: nobody was overridden).
    override_reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")


class FraudIntervention(Versioned, Base):
    """The anti-fraud card of one ``fraud_risk`` alert: call attempts, then an outcome."""

    __tablename__ = "fraud_intervention"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alert.id"), unique=True)
    opened_at: Mapped[dt.datetime] = mapped_column()
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    stop_payment_requested_at: Mapped[dt.datetime | None] = mapped_column()
    outcome: Mapped[str | None] = mapped_column(String(16))
    # Yuan, exact: money is never a float.
    saved: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    closed_at: Mapped[dt.datetime | None] = mapped_column(index=True)  # the figures' periods (0010)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class InterventionCall(Base):
    """One attempt to reach the resident (or the bank): reached, no answer, refused."""

    __tablename__ = "intervention_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    intervention_id: Mapped[int] = mapped_column(ForeignKey("fraud_intervention.id"), index=True)
    result: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column()
    called_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


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


# How the duty room reached a community's property manager (物业) about an alert.
CONTACT_METHODS = ("phone", "in_person", "radio", "message")


class ManagerContact(Base):
    """Append-only log: the property manager was notified about an alert — by whom, when, how."""

    __tablename__ = "manager_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alert.id"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    # The database server's time, so that every console's log reads in one order.
    at: Mapped[dt.datetime] = mapped_column()
    by_user: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # The caller's name as shown (the integration account ``cli`` has no user row).
    by_name: Mapped[str] = mapped_column(String(50), default="")
    how: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
