"""Run the Qt-free tests with PySide6 unimportable: ``python -m pytest -p tests.qt_free``.

Services, models, the demo and the command line must work where Qt is not installed (a server
ingesting events, a scheduled export), as napari runs its core tests with Qt uninstalled. This
plugin makes every import of PySide6, shiboken6, pyqtgraph and pytest-qt in the test process fail,
leaves tests/widgets/ uncollected and deselects tests marked ``qt`` or asking for a Qt fixture.
A service module that imports Qt, even through another module, then fails its own tests.
"""

from __future__ import annotations

import importlib.abc
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

REFUSED = ("PySide6", "shiboken6", "pyqtgraph", "pytestqt")
QT_FIXTURES = frozenset({"qtbot", "qapp", "qtmodeltester", "qtlog"})
WIDGET_TESTS = Path(__file__).with_name("widgets")


class _QtRefused(importlib.abc.MetaPathFinder):
    """Answers every import of a Qt package with ModuleNotFoundError, as if it were not installed."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> None:
        if fullname.partition(".")[0] in REFUSED:
            raise ModuleNotFoundError(f"No module named {fullname!r} (Qt-free test run)", name=fullname)
        return None


_already = sorted(name for name in sys.modules if name.partition(".")[0] in REFUSED)
if _already:
    raise pytest.UsageError(f"tests.qt_free loaded after Qt was imported ({', '.join(_already)})")
sys.meta_path.insert(0, _QtRefused())


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    # Runs as this plugin registers, before the installed plugins load: pytest-qt would import Qt.
    pluginmanager.set_blocked("pytest-qt")
    parser.addini("qt_api", "pytest-qt's Qt binding (unused: pytest-qt is off in the Qt-free run)")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    return True if collection_path == WIDGET_TESTS else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kept, needs_qt = [], []
    for item in items:
        uses_qt = item.get_closest_marker("qt") or QT_FIXTURES & set(getattr(item, "fixturenames", ()))
        (needs_qt if uses_qt else kept).append(item)
    if needs_qt:
        config.hook.pytest_deselected(items=needs_qt)
        items[:] = kept
