"""`duty-console officer|dispatch|intervention …` (contracts/cases.md, "Officers and dispatch" and
"Anti-fraud interventions").

A change prints one JSON object and exits 0; a refusal prints ``{"error": {"field", "message"}}``
on standard output and one line on standard error, stores nothing, and exits 1; a usage error or
an unreachable database exits 2. Changes are audited under ``--user NAME`` (password asked for,
as ``export --unmask`` does) or the integration account ``cli`` with the OS user recorded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from console.commands import identity, open_services
from console.errors import ConflictError, DatabaseUnavailable, PermissionDenied, UserError, ValidationError
from console.security import Actor, Permission

if TYPE_CHECKING:
    from console.services.container import Services

# What the integration account may do from the command line.
CLI_PERMISSIONS = frozenset(
    {
        Permission.VIEW_ALERTS,
        Permission.TRIAGE_ALERTS,
        Permission.DISPATCH,
        Permission.MANAGE_OFFICERS,
        Permission.EXPORT,
    }
)


class UsageError(Exception):
    """The words on the command line do not form a command (exit status 2)."""


def add_parsers(sub: Any) -> None:
    """The `officer`, `dispatch` and `intervention` commands on the main parser."""
    off = sub.add_parser("officer", help="officers on the board: add, on/off duty, list")
    off_sub = off.add_subparsers(dest="action", metavar="<action>", required=True)
    add = off_sub.add_parser("add", help="add an officer (available)")
    add.add_argument("--badge", required=True, help="the officer's badge number")
    add.add_argument("--name", required=True, help="the officer's name")
    add.add_argument("--team", default="", help="the officer's team")
    add.add_argument("--grid", metavar="CELL", help="the grid cell the officer patrols")
    st = off_sub.add_parser("status", help="put an officer on duty (available) or off duty")
    st.add_argument("badge", help="the officer's badge number")
    st.add_argument(
        "status", choices=("available", "off_duty"), help="available: on duty; off_duty: off duty"
    )
    lst = off_sub.add_parser("list", help="every officer with status and current dispatch")
    lst.add_argument(
        "--format", choices=("jsonl",), default="jsonl", help="jsonl: one JSON object per officer"
    )
    for p in (add, st, lst):
        p.add_argument("--user", help="act as this user (password asked for); default: the account cli")
        identity.add_password_stdin(p)

    dsp = sub.add_parser(
        "dispatch",
        help="dispatch ALERT_ID --officer BADGE ... | dispatch arrive ID [--at ISO] | dispatch clear ID --outcome T",
    )
    dsp.add_argument(
        "words",
        nargs="+",
        metavar="ALERT_ID | arrive ID | clear ID",
        help="ALERT_ID to dispatch officers to an alert; arrive ID or clear ID for a dispatch",
    )
    dsp.add_argument(
        "--officer",
        action="append",
        metavar="BADGE",
        default=[],
        help="badge of an officer to send (repeat for several)",
    )
    dsp.add_argument("--note", default="", help="a note for the officers")
    dsp.add_argument(
        "--override",
        metavar="REASON",
        help="send an officer who is not available; the reason is stored and audited",
    )
    dsp.add_argument(
        "--at",
        metavar="ISO",
        help="arrive: the arrival time reported over the radio (ISO 8601; default: now)",
    )
    dsp.add_argument("--outcome", metavar="TEXT", help="clear: what the officers found and did")
    dsp.add_argument("--user", help="act as this user (password asked for); default: the account cli")
    identity.add_password_stdin(dsp)

    itv = sub.add_parser("intervention", help="anti-fraud intervention: call attempts and the outcome")
    itv_sub = itv.add_subparsers(dest="action", metavar="<action>", required=True)
    call = itv_sub.add_parser("call", help="log one call attempt")
    call.add_argument("alert_id", type=int, help="the fraud-risk alert")
    call.add_argument(
        "--result", required=True, choices=("reached", "no_answer", "refused"), help="how the call went"
    )
    call.add_argument("--note", default="", help="a note on the call")
    close = itv_sub.add_parser("close", help="close the intervention (resolves the alert)")
    close.add_argument("alert_id", type=int, help="the fraud-risk alert")
    close.add_argument(
        "--outcome",
        required=True,
        choices=("stopped", "transferred", "not_fraud", "unreachable"),
        help="how the intervention ended (--saved only with stopped)",
    )
    close.add_argument("--saved", metavar="YUAN", help="money kept from the fraudsters, in yuan")
    for p in (call, close):
        p.add_argument("--user", help="act as this user (password asked for); default: the account cli")
        identity.add_password_stdin(p)


def main(args: argparse.Namespace) -> int:
    from console.commands.ingest import utf8_stdout  # here: the parser is built before `run` paints

    utf8_stdout()
    try:
        run = _plan(args)
    except UsageError as exc:
        print(f"duty-console {args.command}: {exc}", file=sys.stderr)
        return 2
    _, engine, services = open_services(args)
    try:
        try:
            actor = _actor(args, services)
            answer = run(services, actor)
        except DatabaseUnavailable:
            raise
        except ValidationError as exc:
            return _refuse(exc.field, exc.message)
        except (ConflictError, PermissionDenied, UserError) as exc:
            return _refuse(None, str(exc))
        try:
            for row in answer if isinstance(answer, list) else [answer]:
                print(json.dumps(row, ensure_ascii=False))
            sys.stdout.flush()
        except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error of ours
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        engine.dispose()


Run = Callable[[Any, Actor], "dict[str, Any] | list[dict[str, Any]]"]


def _plan(args: argparse.Namespace) -> Run:
    """What to run, once the words are understood (no database touched yet)."""
    if args.command == "officer":
        return _officer(args)
    if args.command == "intervention":
        return _intervention(args)
    return _dispatch(args)


def _officer(args: argparse.Namespace) -> Run:
    if args.action == "add":
        return lambda sv, actor: _officer_added(
            sv.officers.add(actor, badge=args.badge, name=args.name, team=args.team, grid=args.grid)
        )
    if args.action == "status":
        return lambda sv, actor: _status(sv.officers.set_status(actor, args.badge, args.status))
    return lambda sv, actor: [
        {"badge": r.badge, "name": r.name, "team": r.team, "status": r.status, "dispatch_id": r.dispatch_id}
        for r in sv.officers.board(actor)
    ]


def _officer_added(row: Any) -> dict[str, Any]:
    return {"id": row.id, "badge": row.badge, "status": row.status}


def _status(row: Any) -> dict[str, Any]:
    return {"badge": row.badge, "status": row.status}


def _dispatch(args: argparse.Namespace) -> Run:
    words = args.words
    if words[0] in ("arrive", "clear"):
        verb = words[0]
        if len(words) != 2:
            raise UsageError(f"用法 (usage): dispatch {verb} DISPATCH_ID")
        dispatch_id = _int(words[1], "DISPATCH_ID")
        if args.officer or args.override is not None or args.note:
            raise UsageError(f"dispatch {verb} 不接受 --officer/--override/--note (not with {verb})")
        return _arrive(args, dispatch_id) if verb == "arrive" else _clear(args, dispatch_id)
    return _send(args, words)


def _arrive(args: argparse.Namespace, dispatch_id: int) -> Run:
    if args.outcome is not None:
        raise UsageError("dispatch arrive 不接受 --outcome (use dispatch clear)")

    def arrive(sv: Any, actor: Actor) -> dict[str, Any]:
        at = _time("at", args.at) if args.at is not None else None
        a = sv.dispatch.arrive(actor, dispatch_id, at)
        return {
            "dispatch_id": a.dispatch_id,
            "arrived_at": a.arrived_at.isoformat(),
            "response_seconds": a.response_seconds,
            "within_target": a.within_target,
        }

    return arrive


def _clear(args: argparse.Namespace, dispatch_id: int) -> Run:
    if args.at is not None:
        raise UsageError("dispatch clear 不接受 --at (not with clear)")
    if args.outcome is None:
        raise UsageError("dispatch clear 需要 --outcome TEXT (--outcome is required)")

    def clear(sv: Any, actor: Actor) -> dict[str, Any]:
        c = sv.dispatch.clear(actor, dispatch_id, args.outcome)
        return {"dispatch_id": c.dispatch_id, "cleared_at": c.cleared_at.isoformat()}

    return clear


def _send(args: argparse.Namespace, words: list[str]) -> Run:
    if len(words) != 1:
        raise UsageError(
            "用法 (usage): dispatch ALERT_ID --officer BADGE [--officer BADGE]... [--note T] [--override R]"
        )
    alert_id = _int(words[0], "ALERT_ID")
    if args.at is not None or args.outcome is not None:
        raise UsageError("--at 与 --outcome 只用于 dispatch arrive/clear (only with arrive/clear)")
    if not args.officer:
        raise UsageError("dispatch ALERT_ID 需要 --officer BADGE (--officer is required)")

    def send(sv: Any, actor: Actor) -> dict[str, Any]:
        d = sv.dispatch.dispatch(actor, alert_id, args.officer, note=args.note, override=args.override)
        return {
            "dispatch_id": d.dispatch_id,
            "alert_id": alert_id,
            "officers": list(d.officers),
            "dispatched_at": d.dispatched_at.isoformat(),
        }

    return send


def _intervention(args: argparse.Namespace) -> Run:
    if args.action == "call":

        def call(sv: Any, actor: Actor) -> dict[str, Any]:
            c = sv.interventions.call(actor, args.alert_id, args.result, args.note)
            return {"alert_id": c.alert_id, "attempts": c.attempts}

        return call

    def close(sv: Any, actor: Actor) -> dict[str, Any]:
        c = sv.interventions.close(actor, args.alert_id, args.outcome, args.saved)
        return {
            "alert_id": c.alert_id,
            "outcome": c.outcome,
            "saved": float(c.saved) if c.saved is not None else None,
        }

    return close


def _int(word: str, what: str) -> int:
    try:
        value = int(word)
    except ValueError:
        raise UsageError(f"{what} 应为整数: {word!r} (must be a whole number)") from None
    if not 0 < value < 2**31:
        raise UsageError(f"{what} 超出范围: {word!r} (out of range)")
    return value


def _time(field: str, value: str) -> dt.datetime:
    try:
        at = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, "dispatch.time_invalid", value=value) from None
    if at.tzinfo is None:
        raise ValidationError(field, "dispatch.time_without_offset")
    return at


def _actor(args: argparse.Namespace, services: Services) -> Actor:
    """``--user NAME`` (password asked for), else the integration account ``cli`` with the OS user."""
    if args.user:
        return identity.signed_in(services, args)
    return identity.cli_actor(CLI_PERMISSIONS)


def _refuse(field: str | None, message: str) -> int:
    print(json.dumps({"error": {"field": field, "message": message}}, ensure_ascii=False))
    where = f"{field}: " if field else ""
    print(f"duty-console: {where}{message}", file=sys.stderr)
    return 1
