"""Masking everywhere: a duty officer (no permission to unmask) opens every pane, the dialogs that
show people, every export and the PDFs on the demo district, and no full ID number or mobile number
appears anywhere a user could read it — labels, tables, item models (display and tooltip), PDF text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Set
from pathlib import Path

import pytest
from grid_data import keep_cells_of
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from console.clock import FixedClock
from console.config import Settings
from console.db import open_database
from console.demo.seed import seed_demo
from console.models import Alert, Community, GridCell, Household, PropertyItem, TheftCase
from console.security import Actor
from console.services.container import Services, build_services
from console.services.figures import Period
from console.services.reporting.export import KINDS
from console.services.station import AuditFilter
from console.validators import id_check_character
from console.widgets.monthly_report import save_monthly_report
from console.widgets.receipt import save_receipt_pdf
from console.widgets.search import SearchDialog
from console.widgets.worker import DatabaseWorker
from tests.conftest import DEMO_NOW
from tests.widgets.windows import open_main_window

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def full_numbers(text: str) -> list[str]:
    """Every full, valid resident ID number and mainland mobile number in ``text``."""
    ids = [
        m.group()
        for m in ID_NUMBER.finditer(text)
        if id_check_character(m.group()[:17]) == m.group()[17].upper()
    ]
    return ids + MOBILE.findall(text)


def test_the_scanner_finds_what_it_looks_for() -> None:
    first17 = "35021119800101123"
    valid = first17 + id_check_character(first17)
    assert full_numbers(f"身份证 {valid}, 电话 13812345678") == [valid, "13812345678"]
    assert full_numbers(f"{first17[:6]}********{valid[-4:]} 138****5678 12345678901") == []


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "station.db"
    engine = open_database(f"sqlite:///{path}")
    seed_demo(engine, "small", now=DEMO_NOW)
    engine.dispose()
    return path


@pytest.fixture
def demo_engine(tmp_path: Path, demo_template: Path) -> Iterator[Engine]:
    path = tmp_path / "station.db"
    shutil.copy(demo_template, path)
    engine = open_database(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def services(demo_engine: Engine, clock: FixedClock, tmp_path: Path, qapp: QApplication) -> Services:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    return build_services(demo_engine, clock)


@pytest.fixture
def duty(services: Services) -> Actor:
    return services.users.ensure_user("zhang", "张值班", "duty_officer")


def model_texts(model: QAbstractItemModel) -> Iterator[str]:
    """Display and tooltip text of every cell of a flat (table or list) model."""
    root = QModelIndex()
    for r in range(model.rowCount(root)):
        for c in range(model.columnCount(root) if not isinstance(model, QAbstractListModel) else 1):
            index = model.index(r, c)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    yield str(value)


def tree_texts(tree: QTreeWidget) -> Iterator[str]:
    pending = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while pending:
        item = pending.pop()
        for c in range(item.columnCount()):
            yield item.text(c)
            yield item.toolTip(c)
        pending.extend(item.child(i) for i in range(item.childCount()))


def visible_texts(widgets: Iterable[QWidget]) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a user could read on these widgets and their children."""
    for top in widgets:
        for w in [top, *top.findChildren(QWidget)]:
            where = f"{type(top).__name__}/{type(w).__name__}:{w.objectName()}"
            if w.toolTip():
                yield where, w.toolTip()
            if w.windowTitle():
                yield where, w.windowTitle()
            if isinstance(w, QLabel | QAbstractButton | QLineEdit):
                yield where, w.text()
            elif isinstance(w, QTextEdit | QPlainTextEdit):
                yield where, w.toPlainText()
            elif isinstance(w, QComboBox):
                yield from ((where, w.itemText(i)) for i in range(w.count()))
            if isinstance(w, QTableWidget):
                items = [w.item(r, c) for r in range(w.rowCount()) for c in range(w.columnCount())]
                yield from ((where, t) for i in items if i is not None for t in (i.text(), i.toolTip()))
            elif isinstance(w, QTreeWidget):
                yield from ((where, t) for t in tree_texts(w))
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                yield from ((f"{where}[{type(model).__name__}]", t) for t in model_texts(model))


def leaks_in(widgets: Iterable[QWidget], allowed: Set[str] = frozenset()) -> list[tuple[str, str]]:
    return [
        (where, n) for where, text in visible_texts(widgets) for n in full_numbers(text) if n not in allowed
    ]


