"""DatabaseWorker: the console's one pool of threads for database and network calls.

Built once by the composition root and handed to every pane and dialog. A call runs on one of a
few pool threads; its result (a frozen dataclass or a plain value from a service, never an ORM
object) comes back on the GUI thread through a queued signal. A pane submits through its own
``JobLane``: the lane runs that pane's calls one after another, in the order asked (a reload
never overtakes the save before it), while different panes run side by side.

While the database is known to be unreachable (``set_offline``, told by the connection watch),
a call that changes data and is submitted with ``submit_edit`` is refused at once with a message
instead of waiting on a dead server; any call failing with "database unreachable" is announced
(``database_unavailable``) so the watch can say so within the second.

Long jobs (the registry import) get a ``Job`` with a thread-safe cancel flag the job polls
between its steps and a progress report that reaches the GUI thread as a signal.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import sys
import threading
import weakref
from collections import deque
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from console.errors import DatabaseUnavailable, UserError
from console.widgets.common import error_text

log = logging.getLogger(__name__)

# SQLite has one writer at a time and WAL readers beside it; PostgreSQL's pool (5 connections by
# default) serves more. Four threads let a long import, a ping to a slow server and the panes'
# reads run side by side without queueing behind each other, and stay inside either backend.
MAX_THREADS = 4
SHUTDOWN_WAIT_MS = 6000  # a ping to a dead server gives up after its connect timeout

OnDone = Callable[[Any], None]
OnFailure = Callable[[BaseException], None]
OnProgress = Callable[[int, int], None]


class Job:
    """One submitted call: its cancel flag and progress report are safe to use from its thread."""

    def __init__(
        self,
        worker: DatabaseWorker,
        job_id: int,
        fn: Callable[[], Any],
        on_done: OnDone | None,
        on_failure: OnFailure | None,
        on_progress: OnProgress | None,
        owner: QObject | None,
        lane: JobLane | None,
    ) -> None:
        self.id = job_id
        self._worker = worker
        self._fn = fn
        self.on_done, self.on_failure, self.on_progress = on_done, on_failure, on_progress
        self.owner, self.lane = owner, lane
        self.long = False  # a long job checks its own cancel flag, so it always starts
        self._cancel = threading.Event()
        self._finished = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; a job not yet started does not start."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report_progress(self, done: int, total: int) -> None:
        """Called by the job on its thread: ``on_progress(done, total)`` follows on the GUI thread."""
        self._worker._carrier.progressed.emit(self.id, done, total)

    def is_finished(self) -> bool:
        """True once the call has returned or raised (its callback may still be on its way)."""
        return self._finished.is_set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the call has returned; True if it has."""
        return self._finished.wait(None if msecs < 0 else msecs / 1000)

    def _run(self) -> tuple[bool, object]:
        try:
            return True, self._fn()
        except BaseException as exc:  # delivered to on_failure or the crash handler
            return False, exc


class _Carrier(QObject):
    """Carries results and progress to the GUI thread (it lives there, so the signals are queued)."""

    finished = Signal(int, bool, object)
    progressed = Signal(int, int, int)


class _Runnable(QRunnable):
    def __init__(self, worker: DatabaseWorker, job: Job) -> None:
        super().__init__()
        self._worker, self._job = worker, job

    def run(self) -> None:
        job = self._job
        ok: bool
        value: object
        if job.is_cancelled() and not job.long:
            ok, value = False, _Cancelled()
        else:
            ok, value = job._run()
        self._worker._job_ran(job, ok, value)


class _Cancelled(Exception):
    """A job cancelled before it started: nothing ran, nothing is delivered."""


