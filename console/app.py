"""Composition root: settings -> QApplication -> database -> services -> signed-in user -> main window.

Nothing else constructs services. The QApplication and a splash come first so the user sees the
console start at once (NOTES.md: a bare window paints 0.13 s after start); the database layer,
SQLAlchemy and the panes are imported only after that first paint. The main window is shown with
the alert feed built and every other pane a placeholder; those on screen are built right after the
window's first paint, the rest when the officer first opens them (console.widgets.workspace).
Before that first paint nothing else is loaded that it does not need (numpy, alembic on a database
already at head, the case and map services, dialogs: docs/architecture.md), and a password given
on standard input is checked on a thread while the window's modules load.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from importlib.resources import as_file, files
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from console.config import Settings, data_dir, make_private_dir, settings_path
from console.log_privacy import PersonalDataFilter
from console.validators import mask_personal_text

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.container import Services
    from console.services.figures import MonthlyBrief
    from console.services.station import AccountService
    from console.widgets.worker import DatabaseWorker
    from console.widgets.workspace import Workspace

log = logging.getLogger(__name__)

ORGANISATION = "duty-console"
APPLICATION = "duty-console"
LANGUAGES = ("zh_CN", "en")

# time.perf_counter() at each start-up milestone of the last run_console (bench/bench_startup.py)
startup_marks: dict[str, float] = {}

# A callable run once the database is open (``run --demo`` seeds and starts the simulated stream
# here). It gets the console's engine, its services (the same ones the window gets: one engine per
# process) and a function that shows a progress line on the splash; what it returns is stopped
# (``.stop()``) when the console quits, before the engine is disposed, if it has such a method.
Prepare = Callable[[Any, "Services", Callable[[str], None]], Any]


# ----- translations ------------------------------------------------------------------------------
def translation_file(language: str) -> str:
    """Name of the console's compiled translation for ``language`` inside console.resources."""
    return f"console_{language if language in LANGUAGES else 'zh_CN'}.qm"


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the console's translation (and Qt's own, for standard buttons) for ``language``.

    Source strings are Chinese, so zh_CN works even if its (identity) file were missing; English
    needs console_en.qm. Returns the installed translators; keep them alive while the app runs.
    """
    language = language if language in LANGUAGES else "zh_CN"
    # One language at a time: the translators of an earlier call (children of the application)
    # would otherwise keep answering first for the strings the new language's files lack — Qt's
    # own 确定 / 关闭 / 回车 in an English window.
    for earlier in app.findChildren(QTranslator):
        app.removeTranslator(earlier)
        earlier.setParent(None)  # gone once no caller keeps it
    installed: list[QTranslator] = []
    ref = files("console.resources") / "translations" / translation_file(language)
    translator = QTranslator(app)
    with as_file(ref) as path:
        if path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found; showing source strings", ref)
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    QLocale.setDefault(QLocale("en_US" if language == "en" else "zh_CN"))
    return installed


# ----- crash handler -----------------------------------------------------------------------------
def log_dir() -> Path:
    return data_dir() / "logs"


class CrashHandler(QObject):
    """Logs every uncaught exception (Qt would swallow those raised in slots) and tells the user."""

    crash_logged = Signal(str, str)
    """A traceback was written to the log file (path, one-line summary)."""

    def __init__(self, directory: Path, parent: QObject | None = None, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self._dir = directory
        self._show_dialog = show_dialog
        self._dialog_open = False
        self.crash_logged.connect(self._on_crash_logged)  # queued when raised on a worker thread

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def write_log(self, text: str) -> Path:
        self._dir.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = self._dir / f"crash-{stamp}.log"
        path.write_text(mask_personal_text(text), encoding="utf-8")  # a traceback may quote a resident
        return path

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("uncaught exception:\n%s", text)
        try:
            path = self.write_log(text)
        except OSError:
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.crash_logged.emit(str(path), f"{exc_type.__name__}: {exc}")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        self.handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    @Slot(str, str)
    def _on_crash_logged(self, path: str, summary: str) -> None:
        if not self._show_dialog or self._dialog_open or QApplication.instance() is None:
            return  # one dialog at a time: a failing paint event must not stack hundreds of them
        self._dialog_open = True
        try:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("app", "内部错误"),
                QCoreApplication.translate("app", "程序出现内部错误, 已记录日志: {0}").format(path),
            )
            box.setDetailedText(summary)
            box.exec()
        finally:
            self._dialog_open = False


def _log_to_file() -> None:
    """Keep a log of the session next to the crash logs (warnings and up)."""
    try:
        make_private_dir(log_dir())  # 0700 when created: the log names users and places
        handler = logging.FileHandler(log_dir() / "console.log", encoding="utf-8")
        (log_dir() / "console.log").chmod(0o600)
    except OSError:
        return
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PersonalDataFilter())  # no ID or phone number in the log file
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
        for other in root.handlers:
            if other is not handler and other.level == logging.NOTSET:
                other.setLevel(logging.WARNING)  # stderr stays as quiet as the CLI set it


# ----- start-up pieces ---------------------------------------------------------------------------
class Splash(QLabel):
    """A frameless start-up card with a progress line.

    Not QSplashScreen: its show() blocks for a second waiting for the window to be exposed
    (measured here, offscreen and under X), which is most of the start-up time.
    """

    def __init__(self, theme_name: str) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self._dark = theme_name != "light"
        self._base = self._card()
        self.setPixmap(self._base)
        self.setFixedSize(self._base.size())

    def _card(self) -> QPixmap:
        dark = self._dark
        pixmap = QPixmap(560, 220)
        pixmap.fill(QColor("#0d1117" if dark else "#ffffff"))
        painter = QPainter(pixmap)
        painter.fillRect(0, 0, 560, 6, QColor("#1f6feb"))
        font = QFont()
        font.setFamilies(["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "sans-serif"])
        font.setPointSize(28)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#e6edf3" if dark else "#1f2328"))
        painter.drawText(
            36, 40, 488, 60, Qt.AlignmentFlag.AlignLeft, QCoreApplication.translate("app", "值班台")
        )
        font.setPointSize(13)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor("#8b949e" if dark else "#57606a"))
        painter.drawText(
            36,
            100,
            488,
            40,
            Qt.AlignmentFlag.AlignLeft,
            QCoreApplication.translate("app", "社区派出所值班室"),
        )
        painter.end()
        return pixmap

    def show_message(self, message: str) -> None:
        pixmap = QPixmap(self._base)
        painter = QPainter(pixmap)
        font = QFont()
        font.setFamilies(["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "sans-serif"])
        font.setPointSize(11)
        painter.setFont(font)
        painter.setPen(QColor("#8b949e" if self._dark else "#57606a"))
        painter.drawText(36, 170, 488, 30, Qt.AlignmentFlag.AlignLeft, message)
        painter.end()
        self.setPixmap(pixmap)

    def show_centred(self) -> None:
        screen = QApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())
        self.show()


def show_database_error(message: str) -> None:
    """Tell the user the database could not be opened and what to do about it (modal)."""
    QMessageBox.critical(
        None,
        QCoreApplication.translate("app", "无法打开数据库"),
        QCoreApplication.translate(
            "app",
            "无法打开数据库, 值班台无法启动。\n\n{0}\n\n请检查: 数据库服务器是否在运行、网络是否连通、地址是否正确。"
            "地址可用 --db 参数、环境变量 DUTY_CONSOLE_DB 或设置文件 {1} 指定。",
        ).format(message, settings_path()),
    )


def sign_in(
    services: Services, worker: Any, hint: str = "", credentials: tuple[str, str] | None = None
) -> Actor | None:
    """The user the console acts for: signed in with a password (None if they quit instead).

    ``credentials`` come from ``run --user NAME --password-stdin`` (a kiosk script, the tests and
    benchmarks); otherwise the sign-in dialog asks, or on a new database the dialog that creates
    the system administrator.
    """
    if credentials is not None:
        return services.accounts.sign_in(*credentials)
    from console.widgets.sign_in import ask_sign_in

    return ask_sign_in(services.accounts, worker, hint=hint)


class SignInCheck:
    """``accounts.sign_in(*credentials)`` started now on a thread; ``result()`` waits for it and
    returns the actor, or raises what the sign-in raised (a wrong password: ``UserError``).
    Nothing is shown before ``result()`` returns: only the waiting overlaps the start's imports."""

    def __init__(self, accounts: AccountService, credentials: tuple[str, str]) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sign-in")
        self._future = self._pool.submit(accounts.sign_in, *credentials)
        self._pool.shutdown(wait=False)  # the one call runs to its end; no thread is left behind

    @classmethod
    def on_engine(cls, engine: Any, credentials: tuple[str, str]) -> SignInCheck:
        """The check on an account service of its own, before the others are built: the same
        sessions and clock ``build_services`` gives the bundle's (the service keeps no state)."""
        from console.clock import SystemClock
        from console.db import session_factory
        from console.services.station import AccountService

        return cls(AccountService(session_factory(engine), SystemClock()), credentials)

    def result(self) -> Actor:
        return self._future.result()


