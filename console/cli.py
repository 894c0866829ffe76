"""The command line of contracts/cli.md: `duty-console [--db URL] <command> [options]`."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from console import __version__

# The argument parsers of `case`, `property` and `import cases` (the module imports SQLAlchemy
# only inside its commands' functions' callees, never at parse time).
from console.commands import cases as cases_commands
from console.commands.identity import add_password_stdin
from console.errors import UserError
from console.log_privacy import protect_handlers

# command -> module in console.commands whose `main(args) -> int` runs it
COMMANDS = {
    "run": "run",
    "init-db": "database",
    "seed-demo": "demo",
    "import": "registry",
    "watchlist": "watchlist",
    "ingest": "ingest",
    "serve-events": "serve",
    "simulate": "simulate",
    "export": "export",
    "audit": "audit",
    "backup": "backup",
    "user": "users",
    # --- cases (contracts/cases.md) ---
    "case": "cases",
    "property": "cases",
    # --- dispatch (contracts/cases.md) ---
    "officer": "dispatch",
    "dispatch": "dispatch",
    "intervention": "dispatch",
    # --- end dispatch ---
    # --- figures (contracts/cases.md) ---
    "stats": "figures",
    "report": "figures",
}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="duty-console",
        description="值班台: 社区派出所值班室桌面程序 (duty-room console)",
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy URL (sqlite:///path/station.db, "
        "postgresql+psycopg://user@host/db); default: $DUTY_CONSOLE_DB, settings file, embedded SQLite",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log debug output to stderr")
    sub = p.add_subparsers(dest="command", metavar="<command>")

    run = sub.add_parser("run", help="start the desktop console (default)")
    run.add_argument(
        "--demo",
        action="store_true",
        help="fill an empty database with the demo district and keep a simulated event stream running",
    )
    run.add_argument(
        "--user", metavar="NAME", help="sign in as this user without the dialog (with --password-stdin)"
    )
    add_password_stdin(run)

    sub.add_parser("init-db", help="create or upgrade the schema")

    seed = sub.add_parser("seed-demo", help="fill the database with a deterministic synthetic district")
    seed.add_argument(
        "--scale",
        choices=("small", "district"),
        default="small",
        help="small: a few hundred households, quick; district: a full district (default: small)",
    )
    seed.add_argument(
        "--seed", type=int, default=1, help="random seed; the same seed gives the same district (default: 1)"
    )

    imp = sub.add_parser("import", help="import data")
    imp_sub = imp.add_subparsers(dest="what", metavar="<what>", required=True)
    reg = imp_sub.add_parser("registry", help="import the household registry (CSV or XLSX)")
    reg.add_argument("file", help="the registry file (.csv or .xlsx)")
    reg.add_argument("--dry-run", action="store_true", help="check every row and report, store nothing")
    reg.add_argument("--encoding", help="file encoding for CSV (default: UTF-8, with or without BOM)")
    cases_commands.add_import_parser(imp_sub)  # `import cases` (contracts/cases.md)

    wl = sub.add_parser("watchlist", help="person and vehicle watchlists")
    wl_sub = wl.add_subparsers(dest="action", metavar="<action>", required=True)
    add = wl_sub.add_parser("add", help="add a watchlist entry; prints its id")
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--plate", help="the vehicle's plate, e.g. 闽D12345")
    target.add_argument("--id-number", help="the person's resident ID number (18 characters)")
    add.add_argument(
        "--reason", required=True, help="why the entry is on the watchlist (shown with its alerts)"
    )
    add.add_argument(
        "--severity",
        choices=("critical", "high", "medium", "low"),
        help="severity of the alerts it raises (default: high for a vehicle, medium for a person)",
    )
    add.add_argument(
        "--case",
        dest="case_no",
        metavar="CASE_NO",
        help="the case number the entry belongs to; the case must exist",
    )
    add.add_argument(
        "--expires",
        metavar="ISO",
        help="ISO 8601 time with a UTC offset after which the entry no longer matches",
    )
    add.add_argument("--name", default="", help="the person's name, shown with the alert")
    lst = wl_sub.add_parser("list", help="list active entries")
    lst.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="table: tab-separated for reading (default); jsonl: one JSON object per entry",
    )

    ing = sub.add_parser("ingest", help="ingest JSON Lines events (FILE or - for stdin)")
    ing.add_argument("file", help="a JSON Lines file of events, or - for standard input")
    ing.add_argument(
        "--retry-for",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="while the database is away (server restarting, network cut, SQLite locked), keep "
        "retrying the unanswered lines for up to SECONDS per outage, waiting longer between "
        "attempts (up to 4 s), then stop naming the line to resume from (default: 120; 0: stop at once)",
    )

    srv = sub.add_parser("serve-events", help="HTTP endpoint for events (POST /events)")
    srv.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1; any other needs --cert and --key)",
    )
    srv.add_argument("--port", type=int, default=8750, help="TCP port to listen on (default: 8750)")
    srv.add_argument(
        "--token-file", required=True, help="file holding the bearer token every request must carry"
    )
    srv.add_argument("--cert", metavar="FILE", help="TLS certificate (PEM); required beyond 127.0.0.1")
    srv.add_argument("--key", metavar="FILE", help="TLS private key (PEM) for --cert")

    sim = sub.add_parser("simulate", help="generate a realistic event stream through the ingest path")
    sim.add_argument(
        "--rate",
        type=float,
        default=2.0,
        help="events per second (default 2: about 4 critical/high alerts an hour, as a duty room "
        "sees them; raise it to stress the console)",
    )
    sim.add_argument("--duration", type=float, default=None, help="seconds (default: until stopped)")
    sim.add_argument(
        "--seed", type=int, default=None, help="random seed for a repeatable stream (default: a fresh one)"
    )

    exp = sub.add_parser("export", help="export records")
    exp.add_argument(
        "what",
        choices=("alerts", "events", "households", "cases", "dispatches"),
        help="which records to export",
    )
    exp.add_argument("--since", metavar="ISO", help="only records from this ISO 8601 time on")
    exp.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        default="jsonl",
        help="jsonl: one JSON object per line (default); csv: a header row, then one row each",
    )
    exp.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    exp.add_argument("--unmask", action="store_true", help="full ID and phone numbers (needs --user)")
    exp.add_argument("--user", metavar="NAME", help="export as this user (their password is asked)")
    add_password_stdin(exp)

    from console.commands.backup import add_parser as add_backup_parser

    add_backup_parser(sub)
    from console.commands.audit import add_parsers as add_audit_parsers

    add_audit_parsers(sub)
    from console.commands.users import add_parsers as add_user_parsers

    add_user_parsers(sub)
    # --- cases (contracts/cases.md): case open|solve|link|show, property add|recover|notify|return|list ---
    cases_commands.add_parsers(sub)
    # --- dispatch (contracts/cases.md): officer, dispatch, intervention ---
    from console.commands.dispatch import add_parsers as add_dispatch_parsers

    add_dispatch_parsers(sub)
    # --- end dispatch ---
    # --- figures (contracts/cases.md): stats, report monthly ---
    from console.commands.figures import add_parsers as add_figures_parsers

    add_figures_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    protect_handlers()  # no ID or phone number reaches stderr or a log file in clear
    if args.command is None:
        args.command = "run"
        args.demo = False
    module = importlib.import_module(f"console.commands.{COMMANDS[args.command]}")
    try:
        return int(module.main(args) or 0)
    except UserError as exc:
        print(f"duty-console: {exc.bilingual()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
