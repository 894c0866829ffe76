"""The settings dialog: database, theme, language, tile server, sound."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.config import SSLMODES, Settings, default_db_url, save_settings, with_sslmode
from console.credentials import holds_password, without_password
from console.errors import UserError
from console.widgets.common import error_text, worded_text

if TYPE_CHECKING:
    from console.widgets.worker import DatabaseWorker


class SettingsDialog(QDialog):
    """Edits and saves ``Settings``; database and language changes take effect on restart."""

    settings_saved = Signal(object)
    """The settings were written to the settings file (carries the new ``Settings``)."""

    def __init__(
        self,
        settings: Settings,
        probe: Callable[[str], object],
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        settings_file: Path | None = None,
    ) -> None:
        """``probe(url)`` tests a database URL (blocking; run off the GUI thread) and returns a
        one-line verdict (a catalogue Message, worded here in the UI's language) or raises
        ``UserError`` saying what is wrong."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(640)
        self._settings = settings
        self._probe = probe
        self._settings_file = settings_file
        self._runner = worker.lane(self)

        self.db_url = QLineEdit(settings.db_url, self)
        self.db_url.setPlaceholderText(
            self.tr("sqlite:///路径/station.db 或 postgresql+psycopg://用户@主机/库")
        )
        self.test_button = QPushButton(self.tr("测试连接"), self)
        self.test_button.clicked.connect(self._on_test_clicked)
        db_row = QHBoxLayout()
        db_row.addWidget(self.db_url, 1)
        db_row.addWidget(self.test_button)
        self.db_url.textChanged.connect(self._on_db_url_text_changed)
        self.password_note = QLabel(
            self.tr("密码不会写入设置文件: 保存时存入系统密钥环 (没有密钥环时存入 ~/.pgpass, 仅本人可读)。"),
            self,
        )
        self.password_note.setWordWrap(True)
        self.password_note.setVisible(holds_password(settings.db_url))

        self.sslmode = QComboBox(self)
        self.sslmode.addItem(self.tr("按 libpq 默认 (prefer)"), "")
        described = {
            "disable": self.tr("disable — 不加密"),
            "allow": self.tr("allow — 服务器要求时才加密"),
            "prefer": self.tr("prefer — 能加密就加密, 不校验证书"),
            "require": self.tr("require — 必须加密, 不校验证书"),
            "verify-ca": self.tr("verify-ca — 加密并校验证书"),
            "verify-full": self.tr("verify-full — 加密并校验证书和主机名 (跨网络时使用)"),
        }
        for mode in SSLMODES:
            self.sslmode.addItem(described[mode], mode)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(settings.sslmode)))
        self.sslmode.setToolTip(self.tr("只对 PostgreSQL 有效; 地址中的 ?sslmode= 优先"))

        self.test_result = QLabel("", self)
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("夜间 (深色)"), "dark")
        self.theme.addItem(self.tr("日间 (浅色)"), "light")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))

        self.language = QComboBox(self)
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        self.tile_url = QLineEdit(settings.tile_url, self)
        self.tile_url.setPlaceholderText(
            self.tr("例如 http://tiles.station.local/{z}/{x}/{y}.png (留空则不显示底图)")
        )

        self.sound = QCheckBox(self.tr("新的紧急/高级预警播放提示音"), self)
        self.sound.setChecked(settings.sound)

        form = QFormLayout()
        form.addRow(self.tr("数据库地址"), db_row)
        form.addRow("", self.password_note)
        form.addRow(self.tr("数据库加密 (sslmode)"), self.sslmode)
        form.addRow("", self.test_result)
        form.addRow(self.tr("主题"), self.theme)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("地图瓦片服务"), self.tile_url)
        form.addRow(self.tr("声音"), self.sound)

        note = QLabel(self.tr("数据库地址和界面语言的更改在重新启动程序后生效。"), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def edited_settings(self) -> Settings:
        """The settings as currently shown in the dialog."""
        url = self.db_url.text().strip()
        return replace(
            self._settings,
            db_url=url,
            theme=str(self.theme.currentData()),
            language=str(self.language.currentData()),
            tile_url=self.tile_url.text().strip(),
            sound=self.sound.isChecked(),
            sslmode=str(self.sslmode.currentData()),
        )

    def accept(self) -> None:
        new = self.edited_settings()
        db_changed = new.db_url != self._settings.db_url
        try:
            persist_settings(new, new.db_url if db_changed else None, self._settings_file)
        except OSError as exc:
            self._show_result(False, self.tr("无法保存设置文件: {0}").format(exc))
            return
        # the password now lives in the keyring or .pgpass; the URL held in memory goes without it
        new = replace(new, db_url=without_password(new.db_url))
        self._settings = new
        self.settings_saved.emit(new)
        super().accept()

    def done(self, result: int) -> None:
        self._runner.wait(6000)  # never leave a connection test running behind a closed dialog
        super().done(result)

    def _on_db_url_text_changed(self, text: str) -> None:
        self.password_note.setVisible(holds_password(text.strip()))

    def _on_test_clicked(self) -> None:
        url = with_sslmode(self.db_url.text().strip(), str(self.sslmode.currentData()))
        self.test_button.setEnabled(False)
        self._show_result(None, self.tr("正在测试连接…"))
        self._runner.submit(lambda: self._probe(url), self._on_probe_succeeded, self._on_probe_failed)

    def _on_probe_succeeded(self, verdict: object) -> None:
        self.test_button.setEnabled(True)
        self._show_result(True, worded_text(verdict))

    def _on_probe_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        if isinstance(exc, UserError):
            self._show_result(False, error_text(exc))
        else:
            self._show_result(False, self.tr("连接失败: {0}").format(exc))

    def _show_result(self, ok: bool | None, text: str) -> None:
        self.test_result.setObjectName({True: "formOk", False: "formError", None: ""}[ok])
        self.test_result.setText(text)
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)


def stored_db_url(path: Path | None = None) -> str:
    """The database URL written in the settings file itself ("" when none), ignoring --db and the environment."""
    import configparser

    from console.config import settings_path

    path = path or settings_path()
    if not path.exists():
        return ""
    parser = configparser.ConfigParser()
    parser.read(path, encoding="utf-8")
    return parser.get("console", "db_url", fallback="").strip()


def persist_settings(settings: Settings, db_url: str | None = None, path: Path | None = None) -> Settings:
    """Write ``settings`` to the settings file.

    ``db_url=None`` keeps the URL the file already holds: a one-off ``--db`` or $DUTY_CONSOLE_DB must
    not become the permanent choice just because the user switched the theme. A password in the
    URL goes to the system keyring or .pgpass, never into the file (``save_settings``).
    """
    url = stored_db_url(path) if db_url is None else db_url
    if url == default_db_url():
        url = ""  # the embedded database follows the user data directory
    return save_settings(replace(settings, db_url=url), path)
