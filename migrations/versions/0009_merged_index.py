"""Index for merged dossiers: the kept case finds the cases merged into it without a scan

Revision ID: 0009
Revises: 0008

A dossier lists the cases merged into it (``merged_into_id``) and reads their timeline too; at
20,000 cases that was a scan of theft_case on every dossier opened (bench/bench_cases.py).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_theft_case_merged_into_id", "theft_case", ["merged_into_id"])


def downgrade() -> None:
    op.drop_index("ix_theft_case_merged_into_id", table_name="theft_case")
