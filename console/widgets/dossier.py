"""The dossier window (案件卷宗): one window per case, a tab for each part of the file, the case
tab editable. Also the small "link to case" dialog that alerts use.

Saving sends the version the window read; when another console saved first the service refuses
(ConflictError) and the window says so, loads the other console's text and keeps the user's own
edits one click away ("恢复我的修改"), so nothing is overwritten either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.errors import ConflictError, UserError, ValidationError
from console.security import Permission
from console.services.cases import STATUS_CHANGES, CaseFilterChoices, Dossier
from console.widgets.cases_pane import (
    CASE_STATUS_TITLES,
    CATEGORY_TITLES,
    case_title,
    hours_text,
    local_time,
    tr_cases,
)
from console.widgets.common import error_text
from console.widgets.dossier_dialogs import EntryDialog, ask
from console.widgets.dossier_pdf import save_dossier_pdf
from console.widgets.dossier_titles import (
    CUSTODY_TITLES,
    FENCE_TITLES,
    FIELD_TITLES,
    ITEM_STATUS_TITLES,
    ROLE_TITLES,
    TIMELINE_TITLES,
    timeline_detail,
)
from console.widgets.feed_model import KIND_TITLES, SEVERITY_TITLES, STATUS_TITLES, title
from console.widgets.series_panel import SeriesPanel

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.cases import CaseService, CaseWatchService, SeriesService
    from console.widgets.live_bridge import LiveBridge
    from console.widgets.worker import DatabaseWorker


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))


class DossierWindow(QDialog):
    """One case: tabs 案情, 当事人, 车辆, 涉案财物, 预警与轨迹, 时间线. Esc closes; Ctrl+S saves."""

    case_saved = Signal(str)
    """This window saved an edit of the case (its case number)."""
    household_requested = Signal(int)
    """The user asked to see a party's registered household (its id)."""
    series_map_requested = Signal(int)
    """The user asked to see the case's confirmed series (its id) on the district map."""
    pdf_saved = Signal(str)
    """The dossier was exported as a PDF to this path."""

    def __init__(
        self,
        case_no: str,
        cases: CaseService,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        *,
        bridge: LiveBridge | None = None,
        series: SeriesService | None = None,
        watch: CaseWatchService | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_no = case_no
        self._watch = watch
        self._worker = worker
        self.prompt: QMessageBox | None = None  # the open yes/no question (watch / expire), if any
        self.entry_dialog: EntryDialog | None = None
        self._cases = cases
        self._actor = actor
        self._runner = worker.lane(self)
        self._unmask_reason = ""  # set once a reason was given: this window shows full numbers
        self._dossier: Dossier | None = None
        self._draft: dict[str, Any] | None = None  # the user's edits a conflict set aside
        self._can_edit = actor.can(Permission.EDIT_CASES)
        self.setWindowTitle(self.tr("案件卷宗 {0}").format(case_no))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(980, 680)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self.tr("正在加载…"), self)
        self.heading.setObjectName("dossierHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600")
        top.addWidget(self.heading, 1)
        self.unmask_button = QPushButton(self.tr("显示完整号码"), self)
        self.unmask_button.setToolTip(self.tr("查看完整身份证号与手机号 (将记入审计日志)"))
        self.unmask_button.setVisible(actor.can(Permission.UNMASK_PERSONAL_DATA))
        self.unmask_button.clicked.connect(self._on_unmask_button_clicked)
        top.addWidget(self.unmask_button)
        self.export_button = QPushButton(self.tr("导出 PDF (Ctrl+E)"), self)
        self.export_button.setToolTip(self.tr("将卷宗导出为 A4 PDF; 号码按当前显示 (未显示完整号码时已遮蔽)"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.export_button.setEnabled(actor.can(Permission.EXPORT))
        top.addWidget(self.export_button)
        layout.addLayout(top)
        banner = QHBoxLayout()
        self.banner = QLabel(self)
        self.banner.setObjectName("dossierBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        banner.addWidget(self.banner, 1)
        self.restore_button = QPushButton(self.tr("恢复我的修改"), self)
        self.restore_button.setVisible(False)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        banner.addWidget(self.restore_button)
        layout.addLayout(banner)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._build_case_tab()
        self.parties = _table(
            self, [self.tr("角色"), self.tr("姓名"), self.tr("身份证号"), self.tr("手机"), self.tr("户籍")]
        )
        self.parties.doubleClicked.connect(self._on_parties_double_clicked)
        self.add_party_button = QPushButton(self.tr("添加当事人… (Ins)"), self)
        self.add_party_button.clicked.connect(self.open_party_dialog)
        self.tabs.addTab(self._with_button(self.parties, self.add_party_button), self.tr("当事人"))
        self.vehicles = _table(
            self,
            [
                self.tr("车牌"),
                self.tr("车型"),
                self.tr("品牌"),
                self.tr("颜色"),
                self.tr("车主"),
                self.tr("车主身份证号"),
            ],
        )
        self.add_vehicle_button = QPushButton(self.tr("添加车辆… (Ins)"), self)
        self.add_vehicle_button.clicked.connect(self.open_vehicle_dialog)
        self.tabs.addTab(self._with_button(self.vehicles, self.add_vehicle_button), self.tr("车辆"))
        self._build_property_tab()
        self._build_alerts_tab()
        self.timeline = _table(self, [self.tr("时间"), self.tr("事项"), self.tr("经办"), self.tr("内容")])
        self.tabs.addTab(self.timeline, self.tr("时间线"))
        self.fences = _table(self, [self.tr("名称"), self.tr("类别"), self.tr("地址"), self.tr("登记")])
        self.add_fence_button = QPushButton(self.tr("登记销赃地点… (Ins)"), self)
        self.add_fence_button.clicked.connect(self.open_fence_dialog)
        self.add_fence_button.setVisible(watch is not None)
        self.tabs.addTab(self._with_button(self.fences, self.add_fence_button), self.tr("销赃地点"))
        for button in (self.add_party_button, self.add_vehicle_button, self.add_fence_button):
            button.setEnabled(self._can_edit)
        for table, opener in (
            (self.parties, self.open_party_dialog),
            (self.vehicles, self.open_vehicle_dialog),
            (self.fences, self.open_fence_dialog),
        ):
            insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), table)
            insert.setContext(Qt.ShortcutContext.WidgetShortcut)
            insert.activated.connect(opener)
        self.series_panel: SeriesPanel | None = None
        if series is not None:
            # Proposed series (same place and kind within the station's window, a shared suspect,
            # plate or property identifier): Enter confirms, Del dismisses.
            self.series_panel = SeriesPanel(series, actor, worker, case_no, self)
            self.tabs.addTab(self.series_panel, self.tr("串案"))
            self.series_panel.show_on_map_requested.connect(self.series_map_requested)
        self._tab_names = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.save)
        self.export_shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        self.export_shortcut.activated.connect(self._on_export_button_clicked)
        if bridge is not None:
            bridge.changed.connect(self._on_bridge_changed)
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _with_button(self, table: QTableWidget, button: QPushButton) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(table, 1)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return page

    def _build_case_tab(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.facts = QLabel(page)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setWordWrap(True)
        form.addRow(self.facts)
        self.summary = QLineEdit(page)
        self.summary.setMaxLength(200)
        form.addRow(self.tr("简要案情"), self.summary)
        self.narrative = QPlainTextEdit(page)
        self.narrative.setPlaceholderText(self.tr("案情经过: 时间、地点、经过、损失…"))
        form.addRow(self.tr("案情经过"), self.narrative)
        self.status = QComboBox(page)
        for key, name in CASE_STATUS_TITLES.items():
            self.status.addItem(tr_cases(name), key)
        form.addRow(self.tr("状态"), self.status)
        self.lead = QComboBox(page)
        self.lead.addItem(self.tr("(未指定)"), "")
        form.addRow(self.tr("主办民警"), self.lead)
        self.linked_cases = QLabel(page)
        self.linked_cases.setWordWrap(True)
        form.addRow(self.tr("关联案件"), self.linked_cases)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"), page)
        self.save_button.clicked.connect(self.save)
        self.save_note = QLabel(page)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_note, 1)
        form.addRow(buttons)
        for w in (self.summary, self.narrative, self.status, self.lead, self.save_button):
            w.setEnabled(self._can_edit)
        if not self._can_edit:
            self.save_note.setText(self.tr("当前角色只能查看案件"))
        self.tabs.addTab(page, self.tr("案情"))

    def _build_property_tab(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.items = _table(
            split,
            [
                self.tr("物品"),
                self.tr("类别"),
                self.tr("数量"),
                self.tr("识别号"),
                self.tr("价值(元)"),
                self.tr("状态"),
                self.tr("失主"),
                self.tr("追回"),
            ],
        )
        self.items.itemSelectionChanged.connect(self._on_items_selection_changed)
        self.custody = _table(
            split,
            [
                self.tr("时间"),
                self.tr("环节"),
                self.tr("保管人"),
                self.tr("地点"),
                self.tr("经办"),
                self.tr("备注"),
            ],
        )
        split.addWidget(self.items)
        split.addWidget(self.custody)
        self.tabs.addTab(split, self.tr("涉案财物"))

    def _build_alerts_tab(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.alerts = _table(
            split,
            [
                self.tr("预警"),
                self.tr("类型"),
                self.tr("等级"),
                self.tr("状态"),
                self.tr("小区"),
                self.tr("时间"),
                self.tr("内容"),
            ],
        )
        self.sightings = _table(
            split,
            [self.tr("时间"), self.tr("小区"), self.tr("设备"), self.tr("车牌/身份证号"), self.tr("预警")],
        )
        split.addWidget(self.alerts)
        split.addWidget(self.sightings)
        self.tabs.addTab(split, self.tr("预警与轨迹"))

    # -- loading -------------------------------------------------------------------------------
    def busy(self) -> bool:
        return self._runner.busy()

    @property
    def dossier(self) -> Dossier | None:
        return self._dossier

    @Slot()
    def reload(self) -> None:
        cases, actor, case_no, reason = self._cases, self._actor, self.case_no, self._unmask_reason

        def call() -> tuple[Dossier, CaseFilterChoices]:
            return cases.show(actor, case_no, unmask=bool(reason), reason=reason), cases.filter_choices(actor)

        self._runner.submit(call, self._on_loaded, self._on_load_failed)

    def _on_loaded(self, result: tuple[Dossier, CaseFilterChoices]) -> None:
        dossier, choices = result
        keep_edits = self._dossier is not None and self.is_dirty()
        self._dossier = dossier
        c = dossier.case
        self.heading.setText(
            f"{c['case_no']} · {case_title(CATEGORY_TITLES, c['category'])} · "
            f"{case_title(CASE_STATUS_TITLES, c['status'])}"
        )
        self.facts.setText(self._facts(c))
        self.lead.blockSignals(True)
        while self.lead.count() > 1:
            self.lead.removeItem(1)
        for o in choices.officers:
            self.lead.addItem(f"{o.name} ({o.badge})", o.badge)
        self.lead.blockSignals(False)
        if keep_edits:
            # Another console saved while this one was editing: keep the user's text, say so.
            self._show_banner(self.tr("另一台值班台刚修改了此案件; 保存时将核对冲突。"), warn=True)
        else:
            self._fill_editors(c)
        self.linked_cases.setText(
            "、".join(f"{x['case_no']} {x['summary']}" for x in dossier.linked_cases) or self.tr("无")
        )
        self._fill_tabs(dossier)

    def _facts(self, c: dict[str, Any]) -> str:
        where = " ".join(x for x in (c.get("community") or "", c.get("place") or "") if x)
        lines = [
            self.tr("报案 {0} · 发案 {1}").format(local_time(c["reported_at"]), local_time(c["occurred_at"])),
            self.tr("地点 {0}").format(where or self.tr("未填")),
        ]
        if c.get("solved_at"):
            lines.append(
                self.tr("破案 {0} · 用时 {1}").format(
                    local_time(c["solved_at"]), hours_text(c["hours_to_solve"])
                )
            )
        return "\n".join(lines)

    def _fill_editors(self, c: dict[str, Any]) -> None:
        self.summary.setText(c["summary"] or "")
        self.narrative.setPlainText(c["narrative"] or "")
        self.status.setCurrentIndex(max(0, self.status.findData(c["status"])))
        lead = c["lead_officer"]["badge"] if c.get("lead_officer") else ""
        self.lead.setCurrentIndex(max(0, self.lead.findData(lead)))
        self._enable_statuses(c["status"])

    def _enable_statuses(self, current: str) -> None:
        """Only the status changes the service allows are offered (forward only)."""
        model = self.status.model()
        for i in range(self.status.count()):
            key = self.status.itemData(i)
            item = model.item(i) if hasattr(model, "item") else None
            if item is not None:
                item.setEnabled(key == current or (current, key) in STATUS_CHANGES)

    def _fill_tabs(self, d: Dossier) -> None:
        _fill(
            self.parties,
            [
                [
                    case_title(ROLE_TITLES, p["role"]),
                    p["name"],
                    p["id_number"] or "",
                    p["phone"] or "",
                    self.tr("已登记 (户 #{0}, 双击查看)").format(p["household_id"])
                    if p.get("household_id")
                    else self.tr("未登记"),
                ]
                for p in d.parties
            ],
        )
        _fill(
            self.vehicles,
            [
                [v["plate"], v["kind"], v["brand"], v["colour"], v["owner_name"], v["owner_id_number"] or ""]
                for v in d.vehicles
            ],
        )
        _fill(
            self.items,
            [
                [
                    i["description"],
                    i["category"],
                    i["quantity"],
                    " ".join(x for x in (i["imei"], i["serial"], i["frame"]) if x),
                    "" if i["value"] is None else f"{i['value']:.2f}",
                    case_title(ITEM_STATUS_TITLES, i["status"]),
                    (i["owner"] or {}).get("name", ""),
                    f"{local_time(i['recovered_at'])} {i['recovered_place']}".strip(),
                ]
                for i in d.property
            ],
        )
        self._on_items_selection_changed()
        _fill(
            self.alerts,
            [
                [
                    f"#{a['id']}",
                    title(KIND_TITLES, a["kind"]),
                    title(SEVERITY_TITLES, a["severity"]),
                    title(STATUS_TITLES, a["status"]),
                    a["community"] or "",
                    local_time(a["raised_at"]),
                    a["summary"],
                ]
                for a in d.alerts
            ],
        )
        _fill(
            self.sightings,
            [
                [
                    local_time(s["at"]),
                    s["community"] or "",
                    s["device"] or "",
                    s["plate"] or s["id_number"] or "",
                    f"#{s['alert_id']}" if s["alert_id"] else "",
                ]
                for s in d.sightings
            ],
        )
        _fill(
            self.timeline,
            [
                [
                    local_time(t["at"]),
                    case_title(TIMELINE_TITLES, t["kind"]),
                    t["by"] or t["user"],
                    timeline_detail(t["kind"], t["detail"]),
                ]
                for t in d.timeline
            ],
        )
        _fill(
            self.fences,
            [
                [f["name"], case_title(FENCE_TITLES, f["kind"]), f["address"], local_time(f["added_at"])]
                for f in d.fences
            ],
        )
        for index, count in (
            (1, len(d.parties)),
            (2, len(d.vehicles)),
            (3, len(d.property)),
            (4, len(d.alerts)),
            (6, len(d.fences)),
        ):
            name = self._tab_names[index]
            self.tabs.setTabText(index, f"{name} ({count})" if count else name)

    def _on_load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        self._show_banner(error_text(exc), warn=True)

    @Slot()
    def _on_items_selection_changed(self) -> None:
        d = self._dossier
        row = self.items.currentRow()
        trail = d.property[row]["custody"] if d is not None and 0 <= row < len(d.property) else []
        _fill(
            self.custody,
            [
                [
                    local_time(e["at"]),
                    case_title(CUSTODY_TITLES, e["kind"]),
                    e["holder"],
                    e["location"],
                    e["by"],
                    e["note"],
                ]
                for e in trail
            ],
        )

    # -- editing -------------------------------------------------------------------------------
    def edits(self) -> dict[str, Any]:
        """What the editors hold, as CaseService.edit keywords."""
        return {
            "summary": self.summary.text(),
            "narrative": self.narrative.toPlainText(),
            "status": self.status.currentData(),
            "lead_badge": self.lead.currentData() or "",
        }

    def is_dirty(self) -> bool:
        if self._dossier is None:
            return False
        c = self._dossier.case
        stored = {
            "summary": c["summary"] or "",
            "narrative": c["narrative"] or "",
            "status": c["status"],
            "lead_badge": c["lead_officer"]["badge"] if c.get("lead_officer") else "",
        }
        return self.edits() != stored

    @Slot()
    def save(self) -> None:
        if self._dossier is None or not self._can_edit:
            return
        edits = self.edits()
        version = self._dossier.case["version"]
        cases, actor, case_no = self._cases, self._actor, self.case_no
        self.save_button.setEnabled(False)

        def done(result: Any) -> None:
            self.save_button.setEnabled(True)
            if "status" in result.changed:  # solved or closed (only forward moves are allowed)
                self._offer_expiry(edits["status"])
            self._draft = None
            self.restore_button.setVisible(False)
            self._show_banner("", warn=False)
            self.save_note.setText(self.tr("已保存") if result.changed else self.tr("没有需要保存的修改"))
            self._dossier = None  # the editors take the saved values
            self.case_saved.emit(case_no)
            self.reload()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, ConflictError):
                self._draft = edits
                self._dossier = None  # load the other console's text into the editors
                self._show_banner(error_text(exc), warn=True)
                self.restore_button.setVisible(True)
                self.reload()
            elif isinstance(exc, ValidationError):
                field = tr_cases(FIELD_TITLES.get(exc.field or "", exc.field or ""))
                self._show_banner(f"{field}: {error_text(exc)}" if field else error_text(exc), warn=True)
            elif isinstance(exc, UserError):
                self._show_banner(error_text(exc), warn=True)
            else:
                raise exc

        self.save_note.setText(self.tr("正在保存…"))
        self._runner.submit_edit(lambda: cases.edit(actor, case_no, version, **edits), done, failed)

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        """Put the user's set-aside edits back over the other console's (the new version)."""
        if self._draft is None:
            return
        draft = self._draft
        self.summary.setText(draft["summary"])
        self.narrative.setPlainText(draft["narrative"])
        self.status.setCurrentIndex(max(0, self.status.findData(draft["status"])))
        self.lead.setCurrentIndex(max(0, self.lead.findData(draft["lead_badge"])))
        self.restore_button.setVisible(False)
        self._show_banner(self.tr("已恢复您的修改; 核对后按 Ctrl+S 保存。"), warn=False)

    def _show_banner(self, text: str, *, warn: bool) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            "background:#b71c1c; color:white; padding:6px; font-weight:600"
            if warn
            else "background:#1b5e20; color:white; padding:6px"
        )
        self.banner.setVisible(bool(text))

    # -- adding people, vehicles and places; watching them -------------------------------------
    def _case_open(self) -> bool:
        return self._dossier is not None and self._dossier.case["status"] == "open"

    def _may_watch(self) -> bool:
        return self._watch is not None and self._actor.can(Permission.MANAGE_WATCHLIST)

    def _entry_dialog(self, title: str, call: Any) -> EntryDialog:
        dialog = EntryDialog(title, self._worker, call, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.entry_dialog = dialog
        return dialog

    @Slot()
    def open_party_dialog(self) -> EntryDialog | None:
        """Add a suspect, victim or complainant; a suspect of an open case is then offered for watching."""
        if not self._can_edit or self._dossier is None:
            return None
        cases, actor, case_no = self._cases, self._actor, self.case_no

        def call(v: dict[str, str]) -> int:
            return cases.add_party(
                actor, case_no, v["role"], name=v["name"], id_number=v["id_number"], phone=v["phone"]
            )

        dialog = self._entry_dialog(self.tr("添加当事人"), call)
        roles = dialog.add_choice("role", self.tr("角色"), [(k, tr_cases(v)) for k, v in ROLE_TITLES.items()])
        roles.setCurrentIndex(list(ROLE_TITLES).index("suspect"))
        dialog.add_line("name", self.tr("姓名"), max_length=50)
        dialog.add_line("id_number", self.tr("身份证号"), self.tr("18 位, 可不填"), 18)
        dialog.add_line("phone", self.tr("手机"), self.tr("可不填"), 11)
        dialog.finish()
        dialog.entry_added.connect(self._on_party_dialog_entry_added)
        dialog.open()
        dialog.fields["name"].setFocus()
        return dialog

    def _on_party_dialog_entry_added(self, party_id: int) -> None:
        sent = self.entry_dialog.values_sent if self.entry_dialog is not None else None
        self.save_note.setText(self.tr("已添加当事人"))
        self.reload()
        if (
            sent
            and sent["role"] == "suspect"
            and sent["id_number"]
            and self._case_open()
            and self._may_watch()
        ):
            who = sent["name"] or self.tr("嫌疑人")
            self._offer_watch(
                self.tr("将嫌疑人 {0} 列入重点人员布控, 并关联本案 {1}?").format(who, self.case_no),
                "person",
                f"party:{party_id}",
            )

    @Slot()
    def open_vehicle_dialog(self) -> EntryDialog | None:
        """Add a vehicle; one added to an open case is then offered for the hotlist."""
        if not self._can_edit or self._dossier is None:
            return None
        cases, actor, case_no = self._cases, self._actor, self.case_no

        def call(v: dict[str, str]) -> str:
            return cases.add_vehicle(
                actor, case_no, v["plate"], brand=v["brand"], colour=v["colour"], owner_name=v["owner_name"]
            )

        dialog = self._entry_dialog(self.tr("添加涉案车辆"), call)
        dialog.add_line("plate", self.tr("车牌"), self.tr("如 闽D12345"), 10)
        dialog.add_line("brand", self.tr("品牌"), max_length=50)
        dialog.add_line("colour", self.tr("颜色"), max_length=16)
        dialog.add_line("owner_name", self.tr("车主"), max_length=50)
        dialog.finish()
        dialog.entry_added.connect(self._on_vehicle_dialog_entry_added)
        dialog.open()
        dialog.fields["plate"].setFocus()
        return dialog

    def _on_vehicle_dialog_entry_added(self, plate: str) -> None:
        self.save_note.setText(self.tr("已添加车辆 {0}").format(plate))
        self.reload()
        if self._case_open() and self._may_watch():
            self._offer_watch(
                self.tr("将车辆 {0} 列入布控车辆, 并关联本案 {1}?").format(plate, self.case_no),
                "vehicle",
                plate,
            )

    @Slot()
    def open_fence_dialog(self) -> EntryDialog | None:
        """Record a place where the case's stolen goods are sold (scrap station, phone shop…)."""
        watch = self._watch
        if not self._can_edit or self._dossier is None or watch is None:
            return None
        actor, case_no = self._actor, self.case_no

        def call(v: dict[str, str]) -> int:
            return watch.add_fence(actor, case_no, v["name"], v["kind"], v["address"])

        dialog = self._entry_dialog(self.tr("登记销赃地点"), call)
        dialog.add_line("name", self.tr("名称"), self.tr("如 灌口废品回收站"), 100)
        dialog.add_choice("kind", self.tr("类别"), [(k, tr_cases(v)) for k, v in FENCE_TITLES.items()])
        dialog.add_line("address", self.tr("地址"), max_length=200)
        dialog.finish()
        dialog.entry_added.connect(self._on_fence_dialog_entry_added)
        dialog.open()
        dialog.fields["name"].setFocus()
        return dialog

    def _on_fence_dialog_entry_added(self, _fence_id: int) -> None:
        self.save_note.setText(self.tr("已登记销赃地点"))
        self.reload()

    def _offer_watch(self, question: str, kind: str, key: str) -> None:
        watch, actor, case_no = self._watch, self._actor, self.case_no
        assert watch is not None  # noqa: S101 _may_watch() checked it

        def yes() -> None:
            def done(_entry_id: int) -> None:
                self.save_note.setText(self.tr("已列入布控, 关联本案"))
                self.reload()

            self._runner.submit_edit(
                lambda: watch.watch_from_case(actor, case_no, kind, key), done, self._on_action_failed
            )

        self.prompt = ask(self, self.tr("布控"), question, yes)

    def _offer_expiry(self, status: str) -> None:
        """The case was solved or closed: offer to expire the watchlist entries it put up."""
        if not self._may_watch():
            return
        watch, actor, case_no = self._watch, self._actor, self.case_no
        assert watch is not None  # noqa: S101 _may_watch() checked it

        def found(entries: list[Any]) -> None:
            if not entries:
                return
            shown = "\n".join(f"#{e.id} {e.plate or e.id_number or ''} {e.reason}" for e in entries)
            word = case_title(CASE_STATUS_TITLES, status)
            question = self.tr("本案已{0}。撤销本案关联的 {1} 条布控?\n{2}").format(word, len(entries), shown)
            ids = [e.id for e in entries]

            def yes() -> None:
                def done(expired: list[int]) -> None:
                    self.save_note.setText(self.tr("已撤销 {0} 条布控").format(len(expired)))
                    self.reload()

                self._runner.submit_edit(
                    lambda: watch.expire_case_entries(actor, case_no, ids), done, self._on_action_failed
                )

            self.prompt = ask(self, self.tr("撤销布控"), question, yes)

        self._runner.submit(lambda: watch.entries_to_expire(actor, case_no), found, self._on_action_failed)

    def _on_action_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        self._show_banner(error_text(exc), warn=True)

    # -- export --------------------------------------------------------------------------------
    @Slot()
    def _on_export_button_clicked(self) -> None:
        if self._dossier is None or not self.export_button.isEnabled():
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出案件卷宗"), self.tr("案件卷宗-{0}.pdf").format(self.case_no), "PDF (*.pdf)"
        )
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the dossier, read afresh (masked unless this window was unmasked), as an A4 PDF."""
        cases, actor, case_no, reason = self._cases, self._actor, self.case_no, self._unmask_reason

        def done(dossier: Dossier) -> None:
            save_dossier_pdf(dossier, path)
            self.save_note.setText(self.tr("已导出 {0}").format(path))
            self.pdf_saved.emit(path)

        self.save_note.setText(self.tr("正在导出…"))
        self._runner.submit(
            lambda: cases.show(actor, case_no, unmask=bool(reason), reason=reason), done, self._on_action_failed
        )

    # -- the rest ------------------------------------------------------------------------------
    @Slot()
    def _on_unmask_button_clicked(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("显示完整号码"), self.tr("查看此案件完整号码的事由 (记入审计日志):")
        )
        if ok:
            self.unmask(reason)

    def unmask(self, reason: str) -> None:
        """Show this dossier's full numbers for ``reason`` (audited); without one, say it is needed."""
        if not reason.strip():
            self.save_note.setText(self.tr("查看完整号码须填写事由 (记入审计日志)"))
            return
        self._unmask_reason = reason.strip()
        self.unmask_button.setVisible(False)
        self.reload()

    @Slot()
    def _on_parties_double_clicked(self) -> None:
        d = self._dossier
        row = self.parties.currentRow()
        if d is not None and 0 <= row < len(d.parties) and d.parties[row].get("household_id"):
            self.household_requested.emit(int(d.parties[row]["household_id"]))

    @Slot(str, int)
    def _on_bridge_changed(self, topic: str, entity_id: int) -> None:
        d = self._dossier
        if d is None:
            return
        mine = (
            (topic == "case" and entity_id == d.case["id"])
            or (topic == "property" and any(i["id"] == entity_id for i in d.property))
            or (topic == "alert" and any(a["id"] == entity_id for a in d.alerts))
        )
        if mine:
            self.reload()

    def shutdown(self) -> None:
        self._runner.wait()
        if self.series_panel is not None:
            self.series_panel.shutdown()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc (reject) and close both end here
        self.shutdown()
        super().done(result)


