"""Ingest events (contracts/events.md): validate, store once, match the watchlists, raise alerts.

Speed comes from doing everything per batch: one insert of all new events with
``ON CONFLICT DO NOTHING`` (idempotent under concurrency: the unique constraint decides, never a
check-then-insert), one look-up of the duplicates, watchlist matching against an in-memory index
that is refreshed by one cheap query per batch, and alerts written in bulk. A batch is committed
before its answers are returned, so an "accepted" answer means the event is durable.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from console.clock import Clock
from console.errors import ValidationError
from console.models import Alert, Community, Event, TheftCase, WatchlistEntry
from console.security import Actor, Permission
from console.services.alerts import Matched, alert_severity, alert_summary, default_watch_severity, group_key
from console.services.base import Service
from console.services.intake.parsing import ParsedEvent, parse_event
from console.vocabulary import SEVERITY_RANK

_ALERT: Table = Alert.__table__  # type: ignore[assignment]
_EVENT: Table = Event.__table__  # type: ignore[assignment]
log = logging.getLogger(__name__)
GROUP_WINDOW = dt.timedelta(minutes=10)
DEFAULT_BATCH = 1000
INSERT_CHUNK = 500  # rows per INSERT statement: 11 parameters each, far below every backend's limit
EVENT_COLUMNS = (
    "source",
    "external_id",
    "kind",
    "at",
    "received_at",
    "community_id",
    "device",
    "plate",
    "id_number",
    "phone",
    "payload",
)
_PG_STAGE = (
    "CREATE TEMP TABLE IF NOT EXISTS event_in (source varchar(64), external_id varchar(128), kind varchar(16), "
    "at timestamptz, received_at timestamptz, community_id integer, device varchar(64), plate varchar(8), "
    "id_number varchar(18), phone varchar(11), payload text) ON COMMIT DELETE ROWS"
)
_PG_INSERT = (
    f"INSERT INTO event ({', '.join(EVENT_COLUMNS)}) SELECT {', '.join(EVENT_COLUMNS)} FROM event_in "  # noqa: S608 column names are our constants
    "ON CONFLICT (source, external_id) DO NOTHING RETURNING id, source, external_id"
)
_SQLITE_INSERT = (
    f"INSERT INTO event ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join(['?'] * len(EVENT_COLUMNS))}) "  # noqa: S608 column names are our constants
    "ON CONFLICT (source, external_id) DO NOTHING"
)


_TIME_COLUMNS = frozenset({EVENT_COLUMNS.index("at"), EVENT_COLUMNS.index("received_at")})


def sqlite_utc_text(value: dt.datetime) -> str:
    """An aware time as SQLAlchemy stores UTCDateTime in SQLite (naive UTC text with microseconds).

    Same text as the column type's own processor (a test holds them equal), at C speed.
    """
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


class _FastPathMismatch(Exception):
    """The SQLite executemany path could not tell its new ids for certain (never seen so far)."""


@dataclass(frozen=True, slots=True)
class IngestAnswer:
    """What happened to one event: accepted, duplicate (original ids) or rejected (field, message)."""

    status: str  # accepted | duplicate | rejected
    event_id: int | None = None
    alert_id: int | None = None
    error_field: str | None = None
    error_message: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The wire form of contracts/cli.md (without the line number)."""
        if self.status == "rejected":
            return {"status": "rejected", "error": {"field": self.error_field, "message": self.error_message}}
        return {"status": self.status, "event_id": self.event_id, "alert_id": self.alert_id}

    @staticmethod
    def rejected(error: ValidationError) -> IngestAnswer:
        return IngestAnswer("rejected", error_field=error.field, error_message=error.message)


@dataclass(frozen=True, slots=True)
class WatchHit:
    entry_id: int
    kind: str  # person | vehicle
    severity: str
    name: str
    reason: str
    case_no: str | None
    expires_at: dt.datetime | None

    @property
    def matched(self) -> Matched:
        return Matched(self.entry_id, self.severity, self.name, self.reason, self.case_no)


@dataclass
class _WatchIndex:
    """The active watchlist in memory: plate -> entry, ID number -> entry."""

    signature: tuple[Any, ...] | None = None
    plates: dict[str, WatchHit] = field(default_factory=dict)
    people: dict[str, WatchHit] = field(default_factory=dict)


@dataclass
class _NewAlert:
    row: dict[str, Any]
    alert_id: int | None = None


