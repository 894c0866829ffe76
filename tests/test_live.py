"""The change feed: what another connection or process changes reaches this console, none skipped."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import Engine, insert, select, text, update

from console.db import make_engine
from console.live import RESYNC, ChangeFeed, latest_change_id, prune_change_log
from console.models import Alert, Building, ChangeLog, Event, Household, WatchlistEntry
from tests.factories import add_communities, add_station

NOW = dt.datetime(2026, 3, 14, 13, 0, tzinfo=dt.UTC)


def _alert_row(summary: str = "布控车辆 闽D12345 驶入 滨水小区") -> dict[str, object]:
    return {
        "kind": "plate_read",
        "severity": "high",
        "severity_rank": 1,
        "status": "new",
        "summary": summary,
        "count": 1,
        "first_event_at": NOW,
        "last_event_at": NOW,
        "raised_at": NOW,
        "updated_at": NOW,
        "version": 1,
        "resolution_note": "",
    }


def _insert_alerts(engine: Engine, n: int = 1) -> list[int]:
    with engine.begin() as conn:
        return [
            conn.execute(insert(Alert).values(**_alert_row(f"预警 {i}")).returning(Alert.id)).scalar_one()
            for i in range(n)
        ]


def _poll_until(feed: ChangeFeed, want: int, timeout: float = 5.0) -> list:
    got: list = []
    deadline = time.monotonic() + timeout
    while len(got) < want and time.monotonic() < deadline:
        got += feed.poll()
        time.sleep(0.01)
    return got


def test_an_alert_raised_by_another_connection_reaches_the_feed(engine: Engine) -> None:
    feed = ChangeFeed(engine)
    try:
        assert feed.poll() == []
        ids = _insert_alerts(engine, 3)
        with engine.begin() as conn:
            conn.execute(update(Alert).where(Alert.id == ids[0]).values(count=2))
        changes = _poll_until(feed, 4)
        assert [(c.topic, c.entity_id) for c in changes] == [("alert", i) for i in [*ids, ids[0]]]
        assert feed.poll() == []  # each change is handed out once
        assert feed.connected
        assert (feed.fileno() is not None) == (engine.dialect.name == "postgresql")
    finally:
        feed.close()


def test_households_report_updates_only_and_events_report_nothing(engine: Engine) -> None:
    feed = ChangeFeed(engine)
    try:
        with engine.begin() as conn:
            (cm,) = add_communities(conn, add_station(conn), ["滨水小区"])
            b = conn.execute(
                insert(Building)
                .values(community_id=cm, name="3", floors=18, units=2, rooms_per_floor=4, version=1)
                .returning(Building.id)
            ).scalar_one()
            hh = conn.execute(
                insert(Household)
                .values(
                    community_id=cm,
                    building_id=b,
                    unit="1",
                    floor=12,
                    room="1203",
                    housing_use="出租",
                    note="",
                    version=1,
                )
                .returning(Household.id)
            ).scalar_one()
            conn.execute(
                insert(Event).values(
                    source="gate",
                    external_id="e1",
                    kind="plate_read",
                    at=NOW,
                    received_at=NOW,
                    payload="{}",
                    plate="闽D12345",
                )
            )
        assert feed.poll() == []  # seeding households and storing events stays trigger-free
        with engine.begin() as conn:
            conn.execute(update(Household).where(Household.id == hh).values(last_verified_at=NOW))
            wl = conn.execute(
                insert(WatchlistEntry)
                .values(
                    kind="vehicle",
                    plate="闽D12345",
                    name="",
                    reason="盗窃",
                    severity="high",
                    active=True,
                    created_at=NOW,
                    version=1,
                )
                .returning(WatchlistEntry.id)
            ).scalar_one()
        changes = _poll_until(feed, 2)
        assert [(c.topic, c.entity_id) for c in changes] == [("household", hh), ("watchlist", wl)]
    finally:
        feed.close()


def test_an_alert_written_by_another_process_reaches_the_feed(engine: Engine, db_url: str) -> None:
    feed = ChangeFeed(engine)
    script = textwrap.dedent(f"""
        import datetime as dt
        from sqlalchemy import insert
        from console.db import make_engine
        from console.models import Alert
        now = dt.datetime(2026, 3, 14, 13, 0, tzinfo=dt.UTC)
        eng = make_engine({db_url!r})
        with eng.begin() as conn:
            conn.execute(insert(Alert).values(kind="report", severity="medium", severity_rank=2, status="new",
                summary="群众求助 钥匙丢失", count=1, first_event_at=now, last_event_at=now, raised_at=now,
                updated_at=now, version=1, resolution_note=""))
    """)
    try:
        subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
        changes = _poll_until(feed, 1)
        assert [c.topic for c in changes] == ["alert"]
        with engine.connect() as conn:
            assert (
                conn.execute(select(Alert.summary).where(Alert.id == changes[0].entity_id)).scalar()
                == "群众求助 钥匙丢失"
            )
    finally:
        feed.close()


def test_pruning_drops_only_day_old_changes(engine: Engine) -> None:
    _insert_alerts(engine, 2)
    with engine.begin() as conn:
        first = conn.execute(select(ChangeLog.id).order_by(ChangeLog.id)).scalars().first()
        conn.execute(update(ChangeLog).where(ChangeLog.id == first).values(at=NOW - dt.timedelta(days=400)))
    feed = ChangeFeed(engine)
    try:
        assert feed.prune() == 1
        before = latest_change_id(engine)
        _insert_alerts(engine, 1)
        assert latest_change_id(engine) == before + 1  # ids never go back after pruning
        assert len(_poll_until(feed, 1)) == 1
    finally:
        feed.close()


@pytest.mark.postgres
def test_a_dropped_listener_catches_up_on_everything_it_missed(pg_url: str) -> None:
    engine = make_engine(pg_url)
    feed = ChangeFeed(engine)
    try:
        assert feed.poll() == []
        before = _insert_alerts(engine, 2)
        assert len(_poll_until(feed, 2)) == 2
        with engine.begin() as conn:
            pid = conn.execute(
                text(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = 'duty-console-listener' "
                    "AND datname = current_database()"
                )
            ).scalar_one()
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        missed = _insert_alerts(engine, 5)  # raised while the console was cut off
        deadline = time.monotonic() + 5
        while feed.connected and time.monotonic() < deadline:
            feed.poll(reconnect=False)
            time.sleep(0.02)
        assert not feed.connected
        assert feed.reconnect()
        after = _insert_alerts(engine, 1)
        changes = _poll_until(feed, 6)
        assert [c.entity_id for c in changes] == [*missed, *after]
        assert not set(before) & {c.entity_id for c in changes}
    finally:
        feed.close()
        engine.dispose()


@pytest.mark.postgres
def test_an_alert_committed_after_a_newer_one_is_not_skipped(pg_url: str) -> None:
    """Sequence ids commit out of order: id 10 may become visible after id 11."""
    engine = make_engine(pg_url)
    feed = ChangeFeed(engine)
    slow = engine.connect()
    try:
        tx = slow.begin()
        slow_id = slow.execute(insert(Alert).values(**_alert_row("慢事务")).returning(Alert.id)).scalar_one()
        fast_id = _insert_alerts(engine, 1)[0]
        assert [c.entity_id for c in _poll_until(feed, 1)] == [fast_id]
        tx.commit()
        assert [c.entity_id for c in _poll_until(feed, 1)] == [slow_id]
    finally:
        slow.close()
        feed.close()
        engine.dispose()


def test_rows_pruned_before_the_feed_read_them_ask_for_a_full_resync(engine: Engine) -> None:
    """A console cut off for longer than the pruning window cannot catch up row by row."""
    feed = ChangeFeed(engine)
    try:
        assert feed.poll() == []
        seen = _insert_alerts(engine, 2)
        assert [c.entity_id for c in _poll_until(feed, 2)] == seen
        _insert_alerts(engine, 3)  # raised while this console was away…
        assert prune_change_log(engine, dt.timedelta(0)) == 5  # …and pruned before it came back
        after = _insert_alerts(engine, 1)
        changes = _poll_until(feed, 1)
        assert [c.topic for c in changes] == [RESYNC]  # a gap below the new row: reload everything
        assert feed.poll() == []  # the reload covers the rows up to here: each change once
        newer = _insert_alerts(engine, 1)
        assert [(c.topic, c.entity_id) for c in _poll_until(feed, 1)] == [("alert", newer[0])]
        assert after[0] < newer[0]
    finally:
        feed.close()


def test_an_emptied_change_log_is_noticed_on_reconnect(engine: Engine) -> None:
    feed = ChangeFeed(engine)
    try:
        assert feed.poll() == []
        _insert_alerts(engine, 2)
        prune_change_log(engine, dt.timedelta(0))  # every row gone, none read
        assert feed.reconnect()  # as after a restart of the database
        assert [c.topic for c in _poll_until(feed, 1)] == [RESYNC]
        assert feed.poll() == []
        newer = _insert_alerts(engine, 1)
        assert [(c.topic, c.entity_id) for c in _poll_until(feed, 1)] == [("alert", newer[0])]
    finally:
        feed.close()


def test_a_reconnect_with_nothing_pruned_catches_up_without_a_resync(engine: Engine) -> None:
    feed = ChangeFeed(engine)
    try:
        assert feed.poll() == []
        missed = _insert_alerts(engine, 3)
        assert feed.reconnect()
        assert [(c.topic, c.entity_id) for c in _poll_until(feed, 3)] == [("alert", i) for i in missed]
    finally:
        feed.close()


def test_a_feed_started_on_an_emptied_log_hands_out_news_without_a_resync(engine: Engine) -> None:
    """The demo seed clears the log of its history: a console opened on it must not reload for that."""
    _insert_alerts(engine, 2)
    prune_change_log(engine, dt.timedelta(0))
    feed = ChangeFeed(engine)
    try:
        assert feed.poll() == []
        newer = _insert_alerts(engine, 1)
        assert [(c.topic, c.entity_id) for c in _poll_until(feed, 1)] == [("alert", newer[0])]
    finally:
        feed.close()
