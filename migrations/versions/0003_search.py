"""search indexes: partial matches over residents, households and vehicles

Revision ID: 0003
Revises: 0002

Short patterns are the usual case here (most Chinese given names are 1-2 characters; officers
type the last 4-6 digits of an ID or phone number) and trigram indexes cannot serve patterns
under 3 characters, so the search runs on ordinary B-tree indexes over expressions, identical
on SQLite and PostgreSQL:
- prefixes by a range on the column (``name >= x AND name < x || U+10FFFF``);
- the last 4 digits of ID and phone numbers (``substr(id_number, 15)``, ``substr(phone, 8)``),
  which narrow a "last 4-6 digits" query to ~100 rows before the exact suffix check;
- the birth date inside an ID number (``substr(id_number, 7, 8)``);
- the last one or two characters of a name (the given name).
PostgreSQL also gets pg_trgm GIN indexes for substrings of 3+ characters anywhere in a value,
and "C"-collation indexes so that prefix ranges follow code-point order whatever the database's
collation. The index list is repeated in console/services/search.py (rebuild_search_index);
tests/services/test_search.py checks the two agree.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMON = (
    ("ix_resident_id_last4", "resident", "substr(id_number, 15)"),
    ("ix_resident_phone_last4", "resident", "substr(phone, 8)"),
    ("ix_resident_birth_date", "resident", "substr(id_number, 7, 8)"),
    ("ix_resident_name_last1", "resident", "substr(name, length(name))"),
    ("ix_resident_name_last2", "resident", "substr(name, length(name) - 1)"),
    ("ix_household_room", "household", "room"),
    ("ix_vehicle_owner_id_number", "vehicle", "owner_id_number"),
    ("ix_vehicle_owner_phone", "vehicle", "owner_phone"),
    ("ix_vehicle_resident_id", "vehicle", "resident_id"),
    ("ix_vehicle_owner_name", "vehicle", "owner_name"),
)
POSTGRESQL = (
    ("ix_resident_name_c", "resident", '(name::text) COLLATE "C"'),
    ("ix_resident_id_number_c", "resident", '(id_number::text) COLLATE "C"'),
    ("ix_resident_phone_c", "resident", '(phone::text) COLLATE "C"'),
    ("ix_vehicle_plate_c", "vehicle", '(plate::text) COLLATE "C"'),
    ("ix_resident_name_trgm", "resident", "USING gin ((name::text) gin_trgm_ops)"),
    ("ix_resident_id_number_trgm", "resident", "USING gin ((id_number::text) gin_trgm_ops)"),
    ("ix_resident_phone_trgm", "resident", "USING gin ((phone::text) gin_trgm_ops)"),
    ("ix_vehicle_plate_trgm", "vehicle", "USING gin ((plate::text) gin_trgm_ops)"),
)


def _create(name: str, table: str, expr: str) -> str:
    body = expr if expr.startswith("USING") else f"({expr})"
    return f"CREATE INDEX IF NOT EXISTS {name} ON {table} {body}"


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expr in COMMON + (POSTGRESQL if postgresql else ()):
        op.execute(_create(name, table, expr))


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name, _table, _expr in COMMON + (POSTGRESQL if postgresql else ()):
        op.execute(f"DROP INDEX IF EXISTS {name}")
