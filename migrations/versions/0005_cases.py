"""Case dossiers: categories and places of cases, links, an append-only timeline; stolen property
with identifiers, exact values, found items (no case) and its recovery, notification and return

Revision ID: 0005
Revises: 0004

``property_item.case_id`` becomes nullable (found items) and ``value_yuan`` an exact
``NUMERIC(12,2)``. SQLite can change neither in place: the table is rebuilt, and because the
connection enforces foreign keys, the custody events that point at it are set aside for the
rebuild and put back. ``custody_event`` and ``case_timeline`` refuse UPDATE (append-only: history is never
rewritten, by trigger on both backends; DELETE stays possible for wiping a database). Existing cases get a category from their first property item and
existing items their recovery/return times from their custody trail.
"""

import warnings
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (trigger name, table, operation, topic) in the style of 0002's change_log triggers
_CHANGE_TRIGGERS = (
    ("trg_case_insert_change", "theft_case", "INSERT", "case"),
    ("trg_case_update_change", "theft_case", "UPDATE", "case"),
    ("trg_property_update_change", "property_item", "UPDATE", "property"),
)
_APPEND_ONLY = ("custody_event", "case_timeline")

_PG_APPEND_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION duty_console_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$
"""

_CATEGORY_FROM_ITEMS = """
UPDATE theft_case SET category = CASE (
    SELECT p.category FROM property_item p WHERE p.case_id = theft_case.id ORDER BY p.id LIMIT 1)
    WHEN '电缆' THEN 'cable' WHEN '手机' THEN 'phone' WHEN '电动车' THEN 'e-bike'
    WHEN '自行车' THEN 'bicycle' ELSE 'other' END
"""


def _custody_time(kind: str) -> str:
    return (
        f"(SELECT min(c.at) FROM custody_event c WHERE c.property_item_id = property_item.id "  # noqa: S608 built from the migration's own constants
        f"AND c.kind = '{kind}')"
    )


_TRAIL_TO_ITEMS = f"""
UPDATE property_item SET
    recovered_at = {_custody_time("recovered")},
    recovered_place = COALESCE((SELECT c.location FROM custody_event c
        WHERE c.property_item_id = property_item.id AND c.kind = 'recovered' ORDER BY c.id LIMIT 1), ''),
    returned_at = {_custody_time("returned")}