def business_lines(engine: Engine) -> set[str]:
    """The property managers' numbers: business lines the duty officer must be able to call, shown on
    purpose (console/services/alerts/details.py) — the only full numbers allowed on screen."""
    with engine.connect() as conn:
        return set(conn.execute(select(Community.property_manager_phone)).scalars())


def pdf_text(path: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None
    return subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_every_export_is_masked_for_a_role_without_the_permission(services: Services, duty: Actor) -> None:
    boss = services.users.ensure_user("boss", "所长", "supervisor")
    unmasked_somewhere = 0
    for kind in KINDS:
        for fmt in ("jsonl", "csv"):
            out = io.StringIO()
            assert services.export.export(duty, kind, out, fmt=fmt) > 0
            assert full_numbers(out.getvalue()) == [], (kind, fmt)
        out = io.StringIO()
        services.export.export(boss, kind, out, unmask=True)
        unmasked_somewhere += len(full_numbers(out.getvalue()))
    assert unmasked_somewhere > 0  # the demo does hold numbers: the scan above could have failed


def test_every_pane_and_dialog_is_masked_for_a_role_without_the_permission(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    duty: Actor,
    demo_engine: Engine,
    tmp_path: Path,
) -> None:
    settings = Settings(db_url=str(demo_engine.url), sound=False)
    window, workspace = open_main_window(qtbot, db_worker, services, duty, settings)
    workspace.build_all()  # every pane, not only those an officer has opened
    assert workspace.feed is not None and workspace.grid_map is not None and workspace.worklist is not None
    qtbot.waitUntil(lambda: workspace.feed.model.rowCount() > 0, timeout=20000)
    qtbot.waitUntil(lambda: workspace.worklist.model.rowCount() > 0, timeout=20000)
    with demo_engine.connect() as conn:
        household_id = conn.execute(select(func.min(Household.id))).scalar_one()
        fraud_alert = conn.execute(select(Alert.id).where(Alert.kind == "fraud_risk").limit(1)).scalar()
        person_alert = conn.execute(select(Alert.id).where(Alert.kind == "person_entry").limit(1)).scalar()
        case_no = conn.execute(select(TheftCase.case_no).order_by(TheftCase.id).limit(1)).scalar_one()

    # The dialogs that show people: a household, an alert's detail, a fraud card, a dossier, search.
    household = workspace.grid_map.open_household(household_id)
    qtbot.waitUntil(lambda: household.detail is not None, timeout=10000)
    assert household.residents.rowCount() > 0
    assert "*" in household.residents.item(0, 2).text()  # numbers are there, masked: the scan sees them
    for alert_id in (person_alert, fraud_alert):
        if alert_id is not None:
            workspace.feed.show_alert(alert_id)
            qtbot.waitUntil(
                lambda a=alert_id: (
                    workspace.feed.detail._detail is not None and workspace.feed.detail._detail.alert.id == a
                ),
                timeout=10000,
            )
    if fraud_alert is not None:
        card = workspace.feed.open_intervention_card(fraud_alert)
        assert card is not None
        qtbot.waitUntil(lambda: card.card is not None, timeout=10000)
    dossier = workspace.open_case(case_no)
    assert dossier is not None
    qtbot.waitUntil(lambda: dossier.dossier is not None, timeout=10000)
    window.actions_by_name["search"].trigger()
    search = window.findChild(SearchDialog)
    assert search is not None
    resident_name = household.residents.item(0, 0).text()
    search.query_edit.setText(resident_name)
    qtbot.waitUntil(lambda: search.results.topLevelItemCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: not db_worker.busy(), timeout=20000)
    QApplication.processEvents()

    tops = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert window in tops and household in tops and search in tops
    leaks = leaks_in(tops, business_lines(demo_engine))
    assert not leaks, "\n".join(f"{where}: {number}" for where, number in leaks)

    # The worklist PDF, a release receipt and the monthly report, as the duty officer prints them.
    pdf = workspace.worklist.save_pdf(tmp_path / "worklist.pdf")
    assert full_numbers(pdf_text(pdf)) == []
    with demo_engine.connect() as conn:
        returned = (
            conn.execute(select(PropertyItem.id).where(PropertyItem.status == "returned")).scalars().all()
        )
    assert returned
    receipts = []
    for item_id in returned:
        receipt = save_receipt_pdf(
            services.property.receipt(duty, item_id), tmp_path / f"receipt-{item_id}.pdf"
        )
        receipts.append(pdf_text(receipt))
        assert full_numbers(receipts[-1]) == [], item_id
    assert any("********" in text for text in receipts)  # the owner's ID is printed, masked
    brief = services.figures.monthly_brief(duty, Period.month(DEMO_NOW.year, DEMO_NOW.month - 1))
    report = save_monthly_report(brief, tmp_path / "monthly.pdf")
    assert "简报" in pdf_text(report)
    assert full_numbers(pdf_text(report)) == []
    window.close()
    workspace.shutdown()


def test_a_role_that_may_unmask_states_a_reason_and_sees_that_household_only(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, demo_engine: Engine
) -> None:
    from console.widgets.household_dialog import HouseholdDialog

    officer = services.users.ensure_user("yang", "杨社区", "community_officer")
    with demo_engine.connect() as conn:
        first, second = conn.execute(select(Household.id).order_by(Household.id).limit(2)).scalars().all()
        keeper = conn.execute(
            select(GridCell.officer_id)
            .join(Community, Community.grid_cell_id == GridCell.id)
            .join(Household, Household.community_id == Community.id)
            .where(Household.id == first)
        ).scalar_one()
    keep_cells_of(demo_engine, officer.username, keeper)  # households of the officer's own cell

    def open_dialog(household_id: int) -> HouseholdDialog:
        dialog = HouseholdDialog(
            services.gridmap, services.verification, services.clock, officer, db_worker, household_id
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10000)
        return dialog

    business = business_lines(demo_engine)
    dialog = open_dialog(first)
    assert dialog.unmask_button.isVisible() and dialog.unmask_button.isEnabled()
    assert leaks_in([dialog], business) == []  # masked until a reason is given
    dialog.unmask("   ")
    qtbot.waitUntil(dialog.unmask_error.isVisible, timeout=10000)
    assert "事由" in dialog.unmask_error.text()
    assert leaks_in([dialog], business) == []
    with qtbot.waitSignal(dialog.detail_loaded, timeout=10000):
        dialog.unmask("入户核实身份")
    assert dialog.detail is not None and dialog.detail.unmasked
    assert leaks_in([dialog], business) != []
    assert not dialog.unmask_button.isEnabled()
    other = open_dialog(second)
    assert other.detail is not None and not other.detail.unmasked
    assert leaks_in([other], business) == []
    log = services.audit.entries(
        services.users.ensure_user("aud", "审计", "audit_admin"), AuditFilter(action="unmask")
    )
    assert [(e.entity, e.entity_id) for e in log] == [("household", first)]
    assert "入户核实身份" in log[0].detail
    dialog.close()
    other.close()


def test_unmasking_an_alert_needs_a_reason_and_shows_that_alert_only(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, demo_engine: Engine
) -> None:
    from console.widgets.feed import FeedPane
    from console.widgets.live_bridge import LiveBridge

    officer = services.users.ensure_user("lin", "林办案", "investigator")
    bridge = LiveBridge(services.open_change_feed(), db_worker)
    feed = FeedPane(services.alerts, services.clock, officer, db_worker, bridge=bridge, sound=False)
    qtbot.addWidget(feed)
    feed.show()
    with demo_engine.connect() as conn:
        first, second = (
            conn.execute(select(Alert.id).where(Alert.kind == "person_entry").order_by(Alert.id).limit(2))
            .scalars()
            .all()
        )

    business = business_lines(demo_engine)

    def shown(alert_id: int) -> bool:
        d = feed.detail._detail
        return d is not None and d.alert.id == alert_id

    qtbot.waitUntil(lambda: feed.model.rowCount() > 0, timeout=20000)
    qtbot.waitUntil(lambda: not db_worker.busy(), timeout=20000)
    feed.show_alert(first)
    qtbot.waitUntil(lambda: shown(first), timeout=10000)
    assert feed.detail._detail is not None and not feed.detail._detail.unmasked
    assert leaks_in([feed.detail], business) == []
    feed.unmask_alert(first, "  ")
    qtbot.waitUntil(lambda: "事由" in feed.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: shown(first), timeout=10000)
    assert not feed.detail._detail.unmasked and leaks_in([feed.detail], business) == []
    feed.unmask_alert(first, "核对布控对象身份")
    qtbot.waitUntil(lambda: shown(first) and feed.detail._detail.unmasked, timeout=10000)
    assert leaks_in([feed.detail], business) != []
    feed.show_alert(second)
    qtbot.waitUntil(lambda: shown(second), timeout=10000)
    assert not feed.detail._detail.unmasked and leaks_in([feed.detail], business) == []
    feed.shutdown()
    bridge.close()