def load_window_modules() -> None:
    """Import the main window and the alert feed (the panes on screen at the first paint)."""
    import console.widgets.feed
    import console.widgets.main_window
    import console.widgets.workspace  # noqa: F401  imported for their cost, used by build_workspace


def build_workspace(
    services: Services, actor: Actor, settings: Settings, worker: DatabaseWorker
) -> Workspace:
    """The panes of the main window and their wiring (imported here: after the splash has painted)."""
    from console.widgets.workspace import Workspace

    return Workspace(services, actor, settings, worker)


class StopOnSignals:
    """SIGINT (Ctrl+C) and SIGTERM close the console as the user would: the window's close path,
    then the engine disposed, so SQLite folds its -wal file back into the database.

    Qt's event loop runs in C++ and Python only runs a signal handler between bytecodes, so a
    timer gives the interpreter a turn a few times a second. A signal before the event loop runs
    (splash, sign-in) is remembered in ``requested`` and honoured before the window is entered.
    """

    def __init__(self, app: QApplication) -> None:
        import signal

        self.requested = False
        self._app = app
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        self._timer = QTimer(app)
        self._timer.timeout.connect(lambda: None)
        self._timer.start(200)

    def _on_signal(self, signum: int, _frame: Any) -> None:
        log.info("signal %s: closing the console", signum)
        self.requested = True
        self._app.setProperty("duty_console_stopping", True)  # the window closes without asking
        self._app.closeAllWindows()
        self._app.exit(0)

    def restore(self) -> None:
        import signal

        self._timer.stop()
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


