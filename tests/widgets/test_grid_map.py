"""The grid map pane offscreen: loading, legend, clicks, zoom, live recolouring, drilling in and out."""

from __future__ import annotations

import datetime as dt

import pytest
from grid_data import keep_cells_of, seed_grid, set_verified
from PySide6.QtCore import QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolTip, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from console.clock import FixedClock
from console.models import Household
from console.security import Actor
from console.services.container import Services, build_services
from console.verification_status import status_hex
from console.widgets import theme
from console.widgets.grid_map_pane import GridMapPane
from console.widgets.household_dialog import HouseholdDialog
from console.widgets.worker import DatabaseWorker

DAY = dt.timedelta(days=1)


class FakeBridge(QObject):
    """Stands in for console.widgets.live_bridge.LiveBridge: only the signal the map listens to."""

    household_changed = Signal(int)


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


def _pane(qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor) -> GridMapPane:
    pane = GridMapPane(services.gridmap, services.verification, services.clock, actor, worker)
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.show()
    return pane


def _expected_counts(engine: Engine, now: dt.datetime) -> dict[str, int]:
    """Colours computed here independently from the database rows (station thresholds 30 / 90)."""
    counts = dict.fromkeys(("green", "orange", "red", "never"), 0)
    with engine.connect() as c:
        for (verified,) in c.execute(select(Household.last_verified_at)):
            if verified is None:
                counts["never"] += 1
            else:
                days = (now - verified) // DAY
                counts["green" if days <= 30 else "orange" if days <= 90 else "red"] += 1
    return counts


def _pixel(pane: GridMapPane, household_id: int) -> QColor:
    """Colour of the household's cell on screen, just inside its top-left corner (clear of the dot)."""
    view = pane.view
    centre = view.cell_centre(household_id)
    assert centre is not None
    s = view.scale()
    at = QPointF(centre.x() - s / 2 + max(0.0, s * 0.2), centre.y() - s / 2 + max(0.0, s * 0.2))
    image = view.grab().toImage()
    return image.pixelColor(int(at.x()), int(at.y()))