class JobLane:
    """One pane's queue on the shared worker: its calls run in order, one at a time.

    Results for an owner that has been deleted are dropped, so a closed dialog is never called back.
    """

    def __init__(self, worker: DatabaseWorker, owner: QObject | None, name: str = "") -> None:
        self._worker = worker
        self.owner = owner
        self.name = name
        self._queue: deque[Job] = deque()  # guarded by the worker's lock
        self._running: Job | None = None
        self._undelivered = 0  # jobs whose callback has not run yet (GUI thread only)

    def submit(self, fn: Callable[[], Any], on_done: OnDone, on_failure: OnFailure | None = None) -> Job:
        """Run ``fn()`` after this lane's earlier calls; then ``on_done(result)`` or ``on_failure(exc)``."""
        return self._worker._submit(fn, on_done, on_failure, None, self.owner, self)

    def submit_edit(self, fn: Callable[[], Any], on_done: OnDone, on_failure: OnFailure | None = None) -> Job:
        """``submit`` for a call that changes data: refused (``on_failure`` with a message) while offline."""
        return self.submit(self._worker.guard_edit(fn), on_done, on_failure)

    def busy(self) -> bool:
        """A call of this lane is queued, running, or its result is not delivered yet."""
        return self._undelivered > 0

    def wait(self, msecs: int = -1) -> bool:
        """Block until this lane's calls have run (at close); True if none is left."""
        return self._worker._wait_lane(self, msecs)

    def discard(self) -> None:
        """Drop the calls not yet started (the owner is going away)."""
        self._worker._discard_lane(self)


