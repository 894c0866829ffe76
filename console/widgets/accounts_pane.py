"""The accounts pane (用户账号): the system administrator adds accounts, sets passwords and closes
accounts; the security administrator unlocks locked ones. Everything goes through AccountService
on the console's DatabaseWorker; a refusal or a rule broken is shown in the UI language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.security import PERSON_ROLES, Permission
from console.services.station import Account
from console.widgets.common import RowsTableModel, error_text

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.station import AccountService
    from console.widgets.worker import DatabaseWorker

ModelIndex = QModelIndex | QPersistentModelIndex
LOCKED = QColor("#c62828")


def role_titles() -> dict[str, str]:
    """The roles' titles in the UI language."""
    return {
        "duty_officer": QCoreApplication.translate("roles", "值班民警"),
        "community_officer": QCoreApplication.translate("roles", "社区民警"),
        "grid_worker": QCoreApplication.translate("roles", "网格员"),
        "investigator": QCoreApplication.translate("roles", "办案民警"),
        "supervisor": QCoreApplication.translate("roles", "所领导"),
        "system_admin": QCoreApplication.translate("roles", "系统管理员"),
        "security_admin": QCoreApplication.translate("roles", "安全管理员"),
        "audit_admin": QCoreApplication.translate("roles", "审计管理员"),
        "system": QCoreApplication.translate("roles", "外部系统"),
    }


