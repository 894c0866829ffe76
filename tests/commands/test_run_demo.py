"""`run --demo`: the window, the demo seeding and the simulated stream share one engine.

The console runs in a child process, as `duty-console run --demo` would: once its event loop
has run, a QApplication no longer activates new windows, which would spoil later widget tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Counts every engine SQLAlchemy is asked for (console.db.make_engine is the one caller) and every
# build_services, records what prepare_demo was given, and quits once the window is up and the
# simulated stream has stored an event. Prints the findings as one JSON line.
CHILD = """
import argparse, io, json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select
import console.db, console.services.container
from console import app as console_app
from console.commands import run
from console.models import Event, Household

app = QApplication([])
engines, builds, prepared, streamed = [], [], {}, []
create_engine, build_services, prepare_demo = (
    console.db.create_engine, console.services.container.build_services, run.prepare_demo
)

def counting_create_engine(*args, **kwargs):
    engines.append(create_engine(*args, **kwargs))
    return engines[-1]

def counting_build_services(engine, *args, **kwargs):
    builds.append(engine)
    return build_services(engine, *args, **kwargs)

def count(engine, table):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()

def recording_prepare(engine, services, report, settings):
    handle = prepare_demo(engine, services, report, settings)
    prepared.update(engine=engine, events=count(engine, Event), households=count(engine, Household))
    return handle

console.db.create_engine = counting_create_engine
console.services.container.build_services = counting_build_services
run.prepare_demo = recording_prepare
deadline = time.monotonic() + 60

def quit_once_the_stream_is_seen():
    if "window_shown" in console_app.startup_marks:
        now = count(prepared["engine"], Event)
        if now > prepared["events"]:
            streamed.append(now - prepared["events"])
    if streamed or time.monotonic() > deadline:
        app.setProperty("duty_console_stopping", True)  # a script stopping it: no question asked
        app.quit()
    else:
        QTimer.singleShot(100, quit_once_the_stream_is_seen)

QTimer.singleShot(0, quit_once_the_stream_is_seen)
sys.stdin = io.StringIO("Duty-demo-2026" + chr(10))  # the demo duty officer's password, as the README gives it
rc = run.main(argparse.Namespace(db=sys.argv[1], demo=True, command="run", user="demo", password_stdin=True))
print(json.dumps({
    "rc": rc,
    "engines": len(engines),
    "builds_on_that_engine": [e is engines[0] for e in builds],
    "prepared_on_that_engine": prepared.get("engine") is engines[0],
    "households": prepared.get("households"),
    "streamed": sum(streamed),
}))
"""


@pytest.mark.qt
@pytest.mark.slow
def test_run_demo_opens_one_engine_for_the_window_the_seed_and_the_stream(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    env.pop("DUTY_CONSOLE_DB", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, f"sqlite:///{tmp_path / 'station.db'}"],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["rc"] == 0, result.stderr
    assert found["households"] > 1000  # the empty database was seeded
    assert found["streamed"] > 0, "the simulated stream stored no event while the window was up"
    assert found["engines"] == 1, "run --demo opened more than one engine"
    assert found["builds_on_that_engine"] == [True]  # the window's services: one build
    assert found["prepared_on_that_engine"]  # seeding and the stream got the window's engine