WHERE status IN ('recovered', 'returned')
"""  # noqa: S608 built from the migration's own constants


def upgrade() -> None:
    # Batch mode reflects the tables around property_item; SQLite cannot reflect the registry's
    # expression indexes and says so - noise on the first use of a database, not a problem.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        _upgrade()


def _upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"

    with op.batch_alter_table("theft_case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("category", sa.String(length=16), server_default="other", nullable=False)
        )
        batch_op.add_column(
            sa.Column("community_text", sa.String(length=100), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("place", sa.String(length=200), server_default="", nullable=False))
        batch_op.create_index("ix_theft_case_category_reported", ["category", "reported_at"], unique=False)

    op.create_table(
        "case_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.Column("other_case_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["alert.id"], name=op.f("fk_case_link_alert_id_alert")),
        sa.ForeignKeyConstraint(["case_id"], ["theft_case.id"], name=op.f("fk_case_link_case_id_theft_case")),
        sa.ForeignKeyConstraint(
            ["other_case_id"], ["theft_case.id"], name=op.f("fk_case_link_other_case_id_theft_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_link")),
    )
    with op.batch_alter_table("case_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_link_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_link_alert_id"), ["alert_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_link_other_case_id"), ["other_case_id"], unique=False)

    op.create_table(
        "case_timeline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.Column("actor_name", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["theft_case.id"], name=op.f("fk_case_timeline_case_id_theft_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_timeline")),
    )
    with op.batch_alter_table("case_timeline", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_timeline_case_id"), ["case_id"], unique=False)

    # property_item: rebuilt on SQLite; the custody events that reference it wait aside meanwhile.
    if sqlite:
        op.execute("CREATE TEMPORARY TABLE custody_event_0005 AS SELECT * FROM custody_event")
        op.execute("DELETE FROM custody_event")
    with op.batch_alter_table("property_item", schema=None) as batch_op:
        batch_op.alter_column("case_id", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column(
            "value_yuan",
            existing_type=sa.Float(),
            type_=sa.Numeric(precision=12, scale=2),
            nullable=True,
            postgresql_using="value_yuan::numeric(12,2)",
        )
        batch_op.add_column(sa.Column("serial", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("imei", sa.String(length=15), nullable=True))
        batch_op.add_column(sa.Column("frame", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("recovered_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("recovered_place", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("recovered_by", sa.String(length=50), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("notified_how", sa.String(length=8), server_default="", nullable=False))
        batch_op.add_column(sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("returned_to_id_number", sa.String(length=18), nullable=True))
        batch_op.create_index(batch_op.f("ix_property_item_serial"), ["serial"], unique=False)
        batch_op.create_index(batch_op.f("ix_property_item_imei"), ["imei"], unique=False)
        batch_op.create_index(batch_op.f("ix_property_item_frame"), ["frame"], unique=False)
        batch_op.create_index("ix_property_item_status_recovered", ["status", "recovered_at"], unique=False)
    if sqlite:
        op.execute(
            "INSERT INTO custody_event (id, property_item_id, kind, at, user_id, location, note) "
            "SELECT id, property_item_id, kind, at, user_id, location, note FROM custody_event_0005"
        )
        op.execute("DROP TABLE custody_event_0005")

    with op.batch_alter_table("custody_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("holder", sa.String(length=100), server_default="", nullable=False))
        batch_op.add_column(sa.Column("username", sa.String(length=32), server_default="", nullable=False))

    op.execute(_CATEGORY_FROM_ITEMS)
    op.execute(_TRAIL_TO_ITEMS)

    if sqlite:
        now = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"
        for name, table, operation, topic in _CHANGE_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} AFTER {operation} ON {table} FOR EACH ROW BEGIN "  # noqa: S608 built from the migration's own constants
                f"INSERT INTO change_log (topic, entity_id, at) VALUES ('{topic}', NEW.id, {now}); END"
            )
        for table in _APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER trg_{table}_no_update BEFORE UPDATE ON {table} "
                f"FOR EACH ROW BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    else:
        for name, table, operation, topic in _CHANGE_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} AFTER {operation} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION duty_console_log_change('{topic}')"
            )
        op.execute(_PG_APPEND_ONLY_FUNCTION)
        for table in _APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION duty_console_append_only()"
            )


def downgrade() -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        _downgrade()


def _downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for name, table, _operation, _topic in _CHANGE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + ("" if sqlite else f" ON {table}"))
    for table in _APPEND_ONLY:
        if sqlite:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_update")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS duty_console_append_only()")
    for column in ("username", "holder"):
        op.execute(f"ALTER TABLE custody_event DROP COLUMN {column}")
    op.execute(
        "DELETE FROM custody_event WHERE property_item_id IN (SELECT id FROM property_item WHERE case_id IS NULL)"
    )
    op.execute("DELETE FROM property_item WHERE case_id IS NULL")
    op.execute("UPDATE property_item SET value_yuan = 0 WHERE value_yuan IS NULL")
    if sqlite:
        op.execute("CREATE TEMPORARY TABLE custody_event_0005 AS SELECT * FROM custody_event")
        op.execute("DELETE FROM custody_event")
    with op.batch_alter_table("property_item", schema=None) as batch_op:
        for index in (
            "ix_property_item_status_recovered",
            "ix_property_item_frame",
            "ix_property_item_imei",
            "ix_property_item_serial",
        ):
            batch_op.drop_index(index)
        for column in (
            "returned_to_id_number",
            "returned_at",
            "notified_how",
            "notified_at",
            "recovered_by",
            "recovered_place",
            "recovered_at",
            "frame",
            "imei",
            "serial",
        ):
            batch_op.drop_column(column)
        batch_op.alter_column(
            "value_yuan", existing_type=sa.Numeric(precision=12, scale=2), type_=sa.Float(), nullable=False
        )
        batch_op.alter_column("case_id", existing_type=sa.Integer(), nullable=False)
    if sqlite:
        op.execute("INSERT INTO custody_event SELECT * FROM custody_event_0005")
        op.execute("DROP TABLE custody_event_0005")
    op.drop_table("case_timeline")
    op.drop_table("case_link")
    # Not a batch: rebuilding theft_case would break the foreign keys of every table that points at it.
    op.drop_index("ix_theft_case_category_reported", table_name="theft_case")
    for column in ("place", "community_text", "category"):
        op.execute(f"ALTER TABLE theft_case DROP COLUMN {column}")
