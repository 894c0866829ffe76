"""Signing in: at start, after the idle lock, and the first start's system administrator.

The dialog shows the system-use notice, which the user acknowledges before signing in (CJIS
5.5.4); the password is checked by ``AccountService.sign_in`` on the database worker, so the
window never freezes on argon2 or the network. Every failure gets the same one line: the service
does not say whether the user name exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.security import Actor
from console.widgets.common import error_text
from console.widgets.worker import DatabaseWorker


def system_use_notice() -> str:
    """The notice every user acknowledges before signing in."""
    return QCoreApplication.translate(
        "sign_in",
        "本系统为公安机关内部工作系统, 仅限授权人员因公使用。系统中的居民身份证号、电话等个人信息受法律保护, "
        "未经授权不得查看、复制或外传。所有登录和操作均被记录并可被审计; 使用本系统即表示同意上述规定。",
    )


class SignInDialog(QDialog):
    """User name (fixed when unlocking), password, the notice's checkbox; ``actor`` once accepted."""

    def __init__(
        self,
        accounts: Any,
        worker: DatabaseWorker,
        *,
        username: str | None = None,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self._accounts = accounts
        self._lane = worker.lane(self, "sign-in")
        self.actor: Actor | None = None
        unlocking = username is not None
        self.setWindowTitle(self.tr("值班台 — 解锁") if unlocking else self.tr("值班台 — 登录"))
        self.setModal(True)
        self.setMinimumWidth(520)

        self.notice = QLabel(system_use_notice(), self)
        self.notice.setObjectName("systemUseNotice")
        self.notice.setWordWrap(True)
        self.acknowledge = QCheckBox(self.tr("我已阅读并同意上述规定(&A)"), self)
        self.username = QLineEdit(self)
        self.username.setObjectName("signInUser")
        self.username.setMaxLength(32)
        self.password = QLineEdit(self)
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        if unlocking:
            self.username.setText(username or "")
            self.username.setReadOnly(True)
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d1242f;")
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("用户名(&U)"), self.username)
        form.addRow(self.tr("密码(&P)"), self.password)
        buttons = QDialogButtonBox(self)
        self.sign_in_button = QPushButton(self.tr("登录") if not unlocking else self.tr("解锁"), self)
        self.sign_in_button.setDefault(True)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("退出值班台"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        self.quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.acknowledge)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        (self.password if unlocking else self.username).setFocus()

    def _on_sign_in_clicked(self) -> None:
        if not self.acknowledge.isChecked():
            self.message.setText(self.tr("请先阅读并勾选同意系统使用规定"))
            self.acknowledge.setFocus()
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("请输入用户名和密码"))
            return
        self.sign_in_button.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        self._lane.submit(
            lambda: self._accounts.sign_in(username, password), self._on_signed_in, self._on_refused
        )

    def _on_signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(error_text(error))


class FirstAdminDialog(QDialog):
    """First start on an empty real database: create the system administrator, then sign in as them."""

    def __init__(self, accounts: Any, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdminDialog")
        self._accounts = accounts
        self._lane = worker.lane(self, "first-admin")
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("值班台 — 首次启动"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "这是一个新数据库。请创建系统管理员账户: 系统管理员负责创建其他账户 "
                "(duty-console user add), 但不能查看居民个人信息, 也不能查看审计日志。"
                "密码至少 10 个字符, 不能是常见密码。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setMaxLength(32)
        self.display_name = QLineEdit(self)
        self.display_name.setMaxLength(50)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d1242f;")
        form = QFormLayout()
        form.addRow(self.tr("用户名(&U)"), self.username)
        form.addRow(self.tr("姓名(&N)"), self.display_name)
        form.addRow(self.tr("密码(&P)"), self.password)
        form.addRow(self.tr("再次输入(&G)"), self.again)
        buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(self.tr("创建并登录"), self)
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        quit_button = buttons.addButton(self.tr("退出值班台"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self._on_create_clicked)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _on_create_clicked(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("两次输入的密码不一致"))
            return
        username, name, password = self.username.text(), self.display_name.text(), self.password.text()
        self.create_button.setEnabled(False)
        self._lane.submit(
            lambda: self._accounts.create_first_admin(username, name, password),
            self._on_created,
            self._on_refused,
        )

    def _on_created(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.message.setText(error_text(error))


def ask_sign_in(
    accounts: Any, worker: DatabaseWorker, *, hint: str = "", run: Callable[[QDialog], int] | None = None
) -> Actor | None:
    """The signed-in actor, asking for the first administrator on a new database; None if the user quits."""
    dialog: FirstAdminDialog | SignInDialog
    if accounts.needs_first_admin() and not hint:
        dialog = FirstAdminDialog(accounts, worker)
    else:
        dialog = SignInDialog(accounts, worker, hint=hint)
    accepted = (run or QDialog.exec)(dialog)
    actor = dialog.actor if accepted else None
    dialog.deleteLater()
    return actor
