"""Dispatch in the live change log: officer and dispatch rows, so every console's board follows

Revision ID: 0008
Revises: 0007

0006 added the dispatch tables without change-log triggers, so a dispatch sent from one console
never reached another console's board. Same trigger shape as 0002 (and its PostgreSQL function
``duty_console_log_change``, which also sends the NOTIFY). Officers are few (hundreds): INSERT
and UPDATE are both logged. ``dispatch_officer`` needs none: its rows are written in the same
transaction as the dispatch and officer rows they link, which are logged.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (trigger name, table, operation, topic)
_TRIGGERS = (
    ("trg_officer_insert_change", "officer", "INSERT", "officer"),
    ("trg_officer_update_change", "officer", "UPDATE", "officer"),
    ("trg_dispatch_insert_change", "dispatch", "INSERT", "dispatch"),
    ("trg_dispatch_update_change", "dispatch", "UPDATE", "dispatch"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, table, operation, topic in _TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} AFTER {operation} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION duty_console_log_change('{topic}')"
            )
    else:
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
