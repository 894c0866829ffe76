"""`duty-console import registry FILE [--dry-run] [--encoding E]` (contracts/registry.md).

Per-row rejections go to standard error as ``row N: column: rule``, then a summary line.
Exit status: 0 nothing rejected, 1 some rows rejected, 2 the file could not be imported at all
(not UTF-8, merged header cells, missing required column, unreadable) - nothing stored then.
"""

from __future__ import annotations

import argparse
import sys

from console.commands import open_services
from console.security import Actor, Permission


def command_line_actor() -> Actor:
    """Whoever runs the command with access to the database file or server imports as the operator."""
    return Actor(None, "cli", "命令行导入", "system", frozenset({Permission.IMPORT_REGISTRY}))


def main(args: argparse.Namespace) -> int:
    if args.what == "cases":  # `import cases` (contracts/cases.md)
        from console.commands.cases import import_main

        return import_main(args)
    _settings, engine, services = open_services(args)
    try:
        report = services.registry_import.import_registry(
            command_line_actor(), args.file, encoding=args.encoding, dry_run=args.dry_run
        )
    finally:
        engine.dispose()
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for rejection in report.rejections:
        print(rejection, file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 1 if report.rows_rejected else 0
