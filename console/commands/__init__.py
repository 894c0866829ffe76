"""One module per command of contracts/cli.md; each has `main(args) -> int`."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine

from console.config import Settings, load_settings
from console.db import open_database


def settings_and_engine(args: argparse.Namespace) -> tuple[Settings, Engine]:
    """Settings for this invocation and an engine at the current schema (created on first use)."""
    settings = load_settings(args.db)
    return settings, open_database(settings.db_url)
