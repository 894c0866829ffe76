"""`duty-console backup FILE` (contracts/cli.md): a consistent copy of an SQLite database while
consoles keep writing to it.

SQLite's online backup API copies every page in one step under a read transaction: in WAL mode
writers carry on meanwhile, and the copy is the database as of one moment (whole transactions
only). The copy is written beside FILE, checked with ``PRAGMA integrity_check``, made private
(it holds personal data) and only then renamed onto FILE, so a failed backup never replaces a good
one. A PostgreSQL database is backed up with ``pg_dump`` (README); this command says so (exit 2).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from pathlib import Path

from console.errors import UserError

BUSY_TIMEOUT_S = 30.0


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    bk = sub.add_parser(
        "backup",
        help="write a consistent copy of the SQLite database to FILE while consoles keep working "
        "(PostgreSQL: use pg_dump, see the README)",
    )
    bk.add_argument("file", metavar="FILE", help="where to write the copy (replaced if it exists)")


def main(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from console.config import load_settings
    from console.db import check_reachable, describe, make_engine

    settings = load_settings(args.db)
    try:
        url = make_url(settings.connect_url())
    except ArgumentError:
        url = None  # make_engine below says what is wrong with it
    if url is not None and url.get_backend_name() == "sqlite":
        source = Path(url.database or "").expanduser()
        if not source.is_file():  # checked first: opening an engine would create an empty file
            raise UserError("cli.backup.no_database", path=str(source))
    engine = make_engine(settings.connect_url())
    try:
        if engine.dialect.name != "sqlite":
            raise UserError("cli.backup.postgresql", target=describe(engine))
        check_reachable(engine)
    finally:
        engine.dispose()
    target = Path(args.file).expanduser()
    if target.exists() and target.resolve() == source.resolve():
        raise UserError("cli.backup.same_file", path=str(target))
    pages = backup_sqlite(source, target)
    print(
        f"backup: {source} → {target} ({pages} 页, 完整性检查通过) ({pages} pages, integrity check ok)",
        file=sys.stderr,
    )
    return 0


def backup_sqlite(source: Path, target: Path) -> int:
    """Copy ``source`` to ``target`` consistently; returns the page count. Raises UserError."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)  # all pages in one step: one consistent snapshot
                verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
                pages = int(dst.execute("PRAGMA page_count").fetchone()[0])
            finally:
                dst.close()
        finally:
            src.close()
        if verdict != "ok":
            raise UserError("cli.backup.copy_damaged", path=str(target), verdict=verdict)
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        raise UserError(
            "cli.backup.failed", source=str(source), target=str(target), reason=str(exc)
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return pages