class DatabaseWorker(QObject):
    """The one thread pool for blocking calls; callbacks and progress arrive on the GUI thread."""

    user_error = Signal(str)
    """A call without its own failure handler failed in a way the user can act on (its message)."""
    database_unavailable = Signal()
    """A call failed because the database server could not be reached."""

    _instances: ClassVar[weakref.WeakSet[DatabaseWorker]] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None, max_threads: int = MAX_THREADS) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._lock = threading.Condition()
        self._active: dict[int, Job] = {}  # submitted and not yet run (guarded by _lock)
        self._pending: dict[int, Job] = {}  # not yet delivered (GUI thread only)
        self._closed = False
        self._offline_as_of: str | None = None  # "HH:MM:SS" of the data shown, while unreachable
        self._carrier = _Carrier(self)
        self._carrier.finished.connect(self._on_carrier_finished, Qt.ConnectionType.QueuedConnection)
        self._carrier.progressed.connect(self._on_carrier_progressed, Qt.ConnectionType.QueuedConnection)
        DatabaseWorker._instances.add(self)

    @classmethod
    def instances(cls) -> list[DatabaseWorker]:
        """Every worker still alive (the test suite checks none is left with a running job)."""
        return [w for w in cls._instances if shiboken6.isValid(w)]

    # --- connection state ----------------------------------------------------------------------
    @property
    def offline_as_of(self) -> str | None:
        """While the database is unreachable, the time ("HH:MM:SS") of the data shown; else None."""
        return self._offline_as_of

    def set_offline(self, as_of: str | None) -> None:
        """The database is unreachable since data as of ``as_of`` (None: reachable again)."""
        self._offline_as_of = as_of

    def guard_edit(self, fn: Callable[[], Any]) -> Callable[[], Any]:
        """``fn``, or while offline a call that refuses with a message and touches nothing."""
        as_of = self._offline_as_of
        if as_of is None:
            return fn

        def refused() -> Any:
            raise DatabaseUnavailable("db.offline.edit_refused", as_of=as_of)

        return refused

    # --- submitting --------------------------------------------------------------------------
    def lane(self, owner: QObject | None, name: str = "") -> JobLane:
        """A queue for ``owner``'s calls: they run one at a time, in order."""
        return JobLane(self, owner, name)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: OnDone,
        on_failure: OnFailure | None = None,
        *,
        owner: QObject | None = None,
    ) -> Job:
        """Run ``fn()`` on a pool thread; then ``on_done(result)`` or ``on_failure(exc)`` on the GUI thread.

        Without ``on_failure`` a UserError is announced by ``user_error`` and anything else goes to
        the crash handler. With ``owner``, nothing is called back once the owner is deleted.
        """
        return self._submit(fn, on_done, on_failure, None, owner, None)

    def start_job(
        self,
        fn: Callable[[Job], Any],
        on_done: OnDone,
        on_failure: OnFailure | None = None,
        on_progress: OnProgress | None = None,
        *,
        owner: QObject | None = None,
    ) -> Job:
        """Run a long job ``fn(job)`` that polls ``job.is_cancelled()`` and calls ``job.report_progress``."""
        holder: list[Job] = []
        job = self._submit(lambda: fn(holder[0]), on_done, on_failure, on_progress, owner, None, holder)
        return job

    def _submit(
        self,
        fn: Callable[[], Any],
        on_done: OnDone | None,
        on_failure: OnFailure | None,
        on_progress: OnProgress | None,
        owner: QObject | None,
        lane: JobLane | None,
        holder: list[Job] | None = None,
    ) -> Job:
        job = Job(self, next(self._ids), fn, on_done, on_failure, on_progress, owner, lane)
        if holder is not None:
            job.long = True
            holder.append(job)
        if self._closed:
            log.warning("a call was submitted after the worker shut down; it does not run")
            job.cancel()
            job._finished.set()
            return job
        self._pending[job.id] = job
        if lane is not None:
            lane._undelivered += 1
        with self._lock:
            self._active[job.id] = job
            if lane is not None and (lane._running is not None or lane._queue):
                lane._queue.append(job)
                return job
            if lane is not None:
                lane._running = job
        self._pool.start(_Runnable(self, job))
        return job

    def _job_ran(self, job: Job, ok: bool, value: object) -> None:
        """On the pool thread: hand the result over, start the lane's next call."""
        following: Job | None = None
        with self._lock:
            self._active.pop(job.id, None)
            lane = job.lane
            if lane is not None:
                lane._running = None
                if lane._queue:
                    following = lane._running = lane._queue.popleft()
            job._finished.set()
            self._lock.notify_all()
        if following is not None:
            self._pool.start(_Runnable(self, following))
        # RuntimeError: the worker was deleted while the call ran; nobody waits for the answer.
        with contextlib.suppress(RuntimeError):
            self._carrier.finished.emit(job.id, ok, value)

    # --- state -------------------------------------------------------------------------------
    def busy(self) -> bool:
        """Some call is queued, running, or its result is not delivered yet."""
        return bool(self._pending)

    def running_jobs(self) -> int:
        """How many calls are queued or running on a pool thread."""
        with self._lock:
            return len(self._active)

    def cancel_long_jobs(self) -> None:
        """Ask every long job to stop at its next check (its own contract says what is kept).

        Plain calls are left to run: one queued just before the window closed may be a save.
        """
        with self._lock:
            for job in self._active.values():
                if job.long:
                    job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued and running call has returned; True if none is left."""
        return self._wait_for(lambda: not self._active, msecs)

    def shutdown(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """At window close: take no new calls, cancel long jobs, wait (bounded) for the running ones."""
        self._closed = True
        self.cancel_long_jobs()
        done = self.wait(msecs)
        if not done:
            log.warning("%d database call(s) still running at shutdown", self.running_jobs())
        return done

    def _wait_lane(self, lane: JobLane, msecs: int) -> bool:
        return self._wait_for(lambda: lane._running is None and not lane._queue, msecs)

    def _wait_for(self, condition: Callable[[], bool], msecs: int) -> bool:
        with self._lock:
            return self._lock.wait_for(condition, None if msecs < 0 else msecs / 1000)

    def _discard_lane(self, lane: JobLane) -> None:
        with self._lock:
            dropped = list(lane._queue)
            lane._queue.clear()
            for job in dropped:
                self._active.pop(job.id, None)
                job.cancel()
                job._finished.set()
            self._lock.notify_all()
        for job in dropped:
            if self._pending.pop(job.id, None) is not None:
                lane._undelivered -= 1

    # --- delivery (GUI thread) ---------------------------------------------------------------
    @Slot(int, int, int)
    def _on_carrier_progressed(self, job_id: int, done: int, total: int) -> None:
        job = self._pending.get(job_id)
        if job is not None and job.on_progress is not None and _alive(job.owner):
            job.on_progress(done, total)

    @Slot(int, bool, object)
    def _on_carrier_finished(self, job_id: int, ok: bool, value: object) -> None:
        job = self._pending.pop(job_id, None)
        if job is None:
            return
        if job.lane is not None:
            job.lane._undelivered -= 1
        if isinstance(value, _Cancelled):
            return
        if not ok and isinstance(value, DatabaseUnavailable) and value.unreachable:
            self.database_unavailable.emit()
        if not _alive(job.owner):
            return
        if ok:
            if job.on_done is not None:
                job.on_done(value)
        elif job.on_failure is not None:
            job.on_failure(value)  # type: ignore[arg-type]
        elif isinstance(value, UserError):
            # Database unreachable, permission denied…: the user can act on it; not a crash.
            log.warning("%s", value)
            self.user_error.emit(error_text(value))
        elif isinstance(value, BaseException):
            sys.excepthook(type(value), value, value.__traceback__)


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)
