"""Roles: the administrator split into system, security and audit administrators; account lockout

Revision ID: 0011
Revises: 0010

MLPS 2.0 level 3 separates the system, security and audit administrators. The single ``admin``
role (which held every permission) becomes ``system_admin`` with the system administrator's
permissions only; ``leader`` becomes ``supervisor`` with the operational permissions (no account,
security or audit administration). ``security_admin`` and ``audit_admin`` are created at start by
``UserService.ensure_default_roles`` like any missing default role.

Accounts gain ``failed_since`` (the first of the failed sign-ins being counted) and ``locked_at``
(five failures within 15 minutes lock the account until an administrator unlocks it).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPERATIONS = (
    "configure_station dispatch edit_cases edit_registry export handle_property import_registry "
    "manage_officers manage_watchlist triage_alerts unmask_personal_data verify_households view_alerts "
    "view_cases view_registry view_statistics"
)


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("failed_since", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True))
    conn = op.get_bind()
    conn.execute(
        sa.text("UPDATE role SET name = 'system_admin', permissions = :p WHERE name = 'admin'"),
        {"p": "configure_station manage_users"},
    )
    conn.execute(
        sa.text("UPDATE role SET name = 'supervisor', permissions = :p WHERE name = 'leader'"), {"p": OPERATIONS}
    )


def downgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("locked_at")
        batch.drop_column("failed_since")
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE role SET name = 'admin' WHERE name = 'system_admin'"))
    conn.execute(sa.text("UPDATE role SET name = 'leader' WHERE name = 'supervisor'"))
