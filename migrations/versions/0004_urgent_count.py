"""Index for the urgent-banner count: new critical/high alerts as one short index range

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_alert_status_rank", "alert", ["status", "severity_rank"])


def downgrade() -> None:
    op.drop_index("ix_alert_status_rank", table_name="alert")
