"""Real databases for tests: an SQLite file per test and a fresh PostgreSQL database per session.

Tests that take the ``engine`` / ``sessions`` fixtures run once per backend. PostgreSQL is reached
at $DUTY_CONSOLE_TEST_PG_ADMIN (default postgresql://postgres@127.0.0.1:5432/postgres); the fixture
creates its own database and drops it at the end. Without a server the PostgreSQL runs are skipped,
unless DUTY_CONSOLE_REQUIRE_PG=1 (set by CI), which turns that into a failure.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

# Widgets run offscreen on a virtual 1920×1080 screen, the size of a duty-room monitor (Qt's
# offscreen default is 800×800, smaller than the console's minimum window).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}"
    )
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from console.clock import FixedClock
from console.db import make_engine, session_factory, upgrade
from console.security import Actor
from console.services.station import UserService
from tests.factories import wipe_database

PG_ADMIN = os.environ.get(
    "DUTY_CONSOLE_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_PG = os.environ.get("DUTY_CONSOLE_REQUIRE_PG") == "1"
# Saturday night at Guankou: 2026-03-14 21:00 Beijing time.
DEMO_NOW = dt.datetime(2026, 3, 14, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture(scope="session", autouse=True)
def _qt_widgets_deleted_before_exit() -> Iterator[None]:
    """Delete what widget tests left behind while Qt still runs.

    A QWebEnginePage (the district map) that outlives its profile when the interpreter exits
    crashes the process after every test has passed.
    """
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Windows with a parent (menus, pyqtgraph's plot option submenus) go with their parent:
    # deleting such a child first and its parent afterwards crashes in shiboken.
    for widget in QApplication.topLevelWidgets():
        if shiboken6.isValid(widget) and widget.parentWidget() is None:
            shiboken6.delete(widget)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _started_qthreads() -> list[Any]:
    """Weak references to the QThreads started since the current test began.

    Kept on the patched QThread.start itself: this module may be imported twice (as pytest's
    conftest and as tests.conftest), and both copies must see the same list.
    """
    import weakref

    from PySide6.QtCore import QThread

    started: list[Any] | None = getattr(QThread.start, "started", None)
    if started is None:
        original = QThread.start
        started = []

        def start(self: QThread, *args: Any) -> None:
            started.append(weakref.ref(self))
            original(self, *args)

        start.started = started  # type: ignore[attr-defined]
        QThread.start = start  # type: ignore[method-assign]
    return started


@pytest.fixture(autouse=True)
def _no_background_work_left(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a Qt test that leaves a DatabaseWorker job or a QThread running when it ends.

    Work left running would touch the next test's database or call back a deleted widget. The
    check runs after the test's own fixtures are torn down; what it finds is then waited for
    (bounded) so one leaky test does not spill into the next.
    """
    if "PySide6.QtCore" not in sys.modules and not {"qtbot", "qapp", "db_worker"} & set(request.fixturenames):
        yield  # not a Qt test
        return
    _started_qthreads().clear()
    yield
    leaks = running_background_work()
    if leaks:
        from console.widgets.worker import DatabaseWorker

        for worker in DatabaseWorker.instances():
            worker.cancel_long_jobs()
            worker.wait(10_000)
        for ref in _started_qthreads():
            thread = ref()
            if thread is not None:
                thread.wait(10_000)
    _started_qthreads().clear()
    _chinese_again()
    # Python's cycle collector deletes wrappers of Qt objects; let it run here, between tests with
    # the widgets gone, rather than at whatever allocation the next test's constructor makes.
    gc.collect()
    if leaks:
        pytest.fail("still running at the end of the test: " + ", ".join(leaks), pytrace=False)


def _chinese_again() -> None:
    """Leave the console's default language (Chinese, with Qt's own Chinese words) for the next
    test: a test that switched to English replaced the translators (one language at a time)."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None or QCoreApplication.translate("QPlatformTheme", "Close") == "关闭":
        return
    from console.app import install_translations

    install_translations(app, "zh_CN")


def running_background_work() -> list[str]:
    """What a test left running: DatabaseWorker jobs and QThreads it started."""
    import shiboken6

    from console.widgets.worker import DatabaseWorker

    leaks = [f"{n} DatabaseWorker job(s)" for w in DatabaseWorker.instances() if (n := w.running_jobs())]
    for ref in _started_qthreads():
        thread = ref()
        if thread is not None and shiboken6.isValid(thread) and thread.isRunning():
            leaks.append(f"QThread {type(thread).__name__}")
    return leaks


@pytest.fixture
def db_worker(qapp: object) -> Iterator[object]:
    """The console's DatabaseWorker, as the composition root builds it; shut down at the end."""
    from console.widgets.worker import DatabaseWorker

    worker = DatabaseWorker()
    yield worker
    if not worker.running_jobs():  # else left for _no_background_work_left to report
        worker.shutdown()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the real user's settings, data directory or QSettings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("DUTY_CONSOLE_DB", raising=False)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "station.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a PostgreSQL database created for this test session, at the current schema."""
    admin = make_engine(PG_ADMIN)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        admin.dispose()
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL required but not reachable at {PG_ADMIN}: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN}")
    name = f"duty_console_test_{uuid.uuid4().hex[:10]}"
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_all(engine: Engine) -> None:
    wipe_database(engine)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """An empty database at the current schema, once per backend."""
    if request.param == "sqlite":
        path = tmp_path / "station.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("pg_url")
    engine = make_engine(url)
    _truncate_all(engine)
    engine.dispose()
    return str(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEMO_NOW)


@pytest.fixture
def users(sessions: sessionmaker[Session], clock: FixedClock) -> UserService:
    return UserService(sessions, clock)


@pytest.fixture
def duty_officer(users: UserService) -> Actor:
    """A signed-in duty officer (may not see full ID numbers)."""
    return users.ensure_user("zhang", "张值班", "duty_officer")


@pytest.fixture
def investigator(users: UserService) -> Actor:
    """An investigator (办案民警): keeps case dossiers, may see full ID numbers."""
    return users.ensure_user("li", "李办案", "investigator")


@pytest.fixture
def community_officer(users: UserService) -> Actor:
    """A community officer (may see full ID numbers)."""
    return users.ensure_user("yang", "杨明", "community_officer")
