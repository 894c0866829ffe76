"""What the duty officer can do to an alert, each with its one key: written once for the feed's keys,
its context menu, the alert detail's buttons and the F1 list, so none of them can drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence

from console.security import Actor, Permission
from console.services.alerts import AlertRow


@dataclass(frozen=True, slots=True)
class FeedAction:
    """One triage step: its name, its key, its words and the permission it needs."""

    name: str
    key: str  # as QKeySequence spells it
    text: str  # source text (Chinese); translated by ``words``
    permission: Permission

    def words(self) -> str:
        return QCoreApplication.translate("feed_actions", self.text)

    def label(self) -> str:
        """The words with the key: 确认 (A)."""
        return f"{self.words()} ({key_name(self.key)})"

    def allowed(self, actor: Actor) -> bool:
        return actor.can(self.permission)


def key_sequence(key: str) -> QKeySequence:
    """The key as a menu entry shows it beside its words (Return is called Enter)."""
    return QKeySequence("Enter" if key == "Return" else key)


def key_name(key: str) -> str:
    """The key in words, as menus show it (Qt's own: 回车 in Chinese)."""
    return key_sequence(key).toString(QKeySequence.SequenceFormat.NativeText)


FEED_ACTIONS: tuple[FeedAction, ...] = (
    FeedAction("detail", "Return", str(QT_TRANSLATE_NOOP("feed_actions", "查看详情")), Permission.VIEW_ALERTS),
    FeedAction("acknowledge", "A", str(QT_TRANSLATE_NOOP("feed_actions", "确认")), Permission.TRIAGE_ALERTS),
    FeedAction("dispatch", "D", str(QT_TRANSLATE_NOOP("feed_actions", "派警")), Permission.DISPATCH),
    FeedAction("resolve", "R", str(QT_TRANSLATE_NOOP("feed_actions", "处置…")), Permission.TRIAGE_ALERTS),
    FeedAction(
        "intervention", "I", str(QT_TRANSLATE_NOOP("feed_actions", "反诈干预卡")), Permission.VIEW_ALERTS
    ),
    FeedAction("notify", "N", str(QT_TRANSLATE_NOOP("feed_actions", "已通知物业")), Permission.TRIAGE_ALERTS),
    FeedAction("open_case", "C", str(QT_TRANSLATE_NOOP("feed_actions", "打开案件")), Permission.VIEW_CASES),
    FeedAction("link_case", "L", str(QT_TRANSLATE_NOOP("feed_actions", "关联案件…")), Permission.EDIT_CASES),
)
ACTIONS = {a.name: a for a in FEED_ACTIONS}


def applies(name: str, row: AlertRow) -> bool:
    """Whether the alert's state lets the step be taken now (the role is checked apart)."""
    if name == "acknowledge":
        return row.status == "new"
    if name == "dispatch":
        return row.status != "resolved"
    if name == "resolve":
        return row.status in ("acknowledged", "dispatched")
    if name == "intervention":
        return row.kind == "fraud_risk"
    if name == "notify":
        return row.community_id is not None
    return True
