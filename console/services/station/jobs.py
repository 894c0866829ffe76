"""The station's periodic jobs (escalation today), run on one background thread (Qt-free).

Each job is a callable run every ``interval`` seconds; a failing round is logged and the next one
runs as planned (a database that went away comes back by itself). ``stop`` waits, within a bound,
for the round in progress.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    run: Callable[[], object]
    interval: float  # seconds between the starts of two rounds


class JobRunner:
    """Runs ``jobs`` on one daemon thread until ``stop``."""

    def __init__(self, jobs: Sequence[PeriodicJob]) -> None:
        self._jobs = list(jobs)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.rounds = 0

    def start(self) -> None:
        if self._thread is None and self._jobs:
            self._thread = threading.Thread(target=self._loop, name="station-jobs", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _loop(self) -> None:
        next_run = [time.monotonic()] * len(self._jobs)
        while not self._stop.is_set():
            for i, job in enumerate(self._jobs):
                if next_run[i] <= time.monotonic():
                    next_run[i] = time.monotonic() + job.interval
                    try:
                        job.run()
                    except Exception as exc:
                        log.warning("station job %s failed: %s", job.name, exc)
            self.rounds += 1
            self._stop.wait(max(0.0, min(next_run) - time.monotonic()))
