"""The main window as the console opens it after sign-in, for widget tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console import app as console_app
from console.config import Settings
from console.security import Actor
from console.services.container import Services
from console.widgets.main_window import MainWindow
from console.widgets.worker import DatabaseWorker
from console.widgets.workspace import Workspace


def open_main_window(
    qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> tuple[MainWindow, Workspace]:
    """The workspace's panes in a shown main window (closed with the test by qtbot)."""
    workspace = console_app.build_workspace(services, actor, settings, worker)
    window = MainWindow(services, actor, settings, workspace.panes, worker)
    workspace.attach(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, workspace
