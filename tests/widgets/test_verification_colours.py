"""One definition of the verification statuses and colours (console.verification_status), read by
the grid map, its legend, the worklist and the district map; and the grid map's double-click."""

from __future__ import annotations

from grid_data import seed_grid
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console import verification_status as vs
from console.clock import FixedClock
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets import theme
from console.widgets.grid_map_cells import status_colours
from console.widgets.grid_map_pane import GridMapPane
from console.widgets.household_dialog import HouseholdDialog
from console.widgets.worker import DatabaseWorker
from console.widgets.worklist import WorklistPane


def _services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


def _map(qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor) -> GridMapPane:
    pane = GridMapPane(services.gridmap, services.verification, services.clock, actor, worker)
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.show()
    return pane


def test_worklist_and_map_count_each_status_alike_in_the_one_colour(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock, duty_officer: Actor
) -> None:
    seed_grid(engine, clock.now(), communities=4, residents=False, seed=11)
    services = _services(engine, clock)
    grid = _map(qtbot, db_worker, services, duty_officer)
    worklist = WorklistPane(services.verification, services.gridmap, services.clock, duty_officer, db_worker)
    qtbot.addWidget(worklist)
    with qtbot.waitSignal(worklist.loaded, timeout=10_000):
        worklist.show()
    on_map = grid.legend.counts
    listed = worklist.model.counts()
    assert on_map["never"] > 0 and on_map["red"] > 0 and on_map["orange"] > 0  # the seed has each
    assert listed == {s: on_map[s] for s in ("orange", "red", "never")}
    # the worklist's red total is the map's red and never verified, and says so
    summary = worklist.summary.text()
    assert f"红 {on_map['red'] + on_map['never']} 户" in summary
    assert f"从未核实 {on_map['never']}" in summary
    # every colour comes from console.verification_status: never verified is red, not grey
    assert vs.status_hex("never") == vs.COLOURS["red"] != vs.COLOURS["grey"]
    assert [c.name() for c in status_colours()] == [vs.status_hex(s) for s in vs.STATUS_NAMES]
    assert theme.VERIFICATION_COLOURS is vs.COLOURS
    model = worklist.model
    for row, r in enumerate(model.rows):
        shown = model.data(model.index(row, 1), Qt.ItemDataRole.DecorationRole)
        assert shown == QColor(vs.status_hex(r.status))
        assert model.data(model.index(row, 1)).startswith("红" if r.status in ("red", "never") else "橙")
    assert grid.legend.count_labels["never"].text().startswith("从未核实")


def test_double_click_on_a_communitys_cells_opens_the_community_and_the_hint_follows(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock, duty_officer: Actor
) -> None:
    seed_grid(engine, clock.now(), communities=3, residents=False)
    services = _services(engine, clock)
    pane = _map(qtbot, db_worker, services, duty_officer)
    view = pane.view
    assert view.level() == ("district", None)
    assert "双击小区进入" in pane.hint
    snap = view.snapshot()
    assert snap is not None
    household = int(snap.household_id[0])
    community = snap.communities[int(snap.community[0])].id
    centre = view.cell_centre(household)
    assert centre is not None and view.household_at(centre) >= 0  # on a household's cell, not a gap
    opened: list[int] = []
    view.household_clicked.connect(opened.append)
    with qtbot.waitSignal(view.community_activated, timeout=3000) as activated:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert activated.args == [community]
    assert view.level() == ("community", community)
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    assert opened == [] and not pane.findChildren(HouseholdDialog)  # no household dialog
    assert "双击小区进入" not in pane.hint and "单击住户" in pane.hint
    assert "双击小区进入" not in pane.breadcrumb.text()
    # inside the community a click opens the household at once
    centre = view.cell_centre(household)
    assert centre is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert opened == [household]
    # back at the district level a single click still opens the household, once it is no double-click
    view.go_up()
    assert "双击小区进入" in pane.hint
    centre = view.cell_centre(household)
    assert centre is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    qtbot.waitUntil(lambda: opened == [household, household], timeout=3000)
    assert view.level()[0] == "district"
    for dialog in pane.findChildren(HouseholdDialog):  # let their loads finish before teardown
        qtbot.waitUntil(lambda d=dialog: d.detail is not None, timeout=10_000)


def test_a_narrow_building_keeps_its_label(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock, duty_officer: Actor
) -> None:
    """A building one room wide at a zoom where its cells are ~14 px still shows (an elided) name."""
    seed_grid(engine, clock.now(), communities=1, buildings=3, units=1, rooms=1, residents=False)
    services = _services(engine, clock)
    pane = _map(qtbot, db_worker, services, duty_officer)
    view = pane.view
    snap = view.snapshot()
    assert snap is not None
    view.show_community(snap.communities[0].id)
    view.fit()
    view.zoom_by(14 / view.scale(), QPointF(0, 0))
    drawn: list[int] = []
    original = view._block_label

    def spy(lay, j, width, block_width, overdue):  # type: ignore[no-untyped-def]
        drawn.append(j)
        return original(lay, j, width, block_width, overdue)

    view._block_label = spy  # type: ignore[method-assign]
    view.grab()
    layout = view._layout
    assert layout is not None
    visible = [
        j
        for j, b in enumerate(layout.blocks)
        if 0 <= view._ox + b.x * view.scale() < view.width() and b.width * view.scale() < 18
    ]
    assert visible, "no narrow building in view"
    assert set(visible) <= set(drawn)
