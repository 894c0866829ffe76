"""`duty-console stats` and `report monthly` (contracts/cases.md, "The station's figures").

`stats --from DATE --to DATE` prints the figures of those station days as one JSON object.
`report monthly --month YYYY-MM --out FILE.pdf` writes the monthly brief; drawing it needs Qt,
imported only then (through the composition root), so `stats` runs where Qt is not installed
and `report` ends with one line saying so.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from console.errors import UserError
from console.security import Actor, Permission

# What the integration account may read from the command line.
CLI_PERMISSIONS = frozenset({Permission.VIEW_STATISTICS})


def add_parsers(sub: Any) -> None:
    stats = sub.add_parser("stats", help="the station's figures for a period, as JSON (cases.md)")
    stats.add_argument(
        "--from", dest="start", required=True, metavar="DATE", help="first station day, YYYY-MM-DD"
    )
    stats.add_argument("--to", dest="end", required=True, metavar="DATE", help="last station day, inclusive")
    stats.add_argument("--user", metavar="NAME", help="read as this user; the password is asked")

    report = sub.add_parser("report", help="printable reports (cases.md)")
    report_sub = report.add_subparsers(dest="action", metavar="<report>", required=True)
    monthly = report_sub.add_parser("monthly", help="the monthly brief as an A4 PDF in Chinese")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM", help="the month of the brief")
    monthly.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF file to write")
    monthly.add_argument("--user", metavar="NAME", help="read as this user; the password is asked")


def cli_actor() -> Actor:
    from console.commands.cases import cli_actor as cases_actor

    base = cases_actor()
    return Actor(None, base.username, base.display_name, base.role, CLI_PERMISSIONS)


def _actor(services: Any, args: argparse.Namespace) -> Actor:
    if not getattr(args, "user", None):
        return cli_actor()
    import getpass

    password = getpass.getpass(f"用户 {args.user} 的密码 (password): ")
    actor: Actor = services.export.authenticate(args.user, password)
    return actor


def main(args: argparse.Namespace) -> int:
    from console.commands import open_services
    from console.commands.ingest import utf8_stdout
    from console.services.figures import Period

    utf8_stdout()
    if args.command == "stats":
        period = Period.parse(args.start, args.end)  # a bad date is a usage error (exit 2)
    else:
        period = Period.parse_month(args.month)
        _require_qt()
    _, engine, services = open_services(args)
    try:
        actor = _actor(services, args)
        if args.command == "stats":
            print(json.dumps(services.figures.summary(actor, period).as_dict(), ensure_ascii=False))
            return 0
        brief = services.figures.monthly_brief(actor, period)
    finally:
        engine.dispose()
    from console.app import write_monthly_report

    path = write_monthly_report(brief, args.out)
    print(json.dumps({"month": args.month, "out": str(path)}, ensure_ascii=False))
    return 0


def _require_qt() -> None:
    try:
        import PySide6.QtGui  # noqa: F401
    except ImportError:
        raise UserError("figures.report.needs_qt") from None