def _better(a: WatchHit | None, b: WatchHit) -> WatchHit:
    """Of two entries on the same plate/person the more severe (then the newer) wins."""
    if a is None:
        return b
    return b if (SEVERITY_RANK[b.severity], -b.entry_id) < (SEVERITY_RANK[a.severity], -a.entry_id) else a


class IngestService(Service):
    """The one intake path: CLI, HTTP endpoint and simulator all come through ``ingest``."""

    def __init__(
        self, sessions: sessionmaker[Session], clock: Clock | None = None, batch_size: int = DEFAULT_BATCH
    ) -> None:
        super().__init__(sessions, clock)
        self._batch_size = batch_size
        self._lock = threading.Lock()
        self._watch = _WatchIndex()
        self._communities: dict[str, tuple[int, str]] = {}
        self._community_names: dict[int, str] = {}

    # ------------------------------------------------------------------ public API

    def ingest(self, events: Iterable[dict[str, Any] | str | bytes], actor: Actor) -> list[IngestAnswer]:
        """Answers in input order, one per event; accepted events are committed before return."""
        return list(self.ingest_iter(events, actor))

    def ingest_iter(
        self, events: Iterable[dict[str, Any] | str | bytes], actor: Actor
    ) -> Iterator[IngestAnswer]:
        """Like ``ingest`` but streams: memory stays bounded by one batch."""
        actor.require(Permission.INGEST_EVENTS)
        it = iter(events)
        while batch := list(islice(it, self._batch_size)):
            yield from self.ingest_batch(batch)

    def ingest_batch(self, items: Sequence[Any]) -> list[IngestAnswer]:
        """One transaction for ``items``; callers must have checked INGEST_EVENTS."""
        with self._read() as conn:
            now = self._now(conn)  # received at, by the database server's clock
        answers: list[IngestAnswer | None] = [None] * len(items)
        valid: list[tuple[int, ParsedEvent, int | None]] = []
        parsed: list[tuple[int, ParsedEvent]] = []
        for i, item in enumerate(items):
            try:
                parsed.append((i, parse_event(item, now)))
            except ValidationError as exc:
                answers[i] = IngestAnswer.rejected(exc)
        communities = self._resolve_communities({p.community for _, p in parsed if p.community is not None})
        for i, p in parsed:
            if p.community is None:
                valid.append((i, p, None))
            elif p.community in communities:
                valid.append((i, p, communities[p.community]))
            else:
                answers[i] = IngestAnswer(
                    "rejected",
                    error_field="community",
                    error_message=f"未知小区 {p.community!r}: 应为登记的小区代码或全称 (unknown community)",
                )
        if valid:
            self._store(valid, answers, now)
        return [a for a in answers if a is not None]

    # ------------------------------------------------------------------ communities

    def _resolve_communities(self, wanted: set[str]) -> dict[str, int]:
        if wanted - self._communities.keys():
            with self._read() as conn:
                rows = conn.execute(select(Community.id, Community.code, Community.name)).all()
            table: dict[str, tuple[int, str]] = {}
            for cid, _code, name in rows:
                table[name] = (cid, name)
            for cid, code, name in rows:  # a code wins over another community's identical name
                table[code] = (cid, name)
            with self._lock:
                self._communities = table
                self._community_names = {cid: name for cid, _, name in rows}
        cache = self._communities
        return {w: cache[w][0] for w in wanted if w in cache}

    # ------------------------------------------------------------------ watchlist index

    def _watch_index(self, conn: Connection) -> _WatchIndex:
        """The index, reloaded only when the watchlist table changed (one aggregate query)."""
        w = WatchlistEntry
        signature = tuple(
            conn.execute(
                select(
                    func.count(w.id), func.coalesce(func.sum(w.version), 0), func.coalesce(func.max(w.id), 0)
                )
            ).one()
        )
        index = self._watch
        if index.signature == signature:
            return index
        rows = conn.execute(
            select(
                w.id,
                w.kind,
                w.plate,
                w.id_number,
                w.name,
                w.reason,
                w.severity,
                TheftCase.case_no,
                w.expires_at,
            )
            .outerjoin(TheftCase, TheftCase.id == w.case_id)
            .where(w.active.is_(True))
        ).all()
        fresh = _WatchIndex(signature)
        for eid, kind, plate, number, name, reason, severity, case_no, expires in rows:
            hit = WatchHit(
                eid,
                kind,
                severity or default_watch_severity(kind),
                name or "",
                reason or "",
                case_no,
                expires,
            )
            if plate:
                fresh.plates[plate] = _better(fresh.plates.get(plate), hit)
            if number:
                fresh.people[number] = _better(fresh.people.get(number), hit)
        with self._lock:
            self._watch = fresh
        return fresh

    # ------------------------------------------------------------------ storing one batch

    def _store(
        self,
        valid: list[tuple[int, ParsedEvent, int | None]],
        answers: list[IngestAnswer | None],
        now: dt.datetime,
    ) -> None:
        first_of: dict[tuple[str, str], int] = {}  # key -> position in `valid` of its first occurrence
        rows: list[tuple[Any, ...]] = []
        for pos, (_, p, community_id) in enumerate(valid):
            if p.key in first_of:
                continue
            first_of[p.key] = pos
            rows.append(
                (
                    p.source,
                    p.external_id,
                    p.kind,
                    p.at,
                    now,
                    community_id,
                    p.device,
                    p.plate,
                    p.id_number,
                    p.phone,
                    p.payload,
                )
            )
        for careful in (False, True):
            try:
                with self._write() as session:
                    conn = session.connection()
                    index = self._watch_index(conn)
                    inserted = self._insert_events(conn, rows, careful=careful)
                    missing = [k for k in first_of if k not in inserted]
                    existing = self._existing(conn, missing) if missing else {}
                    alert_of = self._raise_alerts(
                        conn,
                        [(valid[first_of[k]][1], valid[first_of[k]][2], eid) for k, eid in inserted.items()],
                        index,
                        now,
                    )
                break
            except _FastPathMismatch:  # rolled back; do the batch again the careful way
                log.warning("SQLite fast insert path did not add up; batch retried with RETURNING")
        seen: set[tuple[str, str]] = set()
        for i, p, _ in valid:
            key = p.key
            if key in inserted:
                eid = inserted[key]
                status = "duplicate" if key in seen else "accepted"
                answers[i] = IngestAnswer(status, eid, alert_of.get(eid))
            elif key in existing:
                eid, aid = existing[key]
                answers[i] = IngestAnswer("duplicate", eid, aid)
            else:  # stored by another writer that then rolled back: nothing is stored for it
                answers[i] = IngestAnswer(
                    "rejected",
                    error_field=None,
                    error_message="并发写入冲突, 请重新发送 (concurrent write conflict; resend)",
                )
            seen.add(key)

    def _insert_events(
        self, conn: Connection, rows: list[tuple[Any, ...]], *, careful: bool = False
    ) -> dict[tuple[str, str], int]:
        """Insert what is new; returns key -> id of the rows this transaction inserted.

        ``INSERT ... ON CONFLICT (source, external_id) DO NOTHING RETURNING``: the unique
        constraint decides who stores a key (never a check-then-insert). Sent as driver SQL —
        skipping SQLAlchemy's per-parameter compilation is most of the speed: on PostgreSQL COPY
        into a staging table and one INSERT ... SELECT, on SQLite a prepared executemany
        (``careful``: multi-row VALUES ... RETURNING per chunk instead).
        """
        processors = self._event_processors(conn)
        columns = [list(c) for c in zip(*rows, strict=True)]
        sqlite_times = conn.dialect.name == "sqlite"
        for pos, proc in processors:
            if sqlite_times and pos in _TIME_COLUMNS:
                memo: dict[dt.datetime, str] = {}  # received_at is one value for the whole batch
                columns[pos] = [
                    memo[v] if v in memo else memo.setdefault(v, sqlite_utc_text(v)) for v in columns[pos]
                ]
            else:
                columns[pos] = [proc(v) for v in columns[pos]]
        inserted: dict[tuple[str, str], int] = {}
        if conn.dialect.name == "postgresql":
            return self._pg_copy_insert(conn, list(zip(*columns, strict=True)))
        values = list(zip(*columns, strict=True))
        if not careful:
            return self._sqlite_insert_many(conn, values)
        width = len(EVENT_COLUMNS)
        one = "(" + ", ".join(["?"] * width) + ")"
        for start in range(0, len(values), INSERT_CHUNK):
            chunk = values[start : start + INSERT_CHUNK]
            sql = (
                f"INSERT INTO event ({', '.join(EVENT_COLUMNS)}) VALUES {', '.join([one] * len(chunk))} "  # noqa: S608 constant column names and placeholders; values are bound
                "ON CONFLICT (source, external_id) DO NOTHING RETURNING id, source, external_id"
            )
            for eid, src, ext in conn.exec_driver_sql(sql, tuple(v for row in chunk for v in row)):
                inserted[(src, ext)] = eid
        return inserted

    @staticmethod
    def _pg_copy_insert(conn: Connection, values: list[tuple[Any, ...]]) -> dict[tuple[str, str], int]:
        """PostgreSQL: COPY the batch into a session-private staging table, then one INSERT ... SELECT.

        COPY is the fastest way in; the INSERT ... ON CONFLICT DO NOTHING RETURNING from the
        staging table keeps the unique constraint as the judge under concurrency.
        """
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(_PG_STAGE)
            with cursor.copy(f"COPY event_in ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
            cursor.execute(_PG_INSERT)
            return {(src, ext): eid for eid, src, ext in cursor.fetchall()}
        finally:
            cursor.close()

    @staticmethod
    def _sqlite_insert_many(conn: Connection, values: list[tuple[Any, ...]]) -> dict[tuple[str, str], int]:
        """SQLite: one prepared ``executemany`` (as fast as a raw insert), then the new ids.

        The transaction holds SQLite's single write lock from the first insert on, so nobody else
        adds rows meanwhile and new rowids are above every existing one: the ``rowcount`` highest
        ids are exactly the rows inserted here. That is checked; if anything does not add up,
        _FastPathMismatch rolls the transaction back and the caller redoes the batch with
        INSERT ... RETURNING.
        """
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(_SQLITE_INSERT, values)
            count = cursor.rowcount
            if count < 0:
                raise _FastPathMismatch
            cursor.execute("SELECT id, source, external_id FROM event ORDER BY id DESC LIMIT ?", (count,))
            rows = cursor.fetchall()
        finally:
            cursor.close()
        keys = {(v[0], v[1]) for v in values}
        inserted = {(src, ext): eid for eid, src, ext in rows}
        if len(inserted) != count or not inserted.keys() <= keys:
            raise _FastPathMismatch
        return inserted

    @staticmethod
    def _event_processors(conn: Connection) -> list[tuple[int, Any]]:
        """The column types' own conversions (e.g. UTC timestamps as SQLite stores them)."""
        table = Event.__table__
        out = []
        for pos, name in enumerate(EVENT_COLUMNS):
            # dialect_impl: the backend's own conversion too (SQLite stores text in SQLAlchemy's format).
            proc = table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
            if proc is not None:
                out.append((pos, proc))
        return out

    def _existing(
        self, conn: Connection, keys: list[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[int, int | None]]:
        by_source: dict[str, list[str]] = {}
        for src, ext in keys:
            by_source.setdefault(src, []).append(ext)
        found: dict[tuple[str, str], tuple[int, int | None]] = {}
        for src, exts in by_source.items():
            for start in range(0, len(exts), 500):
                chunk = exts[start : start + 500]
                stmt = select(Event.id, Event.external_id, Event.alert_id).where(
                    Event.source == src, Event.external_id.in_(chunk)
                )
                for eid, ext, aid in conn.execute(stmt):
                    found[(src, ext)] = (eid, aid)
        return found

    # ------------------------------------------------------------------ alerts

    def _raise_alerts(
        self,
        conn: Connection,
        new: list[tuple[ParsedEvent, int | None, int]],
        index: _WatchIndex,
        now: dt.datetime,
    ) -> dict[int, int]:
        """Raise or group alerts for newly stored events; returns event id -> alert id."""
        wanted: list[tuple[ParsedEvent, int | None, int, WatchHit | None]] = []
        for p, community_id, eid in new:
            hit: WatchHit | None = None
            if p.kind == "plate_read":
                hit = index.plates.get(p.plate or "")
            elif p.kind == "person_entry":
                hit = index.people.get(p.id_number or "")
            else:
                wanted.append((p, community_id, eid, None))
                continue
            if hit is not None and (hit.expires_at is None or hit.expires_at > now):
                wanted.append((p, community_id, eid, hit))
        if not wanted:
            return {}
        wanted.sort(key=lambda w: (w[0].at, w[2]))
        hits = [(p.at, _group_key(h, c)) for p, c, _, h in wanted if h is not None]
        open_alerts = self._open_groups(conn, {k for _, k in hits}, min((at for at, _ in hits), default=now))
        new_alerts: list[_NewAlert] = []
        grouped: dict[int, list[Any]] = {}  # existing alert id -> [count to add, last_event_at]
        event_alert: list[tuple[int, _NewAlert | int]] = []
        current: dict[str, tuple[_NewAlert | int, dt.datetime]] = dict(open_alerts)
        for p, community_id, eid, hit in wanted:
            if hit is not None:
                key = _group_key(hit, community_id)
                target = current.get(key)
                if target is not None and abs(p.at - target[1]) <= GROUP_WINDOW:
                    ref, last = target
                    last = max(last, p.at)
                    if isinstance(ref, _NewAlert):
                        ref.row["count"] += 1
                        ref.row["last_event_at"] = last
                    else:
                        g = grouped.setdefault(ref, [0, last])
                        g[0] += 1
                        g[1] = max(g[1], last)
                    current[key] = (ref, last)
                    event_alert.append((eid, ref))
                    continue
            fresh = _NewAlert(self._alert_row(p, community_id, hit, now))
            new_alerts.append(fresh)
            if hit is not None:
                current[_group_key(hit, community_id)] = (fresh, p.at)
            event_alert.append((eid, fresh))
        if new_alerts:
            result = conn.execute(
                _ALERT.insert().returning(Alert.id, sort_by_parameter_order=True),
                [a.row for a in new_alerts],
            )
            for alert, (aid,) in zip(new_alerts, result, strict=True):
                alert.alert_id = aid
        if grouped:
            t = _ALERT
            conn.execute(
                update(t)
                .where(t.c.id == bindparam("b_id"))
                .values(
                    count=t.c.count + bindparam("b_n"),
                    last_event_at=bindparam("b_last"),
                    updated_at=bindparam("b_now"),
                ),
                [{"b_id": aid, "b_n": n, "b_last": last, "b_now": now} for aid, (n, last) in grouped.items()],
            )
        links = {eid: (ref.alert_id if isinstance(ref, _NewAlert) else ref) for eid, ref in event_alert}
        t = _EVENT
        conn.execute(
            update(t).where(t.c.id == bindparam("b_id")).values(alert_id=bindparam("b_alert")),
            [{"b_id": eid, "b_alert": aid} for eid, aid in links.items()],
        )
        return {eid: aid for eid, aid in links.items() if aid is not None}

    def _open_groups(
        self, conn: Connection, keys: set[str], earliest: dt.datetime
    ) -> dict[str, tuple[int, dt.datetime]]:
        """The newest open (not resolved) alert of each group key that events from ``earliest`` on may join."""
        if not keys:
            return {}
        ordered = sorted(keys)
        if conn.dialect.name == "postgresql":
            # Two ingesters hitting the same entry must not both open a new alert: serialise per group.
            conn.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(CAST(:keys AS text[])) AS k"),
                {"keys": ordered},
            )
        found: dict[str, tuple[int, dt.datetime]] = {}
        for start in range(0, len(ordered), 500):
            stmt = (
                select(Alert.id, Alert.group_key, Alert.last_event_at)
                .where(
                    Alert.group_key.in_(ordered[start : start + 500]),
                    Alert.status != "resolved",
                    Alert.last_event_at >= earliest - GROUP_WINDOW,
                )
                .order_by(Alert.last_event_at, Alert.id)
            )
            for aid, key, last in conn.execute(stmt):
                found[str(key)] = (aid, last)  # ordered: the newest wins
        return found

    def _alert_row(
        self, p: ParsedEvent, community_id: int | None, hit: WatchHit | None, now: dt.datetime
    ) -> dict[str, Any]:
        matched = hit.matched if hit is not None else None
        severity = alert_severity(p, matched)
        place = self._community_names.get(community_id, "") if community_id is not None else ""
        return {
            "kind": p.kind,
            "severity": severity,
            "severity_rank": SEVERITY_RANK[severity],
            "status": "new",
            "community_id": community_id,
            "watchlist_entry_id": hit.entry_id if hit else None,
            "group_key": group_key(matched, community_id),
            "summary": alert_summary(p, place, matched),
            "count": 1,
            "first_event_at": p.at,
            "last_event_at": p.at,
            "raised_at": now,
            "updated_at": now,
            "version": 1,
            "resolution_note": "",
        }


def _group_key(hit: WatchHit, community_id: int | None) -> str:
    return str(group_key(hit.matched, community_id))
