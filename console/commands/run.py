"""`run [--demo]`: start the desktop console (the default command)."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import logging
from collections.abc import Callable
from typing import Any

from console.config import Settings, load_settings

log = logging.getLogger(__name__)

DEMO_SCALE = "small"


def main(args: argparse.Namespace) -> int:
    settings = load_settings(args.db)
    demo = bool(getattr(args, "demo", False))
    credentials = None
    if getattr(args, "user", None):
        from console.commands.identity import read_password

        credentials = (args.user, read_password(args, f"用户 {args.user} 的密码 (password): "))
    from console.app import run_console  # imports Qt; keep `duty-console --help` fast

    prepare = functools.partial(prepare_demo, settings=settings) if demo else None
    return run_console(settings, prepare, hint=demo_hint() if demo else "", credentials=credentials)


def demo_hint() -> str:
    """What the sign-in dialog shows in demo mode: the demo accounts (also in the README)."""
    from console.demo.accounts import DEMO_ACCOUNTS

    lines = [f"{name}: {user} / {password}" for user, name, _role, password in DEMO_ACCOUNTS]
    return "演示账户 (demo accounts):\n" + "\n".join(lines)


def prepare_demo(engine: Any, services: Any, report: Callable[[str], None], settings: Settings) -> Any:
    """With --demo, after the database is open: seed an empty database, start the simulated stream.

    Both use the console's own engine and services (``run_console`` opens one engine per process).
    Returns the running simulation (``run_console`` calls its ``stop()`` at exit).
    """
    from console.demo.seed import is_empty, seed_demo
    from console.demo.simulate import Simulator, start_background_simulation

    if is_empty(engine):
        report("正在生成演示辖区数据…")
        seed_demo(
            engine,
            DEMO_SCALE,
            # relative to this moment, so the newest demo alerts are minutes old, not hours
            now=dt.datetime.now(dt.UTC),
            progress=lambda stage, done, total: report(f"正在生成演示辖区数据: {stage} {done}/{total}"),
            users=services.users,
        )
    else:
        log.info("database already holds data; demo seeding skipped")
    from console.demo.accounts import ensure_demo_accounts

    ensure_demo_accounts(services.accounts, engine)  # quick: only missing accounts are made
    simulator = Simulator(engine, services.ingest, services.clock)
    return start_background_simulation(simulator, rate=settings.simulate_rate)