def run_console(
    settings: Settings,
    prepare: Prepare | None = None,
    *,
    hint: str = "",
    credentials: tuple[str, str] | None = None,
) -> int:
    """Start the desktop console and run it until the user quits; returns the exit status."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # QtWebEngine panes (district map) need this before the application exists.
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    install_translations(app, settings.language)  # translators are children of app: they stay alive
    # After the translation: Qt appends this name to every window title ("… — Duty Console").
    app.setApplicationDisplayName(QCoreApplication.translate("app", "值班台"))
    stop = StopOnSignals(app)
    try:
        return _run(app, settings, prepare, hint, credentials, stop)
    finally:
        stop.restore()


def _run(
    app: QApplication,
    settings: Settings,
    prepare: Prepare | None,
    hint: str,
    credentials: tuple[str, str] | None,
    stop: StopOnSignals,
) -> int:
    from console.widgets import theme

    theme_name = theme.apply_theme(app, str(theme.ui_settings().value("ui/theme", settings.theme)))
    splash = Splash(theme_name)
    splash.show_centred()
    app.processEvents()  # first paint, before anything heavy is imported
    startup_marks["splash_painted"] = time.perf_counter()

    def report(message: str) -> None:
        splash.show_message(message)
        app.processEvents()

    _log_to_file()
    crash_handler = CrashHandler(log_dir(), app)
    crash_handler.install()

    report(QCoreApplication.translate("app", "正在打开数据库…"))
    from console.db import open_database
    from console.errors import UserError

    try:
        engine = open_database(settings.connect_url())
    except UserError as exc:
        splash.close()
        show_database_error(exc.text(settings.language))
        return 2
    startup_marks["database_open"] = time.perf_counter()
    background: Any = None
    jobs: Any = None
    try:
        # Credentials given (run --user): the password is checked on a thread of its own while the
        # services' and the window's modules load here; argon2 does not hold the GIL, so the two
        # overlap. With ``prepare`` (the demo makes its accounts there) the check waits for it.
        checking = SignInCheck.on_engine(engine, credentials) if credentials and prepare is None else None
        from console.services.container import build_services, station_jobs

        services = build_services(engine)
        if prepare is not None:
            background = prepare(engine, services, report)
            checking = SignInCheck(services.accounts, credentials) if credentials else None
        report(QCoreApplication.translate("app", "正在加载…"))
        load_window_modules()
        from console.widgets.main_window import MainWindow
        from console.widgets.worker import DatabaseWorker

        jobs = station_jobs(services)
        jobs.start()
        # The one pool every pane's database calls run on; the window waits for it at close.
        worker = DatabaseWorker(app)
        splash.close()
        try:
            actor = checking.result() if checking is not None else sign_in(services, worker, hint)
        except UserError as exc:  # run --user with a wrong password, a locked account
            print(f"duty-console: {exc.bilingual()}", file=sys.stderr)
            worker.shutdown()
            return 2
        if actor is None or stop.requested:  # quit at the sign-in dialog, or a signal came
            worker.shutdown()
            return 0
        workspace = build_workspace(services, actor, settings, worker)
        window = MainWindow(services, actor, settings, workspace.panes, worker)
        workspace.attach(window)
        app.aboutToQuit.connect(workspace.shutdown)
        if window.first_start:  # a duty-room screen is the console's own
            window.setGeometry(window.screen().availableGeometry())  # also without a window manager
            window.showMaximized()
        else:
            window.show()
        splash.close()
        app.processEvents()  # the window's first paint: the feed, and placeholders for the rest
        startup_marks["window_shown"] = time.perf_counter()

        def build_visible_panes() -> None:
            # The panes on screen that were placeholders at the first paint (the maps, the work tab).
            workspace.build_visible()
            startup_marks["panes_ready"] = time.perf_counter()

        QTimer.singleShot(0, window, build_visible_panes)
        if stop.requested:  # a signal while the window was being built: close it as the user would
            window.close()
        rc = 0 if stop.requested else app.exec()
        worker.shutdown()  # already done if the window closed; not if the session ended otherwise
        # Delete the window (and the district map's web page with it) while Qt still runs: a
        # QWebEnginePage outliving its profile at interpreter exit crashes the process.
        shiboken6.delete(window)
    except UserError as exc:
        splash.close()
        show_database_error(exc.text(settings.language))
        return 2
    finally:
        if jobs is not None:
            jobs.stop()
        if background is not None and hasattr(background, "stop"):
            background.stop()
        engine.dispose()
    return int(rc)


def write_monthly_report(brief: MonthlyBrief, path: str | Path) -> Path:
    """The monthly brief as a PDF, for ``report monthly``: a Qt application without a window.

    Nothing is shown, so no display is needed: the offscreen platform is used unless one is set.
    """
    import os

    from PySide6.QtWidgets import QApplication

    from console.widgets.monthly_report import save_monthly_report

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication (not the smaller QGuiApplication): the one instance a process may have must
    # also serve widgets made later in the same process (the console's own tests, a script).
    _app = QApplication.instance() or QApplication([])
    return save_monthly_report(brief, path)