class AccountsModel(RowsTableModel):
    """Thin adapter over immutable Account rows; never queries in ``data()``."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AccountsModel", "用户名"),
        QT_TRANSLATE_NOOP("AccountsModel", "姓名"),
        QT_TRANSLATE_NOOP("AccountsModel", "角色"),
        QT_TRANSLATE_NOOP("AccountsModel", "状态"),
        QT_TRANSLATE_NOOP("AccountsModel", "连续失败"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Account] = []
        self._roles = role_titles()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return a.username
            if col == 1:
                return a.display_name
            if col == 2:
                return self._roles.get(a.role, a.role)
            if col == 3:
                return self.state_text(a)
            return str(a.failed_sign_ins)
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and a.locked:
            return LOCKED
        return None

    def state_text(self, a: Account) -> str:
        if not a.active:
            return self.tr("已停用")
        if a.locked:
            return self.tr("已锁定")
        if not a.has_password:
            return self.tr("未设密码")
        return self.tr("正常")


class AccountsPane(QWidget):
    """The list of accounts and what the signed-in administrator may do with them."""

    loaded = Signal(int)
    """The list was (re)loaded with this many accounts."""
    account_changed = Signal(str)
    """An account was added, given a password, closed or unlocked (its user name)."""

    def __init__(
        self, accounts: AccountService, actor: Actor, worker: DatabaseWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountsPane")
        self._accounts = accounts
        self._actor = actor
        self._runner = worker.lane(self, "accounts")
        manages_users = actor.can(Permission.MANAGE_USERS)
        manages_security = actor.can(Permission.MANAGE_SECURITY)

        self.locked_only = QCheckBox(self.tr("只看已锁定的账户"), self)
        self.locked_only.setChecked(manages_security and not manages_users)
        self.locked_only.toggled.connect(self._show_rows)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.locked_only)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.model = AccountsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("accountsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty_label = QLabel(self.tr("没有已锁定的账户。"), self)
        self.empty_label.setVisible(False)

        # The selected account: unlock (security administrator); password and closing (system administrator).
        self.unlock_button = QPushButton(self.tr("解锁"), self)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.unlock_button.setVisible(manages_security)
        self.new_password = QLineEdit(self)
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("新密码 (至少 10 个字符)"))
        self.set_password_button = QPushButton(self.tr("设置密码"), self)
        self.set_password_button.clicked.connect(self.set_password_of_selected)
        self.deactivate_button = QPushButton(self.tr("停用账户"), self)
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        for w in (self.new_password, self.set_password_button, self.deactivate_button):
            w.setVisible(manages_users)
        selected = QHBoxLayout()
        selected.addWidget(QLabel(self.tr("所选账户:"), self))
        selected.addWidget(self.unlock_button)
        selected.addWidget(self.new_password, 1)
        selected.addWidget(self.set_password_button)
        selected.addWidget(self.deactivate_button)
        if not manages_users:
            selected.addStretch(1)  # the unlock button keeps its own size

        # A new account (system administrator).
        self.add_box = QGroupBox(self.tr("新增账户"), self)
        self.username_edit = QLineEdit(self.add_box)
        self.username_edit.setPlaceholderText(self.tr("小写字母、数字, 如 wang.li"))
        self.display_name_edit = QLineEdit(self.add_box)
        self.role_combo = QComboBox(self.add_box)
        titles = role_titles()
        for role in PERSON_ROLES:
            self.role_combo.addItem(titles[role], role)
        self.password_edit = QLineEdit(self.add_box)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("初始密码 (至少 10 个字符)"))
        self.add_button = QPushButton(self.tr("新增"), self.add_box)
        self.add_button.clicked.connect(self.add_account)
        form = QFormLayout(self.add_box)
        form.addRow(self.tr("用户名"), self.username_edit)
        form.addRow(self.tr("姓名"), self.display_name_edit)
        form.addRow(self.tr("角色"), self.role_combo)
        form.addRow(self.tr("初始密码"), self.password_edit)
        form.addRow("", self.add_button)
        self.add_box.setVisible(manages_users)

        self.message = QLabel(self)
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)  # Ctrl+Shift+U puts the keyboard on the list
        layout.addWidget(self.empty_label)
        layout.addLayout(selected)
        layout.addWidget(self.add_box)
        layout.addWidget(self.message)
        self._all: list[Account] = []
        self.refresh()

    # --- the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self._actor
        self._runner.submit(lambda: self._accounts.list_users(actor), self._on_list_loaded, self._on_failure)

    def _on_list_loaded(self, rows: list[Account]) -> None:
        self._all = list(rows)
        self._show_rows()
        self.loaded.emit(len(rows))

    def _show_rows(self) -> None:
        rows = [a for a in self._all if a.locked] if self.locked_only.isChecked() else self._all
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows and self.locked_only.isChecked())

    def selected_username(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[index.row()].username

    def select(self, username: str) -> None:
        """Select ``username``'s row (keyboard users type it in the table; tests call this)."""
        for i, a in enumerate(self.model.rows):
            if a.username == username:
                self.table.selectRow(i)
                self.table.setCurrentIndex(self.model.index(i, 0))
                return

    # --- actions -------------------------------------------------------------------------------
    def add_account(self) -> None:
        actor, accounts = self._actor, self._accounts
        username, name = self.username_edit.text(), self.display_name_edit.text()
        role, password = str(self.role_combo.currentData()), self.password_edit.text()

        def added(account: Account) -> None:
            self.username_edit.clear()
            self.display_name_edit.clear()
            self.password_edit.clear()
            self._done(self.tr("已新增账户 {0}").format(account.username), account.username)

        self._runner.submit_edit(
            lambda: accounts.add_user(actor, username, name, role, password), added, self._on_failure
        )

    def set_password_of_selected(self) -> None:
        username = self._need_selection()
        if username is None:
            return
        actor, accounts, password = self._actor, self._accounts, self.new_password.text()

        def done(_none: object) -> None:
            self.new_password.clear()
            self._done(self.tr("已为 {0} 设置新密码").format(username), username)

        self._runner.submit_edit(lambda: accounts.set_password(actor, username, password), done, self._on_failure)

    def deactivate_selected(self) -> None:
        username = self._need_selection()
        if username is None:
            return
        actor, accounts = self._actor, self._accounts
        self._runner.submit_edit(
            lambda: accounts.deactivate(actor, username),
            lambda _none: self._done(self.tr("已停用账户 {0}").format(username), username),
            self._on_failure,
        )

    def unlock_selected(self) -> None:
        username = self._need_selection()
        if username is None:
            return
        actor, accounts = self._actor, self._accounts
        self._runner.submit_edit(
            lambda: accounts.unlock(actor, username),
            lambda _none: self._done(self.tr("已解锁账户 {0}").format(username), username),
            self._on_failure,
        )

    def _need_selection(self) -> str | None:
        username = self.selected_username()
        if username is None:
            self.message.setText(self.tr("请先在列表中选择一个账户"))
        return username

    def _done(self, text: str, username: str) -> None:
        self.message.setText(text)
        self.account_changed.emit(username)
        self.refresh()

    def _on_failure(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
