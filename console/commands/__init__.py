"""One module per command of contracts/cli.md; each has `main(args) -> int`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from console.config import Settings


def settings_and_engine(args: argparse.Namespace) -> tuple[Settings, Engine]:
    """Settings for this invocation and an engine at the current schema (created on first use).

    SQLAlchemy is imported here, not at module level, so `run` can paint its first window first.
    """
    from console.config import load_settings
    from console.db import open_database

    settings = load_settings(args.db)
    return settings, open_database(settings.db_url)
