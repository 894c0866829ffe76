"""Dispatch: officers' grid cells and status history, the response clock, dispatch↔alert links,
anti-fraud interventions, and the station's response target

Revision ID: 0006
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN only: on SQLite, rebuilding station, officer or dispatch (tables other
    # tables point at) would fail their foreign keys on a filled database.
    op.add_column(
        "station", sa.Column("response_target_seconds", sa.Integer(), server_default="600", nullable=False)
    )
    op.add_column("officer", sa.Column("grid_cell_id", sa.Integer(), nullable=True))
    op.add_column("officer", sa.Column("status_since", sa.DateTime(timezone=True), nullable=True))
    op.add_column("dispatch", sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("dispatch", sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("dispatch", sa.Column("override_reason", sa.Text(), server_default="", nullable=False))
    op.add_column("dispatch", sa.Column("outcome", sa.Text(), server_default="", nullable=False))
    op.create_table(
        "dispatch_alert",
        sa.Column("dispatch_id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["alert.id"], name=op.f("fk_dispatch_alert_alert_id_alert")),
        sa.ForeignKeyConstraint(
            ["dispatch_id"], ["dispatch.id"], name=op.f("fk_dispatch_alert_dispatch_id_dispatch")
        ),
        sa.PrimaryKeyConstraint("dispatch_id", "alert_id", name=op.f("pk_dispatch_alert")),
    )
    with op.batch_alter_table("dispatch_alert", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dispatch_alert_alert_id"), ["alert_id"], unique=False)
    # Dispatches written before this revision covered exactly their own alert.
    op.execute(
        "INSERT INTO dispatch_alert (dispatch_id, alert_id) SELECT id, alert_id FROM dispatch "
        "WHERE alert_id IS NOT NULL"
    )
    op.create_table(
        "officer_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dispatch_id", sa.Integer(), nullable=True),
        sa.Column("changed_by", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by"], ["app_user.id"], name=op.f("fk_officer_status_change_changed_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["dispatch_id"], ["dispatch.id"], name=op.f("fk_officer_status_change_dispatch_id_dispatch")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_officer_status_change_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officer_status_change")),
    )
    op.create_index(
        "ix_officer_status_change_officer_at", "officer_status_change", ["officer_id", "at"], unique=False
    )
    op.create_table(
        "fraud_intervention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=True),
        sa.Column("stop_payment_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("saved", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alert_id"], ["alert.id"], name=op.f("fk_fraud_intervention_alert_id_alert")
        ),
        sa.ForeignKeyConstraint(
            ["closed_by"], ["app_user.id"], name=op.f("fk_fraud_intervention_closed_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["opened_by"], ["app_user.id"], name=op.f("fk_fraud_intervention_opened_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fraud_intervention")),
        sa.UniqueConstraint("alert_id", name=op.f("uq_fraud_intervention_alert_id")),
    )
    op.create_table(
        "intervention_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("intervention_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("called_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["called_by"], ["app_user.id"], name=op.f("fk_intervention_call_called_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["intervention_id"],
            ["fraud_intervention.id"],
            name=op.f("fk_intervention_call_intervention_id_fraud_intervention"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intervention_call")),
    )
    with op.batch_alter_table("intervention_call", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_intervention_call_intervention_id"), ["intervention_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("intervention_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intervention_call_intervention_id"))
    op.drop_table("intervention_call")
    op.drop_table("fraud_intervention")
    op.drop_index("ix_officer_status_change_officer_at", table_name="officer_status_change")
    op.drop_table("officer_status_change")
    with op.batch_alter_table("dispatch_alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispatch_alert_alert_id"))
    op.drop_table("dispatch_alert")
    for table, column in (
        ("dispatch", "outcome"),
        ("dispatch", "override_reason"),
        ("dispatch", "acknowledged_at"),
        ("dispatch", "received_at"),
        ("officer", "status_since"),
        ("officer", "grid_cell_id"),
        ("station", "response_target_seconds"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # native on SQLite ≥ 3.35: no rebuild
