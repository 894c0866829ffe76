"""Time to the first paint of the console, beside a bare QMainWindow measured the same way.

    python bench/bench_startup.py [--runs 5] [--db URL] [--smoke]

Each run is a fresh process (offscreen). The clock starts at the first line of the child script,
so Python's own start-up is left out of both figures. The console child goes the way
`duty-console run` goes (console.commands.run -> console.app.run_console) and reports when the
splash has painted, when the database is open, when the main window is shown and painted (the
alert feed built, the other panes placeholders), and when the placeholders on screen have been
replaced by their panes (the maps and the front work tab, built after that first paint); the baseline
child shows a bare QMainWindow and processes its first paint. Figures are medians. The CPU line is
the processor time the console process (all its threads, its interpreter's own start included) had
used when its main window was shown: on a shared, loaded machine the wall-clock figures stretch,
that one much less.
``--smoke``: one run of each (seconds; for CI).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import parse, parser

PASSWORD = "Bench-night-shift-2026"  # noqa: S105 a throwaway account in the bench's own database

BASELINE = """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1600, 960); w.show(); app.processEvents()
import json; print(json.dumps({"first_paint": time.perf_counter() - t0}))
"""

CONSOLE = """
import time; t0 = time.perf_counter()
import argparse, io, json, sys
from console.commands import run
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from console import app as console_app
cpu = {}
class Marks(dict):  # also the CPU time the process (all its threads) has used at each milestone
    def __setitem__(self, key, value):
        cpu[key] = time.process_time()
        super().__setitem__(key, value)
console_app.startup_marks = Marks()
def quit_when_shown():
    if "panes_ready" in console_app.startup_marks:
        app.setProperty("duty_console_stopping", True)  # a script stopping it: no question asked
        app.quit()
    else:
        QTimer.singleShot(10, quit_when_shown)
QTimer.singleShot(0, quit_when_shown)
sys.stdin = io.StringIO(sys.argv[2] + chr(10))  # signs in as `run --user bench --password-stdin` would
rc = run.main(argparse.Namespace(db=sys.argv[1], demo=False, command="run", user="bench", password_stdin=True))
marks = {k: v - t0 for k, v in console_app.startup_marks.items()}
print(json.dumps({**marks, **{f"cpu_{k}": v for k, v in cpu.items()}}))
"""


def child(code: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    # This interpreter running the bench's own script text: nothing untrusted in the command.
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--db",
        help="database URL (default: a fresh SQLite file, created before timing); an existing "
        "district-scale one (bench/bench_seed.py's data) shows what an officer waits for",
    )
    args = parse(ap, smoke={"runs": 1})
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            # The console's district map is a QtWebEngine page: as root it needs the sandbox off.
            "QTWEBENGINE_DISABLE_SANDBOX": os.environ.get("QTWEBENGINE_DISABLE_SANDBOX", "1"),
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_DATA_HOME": f"{tmp}/data",
        }
        url = args.db or f"sqlite:///{Path(tmp) / 'station.db'}"
        subprocess.run(  # noqa: S603  this interpreter, our own CLI, the bench's database URL
            [sys.executable, "-m", "console", "--db", url, "init-db"],
            env=env,
            check=True,
            capture_output=True,
        )
        subprocess.run(  # noqa: S603  the bench's own operator account, password on standard input
            [
                sys.executable,
                "-m",
                "console",
                "--db",
                url,
                "user",
                "add",
                "bench",
                "--role",
                "duty_officer",
                "--password-stdin",
            ],
            env=env,
            capture_output=True,
            input=f"{PASSWORD}\n",
            text=True,
            check=False,  # already there when --db names a database the bench has used before
        )
        base = [child(BASELINE, env=env)["first_paint"] for _ in range(args.runs)]
        runs = [child(CONSOLE, url, PASSWORD, env=env) for _ in range(args.runs)]

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    print(f"runs: {args.runs} (median, seconds from the child's first line; machine shared, figures noisy)")
    print(f"baseline  bare QMainWindow first paint      {statistics.median(base):6.3f} s")
    print(f"console   splash painted (first paint)      {median('splash_painted'):6.3f} s")
    print(f"console   database open (schema checked)    {median('database_open'):6.3f} s")
    print(f"console   main window shown (signed in)     {median('window_shown'):6.3f} s")
    print(f"console   panes on screen built (maps, work){median('panes_ready'):6.3f} s")
    print(f"console   CPU used by then (all threads)    {median('cpu_window_shown'):6.3f} s")
    print(
        f"ratio     console first paint / baseline    {median('splash_painted') / statistics.median(base):6.2f}"
    )


if __name__ == "__main__":
    main()
