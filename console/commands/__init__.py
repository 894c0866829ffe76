"""One module per command of contracts/cli.md; each has `main(args) -> int`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from console.config import Settings
    from console.services.container import Services


def open_services(args: argparse.Namespace) -> tuple[Settings, Engine, Services]:
    """Settings for this invocation, its one engine (at the current schema) and the services on it.

    The only way a command reaches the database: services come from ``build_services`` like the
    window's. An unreachable database or a schema newer than this console raises
    DatabaseUnavailable / SchemaTooNew, which `cli.main` reports (exit 2). The caller disposes
    of the engine when it is done. SQLAlchemy is imported here, not at module level, so `run`
    can paint its first window first.
    """
    from console.config import load_settings
    from console.db import open_database
    from console.services.container import build_services

    settings = load_settings(args.db)
    engine = open_database(settings.connect_url())
    return settings, engine, build_services(engine)
