"""The audit log hash-chained and append-only

Revision ID: 0010
Revises: 0009

Each audit row carries the hash of the row before it (``prev_hash``) and its own
(``row_hash``, SHA-256 over the previous hash and its fields), plus the console it came from and
the outcome. Rows already there are chained in id order. Triggers refuse UPDATE and DELETE on
both backends, and TRUNCATE on PostgreSQL, so the application's own database role cannot quietly
change the log; ``duty-console audit verify`` finds a row changed behind the triggers' back.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from console.services.audit_chain import SQLITE_GUARDS, audit_hash, audit_time_text

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_GUARD = """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("console", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("outcome", sa.String(16), nullable=False, server_default="ok"))
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("row_hash", sa.String(64), nullable=False, server_default=""))
    _chain_existing_rows()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_GUARD)
        op.execute(
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )
    else:
        for ddl in SQLITE_GUARDS.values():
            op.execute(ddl)


def _chain_existing_rows() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, at, user_id, username, action, entity, entity_id, detail FROM audit_log ORDER BY id"
        )
    ).all()
    prev = ""
    for r in rows:
        at_text = audit_time_text(r.at)
        row_hash = audit_hash(prev, at_text, r.user_id, r.username, r.action, r.entity, r.entity_id, r.detail, "", "ok")
        conn.execute(
            sa.text("UPDATE audit_log SET prev_hash = :p, row_hash = :h WHERE id = :id"),
            {"p": prev, "h": row_hash, "id": r.id},
        )
        prev = row_hash


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    with op.batch_alter_table("audit_log") as batch:
        for name in ("row_hash", "prev_hash", "outcome", "console"):
            batch.drop_column(name)
