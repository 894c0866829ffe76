"""Regression: PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call returning
nothing, and the process aborts with "Fatal Python error: none_dealloc" (NOTES.md). The console makes
such calls by the hundred thousand over a shift (resize, update, setText ...)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import PySide6

CALLS = 50_000

# Run in a child process: on a bad build the abort would otherwise take the whole test session down.
_CHILD = textwrap.dedent(
    f"""
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLabel, QWidget
    app = QApplication([])
    widget, label = QWidget(), QLabel()
    before = sys.getrefcount(None)
    for i in range({CALLS} // 4):
        widget.resize(200 + i % 50, 100)      # returns nothing
        widget.setWindowTitle("值班台")        # returns nothing
        widget.update()                        # returns nothing
        label.setText(str(i))                  # returns nothing
    after = sys.getrefcount(None)
    print("refcount(None) change:", after - before)
    """
)


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3] if part.isdigit())


def test_installed_pyside6_is_not_the_known_bad_combination() -> None:
    bad = _version(PySide6.__version__)[:2] == (6, 12) and _version(PySide6.__version__) <= (6, 12, 0)
    assert not (bad and sys.version_info[:2] < (3, 12)), (
        f"PySide6 {PySide6.__version__} on Python {sys.version_info.major}.{sys.version_info.minor} aborts "
        "with none_dealloc; install PySide6 6.11.3 (pyproject.toml pins it for Python < 3.12)"
    )


def test_tens_of_thousands_of_void_qt_calls_do_not_abort_the_console() -> None:
    result = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=120)
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    change = int(result.stdout.strip().rsplit(" ", 1)[-1])
    # A healthy build leaves None's reference count about where it was; the bad one loses one per call.
    assert abs(change) < CALLS // 10, f"None lost {-change} references over {CALLS} calls"
