"""Two consoles acting at the same moment: calls started together on threads, outcomes returned."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Run ``calls`` on threads released together; each one's return value or the exception it raised."""
    start = threading.Barrier(len(calls))
    outcome: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        start.wait(timeout=30)
        try:
            outcome[i] = calls[i]()
        except BaseException as exc:
            outcome[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a console is still waiting"
    return outcome
