"""Series (串案): confirmed series and their cases, dismissed proposals, merged dossiers, places where
stolen goods are sold, the station's series window, and the indexes series proposals look up by

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN only (see 0006): station and theft_case are pointed at by other tables.
    op.add_column(
        "station", sa.Column("series_window_days", sa.Integer(), server_default="30", nullable=False)
    )
    op.add_column("theft_case", sa.Column("merged_into_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_vehicle_case_id"), "vehicle", ["case_id"], unique=False)
    op.create_index(op.f("ix_watchlist_entry_case_id"), "watchlist_entry", ["case_id"], unique=False)
    op.create_table(
        "case_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_series")),
    )
    op.create_table(
        "case_series_member",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["theft_case.id"], name=op.f("fk_case_series_member_case_id_theft_case")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"], ["case_series.id"], name=op.f("fk_case_series_member_series_id_case_series")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_series_member")),
    )
    op.create_index(
        op.f("ix_case_series_member_series_id"), "case_series_member", ["series_id"], unique=False
    )
    op.create_table(
        "series_dismissal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("other_case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["theft_case.id"], name=op.f("fk_series_dismissal_case_id_theft_case")
        ),
        sa.ForeignKeyConstraint(
            ["other_case_id"], ["theft_case.id"], name=op.f("fk_series_dismissal_other_case_id_theft_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_dismissal")),
        sa.UniqueConstraint(
            "case_id", "other_case_id", name=op.f("uq_series_dismissal_case_id_other_case_id")
        ),
    )
    op.create_index(
        op.f("ix_series_dismissal_other_case_id"), "series_dismissal", ["other_case_id"], unique=False
    )
    op.create_table(
        "case_fence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["theft_case.id"], name=op.f("fk_case_fence_case_id_theft_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_fence")),
    )
    op.create_index(op.f("ix_case_fence_case_id"), "case_fence", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_case_fence_case_id"), table_name="case_fence")
    op.drop_table("case_fence")
    op.drop_index(op.f("ix_series_dismissal_other_case_id"), table_name="series_dismissal")
    op.drop_table("series_dismissal")
    op.drop_index(op.f("ix_case_series_member_series_id"), table_name="case_series_member")
    op.drop_table("case_series_member")
    op.drop_table("case_series")
    op.drop_index(op.f("ix_watchlist_entry_case_id"), table_name="watchlist_entry")
    op.drop_index(op.f("ix_vehicle_case_id"), table_name="vehicle")
    op.execute("ALTER TABLE theft_case DROP COLUMN merged_into_id")
    op.execute("ALTER TABLE station DROP COLUMN series_window_days")
