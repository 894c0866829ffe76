"""`import cases`: the integrated police platform's case lists, by the file rules of registry.md.

Each row is judged by the rules of `case open` and `case solve`; a rejected row stores nothing and
names its row and column. A row whose ``case_no`` exists updates that case; a row that changes
nothing is counted unchanged, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console import messages
from console.errors import ValidationError
from console.messages import Message
from console.models import TheftCase
from console.security import Actor, Permission
from console.services.base import Service, guarded_update, server_time
from console.services.cases import rules
from console.services.cases.common import add_timeline, audit
from console.services.cases.judge import CaseInput, check_reported, check_solved, judge_case
from console.services.cases.service import community_of, insert_case
from console.services.registry import ColumnSpec, read_rows

CASE_COLUMNS = ColumnSpec(
    columns={
        "case_no": "案件编号",
        "category": "案件类别",
        "reported_at": "报案时间",
        "solved_at": "破案时间",
        "community": "小区",
        "place": "发案地点",
        "summary": "简要案情",
    },
    required=("case_no", "category", "reported_at", "summary"),
    aliases={"案件编号码": "case_no", "案别": "category", "简要案情描述": "summary", "发案地址": "place"},
)


@dataclass(frozen=True)
class RowRejection:
    """``row 7: reported_at: ...`` - one broken rule of one row."""

    row: int
    column: str | None
    code: str
    params: dict[str, Any]
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.column or '-'}: {self.message}"


@dataclass(frozen=True)
class CaseImportReport:
    file: str
    rows_read: int
    created: int
    updated: int
    unchanged: int
    rejections: tuple[RowRejection, ...]
    warnings: tuple[Message, ...]
    dry_run: bool

    @property
    def rows_rejected(self) -> int:
        return len({r.row for r in self.rejections})

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "dry_run": self.dry_run,
            "rows_read": self.rows_read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rows_rejected,
            "rejections": [{"row": r.row, "column": r.column, "message": r.message} for r in self.rejections],
        }

    def summary(self) -> str:
        head = "试导入 (dry run, nothing stored)" if self.dry_run else "导入"
        return (
            f"{head}: 读取 {self.rows_read} 行, 拒绝 {self.rows_rejected} 行; 案件 新建 {self.created} / "
            f"更新 {self.updated} / 未变 {self.unchanged} (rows read {self.rows_read}, rejected "
            f"{self.rows_rejected}; cases created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged})"
        )


class CaseImportService(Service):
    def import_cases(
        self, actor: Actor, path: str | Path, *, encoding: str | None = None, dry_run: bool = False
    ) -> CaseImportReport:
        """Import a case list; whole-file problems raise RegistryFileError and store nothing."""
        actor.require(Permission.EDIT_CASES)
        warnings: list[Message] = []
        rows = list(read_rows(path, encoding, warnings, CASE_COLUMNS))
        rejections: list[RowRejection] = []
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        seen: dict[str, int] = {}
        try:
            with self._write() as s:
                now = server_time(s)
                for src in rows:
                    if src.problem is not None:  # a line the reader could not split into cells
                        column, code, params = src.problem
                        rule = messages.bilingual(code, **params)
                        rejections.append(RowRejection(src.number, column, code, dict(params), rule))
                        continue
                    given, errors = judge_case(src.values, case_no_required=True)
                    if given is not None:
                        assert given.case_no is not None  # noqa: S101 type narrowing: judge_case sets case_no when it is required
                        if given.case_no in seen:
                            first = seen[given.case_no]
                            errors = [ValidationError("case_no", "case.import.duplicate_row", row=first)]
                        else:
                            errors = _time_errors(given, now)
                    if errors or given is None:
                        rejections.extend(_rejection(src.number, e) for e in errors)
                        continue
                    assert given.case_no is not None  # noqa: S101 type narrowing: judge_case sets case_no when it is required
                    seen[given.case_no] = src.number
                    outcome = _apply(s, actor, given, now)
                    if isinstance(outcome, ValidationError):
                        rejections.append(_rejection(src.number, outcome))
                        continue
                    counts[outcome] += 1
                report = CaseImportReport(
                    file=Path(path).name,
                    rows_read=len(rows),
                    rejections=tuple(rejections),
                    warnings=tuple(warnings),
                    dry_run=dry_run,
                    **counts,
                )
                if dry_run:
                    raise _DryRun(report)
                audit(s, actor, self._clock, "import_cases", "case", None, file=report.file, **counts)
        except _DryRun as dry:
            return dry.report  # rolled back: nothing stored
        return report


class _DryRun(Exception):
    """Leaves the import's transaction by rolling it back."""

    def __init__(self, report: CaseImportReport) -> None:
        super().__init__("dry run")
        self.report = report


def _rejection(row: int, error: ValidationError) -> RowRejection:
    return RowRejection(row, error.field, error.code, error.params, error.message)


def _time_errors(given: CaseInput, now: dt.datetime) -> list[ValidationError]:
    errors = []
    try:
        check_reported(given.reported_at, now)
    except ValidationError as exc:
        errors.append(exc)
    if given.solved_at is not None:
        try:
            check_solved(given.solved_at, given.reported_at, now, "solved_at")
        except ValidationError as exc:
            errors.append(exc)
    return errors


def _apply(s: Session, actor: Actor, given: CaseInput, now: dt.datetime) -> str | ValidationError:
    """Create or update one case; "created", "updated" or "unchanged" (or the rule a row breaks)."""
    assert given.case_no is not None  # noqa: S101 type narrowing: only rows with a case number reach _apply
    case = s.scalars(select(TheftCase).where(TheftCase.case_no == given.case_no)).one_or_none()
    if case is None:
        insert_case(s, actor, given, given.case_no, now)
        return "created"
    community_id, community_text = community_of(s, given.community)
    values: dict[str, Any] = {
        "category": given.category,
        "reported_at": given.reported_at,
        "title": given.summary,
        "community_id": community_id,
        "community_text": community_text,
        "place": given.place,
    }
    if given.solved_at is not None:
        if case.status == "open":
            values["status"] = "solved"
        values["solved_at"] = given.solved_at
    elif case.solved_at is not None and case.solved_at < given.reported_at:
        return ValidationError("reported_at", "case.solve.before_reported")
    changed = {k: v for k, v in values.items() if getattr(case, k) != v}
    if not changed:
        return "unchanged"
    guarded_update(s, TheftCase, case.id, None, case.case_no, **changed)
    add_timeline(s, case.id, now, actor, "updated_by_import", fields=sorted(changed))
    if "solved_at" in changed:
        hours = rules.hours_to_solve(given.reported_at, given.solved_at)
        add_timeline(s, case.id, now, actor, "solved", solved_at=given.solved_at, hours_to_solve=hours)
    return "updated"
