"""The anti-fraud card offscreen, as the duty officer uses it: the resident (masked unless the role
may see the numbers), the running clock, calls logged by key, stop-payment, closing with money
saved, and refusals shown in words."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from console import app as console_app
from console.clock import FixedClock
from console.models import Alert
from console.security import Actor
from console.services.container import Services, build_services
from console.services.station import UserService
from console.widgets.intervention_card import InterventionCardDialog, clock_text
from console.widgets.worker import DatabaseWorker
from tests.fraud_data import ID_NUMBER, PHONE, FraudWorld

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def world(engine: Engine, sessions: sessionmaker[Session]) -> FraudWorld:
    return FraudWorld(engine, sessions)


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


def open_card(
    qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor, alert_id: int
) -> InterventionCardDialog:
    dialog = InterventionCardDialog(services.interventions, actor, worker, alert_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.card_loaded, timeout=10_000):
        dialog.show()
    return dialog


def settle(qtbot: QtBot, dialog: InterventionCardDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10_000)


def test_a_duty_officer_sees_the_resident_masked_and_the_warning(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, world: FraudWorld, duty_officer: Actor
) -> None:
    dialog = open_card(qtbot, db_worker, services, duty_officer, world.fraud_warning(age_s=125))
    facts = {key: label.text() for key, label in dialog._facts.items()}
    assert facts["name"] == "王芳 (户主)" and facts["address"] == "滨水小区 3号楼1单元502室"
    assert facts["phone"] == "138****1234" and facts["id_number"] == "350211********003X"
    assert facts["amount"] == "¥50,000.50" and facts["bank"] == "中国工商银行集美支行"
    assert facts["scheme"] == "杀猪盘(婚恋交友投资)" and dialog.level.text() == "高风险"
    minutes, seconds = map(int, dialog.countdown.text().split(":"))
    assert 125 <= minutes * 60 + seconds < 125 + 60
    assert dialog._tick.isActive()


def test_a_role_that_may_sees_full_numbers_once_a_reason_is_given(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    world: FraudWorld,
    users: UserService,
    duty_officer: Actor,
) -> None:
    leader = users.ensure_user("li", "李所长", "supervisor")
    dialog = open_card(qtbot, db_worker, services, leader, world.fraud_warning())
    assert dialog.unmask_button.isVisible()
    assert dialog._facts["phone"].text() != PHONE  # masked until a reason is given
    dialog.unmask("")
    assert dialog.error.isVisible() and "事由" in dialog.error.text() and dialog.unmask_button.isVisible()
    dialog.unmask("联系银行紧急止付")
    qtbot.waitUntil(lambda: dialog._facts["phone"].text() == PHONE, timeout=10_000)
    assert dialog._facts["id_number"].text() == ID_NUMBER and not dialog.unmask_button.isVisible()
    duty = open_card(qtbot, db_worker, services, duty_officer, world.fraud_warning())
    assert not duty.unmask_button.isVisible()  # a role that may not see full numbers is not offered it


def test_the_clock_counts_on_without_asking_the_database(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, world: FraudWorld, duty_officer: Actor
) -> None:
    dialog = open_card(qtbot, db_worker, services, duty_officer, world.fraud_warning(age_s=59))
    start = dialog.elapsed_seconds()
    qtbot.waitUntil(lambda: dialog.elapsed_seconds() >= start + 2, timeout=5_000)
    qtbot.waitUntil(lambda: dialog.countdown.text() != clock_text(start), timeout=3_000)
    assert not dialog.busy()
    assert clock_text(5) == "00:05" and clock_text(3725) == "62:05"


def test_a_call_attempt_by_key_appears_in_the_log_with_its_note(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, world: FraudWorld, duty_officer: Actor
) -> None:
    dialog = open_card(qtbot, db_worker, services, duty_officer, world.fraud_warning())
    dialog.note.setText("本人已接听, 正在银行柜台")
    with qtbot.waitSignal(dialog.call_logged, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_1)
    settle(qtbot, dialog)
    assert dialog.calls.rowCount() == 1
    row = [dialog.calls.item(0, col).text() for col in range(1, 4)]
    assert row == ["已接通", "张值班", "本人已接听, 正在银行柜台"]
    assert dialog.note.text() == ""
    dialog.call_buttons["no_answer"].click()
    settle(qtbot, dialog)
    assert [dialog.calls.item(n, 1).text() for n in range(dialog.calls.rowCount())] == ["已接通", "无人接听"]


def test_stop_payment_is_shown_once_requested(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, world: FraudWorld, duty_officer: Actor
) -> None:
    dialog = open_card(qtbot, db_worker, services, duty_officer, world.fraud_warning())
    assert dialog.stop_payment.text() == "未申请" and dialog.stop_button.isEnabled()
    with qtbot.waitSignal(dialog.stop_payment_requested, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_S)
    settle(qtbot, dialog)
    assert dialog.stop_payment.text().startswith("已申请紧急止付")
    assert not dialog.stop_button.isEnabled()


def test_closing_as_stopped_with_money_saved_resolves_the_alert(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    world: FraudWorld,
    duty_officer: Actor,
    engine: Engine,
) -> None:
    alert = world.fraud_warning()
    dialog = open_card(qtbot, db_worker, services, duty_officer, alert)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("stopped"))
    dialog.saved.setText("50,000")
    with qtbot.waitSignal(dialog.intervention_closed, timeout=10_000) as closed:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert closed.args[0].saved == Decimal("50000.00")
    settle(qtbot, dialog)
    with engine.connect() as c:
        assert c.execute(select(Alert.status).where(Alert.id == alert)).scalar_one() == "resolved"
    assert dialog.outcome_shown.isVisible() and "劝阻成功" in dialog.outcome_shown.text()
    assert "¥50,000.00" in dialog.outcome_shown.text()
    assert not dialog._tick.isActive() and not dialog.call_buttons["reached"].isEnabled()


def test_money_saved_on_another_outcome_is_refused_in_words_naming_the_field(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    world: FraudWorld,
    duty_officer: Actor,
    engine: Engine,
) -> None:
    alert = world.fraud_warning()
    dialog = open_card(qtbot, db_worker, services, duty_officer, alert)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("transferred"))
    dialog.saved.setText("1000")
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as refused:
        dialog.close_button.click()
    settle(qtbot, dialog)
    assert refused.args[0].startswith("saved: ") and "只有劝阻成功" in refused.args[0]
    assert dialog.error.isVisible() and dialog.error.text() == refused.args[0]
    assert dialog.close_button.isEnabled()  # nothing stored: the card is still open
    with engine.connect() as c:
        assert c.execute(select(Alert.status).where(Alert.id == alert)).scalar_one() == "new"


def test_closing_without_an_outcome_says_so(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, world: FraudWorld, duty_officer: Actor
) -> None:
    dialog = open_card(qtbot, db_worker, services, duty_officer, world.fraud_warning())
    dialog.close_button.click()
    assert dialog.error.text().startswith("结果") and not dialog.busy()


def test_a_card_for_an_alert_that_is_not_a_fraud_warning_is_refused(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, world: FraudWorld, duty_officer: Actor
) -> None:
    alert = world.alert(kind="plate_read")
    dialog = InterventionCardDialog(services.interventions, duty_officer, db_worker, alert)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as refused:
        dialog.show()
    assert refused.args[0].startswith("alert_id: ") and "不是反诈预警" in refused.args[0]
    assert dialog.title.text() == "无法打开反诈劝阻卡"
    assert not dialog.call_buttons["reached"].isEnabled() and not dialog.close_button.isEnabled()


def test_the_english_console_shows_the_card_and_its_refusals_in_english(
    qtbot: QtBot,
    qapp: QApplication,
    db_worker: DatabaseWorker,
    services: Services,
    world: FraudWorld,
    duty_officer: Actor,
) -> None:
    translators = console_app.install_translations(qapp, "en")
    try:
        dialog = open_card(qtbot, db_worker, services, duty_officer, world.fraud_warning())
        assert dialog.level.text() == "High risk"
        assert dialog._facts["scheme"].text() == "Pig-butchering (romance investment)"
        assert dialog.call_buttons["no_answer"].text() == "2  No answer"
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("not_fraud"))
        dialog.saved.setText("20")
        with qtbot.waitSignal(dialog.failed, timeout=10_000) as refused:
            dialog.close_button.click()
        settle(qtbot, dialog)
        assert refused.args[0].startswith("saved: Money saved is recorded only with the outcome stopped")
        assert not CJK.search(dialog.error.text())
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_i_in_the_feed_and_the_details_button_open_the_card_of_a_fraud_warning(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, world: FraudWorld, duty_officer: Actor
) -> None:
    from console.widgets.feed import FeedPane
    from console.widgets.live_bridge import LiveBridge

    alert_id = world.fraud_warning(age_s=30)
    bridge = LiveBridge(services.open_change_feed(), db_worker)
    pane = FeedPane(
        services.alerts,
        services.clock,
        duty_officer,
        db_worker,
        bridge=bridge,
        sound=False,
        dispatch=services.dispatch,
        officers=services.officers,
        interventions=services.interventions,
    )
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: pane.select_alert(alert_id), timeout=10_000)
    qtbot.waitUntil(lambda: pane.detail.detail is not None, timeout=10_000)
    assert pane.detail.card_button.isVisible()  # only a fraud warning offers the card
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_I)
    card = pane.intervention_card
    assert card is not None
    with qtbot.waitSignal(card.card_loaded, timeout=10_000):
        pass
    assert card.isVisible()
    card.close()
    qtbot.waitUntil(lambda: pane.intervention_card is None, timeout=5_000)
    pane.detail.card_button.click()
    assert pane.intervention_card is not None and pane.intervention_card.isVisible()
    pane.intervention_card.close()
    pane.shutdown()
    bridge.close()