class DossierWindows(QObject):
    """Opens one dossier window per case (a second request raises the open one)."""

    household_requested = Signal(int)
    """A dossier asked to show a household on the grid map."""
    series_map_requested = Signal(int)
    """A dossier asked to show a confirmed series (its id) on the district map."""

    def __init__(
        self,
        cases: CaseService,
        actor: Actor,
        worker: DatabaseWorker,
        parent_widget: QWidget | None = None,
        *,
        bridge: LiveBridge | None = None,
        series: SeriesService | None = None,
        watch: CaseWatchService | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._watch = watch
        self._cases = cases
        self._series = series
        self._actor = actor
        self._worker = worker
        self.parent_widget = parent_widget
        self._bridge = bridge
        self.windows: dict[str, DossierWindow] = {}

    @Slot(str)
    def open(self, case_no: str) -> DossierWindow:
        window = self.windows.get(case_no)
        if window is None:
            window = DossierWindow(
                case_no,
                self._cases,
                self._actor,
                self._worker,
                self.parent_widget,
                bridge=self._bridge,
                series=self._series,
                watch=self._watch,
            )
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            window.destroyed.connect(lambda _obj=None, key=case_no: self.windows.pop(key, None))
            window.household_requested.connect(self.household_requested)
            window.series_map_requested.connect(self.series_map_requested)
            self.windows[case_no] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def close_all(self) -> None:
        for window in list(self.windows.values()):
            window.close()


class LinkCaseDialog(QDialog):
    """Asks for a case number and links the alert to it (CaseService.link)."""

    case_linked = Signal(str)
    """The alert was linked to this case number."""

    def __init__(
        self,
        alert_id: int,
        cases: CaseService,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.alert_id = alert_id
        self._cases = cases
        self._actor = actor
        self._runner = worker.lane(self)
        self.setWindowTitle(self.tr("关联案件: 预警 #{0}").format(alert_id))
        form = QFormLayout(self)
        self.case_no = QLineEdit(self)
        self.case_no.setPlaceholderText(self.tr("案件编号, 如 GK202600017"))
        form.addRow(self.tr("案件编号"), self.case_no)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#d32f2f")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        if not actor.can(Permission.EDIT_CASES):
            self.error.setText(self.tr("当前角色不能关联案件"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def busy(self) -> bool:
        return self._runner.busy()

    @Slot()
    def submit(self) -> None:
        case_no = self.case_no.text().strip()
        if not case_no:
            self.error.setText(self.tr("请输入案件编号"))
            return
        cases, actor, alert_id = self._cases, self._actor, self.alert_id
        self.error.clear()

        def done(result: Any) -> None:
            self.case_linked.emit(result.case_no)
            self.accept()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                raise exc
            self.error.setText(error_text(exc))

        self._runner.submit_edit(lambda: cases.link(actor, case_no, alert_id=alert_id), done, failed)

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)
