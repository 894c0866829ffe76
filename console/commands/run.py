"""`run [--demo]`: start the desktop console (the default command)."""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
from collections.abc import Callable
from typing import Any

from console.config import Settings, load_settings

log = logging.getLogger(__name__)

DEMO_SCALE = "small"


def main(args: argparse.Namespace) -> int:
    settings = load_settings(args.db)
    demo = bool(getattr(args, "demo", False))
    from console.app import run_console  # imports Qt; keep `duty-console --help` fast

    prepare = functools.partial(prepare_demo, settings=settings) if demo else None
    return run_console(settings, demo, prepare)


def _optional(module: str) -> Any | None:
    """``console.services.<module>`` if that issue has landed, else None (logged)."""
    try:
        return importlib.import_module(f"console.services.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"console.services.{module}":
            raise  # the module exists but is broken: a bug, not a missing feature
        log.warning("console.services.%s not available yet; demo step skipped", module)
        return None


def prepare_demo(engine: Any, report: Callable[[str], None], settings: Settings) -> Any:
    """With --demo, after the database is open: seed an empty database, start the simulated stream.

    Returns the running simulation (``run_console`` calls its ``stop()`` at exit) or None.
    """
    demo = _optional("demo")
    if demo is not None:
        if demo.is_empty(engine):
            report("正在生成演示辖区数据…")
            demo.seed_demo(
                engine,
                DEMO_SCALE,
                progress=lambda stage, done, total: report(f"正在生成演示辖区数据: {stage} {done}/{total}"),
            )
        else:
            log.info("database already holds data; demo seeding skipped")
    return start_simulation(engine, settings)


def start_simulation(engine: Any, settings: Settings) -> Any:
    """Hook for the simulated event stream of `run --demo` (console.services.simulate, another issue)."""
    simulate = _optional("simulate")
    starter = getattr(simulate, "start_background_simulation", None) if simulate else None
    if starter is None:
        log.warning("no start_background_simulation(); the demo runs without a simulated event stream")
        return None
    return starter(engine, rate=settings.simulate_rate)
