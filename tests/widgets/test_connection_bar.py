"""The console survives the database going away (issue 13, item 2), on a throwaway PostgreSQL cluster.

While the server is down the window says so within 2 s, keeps what it showed and refuses edits
with a message; when the server is back it reconnects by itself within 5 s and shows every alert
raised meanwhile — also when the change log was pruned past them (a full reload).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from console import app as console_app
from console.clock import FixedClock
from console.config import Settings
from console.db import make_engine, upgrade
from console.live import prune_change_log
from console.services.container import build_services
from console.widgets.common import error_text
from console.widgets.connection_bar import ConnectionBar, ConnectionWatch
from console.widgets.feed import FeedPane
from console.widgets.worker import DatabaseWorker
from tests.pg_cluster import ThrowawayCluster, throwaway_pg  # noqa: F401 (the fixture)
from tests.widgets.test_feed import Raiser
from tests.widgets.windows import open_main_window

CJK = re.compile(r"[\u3400-\u9fff]")
LOST = "与数据库的连接已断开 — 显示的是 21:00:00 时的数据"  # the tests' clock: 21:00 Beijing time


@pytest.fixture
def station(throwaway_pg: ThrowawayCluster) -> Iterator[Engine]:  # noqa: F811
    """A console database on the throwaway cluster, at the current schema."""
    admin = make_engine(throwaway_pg.url)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("CREATE DATABASE station"))
    admin.dispose()
    engine = make_engine(throwaway_pg.database_url("station"))
    upgrade(engine)
    yield engine
    engine.dispose()


def test_the_console_says_so_refuses_edits_and_catches_up_when_the_database_goes_away(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    throwaway_pg: ThrowawayCluster,  # noqa: F811
    station: Engine,
    clock: FixedClock,
) -> None:
    cluster = throwaway_pg
    ingest = make_engine(str(station.url.render_as_string(hide_password=False)))  # another process's engine
    raiser = Raiser(ingest, clock.now())
    first = raiser.alert(severity="high", kind="plate_read", summary="布控车辆 闽D12345 驶入 滨水小区")
    services = build_services(station, clock)
    actor = services.users.ensure_user("zhang", "张值班", "duty_officer")
    settings = Settings(db_url=str(station.url), sound=False)
    window, workspace = open_main_window(qtbot, db_worker, services, actor, settings)
    feed = workspace.feed
    assert isinstance(feed, FeedPane)
    bar = window.connection_bar
    try:
        qtbot.waitUntil(lambda: ids(feed) == [first], timeout=10_000)
        assert not bar.isVisible()

        # The server goes away: said within 2 s, what was shown stays.
        cluster.stop()
        qtbot.waitUntil(bar.isVisible, timeout=2_000)
        assert LOST in bar.label.text()
        assert window.connection_label.text() == "● 连接中断"
        assert ids(feed) == [first] and feed.stack.currentWidget() is feed.view
        # An edit is refused with a message, at once, and changes nothing.
        feed.view.setFocus()
        feed.view.selectRow(0)
        qtbot.keyClick(feed.view, Qt.Key.Key_A)
        qtbot.waitUntil(feed.message.isVisible, timeout=2_000)
        assert "此操作未执行" in feed.message.text() and "21:00:00" in feed.message.text()
        assert feed.model.rows[0].status == "new"

        # Back: reconnected by itself within 5 s, the alerts raised meanwhile shown, edits work again.
        start(cluster)
        missed = [raiser.alert(severity="critical", summary=f"错过的预警 {i}") for i in range(2)]
        qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5_000)
        qtbot.waitUntil(lambda: set(ids(feed)) == {first, *missed}, timeout=5_000)
        assert window.connection_label.text() == "● 已连接"
        feed.select_alert(first)
        qtbot.keyClick(feed.view, Qt.Key.Key_A)
        qtbot.waitUntil(lambda: row(feed, first).status == "acknowledged", timeout=5_000)

        # Away longer than the change log is kept: its rows are pruned before the console reads
        # them (the test holds the console's event loop from the restart to the pruning).
        cluster.stop()
        qtbot.waitUntil(bar.isVisible, timeout=2_000)
        start(cluster)
        pruned = [raiser.alert(severity=s, summary=f"已清理日志的预警 {s}") for s in ("medium", "critical")]
        assert prune_change_log(ingest, dt.timedelta(0)) > 0
        with qtbot.waitSignal(workspace.bridge.resync_required, timeout=5_000):
            pass
        qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5_000)
        qtbot.waitUntil(lambda: set(ids(feed)) == {first, *missed, *pruned}, timeout=5_000)
        assert (pruned[1], False) in feed.notifier.announced  # the urgent one sounds as a live one would
        assert (pruned[0], False) not in feed.notifier.announced
    finally:
        window.close_without_asking()
        workspace.shutdown()
        ingest.dispose()


def test_a_ping_that_hangs_counts_as_lost_and_the_gui_keeps_running(
    qtbot: QtBot, db_worker: DatabaseWorker, clock: FixedClock
) -> None:
    """A server or network that hangs (no answer, no error) is lost after 1.5 s, never waited on."""
    import threading

    release = threading.Event()
    answers: list[bool] = []

    def ping() -> bool:
        release.wait(10)
        answers.append(True)
        return True

    watch = ConnectionWatch(ping, db_worker, clock, interval_ms=100, patience_s=0.3)
    try:
        with qtbot.waitSignal(watch.lost, timeout=2_000):
            pass
        assert db_worker.offline_as_of == "21:00:00"
        refused: list[BaseException] = []
        lane = db_worker.lane(None)
        lane.submit_edit(lambda: pytest.fail("an edit ran while offline"), lambda _r: None, refused.append)
        qtbot.waitUntil(lambda: bool(refused), timeout=2_000)
        assert "此操作未执行" in str(refused[0])
        with qtbot.waitSignal(watch.restored, timeout=3_000):
            release.set()
        assert db_worker.offline_as_of is None
    finally:
        watch.stop()
        release.set()
        db_worker.wait(5_000)


def test_the_bar_and_the_refusal_read_in_english(
    qtbot: QtBot, qapp: QApplication, db_worker: DatabaseWorker, clock: FixedClock
) -> None:
    locale = QLocale()
    translators = console_app.install_translations(qapp, "en")
    up = [True]
    watch = ConnectionWatch(lambda: up[0], db_worker, clock, interval_ms=50)
    bar = ConnectionBar(watch)
    qtbot.addWidget(bar)
    try:
        assert bar.isHidden()
        up[0] = False
        qtbot.waitUntil(lambda: not bar.isHidden(), timeout=2_000)
        assert "Connection to the database lost — showing data as of 21:00:00" in bar.label.text()
        refused: list[BaseException] = []
        db_worker.lane(None).submit_edit(lambda: None, lambda _r: None, refused.append)
        qtbot.waitUntil(lambda: bool(refused), timeout=2_000)
        assert "nothing was done or saved" in error_text(refused[0])
        assert not CJK.search(bar.label.text() + error_text(refused[0]))
        up[0] = True
        qtbot.waitUntil(bar.isHidden, timeout=2_000)
    finally:
        watch.stop()
        db_worker.wait(5_000)
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def start(cluster: ThrowawayCluster) -> None:
    """Start the cluster again; if it will not, fail with what pg_ctl and the server said."""
    try:
        cluster.start()
    except subprocess.CalledProcessError as exc:
        log = (cluster.folder / "server.log").read_text(errors="replace")[-2000:]
        pytest.fail(f"the throwaway cluster did not start again: {exc.stdout}{exc.stderr}\n{log}")


def ids(feed: FeedPane) -> list[int]:
    return [r.id for r in feed.model.rows]


def row(feed: FeedPane, alert_id: int) -> Any:
    return next(r for r in feed.model.rows if r.id == alert_id)


def test_a_pane_that_cannot_read_says_so_once_and_reads_again_when_the_database_is_back(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    throwaway_pg: ThrowawayCluster,  # noqa: F811
    station: Engine,
    clock: FixedClock,
) -> None:
    """The officers' board does not ask a database that is away again and again (a busy loop)."""
    services = build_services(station, clock)
    actor = services.users.ensure_user("zhang", "张值班", "duty_officer")
    settings = Settings(db_url=str(station.url), sound=False)
    window, workspace = open_main_window(qtbot, db_worker, services, actor, settings)
    workspace.build_all()
    board = workspace.board
    assert board is not None
    try:
        qtbot.waitUntil(lambda: not board.busy(), timeout=10_000)
        reads: list[int] = []
        read = board.reload

        def counted() -> None:
            reads.append(1)
            read()

        board.reload = counted  # type: ignore[method-assign]
        throwaway_pg.stop()
        qtbot.waitUntil(window.connection_bar.isVisible, timeout=2_000)
        board.reload()
        qtbot.waitUntil(board.message.isVisible, timeout=5_000)
        qtbot.wait(1_500)
        assert len(reads) <= 2, f"{len(reads)} reads while the database was away"
        start(throwaway_pg)
        qtbot.waitUntil(lambda: not window.connection_bar.isVisible(), timeout=5_000)
        qtbot.waitUntil(lambda: not board.message.isVisible(), timeout=5_000)
        assert reads[-1:] == [1] and len(reads) >= 2  # read again once back
    finally:
        window.close_without_asking()
        workspace.shutdown()
