"""Users, roles and the audit log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned


class Role(Versioned, Base):
    __tablename__ = "role"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(50))
    # Space-separated permission names (console.security.Permission values).
    permissions: Mapped[str] = mapped_column(Text, default="")


class User(Versioned, Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    failed_since: Mapped[dt.datetime | None]  # the first failed sign-in of the current count
    locked_at: Mapped[dt.datetime | None]  # locked after 5 failures in 15 minutes, until unlocked


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))  # view_personal_data, unmask, create, update, ...
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")
    console: Mapped[str] = mapped_column(String(64), default="", server_default="")  # host / console name
    outcome: Mapped[str] = mapped_column(
        String(16), default="ok", server_default="ok"
    )  # ok | refused | failed
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
