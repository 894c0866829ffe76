"""`duty-console case …`, `property …` and `import cases` (contracts/cases.md).

A change prints one JSON object on standard output and exits 0. A refusal prints
``{"error": {"field", "message"}}`` on standard output and one line on standard error, stores
nothing, and exits 1; a usage error or an unreachable database exits 2. ID and phone numbers
are masked unless ``--unmask --user NAME`` (password asked, as for ``export --unmask``). Changes
are audited under ``--user`` or, without it, the integration account ``cli`` with the operating
system's user name recorded.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from console.commands import identity
from console.errors import DatabaseUnavailable, SchemaTooNew, UserError, ValidationError
from console.security import Actor, Permission

if TYPE_CHECKING:
    from console.services.container import Services

# Parsers are built at every start of the console; SQLAlchemy and the services are imported only
# when a case or property command runs, so that `run` paints its first window first.

CLI_PERMISSIONS = frozenset({Permission.VIEW_CASES, Permission.EDIT_CASES, Permission.HANDLE_PROPERTY})


def add_parsers(sub: Any) -> None:
    """The `case` and `property` commands (`import cases` is added by ``add_import_parser``)."""
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--user", metavar="NAME", help="act (and audit) as this user; the password is asked")
    who.add_argument("--unmask", action="store_true", help="show full ID and phone numbers (needs --user)")
    identity.add_password_stdin(who)

    case = sub.add_parser("case", help="case dossiers (cases.md)")
    case_sub = case.add_subparsers(dest="action", metavar="<action>", required=True)
    opn = case_sub.add_parser("open", parents=[who], help="open a case")
    opn.add_argument(
        "--category",
        required=True,
        help="cable, phone, e-bike, bicycle, burglary, vehicle, fraud or other (or its 中文 name)",
    )
    opn.add_argument(
        "--reported-at",
        required=True,
        metavar="ISO",
        help="when the case was reported (ISO 8601 with a UTC offset)",
    )
    opn.add_argument("--summary", required=True, help="one-line summary of the case")
    opn.add_argument("--case-no", metavar="NO", help="the case number (default: the next free one)")
    opn.add_argument("--occurred-at", metavar="ISO", help="when it happened (ISO 8601 with a UTC offset)")
    opn.add_argument("--community", metavar="NAME", help="the community it happened in")
    opn.add_argument("--place", metavar="TEXT", help="where it happened")
    opn.add_argument("--victim-name", metavar="N", help="the victim's name")
    opn.add_argument("--victim-id", metavar="ID", help="the victim's resident ID number")
    opn.add_argument("--victim-phone", metavar="P", help="the victim's mobile number")
    solve = case_sub.add_parser("solve", parents=[who], help="mark a case solved")
    solve.add_argument("case_no", metavar="CASE_NO", help="the case number")
    solve.add_argument(
        "--at", required=True, metavar="ISO", help="when the case was solved (ISO 8601 with a UTC offset)"
    )
    solve.add_argument(
        "--suspect-id",
        action="append",
        default=[],
        metavar="ID",
        help="a suspect's resident ID number (repeat for several)",
    )
    link = case_sub.add_parser("link", parents=[who], help="link an alert or another case")
    link.add_argument("case_no", metavar="CASE_NO", help="the case number")
    target = link.add_mutually_exclusive_group(required=True)
    target.add_argument("--alert", type=int, metavar="ID", help="link this alert to the case")
    target.add_argument(
        "--case", dest="other_case", metavar="OTHER_NO", help="link this other case to the case"
    )
    show = case_sub.add_parser("show", parents=[who], help="the dossier as one JSON object")
    show.add_argument("case_no", metavar="CASE_NO", help="the case number")

    prop = sub.add_parser("property", help="stolen property (cases.md)")
    prop_sub = prop.add_subparsers(dest="action", metavar="<action>", required=True)
    add = prop_sub.add_parser("add", parents=[who], help="register a stolen item of a case")
    add.add_argument(
        "--case", required=True, dest="case_no", metavar="CASE_NO", help="the case the item was stolen in"
    )
    add.add_argument("--description", required=True, metavar="T", help="what the item is")
    add.add_argument("--category", required=True, metavar="C", help="the item's category (cases.md)")
    add.add_argument("--serial", metavar="S", help="the item's serial number")
    add.add_argument("--imei", metavar="I", help="a phone's IMEI (15 digits, checked)")
    add.add_argument("--frame", metavar="F", help="a vehicle's or bicycle's frame number")
    add.add_argument("--value", metavar="YUAN", help="the item's value in yuan")
    add.add_argument("--owner-id", metavar="ID", help="the owner's resident ID number")
    add.add_argument("--owner-name", metavar="N", help="the owner's name")
    add.add_argument("--owner-phone", metavar="P", help="the owner's mobile number")
    rec = prop_sub.add_parser(
        "recover", parents=[who], help="an item recovered (matched in any case, or found)"
    )
    key = rec.add_mutually_exclusive_group(required=True)
    key.add_argument("--imei", metavar="I", help="the recovered item's IMEI")
    key.add_argument("--serial", metavar="S", help="the recovered item's serial number")
    key.add_argument("--frame", metavar="F", help="the recovered item's frame number")
    key.add_argument("--item", type=int, metavar="ID", help="the id of a registered stolen item")
    rec.add_argument(
        "--at", required=True, metavar="ISO", help="when it was recovered (ISO 8601 with a UTC offset)"
    )
    rec.add_argument("--place", required=True, metavar="TEXT", help="where it was recovered")
    rec.add_argument("--description", metavar="T", help="what was found (for an item matched to no case)")
    rec.add_argument("--by", metavar="BADGE", help="badge of the officer who recovered it")
    notify = prop_sub.add_parser("notify", parents=[who], help="log the call to the owner")
    notify.add_argument("id", type=int, metavar="ID", help="the item's id")
    notify.add_argument(
        "--how", required=True, choices=("phone", "sms", "visit"), help="how the owner was told"
    )
    notify.add_argument("--note", metavar="T", help="a note on the call or visit")
    ret = prop_sub.add_parser("return", parents=[who], help="hand an item back to its owner")
    ret.add_argument("id", type=int, metavar="ID", help="the item's id")
    ret.add_argument(
        "--to-id",
        required=True,
        metavar="ID_NUMBER",
        help="resident ID number of the person it is handed to (must be the owner's)",
    )
    ret.add_argument("--at", metavar="ISO", help="when it was handed back (ISO 8601; default: now)")
    lst = prop_sub.add_parser(
        "list", parents=[who], help="items by status (unclaimed: oldest recovery first)"
    )
    lst.add_argument(
        "--status", choices=("stolen", "recovered", "returned", "unclaimed"), help="only items in this state"
    )
    lst.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="jsonl: one JSON object per item (default); table: for reading",
    )


def add_import_parser(imp_sub: Any) -> None:
    cases = imp_sub.add_parser("cases", help="import a case list (CSV or XLSX; cases.md)")
    cases.add_argument("file", help="the case list (.csv or .xlsx)")
    cases.add_argument("--dry-run", action="store_true", help="check every row and report, store nothing")
    cases.add_argument("--encoding", help="file encoding for CSV (default: UTF-8, with or without BOM)")
    cases.add_argument(
        "--user", metavar="NAME", help="import (and audit) as this user; the password is asked"
    )
    identity.add_password_stdin(cases)


def main(args: argparse.Namespace) -> int:
    from console.commands import open_services
    from console.commands.ingest import utf8_stdout

    utf8_stdout()
    if getattr(args, "unmask", False) and not args.user:
        raise UserError("cli.unmask.needs_user")
    _, engine, services = open_services(args)
    try:
        actor = _actor(services, args)
        answer = _run(services, actor, args)
    except (DatabaseUnavailable, SchemaTooNew):
        raise
    except UserError as exc:
        return refuse(exc)
    finally:
        engine.dispose()
    if answer is not None:
        print(json.dumps(answer, ensure_ascii=False))
    return 0


def import_main(args: argparse.Namespace) -> int:
    """`import cases FILE [--dry-run]`: the report as one JSON object; rejections also on stderr."""
    from console.commands import open_services
    from console.commands.ingest import utf8_stdout
    from console.services.registry import RegistryFileError

    utf8_stdout()
    _, engine, services = open_services(args)
    try:
        actor = _actor(services, args)
        report = services.case_import.import_cases(
            actor, args.file, encoding=args.encoding, dry_run=args.dry_run
        )
    except (DatabaseUnavailable, SchemaTooNew):
        raise
    except RegistryFileError as exc:
        return refuse(exc, field="file")
    except UserError as exc:
        return refuse(exc)
    finally:
        engine.dispose()
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for rejection in report.rejections:
        print(rejection, file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    print(json.dumps(report.as_dict(), ensure_ascii=False))
    return 1 if report.rejections else 0


def refuse(exc: UserError, field: str | None = None) -> int:
    """The refusal of cases.md: a JSON error on stdout, one line on stderr, exit 1."""
    name = exc.field if isinstance(exc, ValidationError) else field
    message = exc.message if isinstance(exc, ValidationError) else str(exc)
    print(json.dumps({"error": {"field": name, "message": message}}, ensure_ascii=False))
    print(f"duty-console: {name + ': ' if name else ''}{message}".replace("\n", " "), file=sys.stderr)
    return 1


def cli_actor() -> Actor:
    """The built-in integration account, with the operating-system user recorded beside it."""
    return identity.cli_actor(CLI_PERMISSIONS)


def _actor(services: Services, args: argparse.Namespace) -> Actor:
    if not getattr(args, "user", None):
        return cli_actor()
    actor = identity.signed_in(services, args)
    if getattr(args, "unmask", False):
        actor.require(Permission.UNMASK_PERSONAL_DATA)
    return actor


def _run(services: Services, actor: Actor, args: argparse.Namespace) -> dict[str, Any] | None:
    from console.services.cases import iso

    if args.command == "case":
        cases = services.cases
        if args.action == "open":
            opened = cases.open(
                actor,
                category=args.category,
                reported_at=args.reported_at,
                summary=args.summary,
                case_no=args.case_no,
                occurred_at=args.occurred_at,
                community=args.community,
                place=args.place,
                victim_name=args.victim_name,
                victim_id=args.victim_id,
                victim_phone=args.victim_phone,
            )
            return {"case_no": opened.case_no, "id": opened.id, "status": opened.status}
        if args.action == "solve":
            solved = cases.solve(actor, args.case_no, at=args.at, suspect_ids=args.suspect_id)
            return {
                "case_no": solved.case_no,
                "status": solved.status,
                "solved_at": iso(solved.solved_at),
                "hours_to_solve": solved.hours_to_solve,
            }
        if args.action == "link":
            linked = cases.link(actor, args.case_no, alert_id=args.alert, other_case_no=args.other_case)
            target = (
                {"alert_id": linked.alert_id}
                if linked.alert_id is not None
                else {"case_no": linked.other_case_no}
            )
            return {"case_no": linked.case_no, "linked": target}
        # the signed-in user's command line is the stated reason (cli.md has no reason option)
        reason = f"case show --unmask {args.case_no}" if args.unmask else ""
        return cases.show(actor, args.case_no, unmask=args.unmask, reason=reason).as_dict()
    items = services.property
    if args.action == "add":
        added = items.add(
            actor,
            case_no=args.case_no,
            description=args.description,
            category=args.category,
            serial=args.serial,
            imei=args.imei,
            frame=args.frame,
            value=args.value,
            owner_id=args.owner_id,
            owner_name=args.owner_name,
            owner_phone=args.owner_phone,
        )
        return {"id": added.id, "status": added.status, "case_no": added.case_no}
    if args.action == "recover":
        got = items.recover(
            actor,
            at=args.at,
            place=args.place,
            imei=args.imei,
            serial=args.serial,
            frame=args.frame,
            item_id=args.item,
            description=args.description,
            by=args.by,
        )
        return {"id": got.id, "status": got.status, "case_no": got.case_no, "matched": got.matched}
    if args.action == "notify":
        called = items.notify(actor, args.id, how=args.how, note=args.note)
        return {"id": called.id, "notified_at": iso(called.at)}
    if args.action == "return":
        back = items.return_item(actor, args.id, to_id=args.to_id, at=args.at)
        return {"id": back.id, "status": back.status, "returned_at": iso(back.at)}
    _print_items(items.list_items(actor, args.status), args.format)
    return None


def _print_items(rows: list[Any], fmt: str) -> None:
    from console.services.cases import iso

    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row.as_dict(), ensure_ascii=False))
    else:
        print("编号\t案件\t状态\t追回\t通知\t待领天数\t描述")
        for row in rows:
            flag = " (超48小时未通知)" if row.notify_overdue else ""
            print(
                f"{row.id}\t{row.case_no or '-'}\t{row.status}\t{iso(row.recovered_at) or '-'}\t"
                f"{iso(row.notified_at) or '-'}{flag}\t{row.days_unclaimed if row.days_unclaimed is not None else '-'}\t"
                f"{row.description}"
            )
