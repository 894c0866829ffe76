"""`duty-console watchlist add|list` (contracts/cli.md)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from console.commands import open_services
from console.commands.ingest import utf8_stdout
from console.security import system_actor
from console.services.alerts import WatchlistRow


def main(args: argparse.Namespace) -> int:
    utf8_stdout()
    _, engine, services = open_services(args)
    try:
        service = services.watchlist
        actor = system_actor("watchlist")
        if args.action == "add":
            entry_id = service.add(
                actor,
                plate=args.plate,
                id_number=args.id_number,
                reason=args.reason,
                severity=args.severity,
                case_no=args.case_no,
                expires_at=args.expires,
                name=args.name,
            )
            print(entry_id)
            return 0
        rows = service.list_active(actor)
        if args.format == "jsonl":
            for row in rows:
                print(json.dumps(as_json(row), ensure_ascii=False))
        else:
            _print_table(rows)
        return 0
    finally:
        engine.dispose()


def as_json(row: WatchlistRow) -> dict[str, Any]:
    """The jsonl form: ID numbers as the row carries them (masked for the command-line actor)."""
    return {
        "id": row.id,
        "kind": row.kind,
        "plate": row.plate,
        "id_number": row.id_number,
        "reason": row.reason,
        "severity": row.severity,
        "case_no": row.case_no,
        "expires_at": row.expires_at.isoformat() if row.expires_at else None,
        "created_at": row.created_at.isoformat(),
    }


def _print_table(rows: list[WatchlistRow]) -> None:
    out = sys.stdout
    out.write("编号\t类型\t车牌/身份证\t级别\t案件\t到期\t原因\n")
    for r in rows:
        kind = "车辆" if r.kind == "vehicle" else "人员"
        target = r.plate or r.id_number or ""
        expires = r.expires_at.isoformat(timespec="minutes") if r.expires_at else "-"
        out.write(f"{r.id}\t{kind}\t{target}\t{r.severity}\t{r.case_no or '-'}\t{expires}\t{r.reason}\n")
