"""The console's DatabaseWorker: results on the GUI thread, failures to the caller, order, cancel, progress."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from console.clock import FixedClock
from console.errors import UserError
from console.models import Resident
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.import_dialog import RegistryImportDialog
from console.widgets.worker import DatabaseWorker
from tests.conftest import running_background_work

ROWS = 20_000  # four of the importer's 5,000-row chunks


def big_registry(tmp_path: Path) -> str:
    lines = ["小区,楼栋,户室,姓名"]
    lines += [f"海景花园,{i // 100 + 1},{i % 100 + 101},居民{i}" for i in range(ROWS)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def residents(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Resident)).scalar_one())


def test_a_result_arrives_on_the_gui_thread(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock
) -> None:
    services = build_services(engine, clock)
    seen: list[tuple[object, bool]] = []
    gui = QApplication.instance().thread()  # type: ignore[union-attr]
    ran_on: list[bool] = []

    def ping() -> bool:
        ran_on.append(QThread.currentThread() is gui)
        return services.health.ping()

    db_worker.submit(ping, lambda ok: seen.append((ok, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert ran_on == [False]  # the database was asked off the GUI thread
    assert seen == [(True, True)]  # and the answer came back on it
    assert not db_worker.busy()


def test_a_user_error_goes_to_on_failure_and_without_one_to_user_error(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock
) -> None:
    services = build_services(engine, clock)
    failures: list[BaseException] = []
    db_worker.submit(lambda: services.health.probe("mysql://someone@host/db"), print, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], UserError) and "不支持的数据库类型" in str(failures[0])

    with qtbot.waitSignal(db_worker.user_error, timeout=5000) as told:
        db_worker.submit(lambda: services.health.probe("mysql://someone@host/db"), print)
    assert "不支持的数据库类型" in told.args[0]


def test_a_lane_runs_in_order_and_a_deleted_owner_is_not_called_back(
    qtbot: QtBot, db_worker: DatabaseWorker
) -> None:
    owner = QObject()
    lane = db_worker.lane(owner)
    release = threading.Event()
    order: list[str] = []
    lane.submit(lambda: release.wait(5) and "slow", order.append)
    lane.submit(lambda: "fast", order.append)  # must wait for the slow call before it
    release.set()
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5000)
    assert order == ["slow", "fast"]

    gone = threading.Event()
    called: list[object] = []
    lane.submit(lambda: gone.wait(5), called.append)
    shiboken6.delete(owner)  # the pane closed while its call was running
    gone.set()
    qtbot.waitUntil(lambda: not db_worker.busy(), timeout=5000)
    assert called == []


def test_shutdown_waits_for_the_running_call_and_takes_no_new_ones(
    qtbot: QtBot, db_worker: DatabaseWorker
) -> None:
    returned: list[bool] = []
    db_worker.submit(lambda: returned.append(not threading.Event().wait(0.3)), lambda _r: None)
    assert db_worker.shutdown(5000)
    assert returned == [True] and db_worker.running_jobs() == 0  # close waited for it to return
    late = db_worker.submit(lambda: "late", lambda _r: None)
    assert late.is_cancelled() and db_worker.running_jobs() == 0


def _import_dialog(
    qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor, path: str
) -> RegistryImportDialog:
    dialog = RegistryImportDialog(services.registry_import, actor, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(path)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    return dialog


def test_progress_reaches_the_dialogs_bar_and_a_finished_import_fills_it(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    clock: FixedClock,
    community_officer: Actor,
    tmp_path: Path,
) -> None:
    services = build_services(engine, clock)
    dialog = _import_dialog(qtbot, db_worker, services, community_officer, big_registry(tmp_path))
    values: list[tuple[int, int]] = []
    bar = dialog.progress_bar
    bar.valueChanged.connect(lambda v: values.append((v, bar.maximum())))
    with qtbot.waitSignal(dialog.registry_imported, timeout=120_000) as done:
        dialog.start_import()
        assert dialog.cancel_button.isVisible() and bar.isVisible()
    assert done.args[0].residents_created == ROWS and not dialog.is_running()
    assert (5000, ROWS) in values  # the bar moved chunk by chunk, not just at the end
    assert bar.value() == bar.maximum()


def test_cancel_stops_the_import_between_chunks_and_keeps_whole_chunks(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    clock: FixedClock,
    community_officer: Actor,
    tmp_path: Path,
) -> None:
    services = build_services(engine, clock)
    dialog = _import_dialog(qtbot, db_worker, services, community_officer, big_registry(tmp_path))
    dialog.progress_bar.valueChanged.connect(
        lambda v: dialog.cancel_button.click() if v >= 5000 and dialog.cancel_button.isEnabled() else None
    )
    with qtbot.waitSignal(dialog.registry_imported, timeout=120_000) as done:
        dialog.start_import()
    report: Any = done.args[0]
    assert report.cancelled
    assert 0 < report.rows_kept < ROWS and report.rows_kept % 5000 == 0  # whole chunks only
    assert residents(engine) == report.rows_kept  # nothing of a half-written chunk
    assert "已取消" in dialog.report_label.text() and not dialog.cancel_button.isVisible()


def test_esc_cancels_a_running_import_and_leaves_the_dialog_open_with_its_report(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    clock: FixedClock,
    community_officer: Actor,
    tmp_path: Path,
) -> None:
    services = build_services(engine, clock)
    dialog = _import_dialog(qtbot, db_worker, services, community_officer, big_registry(tmp_path))
    with qtbot.waitSignal(dialog.registry_imported, timeout=120_000) as done:
        dialog.start_import()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
    assert done.args[0].cancelled and residents(engine) == done.args[0].rows_kept < ROWS
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing running now: Esc closes
    assert not dialog.isVisible()


def test_the_suite_notices_a_job_or_a_qthread_left_running(qtbot: QtBot, db_worker: DatabaseWorker) -> None:
    release = threading.Event()
    db_worker.submit(lambda: release.wait(5), lambda _r: None)
    assert running_background_work() == ["1 DatabaseWorker job(s)"]  # teardown would fail the test
    release.set()
    db_worker.wait(5000)

    class Sleeper(QThread):
        def run(self) -> None:
            release.wait(5)

    release.clear()  # before the thread starts: a set() from this test can then never be lost
    thread = Sleeper()
    thread.start()
    qtbot.waitUntil(thread.isRunning)
    assert running_background_work() == ["QThread Sleeper"]
    release.set()
    thread.wait(5000)
    assert running_background_work() == []
