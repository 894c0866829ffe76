"""case search: suspects' names and case-number prefixes served by an index

Revision ID: 0014
Revises: 0013

The instant search (Ctrl+F) also finds cases: by case number or its start (``GK2026``), by a
property identifier (serial, IMEI, frame: already indexed since 0005) and by a suspect's name or
its start. The name needs an index on case_party; on PostgreSQL, prefix ranges follow code-point
order only on "C"-collation indexes (as 0003 does for residents), so both columns get one there.
The PostgreSQL list is repeated in console/services/registry/search.py (SEARCH_INDEXES).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POSTGRESQL = (
    ("ix_case_party_name_c", "case_party", '(name::text) COLLATE "C"'),
    ("ix_theft_case_case_no_c", "theft_case", '(case_no::text) COLLATE "C"'),
)


def upgrade() -> None:
    op.create_index("ix_case_party_name", "case_party", ["name"])
    if op.get_bind().dialect.name == "postgresql":
        for name, table, expr in POSTGRESQL:
            op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({expr})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, _table, _expr in POSTGRESQL:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index("ix_case_party_name", table_name="case_party")
