"""Property-manager contact log, and response clocks that start at the event's own time

Revision ID: 0012
Revises: 0011

``manager_contact``: each time the duty room notifies a community's property manager (物业)
about an alert — who, when (the database server's time), how (phone, in person, radio,
message) and a note. Append-only, like the intervention calls.

``dispatch.received_at`` was stamped with the alert's ``raised_at`` (when the console stored
it); cases.md starts the response clock at "the time of the event that raised it", the alert's
``first_event_at``. Existing dispatches are set to that time so old and new figures agree.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "manager_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_user", sa.Integer(), nullable=True),
        sa.Column("by_name", sa.String(length=50), nullable=False),
        sa.Column("how", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["alert.id"], name=op.f("fk_manager_contact_alert_id_alert")),
        sa.ForeignKeyConstraint(
            ["by_user"], ["app_user.id"], name=op.f("fk_manager_contact_by_user_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_manager_contact_community_id_community")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manager_contact")),
    )
    with op.batch_alter_table("manager_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_manager_contact_alert_id"), ["alert_id"], unique=False)
    op.execute(
        "UPDATE dispatch SET received_at = "
        "(SELECT alert.first_event_at FROM alert WHERE alert.id = dispatch.alert_id) "
        "WHERE alert_id IS NOT NULL"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE dispatch SET received_at = "
        "(SELECT alert.raised_at FROM alert WHERE alert.id = dispatch.alert_id) "
        "WHERE alert_id IS NOT NULL"
    )
    with op.batch_alter_table("manager_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_manager_contact_alert_id"))
    op.drop_table("manager_contact")
