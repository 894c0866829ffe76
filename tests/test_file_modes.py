"""Files that hold residents' data are readable by their owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sqlalchemy import text

from console.config import data_dir, default_db_url
from console.db import open_database


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_database_and_its_wal_and_shm_are_private_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "new-dir" / "station.db"
    old = os.umask(0o022)
    try:
        engine = open_database(f"sqlite:///{path}")
        try:
            with engine.begin() as conn:  # a write, so the -wal and -shm files exist
                conn.execute(text("CREATE TABLE scratch (x TEXT)"))
                conn.execute(text("INSERT INTO scratch VALUES ('a')"))
            wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
            assert wal.exists() and shm.exists()
            assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
            assert mode(path.parent) == 0o700  # created for the database
        finally:
            engine.dispose()
    finally:
        os.umask(old)


def test_the_embedded_database_lives_in_a_private_data_directory() -> None:
    directory = data_dir()
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o755)  # as an older version left it
    engine = open_database(default_db_url())
    engine.dispose()
    assert mode(directory) == 0o700
    assert mode(directory / "station.db") == 0o600


def test_an_existing_directory_of_the_users_choosing_is_left_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    engine = open_database(f"sqlite:///{tmp_path / 'station.db'}")
    engine.dispose()
    assert mode(tmp_path) == 0o755
    assert mode(tmp_path / "station.db") == 0o600
