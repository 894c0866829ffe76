"""The clock is an edge: tests replace it, production reads the system time."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

# The station's time: Beijing, UTC+8 all year (no daylight saving), whatever the desk computer or
# the database server is set to. Every date and time an officer reads or types is in it.
STATION_TZ = dt.timezone(dt.timedelta(hours=8))


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    """This computer's clock: shown on screen and measured against the database server's.

    Services do not date what they store with it: lifecycle and audit stamps come from the
    database server's clock (``Service._now``, ``server_now``), so a console whose clock is wrong
    neither misdates records nor skews response times. ``offset`` (server minus this computer,
    as last measured) moves what is shown onto the server's time.
    """

    def __init__(self) -> None:
        self.offset = dt.timedelta(0)

    def local(self) -> dt.datetime:
        """This computer's own clock, uncorrected (what the skew is measured from)."""
        return dt.datetime.now(dt.UTC)

    def now(self) -> dt.datetime:
        return self.local() + self.offset


class FixedClock:
    """A clock for tests and deterministic demo data; ``advance`` moves it forward.

    Pinned: services take its time instead of asking the database server, so what they compute
    and store is reproducible (audit lines and the alert lifecycle still use the server's clock).
    """

    pinned = True

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += dt.timedelta(**delta)
