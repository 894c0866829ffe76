"""What every benchmark shares: the ``--smoke`` switch and scratch PostgreSQL databases.

``--smoke`` swaps the sizes for ones that run in seconds and go through the same code path as
the full run (CI runs every bench that way, so a bench that breaks fails CI; its figures are
not judged). Sizes given on the command line still win over the smoke ones.

PostgreSQL is reached at $BENCH_PG_ADMIN, else $DUTY_CONSOLE_TEST_PG_ADMIN (what the tests and
CI use), else the local server. When it cannot be reached the PostgreSQL part is skipped with a
note, unless DUTY_CONSOLE_REQUIRE_PG=1 (set by CI), which makes that a failure as in the tests.
"""

from __future__ import annotations

import argparse
import os
import random
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text

from console.db import make_engine

PG_ADMIN = (
    os.environ.get("BENCH_PG_ADMIN")
    or os.environ.get("DUTY_CONSOLE_TEST_PG_ADMIN")
    or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_PG = os.environ.get("DUTY_CONSOLE_REQUIRE_PG") == "1"


class BenchError(RuntimeError):
    """The bench did not measure what it says it measures (it exits non-zero)."""


def check(condition: object, what: str) -> None:
    """Stop the bench when ``condition`` is false (an ``assert`` that ``python -O`` cannot remove)."""
    if not condition:
        raise BenchError(what)


def synthetic_rng(seed: int) -> random.Random:
    """A seeded generator for synthetic data (names, plates, timings): reproducible, never secrets."""
    return random.Random(seed)  # synthetic bench data, not a secret (S311 is off for bench/)


def parser(doc: str | None, **kwargs: Any) -> argparse.ArgumentParser:
    """An argument parser described by the first line of ``doc``, with ``--smoke``."""
    kwargs.setdefault("description", (doc or "").strip().splitlines()[0] if doc else None)
    p = argparse.ArgumentParser(**kwargs)
    p.add_argument(
        "--smoke",
        action="store_true",
        help="small sizes that run in seconds through the same code path (CI runs this)",
    )
    return p


def parse(p: argparse.ArgumentParser, smoke: dict[str, Any], argv: Sequence[str] | None = None) -> Any:
    """Parse ``argv``; with ``--smoke`` the ``smoke`` values replace the defaults (explicit ones win)."""
    args = p.parse_args(argv)
    if args.smoke:
        unknown = set(smoke) - set(vars(args))
        check(not unknown, f"smoke sizes for unknown options: {sorted(unknown)}")
        p.set_defaults(**smoke)
        args = p.parse_args(argv)
    return args


def pg_reachable(admin_url: str = PG_ADMIN) -> bool:
    """True when PostgreSQL answers at ``admin_url``; otherwise prints why its part is skipped."""
    admin = make_engine(admin_url)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception as exc:  # any failure to connect means the same thing here
        if REQUIRE_PG:
            raise BenchError(f"PostgreSQL required but not reachable at {admin_url}: {exc}") from exc
        print(f"note: PostgreSQL not reachable at {admin_url}: its part of this bench is skipped")
        return False
    finally:
        admin.dispose()


def backends(choice: str, order: Sequence[str] = ("sqlite", "postgresql")) -> list[str]:
    """The backends ``--backend`` asks for ("both" in ``order``), PostgreSQL only when reachable."""
    wanted = list(order) if choice == "both" else [choice]
    if "postgresql" in wanted and not pg_reachable():
        wanted.remove("postgresql")
    return wanted


@contextmanager
def scratch_pg_database(prefix: str, name: str | None = None, keep: bool = False) -> Iterator[str]:
    """URL of a PostgreSQL database made for this run (``name`` reused if it exists); dropped after.

    ``keep`` leaves it in place (a database kept between runs).
    """
    admin = make_engine(PG_ADMIN)
    name = name or f"{prefix}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        if not keep:
            with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
