"""The schema as Alembic creates it matches the models, identically on both backends."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from console.db import current_revision, head_revision
from console.models import Base, Station


# SQLite cannot reflect expression indexes; Alembic says so once per index and compares the rest.
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrations_create_every_table_of_the_models(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # Type affinity differences (DateTime vs UTCDateTime) are not schema drift.
    drift = [d for d in diff if not (isinstance(d, list) and d and d[0][0] == "modify_type")]
    assert drift == []


def test_two_consoles_editing_the_same_row_conflict_instead_of_overwriting(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as s:
        s.add(Station(code="GK", name="灌口派出所"))
    first, second = sessions(), sessions()
    a = first.scalars(select(Station)).one()
    b = second.scalars(select(Station)).one()
    a.orange_after_days = 20
    first.commit()
    b.orange_after_days = 45
    with pytest.raises(StaleDataError):
        second.commit()
    second.close()
    with sessions() as s:
        assert s.scalars(select(Station.orange_after_days)).one() == 20
