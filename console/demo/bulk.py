"""Bulk loading for the demo generator: the loader, chunking, seeded generators, spread timestamps.

Shared by every stage of the demo district (registry, people, activity, events) and by
``seed.py``, which opens the one seeding transaction; kept apart so that no demo module imports
another in a circle.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from sqlalchemy import Connection, FromClause, Table, func, select, text

from console.models import Base

Progress = Callable[[str, int, int], None]
CST = dt.timezone(dt.timedelta(hours=8), "CST")
CHUNK = 50_000


@dataclass(frozen=True)
class StageTiming:
    """One table's load: rows, seconds generating + writing them, seconds re-creating its indexes."""

    table: str
    rows: int
    load_seconds: float
    index_seconds: float


class BulkLoader:
    """Writes generated rows table by table in one transaction, reporting progress and timings."""

    def __init__(self, conn: Connection, progress: Progress | None = None) -> None:
        self.conn = conn
        self.backend = conn.dialect.name
        self.counts: dict[str, int] = {}
        self.timings: list[StageTiming] = []
        self._progress = progress
        self._loaded: list[str] = []
        self._epoch_ok: dict[str, bool] = {}

    def first_id(self, table: FromClause) -> int:
        """The id the first new row of ``table`` gets (tables like app_user may hold rows)."""
        return int(self.conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1

    def load(
        self,
        table: FromClause,
        columns: Sequence[str],
        chunks: Iterable[list[tuple[Any, ...]]],
        total: int,
        rebuild_indexes: bool = False,
        epoch_columns: Sequence[str] = (),
    ) -> int:
        """Insert every chunk of row tuples (in ``columns`` order) into ``table``; returns the row count.

        Each column's values go through the column type's own bind processor, exactly as a Core
        ``insert()`` would apply them (e.g. UTCDateTime -> naive UTC text in SQLAlchemy's format
        on SQLite), but column-wise instead of row by row; the rows then go to the driver in one
        executemany (SQLite) or one COPY (PostgreSQL) per chunk. Core's per-row parameter
        handling was a third of the whole seed's time (bench/bench_seed.py).

        ``epoch_columns`` hold timestamps as epoch seconds (or None); they are converted with numpy
        into the very text the column's processor produces (checked against it on a sample first,
        otherwise the processor is used), which saves two Python calls per timestamp.
        """
        table = cast(Table, table)
        stage = table.name
        started = time.perf_counter()
        dropped = self._drop_secondary_indexes(stage) if rebuild_indexes else []
        dialect = self.conn.dialect
        epoch = {columns.index(c) for c in epoch_columns}
        processors = []
        for i, name in enumerate(columns):
            proc = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if i in epoch:
                processors.append((i, self._epoch_converter(proc)))
            elif proc is not None:
                processors.append((i, _per_value(proc)))
        quote = dialect.identifier_preparer.quote
        names = ", ".join(quote(c) for c in columns)
        target = dialect.identifier_preparer.format_table(table)
        if self.backend == "postgresql":
            sql = f"COPY {target} ({names}) FROM STDIN"
        else:
            sql = f"INSERT INTO {target} ({names}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608 table and column names come from our own metadata
        done = 0
        for chunk in chunks:
            if not chunk:
                continue
            if processors:
                cols: list[Sequence[Any]] = list(zip(*chunk, strict=True))
                for i, convert in processors:
                    cols[i] = convert(cols[i])
                chunk = list(zip(*cols, strict=True))
            self._write(sql, chunk)
            done += len(chunk)
            self._report(stage, done, max(total, done))
        loaded = time.perf_counter()
        if dropped:
            self._report(f"{stage} (索引)", 0, len(dropped))
            for n, (_name, restore) in enumerate(dropped, 1):
                self.conn.exec_driver_sql(restore)
                self._report(f"{stage} (索引)", n, len(dropped))
        self.timings.append(StageTiming(stage, done, loaded - started, time.perf_counter() - loaded))
        self.counts[stage] = self.counts.get(stage, 0) + done
        if stage not in self._loaded:
            self._loaded.append(stage)
        return done

    def _epoch_converter(self, proc: Callable[[Any], Any] | None) -> Callable[[Sequence[Any]], Sequence[Any]]:
        """Epoch seconds -> what ``proc`` makes of the aware datetime (vectorised when it matches)."""

        def slow(values: Sequence[Any]) -> Sequence[Any]:
            out = [None if v is None else dt.datetime.fromtimestamp(v, dt.UTC) for v in values]
            return out if proc is None else [None if v is None else proc(v) for v in out]

        key = "pg" if self.backend == "postgresql" else "sqlite"
        if key not in self._epoch_ok:
            sample = [1_773_493_200.25, 946_684_799.0, 1_800_000_000.999999]
            self._epoch_ok[key] = list(_epoch_text(sample, key)) == [_as_text(v, key) for v in slow(sample)]
        return (lambda values: _epoch_text(values, key)) if self._epoch_ok[key] else slow

    def _write(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if self.backend == "postgresql":
            raw = self.conn.connection.driver_connection
            if raw is None:  # only a closed connection has none
                raise RuntimeError("the seeding connection is closed")
            with raw.cursor() as cur, cur.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            self.conn.exec_driver_sql(sql, rows)

    def load_rows(self, table: FromClause, rows: list[dict[str, Any]], rebuild_indexes: bool = False) -> int:
        """Insert a list of row dicts, all with the same keys."""
        columns = list(rows[0]) if rows else []
        tuples = [tuple(r[c] for c in columns) for r in rows]
        return self.load(table, columns, chunked(tuples, CHUNK), len(rows), rebuild_indexes)

    def finish(self) -> None:
        """PostgreSQL: move each id sequence past the explicit ids; refresh planner statistics."""
        if self.backend != "postgresql":
            return
        for name in self._loaded:
            if "id" not in Base.metadata.tables[name].c:
                continue
            self.conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "  # noqa: S608 table names come from our own metadata
                    f'(SELECT coalesce(max(id), 0) + 1 FROM "{name}"), false)'
                )
            )
        for name in ("household", "resident", "event", "alert"):
            if name in self._loaded:
                self.conn.exec_driver_sql(f'ANALYZE "{name}"')

    def _report(self, stage: str, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(stage, done, total)

    def _drop_secondary_indexes(self, table: str) -> list[tuple[str, str]]:
        """Drop the table's non-unique, non-constraint indexes (and, on PostgreSQL, its foreign keys);
        return (name, statement) pairs that restore them exactly."""
        if self.backend == "sqlite":
            rows = self.conn.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t "
                    "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
                ),
                {"t": table},
            ).all()
        else:
            rows = self.conn.execute(
                text(
                    "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                    "JOIN pg_class c ON c.relname = i.indexname "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname "
                    "JOIN pg_index x ON x.indexrelid = c.oid "
                    "WHERE i.schemaname = current_schema() AND i.tablename = :t AND NOT x.indisunique "
                    "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)"
                ),
                {"t": table},
            ).all()
        out = [(str(name), str(sql)) for name, sql in rows]
        for name, _sql in out:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
        if self.backend == "postgresql":
            # Foreign keys are checked by a trigger query per row; re-adding one checks all rows
            # in a single join. Re-added with their own definitions, so the schema is unchanged.
            keys = self.conn.execute(
                text(
                    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname"
                ),
                {"t": table},
            ).all()
            for name, definition in keys:
                self.conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
                out.append((name, f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}'))
        return out


def _per_value(proc: Callable[[Any], Any]) -> Callable[[Sequence[Any]], Sequence[Any]]:
    return lambda values: tuple(map(proc, values))


def _as_text(value: Any, key: str) -> Any:
    """A processed timestamp as the text the database receives (PostgreSQL: ISO with offset)."""
    if key == "pg" and isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")
    return value


def _epoch_text(values: Sequence[Any], key: str) -> list[Any]:
    """Epoch seconds -> 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC (SQLAlchemy's SQLite format), None kept."""
    arr = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    missing = np.isnan(arr)
    micros = np.round(np.where(missing, 0, arr) * 1_000_000).astype(np.int64)
    text = np.char.replace(np.datetime_as_string(micros.astype("datetime64[us]"), unit="us"), "T", " ")
    suffix = "+00:00" if key == "pg" else ""
    out = [t + suffix for t in text.tolist()]
    if missing.any():
        for i in np.flatnonzero(missing).tolist():
            out[i] = None
    return out


def chunked(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def spread_times(
    gen: np.random.Generator, n: int, end: dt.datetime, days: float, hour_weights: np.ndarray | None = None
) -> np.ndarray:
    """``n`` sorted epoch seconds in the ``days`` before ``end``, following an hour-of-day profile."""
    end_ts = int(end.timestamp())
    if hour_weights is None:
        return np.sort(end_ts - gen.integers(1, int(days * 86400), size=n))
    day = gen.integers(0, int(days) + 1, size=n)
    p = hour_weights / hour_weights.sum()
    hour = gen.choice(24, size=n, p=p)
    sec = gen.integers(0, 3600, size=n)
    # Local (Beijing) midnight of each day back from ``end``.
    midnight = int(end.astimezone(CST).replace(hour=0, minute=0, second=0, microsecond=0).timestamp())
    ts = midnight - day * 86400 + hour * 3600 + sec
    ts = np.where(ts >= end_ts, ts - 86400 * (int(days) + 1), ts)
    ts = np.where(ts < end_ts - int(days * 86400), end_ts - gen.integers(1, 86400, size=n), ts)
    return np.sort(ts)


def rng_pair(seed: int, salt: int) -> tuple[random.Random, np.random.Generator]:
    """Independent seeded generators per stage, so one stage's changes never shift another's data."""
    return random.Random(seed * 1_000_003 + salt), np.random.default_rng([seed, salt])  # noqa: S311 reproducible demo data, not secrets
