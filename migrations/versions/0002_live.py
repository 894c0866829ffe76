"""live change log and notifications

Revision ID: 0002
Revises: 0001

A ``change_log`` row is written by trigger for every alert inserted or updated, every household
updated (its verification colour may change) and every watchlist entry inserted or updated.
Consoles read the rows newer than the last id they saw; on PostgreSQL the trigger also sends
``pg_notify('duty_console', topic || ':' || id)`` so listeners wake at once. There is no trigger
on ``event`` (ingest speed) and none on household INSERT (bulk seeding of 300,000 households).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (trigger name, table, operation, topic)
_TRIGGERS = (
    ("trg_alert_insert_change", "alert", "INSERT", "alert"),
    ("trg_alert_update_change", "alert", "UPDATE", "alert"),
    ("trg_household_update_change", "household", "UPDATE", "household"),
    ("trg_watchlist_insert_change", "watchlist_entry", "INSERT", "watchlist"),
    ("trg_watchlist_update_change", "watchlist_entry", "UPDATE", "watchlist"),
)

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION duty_console_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO change_log (topic, entity_id, at) VALUES (TG_ARGV[0], NEW.id, now());
    PERFORM pg_notify('duty_console', TG_ARGV[0] || ':' || NEW.id);
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("topic", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_at"), ["at"], unique=False)
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.create_index("ix_alert_kind_id", ["kind", "id"], unique=False)
        batch_op.create_index("ix_alert_watchlist_id", ["watchlist_entry_id", "id"], unique=False)
        batch_op.create_index("ix_alert_status_escalated", ["status", "escalated_at"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        for name, table, operation, topic in _TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} AFTER {operation} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION duty_console_log_change('{topic}')"
            )
    else:
        # Same text format as the values SQLAlchemy binds (UTC, microseconds), so times compare.
        now = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"
        for name, table, operation, topic in _TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} AFTER {operation} ON {table} FOR EACH ROW BEGIN "  # noqa: S608 trigger, table and topic names are the constants above
                f"INSERT INTO change_log (topic, entity_id, at) VALUES ('{topic}', NEW.id, {now}); END"
            )


def downgrade() -> None:
    for name, table, _operation, _topic in _TRIGGERS:
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS duty_console_log_change()")
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.drop_index("ix_alert_status_escalated")
        batch_op.drop_index("ix_alert_watchlist_id")
        batch_op.drop_index("ix_alert_kind_id")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_at"))
    op.drop_table("change_log")