def test_pane_loads_households_and_legend_counts_match(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    seed = seed_grid(engine, clock.now(), communities=4, residents=False)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    expected = _expected_counts(engine, clock.now())
    assert sum(expected.values()) == seed.households
    assert pane.legend.counts == expected
    assert f"{expected['red']:,}" in pane.legend.count_labels["red"].text()
    assert pane.stack.currentWidget() is pane.view
    # Filtering to red: the legend shows only the red households.
    pane.set_filters(colour=2)
    assert pane.legend.counts == {"green": 0, "orange": 0, "red": expected["red"], "never": 0}


def test_empty_registry_shows_what_to_do(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, duty_officer: Actor
) -> None:
    pane = _pane(qtbot, db_worker, services, duty_officer)
    assert pane.stack.currentWidget() is pane.empty
    assert "请先导入实有人口" in pane.empty.title_label.text()


def test_click_on_a_cell_emits_its_household_and_opens_it(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=3, residents=True)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    target = 17
    centre = pane.view.cell_centre(target)
    assert centre is not None
    with qtbot.waitSignal(pane.view.household_clicked) as clicked:
        qtbot.mouseClick(pane.view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert clicked.args == [target]
    assert pane.view.highlighted() == target
    dialogs = pane.findChildren(HouseholdDialog)
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: dialogs[0].detail is not None, timeout=10_000)
    assert dialogs[0].title.text() == pane.view.snapshot().address(pane.view.snapshot().index_of(target))
    for row in range(dialogs[0].residents.rowCount()):  # a duty officer sees masked ID numbers
        assert "********" in dialogs[0].residents.item(row, 2).text()
    # A click next to the blocks hits nothing.
    with qtbot.assertNotEmitted(pane.view.household_clicked):
        qtbot.mouseClick(pane.view, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_zoom_changes_the_scale_and_fit_restores_it(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=3, residents=False)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    view = pane.view
    view.setFocus()
    fitted = view.scale()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: view.scale() > fitted * 1.4, timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: abs(view.scale() - fitted) < 1e-6, timeout=3000)
    view.zoom_by(2.0, QPointF(10, 10))
    assert view.scale() == pytest.approx(fitted * 2)


def test_a_smaller_pane_still_shows_the_whole_level_until_the_officer_zooms(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    """A 1366 screen: the legend wraps after the first fit and the map gets shorter; no row hides."""
    seed_grid(engine, clock.now(), communities=6, residents=False)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    view = pane.view

    def whole_level_in_view() -> bool:
        level = view.level_rect()
        return not level.isEmpty() and view.rect().toRectF().adjusted(-1, -1, 1, 1).contains(level)

    pane.resize(1000, 650)  # the window settles: the map is on screen, framed
    qtbot.waitUntil(lambda: view.height() < 600, timeout=3000)
    assert whole_level_in_view()
    pane.resize(1000, 260)
    qtbot.waitUntil(lambda: view.height() < 200, timeout=3000)
    assert whole_level_in_view()

    view.zoom_by(2.0)
    zoomed = view.scale()
    pane.resize(1000, 500)
    qtbot.waitUntil(lambda: view.height() > 300, timeout=3000)
    assert view.scale() == pytest.approx(zoomed)  # the officer's zoom is theirs to keep


def test_a_narrow_short_dock_never_draws_the_legend_over_the_map(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    """A 1366×768 screen: the pane's filter bar and legend wrap, and the dock is as short as it may be."""
    seed_grid(engine, clock.now(), communities=6, residents=False)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    dock = QDockWidget("map", window)
    dock.setWidget(pane)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(900, 200)  # shorter than the pane needs: the dock gets its minimum
    window.show()
    window.resizeDocks([dock], [330], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: pane.width() < 360 and pane.legend.height() > 40, timeout=3000)  # wrapped

    view_bottom = pane.view.mapTo(pane, QPoint(0, pane.view.height())).y()
    legend_top = pane.legend.mapTo(pane, QPoint(0, 0)).y()
    assert legend_top >= view_bottom, "the legend covers the bottom of the map"
    assert pane.view.height() >= pane.view.minimumHeight()
    # The long hint gave its line to the map: it is the breadcrumb's tooltip now.
    assert "双击小区进入" not in pane.breadcrumb.text() and "双击小区进入" in pane.breadcrumb.toolTip()
    assert "全区" in pane.breadcrumb.text()
    # The communities stand in as many columns as fill the short, wide map: drawn larger than the
    # 16:9 layout of a large screen would be in the same view.
    view = pane.view
    shaped, wide = view.current_layout(), view.snapshot().layout("district")  # type: ignore[union-attr]
    assert shaped is not None and shaped is not wide
    room = view.height() - view.level_rect().top() + 1  # below the first row's names

    def fitted_area(cells_w: int, cells_h: int) -> float:
        scale = min(view.width() / cells_w, room / cells_h)
        return cells_w * cells_h * scale * scale

    assert fitted_area(shaped.width, shaped.height) > fitted_area(wide.width, wide.height)
    window.resize(1400, 900)
    window.resizeDocks([dock], [1000], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: pane.width() > 900, timeout=3000)
    assert "双击小区进入" in pane.breadcrumb.text() and not pane.breadcrumb.toolTip()
    pane.setParent(None)  # qtbot closes the pane itself; the window must not delete it first


def test_page_down_picks_a_community_and_enter_opens_it(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    """Keyboard only: the communities one after another in reading order, Enter goes in, Esc back."""
    seed_grid(engine, clock.now(), communities=3, residents=False)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    view = pane.view
    view.setFocus()
    layout = view.current_layout()
    assert layout is not None
    reading = sorted(layout.blocks, key=lambda b: (b.y, b.x))
    assert view.picked_block() is None
    before = view.grab().toImage()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.picked_block() == reading[0]
    assert view.grab().toImage() != before  # the pick is drawn
    assert QToolTip.text().startswith(f"{reading[0].label} · 逾期 ")  # its whole name, what is due
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # round again to the first
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # and back to the last
    assert view.picked_block() == reading[-1]
    with qtbot.waitSignal(view.community_activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [reading[-1].id]
    assert view.level() == ("community", reading[-1].id)
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)  # the tip went with the level it named
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.level() == ("district", None) and view.picked_block() is None


def test_live_recolour_after_a_visit_changes_the_pixel(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
    community_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=2, residents=False)
    keep_cells_of(engine, community_officer.username)  # the officer records a visit in their own cell
    set_verified(engine, 5, clock.now() - 200 * DAY)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    bridge = FakeBridge()
    pane.connect_live(bridge)
    red, green = (QColor(theme.VERIFICATION_COLOURS[c]) for c in ("red", "green"))
    assert _pixel(pane, 5) == red
    before = pane.legend.counts
    # Another console records the visit; the change feed reports household 5.
    services.verification.record_visit(community_officer, 5, 1, visited_at=clock.now(), officer_id=1)
    with qtbot.waitSignal(pane.household_recoloured, timeout=10_000):
        bridge.household_changed.emit(5)
    assert _pixel(pane, 5) == green
    assert pane.legend.counts["red"] == before["red"] - 1
    assert pane.legend.counts["green"] == before["green"] + 1


def test_drill_into_a_community_and_back(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=3, buildings=2, floors=5, units=2, rooms=2, residents=False)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    view = pane.view
    layout = view.current_layout()
    assert layout is not None
    block = next(b for b in layout.blocks if b.label == "小区2")
    centre = view.cell_centre(int(view.snapshot().household_id[layout.household_at(block.x, block.y)]))
    assert centre is not None
    with qtbot.waitSignal(view.community_activated) as activated:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert activated.args == [block.id]
    assert view.level() == ("community", block.id)
    assert "小区2" in pane.breadcrumb.text() and "全区" in pane.breadcrumb.text()
    assert sum(pane.legend.counts.values()) == 2 * 5 * 2 * 2  # only this community's households
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert view.level() == ("district", None)
    assert sum(pane.legend.counts.values()) == 3 * 2 * 5 * 2 * 2


def test_grid_cell_filter_shows_that_cell_and_show_household_highlights(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=4, grid_cells=2, residents=False)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    pane.set_filters(grid_cell_id=2)
    assert pane.view.level() == ("grid_cell", 2)
    assert {b.label for b in pane.view.snapshot().layout("grid_cell", 2).blocks} == {"小区2", "小区4"}
    pane.show_household(1)  # in 小区1, grid cell 1: the map opens its community
    assert pane.view.level() == ("community", 1)
    assert pane.view.highlighted() == 1
    qtbot.waitUntil(
        lambda: (
            pane.view.cell_centre(1) is not None
            and abs(pane.view.cell_centre(1).x() - pane.view.width() / 2) < 2
        ),
        timeout=3000,
    )


def test_tooltip_and_drag_pan(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=2, residents=False)
    set_verified(engine, 4, clock.now() - 45 * DAY, "出租")
    set_verified(engine, 6, None)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    view = pane.view
    tip = view.tooltip_at(view.cell_centre(4))
    assert tip.startswith("小区1 ") and "室" in tip and "出租" in tip and "距上次核实 45 天" in tip
    assert "从未核实" in view.tooltip_at(view.cell_centre(6))
    before = view.cell_centre(4)
    start = QPoint(5, view.height() - 5)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, pos=start + QPoint(60, -40))
    with qtbot.assertNotEmitted(view.household_clicked):
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(60, -40))
    after = view.cell_centre(4)
    assert (after.x() - before.x(), after.y() - before.y()) == pytest.approx((60, -40))


def test_visit_recorded_from_the_map_recolours_at_once(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    community_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=1, residents=True, seed=9)
    keep_cells_of(engine, community_officer.username)  # the officer's own cell: its households shown
    set_verified(engine, 2, None)
    pane = _pane(qtbot, db_worker, services, community_officer)
    assert _pixel(pane, 2) == QColor(status_hex("never"))  # red: console.verification_status
    centre = pane.view.cell_centre(2)
    assert centre is not None
    qtbot.mouseClick(pane.view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    # a single click opens the household once the double-click interval has passed
    qtbot.waitUntil(lambda: bool(pane.findChildren(HouseholdDialog)), timeout=10_000)
    dialog = pane.findChildren(HouseholdDialog)[0]
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    assert dialog.record_button.isEnabled()
    visit = dialog.open_visit_dialog()
    assert visit is not None
    with qtbot.waitSignal(pane.household_recoloured, timeout=10_000) as recoloured:
        qtbot.mouseClick(visit.buttons.button(visit.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert recoloured.args == [2]
    assert _pixel(pane, 2) == QColor(theme.VERIFICATION_COLOURS["green"])
    qtbot.waitUntil(lambda: dialog.visits.rowCount() == 1, timeout=10_000)  # the history shows the visit
    dialog.close()


def test_reload_keeps_the_zoom_and_the_highlight(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    engine: Engine,
    services: Services,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=2, residents=False)
    pane = _pane(qtbot, db_worker, services, duty_officer)
    pane.view.zoom_by(3.0)
    pane.view.show_household(7)
    qtbot.waitUntil(lambda: not pane.view.animating(), timeout=3000)
    scale, centre = pane.view.scale(), pane.view.cell_centre(7)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.reload_button.click()
    assert pane.view.scale() == scale and pane.view.cell_centre(7) == centre
    assert pane.view.highlighted() == 7
