"""Indexes for the figures' periods: dispatches by dispatched_at, interventions by closed_at

Revision ID: 0013
Revises: 0012

The station's figures count the dispatches made and the interventions closed in a period
(``stats``, the statistics pane, the monthly brief). Neither column had an index, so every
month's brief and every period change scanned the whole dispatch history (bench/bench_figures.py,
EXPLAIN: SCAN dispatch / SCAN fraud_intervention). Cases already have ``ix_theft_case_reported_at``.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_dispatch_dispatched_at", "dispatch", ["dispatched_at"])
    op.create_index("ix_fraud_intervention_closed_at", "fraud_intervention", ["closed_at"])


def downgrade() -> None:
    op.drop_index("ix_fraud_intervention_closed_at", table_name="fraud_intervention")
    op.drop_index("ix_dispatch_dispatched_at", table_name="dispatch")
