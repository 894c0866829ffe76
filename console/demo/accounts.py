"""The demo district's accounts: one per role, with demo-only passwords (printed in the README).

Created by ``run --demo`` when missing, never on a real station's database: a station's first
start asks for its system administrator instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from console.models import GridCell

# (user name, display name, role, password)
DEMO_ACCOUNTS: tuple[tuple[str, str, str, str], ...] = (
    ("demo", "值班民警(演示)", "duty_officer", "Duty-demo-2026"),
    ("community", "社区民警(演示)", "community_officer", "Community-demo-2026"),
    ("investigator", "办案民警(演示)", "investigator", "Investigator-demo-2026"),
    ("supervisor", "所领导(演示)", "supervisor", "Supervisor-demo-2026"),
    ("sysadmin", "系统管理员(演示)", "system_admin", "Sysadmin-demo-2026"),
    ("secadmin", "安全管理员(演示)", "security_admin", "Security-demo-2026"),
    ("auditor", "审计管理员(演示)", "audit_admin", "Auditor-demo-2026"),
)


def ensure_demo_accounts(accounts: Any, engine: Engine) -> None:
    """Create the demo accounts that are missing, or give a passwordless one its demo password.

    The demo community officer is the officer who keeps the district's first grid cell, so that
    account sees the households of that officer's cells and no others.
    """
    existing = {a.username: a for a in accounts.list_users(_lister())}
    for username, name, role, password in DEMO_ACCOUNTS:
        found = existing.get(username)
        if found is None or not found.has_password:
            accounts.provision(username, name, role, password)
            if role == "community_officer":
                accounts.link_officer(_lister(), username, _first_cell_officer(engine))


def _first_cell_officer(engine: Engine) -> int | None:
    with engine.connect() as conn:
        return conn.execute(
            select(GridCell.officer_id).where(GridCell.officer_id.is_not(None)).order_by(GridCell.id).limit(1)
        ).scalar()


def _lister() -> Any:
    from console.security import Actor, Permission

    return Actor(None, "setup", "演示数据", "", frozenset({Permission.MANAGE_USERS}))
