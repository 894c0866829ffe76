"""The words for every error code, in Chinese and English; the one place an error becomes text.

Services raise ``UserError(code, **params)``; widgets and the command line call ``text(code,
language, **params)`` (or ``error.text(language)``). A code that is not in the catalogue is shown
as given: during a migration of old call sites that pass finished Chinese sentences, those still
read correctly in Chinese (``tests/test_messages.py`` lists the codes every module raises).
"""

from __future__ import annotations

from typing import Any

# code -> (中文, English). Parameters in braces, str.format style.
MESSAGES: dict[str, tuple[str, str]] = {
    "error.generic": ("操作未完成", "The operation did not complete"),
    "db.unavailable": (
        "无法连接数据库 {target}: {reason}。请检查数据库服务器和网络; 恢复后会自动重连",
        "Cannot reach the database {target}: {reason}. Check the database server and the network; "
        "the console reconnects by itself",
    ),
    "db.schema_too_new": (
        "数据库由更新版本的值班台创建 (结构版本 {revision}), 本版本无法使用; 请升级值班台",
        "The database was created by a newer console (schema {revision}); upgrade this console",
    ),
    "auth.permission_denied": (
        "当前角色「{role}」无权执行此操作: {action}",
        "Your role ({role}) may not do this: {action}",
    ),
    "conflict.stale": (
        "{what} 已被另一台值班台修改; 已刷新, 请核对后重试",
        "Another console changed {what} first; it has been reloaded, check it and try again",
    ),
    "record.not_found": ("{what} 不存在", "{what} does not exist"),
    "cli.not_yet_available": ("该命令尚未实现: {command}", "This command is not available yet: {command}"),
    # --- cases ---
    "case.not_found": ("案件 {case_no} 不存在", "There is no case {case_no}"),
    "case.case_no.empty": ("案件编号不能为空", "The case number is required"),
    "case.case_no.format": (
        "案件编号 {value} 格式不正确: 只能含字母、数字和短横线, 最多32位",
        "Case number {value} is not valid: letters, digits and dashes only, at most 32",
    ),
    "case.case_no.exists": ("案件编号 {case_no} 已存在", "Case number {case_no} already exists"),
    "case.category.unknown": (
        "案件类别 {value} 不存在; 可选: {allowed} (或其中文名称)",
        "Unknown case category {value}; one of: {allowed} (or its Chinese name)",
    ),
    "case.time.empty": ("时间不能为空", "The time is required"),
    "case.time.invalid": (
        "{value} 不是有效的 ISO 8601 时间, 例如 2026-03-14T21:00+08:00",
        "{value} is not an ISO 8601 time, e.g. 2026-03-14T21:00+08:00",
    ),
    "case.time.no_offset": (
        "{value} 缺少时区偏移, 例如 2026-03-14T21:00+08:00",
        "{value} has no UTC offset, e.g. 2026-03-14T21:00+08:00",
    ),
    "case.time.future": ("时间不能晚于现在", "The time may not be in the future"),
    "case.occurred_at.after_reported": (
        "发案时间不能晚于报案时间",
        "The incident cannot occur after it was reported",
    ),
    "case.solve.before_reported": (
        "破案时间不能早于报案时间",
        "A case cannot be solved before it was reported",
    ),
    "case.status.not_open": (
        "案件 {case_no} 当前状态为 {status}, 只有未破案件可以破案",
        "Case {case_no} is {status}; only an open case can be solved",
    ),
    "case.text.empty": ("不能为空", "This field is required"),
    "case.text.too_long": ("不能超过 {max} 个字", "At most {max} characters"),
    "case.link.one_target": ("请指定一条预警或一起案件", "Give one alert or one case to link"),
    "case.link.no_alert": ("预警 #{alert_id} 不存在", "There is no alert #{alert_id}"),
    "case.link.self": ("案件不能关联自身", "A case cannot be linked to itself"),
    "case.import.duplicate_row": (
        "与第 {row} 行的案件编号重复",
        "The same case number as row {row}",
    ),
    "property.not_found": ("涉案财物 #{item_id} 不存在", "There is no property item #{item_id}"),
    "property.identifier.empty": ("识别号不能为空", "The identifier is required"),
    "property.identifier.too_long": (
        "识别号不能超过 {max} 位",
        "The identifier has at most {max} characters",
    ),
    "property.imei.length": (
        "IMEI 应为15位数字 (实为 {length} 位)",
        "An IMEI is 15 digits (got {length})",
    ),
    "property.imei.check_digit": (
        "IMEI 校验位不正确, 应为 {expected}",
        "The IMEI check digit is wrong; it should be {expected}",
    ),
    "property.value.invalid": (
        "价值 {value} 不是有效金额 (元, 最多两位小数)",
        "Value {value} is not an amount in yuan (at most two decimals)",
    ),
    "property.value.negative": ("价值不能为负数", "The value cannot be negative"),
    "property.quantity.invalid": ("数量至少为1", "The quantity is at least 1"),
    "property.recover.one_identifier": (
        "请给出 IMEI、序列号、车架号或物品编号之一",
        "Give exactly one of IMEI, serial, frame number or item id",
    ),
    "property.status.not_stolen": (
        "涉案财物 #{item_id} 当前状态为 {status}, 不能再次追回",
        "Property item #{item_id} is {status}; it cannot be recovered again",
    ),
    "property.status.not_recovered": (
        "涉案财物 #{item_id} 当前状态为 {status}; 只有已追回未发还的物品可以通知或发还",
        "Property item #{item_id} is {status}; only a recovered item can be notified or returned",
    ),
    "property.status.filter": ("状态应为 {allowed}", "The status is one of {allowed}"),
    "property.notify.how": ("通知方式应为 {allowed}", "The way of notifying is one of {allowed}"),
    "property.return.not_owner": (
        "身份证号与失主不符, 不能发还",
        "The ID number is not the owner's; the item cannot be handed over",
    ),
    "property.return.before_recovered": (
        "发还时间不能早于追回时间",
        "An item cannot be returned before it was recovered",
    ),
}

LANGUAGES = ("zh_CN", "en")


def text(code: str, language: str = "zh_CN", **params: Any) -> str:
    """The words for ``code`` in ``language``; an unknown code is returned as given (formatted)."""
    pair = MESSAGES.get(code)
    template = code if pair is None else pair[1 if language == "en" else 0]
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
