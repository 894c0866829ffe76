"""The change feed: what other consoles and the ingest process changed, as it happens (Qt-free).

Triggers (revision 0002) append a ``change_log`` row for every alert inserted or updated, every
household updated and every watchlist entry inserted or updated. A :class:`ChangeFeed` hands out
the rows newer than the last one it saw:

- **PostgreSQL**: a dedicated psycopg connection in autocommit has run ``LISTEN duty_console``;
  :meth:`ChangeFeed.fileno` is its socket, so a GUI can wake on it (``QSocketNotifier``) and call
  :meth:`ChangeFeed.poll`, which drains the notifications without blocking and then reads the
  change log. After a dropped connection the feed reconnects, listens again and reads everything
  since the last id it saw, so nothing is skipped.
- **SQLite**: no socket; ``poll`` is called on a timer and first asks ``PRAGMA data_version``
  (microseconds), reading the change log only when another connection has committed.

PostgreSQL hands out sequence values at insert time but transactions commit in any order, so
id 11 can be visible before id 10. The feed remembers such gaps and asks for them again for
``gap_wait`` seconds; a gap older than that was a rolled-back insert and is forgotten.

Rows are pruned after a day (``prune_change_log``). A console cut off for longer than that cannot
read what it missed from the log: after every (re)connect, and whenever a read skips ids, the feed
checks whether rows after the last id it saw were pruned (the oldest row left is newer than the
next id, or the log is empty while ids beyond it were handed out) and then hands out one
``Change`` with topic ``RESYNC``: reload everything shown, nothing can be caught up row by row.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, select, text

from console.config import PG_KEEPALIVES
from console.models.live import NOTIFY_CHANNEL, ChangeLog

log = logging.getLogger(__name__)

BATCH = 5000  # change rows handed out by one poll; the rest come with the next (see ``backlog``)
GAP_WAIT_S = 60.0  # longer than any transaction that inserts alerts is expected to stay open
MAX_GAP_RANGES = 64
RESYNC = "resync"  # the topic of the Change that says: rows were pruned unread, reload everything


@dataclass(frozen=True, slots=True)
class Change:
    """One changed row: ``topic`` is 'alert', 'household' or 'watchlist' (or ``RESYNC``, entity 0)."""

    change_id: int
    topic: str
    entity_id: int


class _Gaps:
    """Change ids not seen yet below the highest one seen, as ranges with the time they appeared."""

    def __init__(self) -> None:
        self.ranges: list[list[float]] = []  # [first, last, since] — ids kept as floats for one list type

    def add(self, first: int, last: int, since: float) -> None:
        if first <= last:
            self.ranges.append([first, last, since])
            if len(self.ranges) > MAX_GAP_RANGES:  # keep the query small: forget the oldest
                self.ranges.pop(0)

    def take(self, change_id: int) -> bool:
        """True (and the id is no longer missing) if ``change_id`` was one of the gaps."""
        for i, (first, last, since) in enumerate(self.ranges):
            if first <= change_id <= last:
                del self.ranges[i]
                self.add(int(first), change_id - 1, since)
                self.add(change_id + 1, int(last), since)
                return True
        return False

    def expire(self, now: float, wait: float) -> None:
        self.ranges = [r for r in self.ranges if now - r[2] < wait]

    def bounds(self) -> list[tuple[int, int]]:
        return [(int(r[0]), int(r[1])) for r in self.ranges]


class ChangeFeed:
    """Changes written by any connection since this feed started, each handed out once.

    Not thread-safe: one thread at a time (a GUI polls it; a worker may call ``reconnect``
    while the GUI leaves it alone).
    """

    def __init__(self, engine: Engine, *, gap_wait: float = GAP_WAIT_S, connect_timeout: int = 3) -> None:
        self._engine = engine
        self.backend = engine.dialect.name
        self._gap_wait = gap_wait
        self._connect_timeout = connect_timeout
        self._conn: Any = None  # psycopg.Connection or sqlite3.Connection (via the pool)
        self._data_version: int | None = None
        self._last_seen: int | None = None
        self._gaps = _Gaps()
        self._closed = False
        self._check_pruned = False  # after each reconnect: were rows pruned before we read them?
        self.backlog = False  # True when the last poll left rows for the next one
        self.reconnect()

    # -- state ---------------------------------------------------------------------------------
    @property
    def connected(self) -> bool:
        return self._conn is not None

    @property
    def last_seen(self) -> int:
        """The highest change id handed out (or present when the feed started)."""
        return self._last_seen or 0

    def fileno(self) -> int | None:
        """The listening socket on PostgreSQL (wake when readable); None on SQLite or when offline."""
        if self.backend != "postgresql" or self._conn is None:
            return None
        return int(self._conn.fileno())

    # -- connection ----------------------------------------------------------------------------
    def reconnect(self) -> bool:
        """Open the dedicated connection (blocking, up to the connect timeout). True if connected.

        The next ``poll`` then delivers everything since the last id seen.
        """
        if self._closed:
            return False
        self._drop()
        try:
            if self.backend == "postgresql":
                self._conn = self._connect_postgresql()
            else:
                self._conn = self._engine.raw_connection()
                self._data_version = None
            if self._last_seen is None:
                self._start_after_newest()  # news from here on; what was written before is history
            else:
                self._check_pruned = True
        except Exception as exc:  # server down, file gone: stay offline and try again later
            log.warning("change feed cannot connect: %s", exc)
            self._drop()
            return False
        return True

    def _connect_postgresql(self) -> Any:
        import psycopg

        url = self._engine.url.set(drivername="postgresql")
        # With the keepalives, a silent peer drops the listener in ~10 s; then it reconnects.
        options: dict[str, Any] = {"connect_timeout": self._connect_timeout, **PG_KEEPALIVES}
        conn = psycopg.connect(
            url.render_as_string(hide_password=False),
            autocommit=True,
            application_name="duty-console-listener",
            **options,
        )
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        return conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already broken: nothing more to release
                log.debug("closing a broken change-feed connection", exc_info=True)

    def close(self) -> None:
        """Stop listening and release the connection; the feed cannot be used afterwards."""
        self._drop()
        self._closed = True

    # -- reading -------------------------------------------------------------------------------
    def poll(self, *, reconnect: bool = True) -> list[Change]:
        """Changes since the last poll, oldest first. Never waits for new ones.

        When offline and ``reconnect`` is true, first tries to reconnect (which may block up to
        the connect timeout; a GUI passes False and calls ``reconnect`` off its thread).
        """
        if self._closed:
            return []
        if self._conn is None and not (reconnect and self.reconnect()):
            return []
        try:
            if self.backend == "postgresql":
                self._drain_notifications()
            elif not self._sqlite_changed() and not self._gaps.ranges and not self._check_pruned:
                return []
            rows = self._read_since()
            if self._missed_pruned_rows(rows):
                return self._resync()
        except Exception as exc:
            log.warning("change feed lost its connection: %s", exc)
            self._drop()
            return []
        return self._absorb(rows)

    def _missed_pruned_rows(self, rows: list[tuple[int, str, int]]) -> bool:
        """True when rows after the last id seen were pruned before this feed read them.

        Asked after a (re)connect and when a read skips ids (which is otherwise a transaction
        still open or rolled back). A rolled-back id just after the last one seen, with every
        older row pruned too, also answers True: one reload too many, never a change skipped.
        """
        last = self.last_seen
        newer = next((r[0] for r in rows if r[0] > last), None)
        asked = self._check_pruned or (newer is not None and newer > last + 1)
        self._check_pruned = False
        if not asked:
            return False
        oldest = self._scalar("SELECT min(id) FROM change_log")
        if oldest is not None:
            return int(oldest) > last + 1
        return self._highest_id_handed_out() > last  # an empty log: were ids beyond ours written?

    def _highest_id_handed_out(self) -> int:
        """The highest change id ever given to a row, committed or not (kept when rows are pruned)."""
        if self.backend == "postgresql":
            sql = "SELECT pg_sequence_last_value(pg_get_serial_sequence('change_log', 'id')::regclass)"
        else:  # AUTOINCREMENT keeps the highest id ever used here, even when every row is gone
            sql = "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'"
        try:
            value = self._scalar(sql)
        except Exception as exc:  # no right to read the sequence: the rows must answer alone
            log.info("highest change id unreadable: %s", exc)
            if self.backend == "postgresql":
                self._conn.rollback()  # harmless in autocommit; keeps a non-autocommit one usable
            return 0
        return int(value) if value is not None else 0

    def _resync(self) -> list[Change]:
        """Start again after the newest id: the caller reloads everything (one RESYNC change)."""
        log.warning("change log pruned past id %d before it was read: full resync", self.last_seen)
        self._start_after_newest()
        return [Change(self.last_seen, RESYNC, 0)]

    def _start_after_newest(self) -> None:
        """Hand out only what is written after now (at the start, and after a resync).

        After the newest id handed out, even when its row is pruned (else the next row would
        look like a gap). Ids handed out but not committed yet (a transaction still open) stay
        asked for as a gap, so a reload, which cannot see them, does not lose them either.
        """
        committed = self._max_id()
        handed_out = max(committed, self._highest_id_handed_out())
        self._last_seen = handed_out
        self._gaps = _Gaps()
        self._gaps.add(committed + 1, handed_out, time.monotonic())
        self.backlog = False

    def _drain_notifications(self) -> None:
        # The payload ('alert:57') only says that something changed; the log says what, in order.
        for _ in self._conn.notifies(timeout=0):
            pass

    def _sqlite_changed(self) -> bool:
        cur = self._conn.cursor()
        try:
            version = cur.execute("PRAGMA data_version").fetchone()[0]
        finally:
            cur.close()
        changed = version != self._data_version
        self._data_version = version
        return changed or self.backlog

    def _read_since(self) -> list[tuple[int, str, int]]:
        last = self.last_seen
        bounds = self._gaps.bounds()
        mark = "%s" if self.backend == "postgresql" else "?"
        where = [f"id > {mark}"] + [f"id BETWEEN {mark} AND {mark}" for _ in bounds]
        params: list[int] = [last] + [v for pair in bounds for v in pair]
        sql = (
            f"SELECT id, topic, entity_id FROM change_log WHERE {' OR '.join(where)} "  # noqa: S608 only placeholders and a constant limit are formatted in
            f"ORDER BY id LIMIT {BATCH}"
        )
        cur = self._conn.cursor()
        try:
            cur.execute(sql, params)
            rows = [(int(r[0]), str(r[1]), int(r[2])) for r in cur.fetchall()]
        finally:
            cur.close()
        self.backlog = len(rows) == BATCH
        return rows

    def _max_id(self) -> int:
        return int(self._scalar("SELECT coalesce(max(id), 0) FROM change_log"))

    def _scalar(self, sql: str) -> Any:
        cur = self._conn.cursor()
        try:
            cur.execute(sql)
            row = cur.fetchone()
            return row[0] if row is not None else None
        finally:
            cur.close()

    def _absorb(self, rows: list[tuple[int, str, int]]) -> list[Change]:
        now = time.monotonic()
        out: list[Change] = []
        last = self.last_seen
        for change_id, topic, entity_id in rows:
            if change_id > last:
                self._gaps.add(last + 1, change_id - 1, now)
                last = change_id
            elif not self._gaps.take(change_id):
                continue  # handed out before
            out.append(Change(change_id, topic, entity_id))
        self._last_seen = last
        self._gaps.expire(now, self._gap_wait)
        return out

    # -- housekeeping --------------------------------------------------------------------------
    def prune(self, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
        """Delete change-log rows older than ``older_than`` (call rarely, off the GUI thread)."""
        return prune_change_log(self._engine, older_than)


def prune_change_log(engine: Engine, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
    """Delete change-log rows older than ``older_than``; returns how many went.

    "Older" by the database server's clock, which stamped the rows (the triggers' ``now()``): a
    console whose own clock runs ahead must not prune what other consoles have not read yet.
    """
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            cutoff = func.now() - text(f"interval '{int(older_than.total_seconds())} seconds'")
        else:  # the SQLite triggers' own format, so that the text comparison is a time comparison
            cutoff = func.strftime("%Y-%m-%d %H:%M:%f000", "now", f"-{int(older_than.total_seconds())} seconds")
        result = conn.execute(delete(ChangeLog).where(ChangeLog.at <= cutoff))
        return int(result.rowcount or 0)


def latest_change_id(engine: Engine) -> int:
    """The highest change id written so far (0 for none)."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(ChangeLog.id), 0))).scalar_one())
