"""Alembic environment: the engine is handed in by console.db.upgrade (no URL in an ini file)."""

from __future__ import annotations

from alembic import context

from console.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic` run by hand during development
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.db")

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
