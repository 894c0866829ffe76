"""`duty-console audit verify` (contracts/cli.md): check the audit log's hash chain.

Prints ``{"rows": N, "ok": true}`` and exits 0, or ``{"ok": false, "first_bad_id": N}`` and exits 1.
"""

from __future__ import annotations

import argparse
import json

from console.commands import open_services


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="the audit log")
    audit_sub = audit.add_subparsers(dest="action", metavar="<action>", required=True)
    audit_sub.add_parser(
        "verify",
        help="check the audit log's hash chain: exit 0 if intact, 1 naming the first changed, removed or inserted row",
    )


def main(args: argparse.Namespace) -> int:
    _, engine, services = open_services(args)
    try:
        check = services.audit.verify()
    finally:
        engine.dispose()
    if check.ok:
        print(json.dumps({"rows": check.rows, "ok": True}))
        return 0
    print(json.dumps({"ok": False, "first_bad_id": check.first_bad_id}))
    return 1
