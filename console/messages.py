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
    # --- alerts ---
    "alert.not_found": ("预警 #{alert_id} 不存在", "Alert #{alert_id} does not exist"),
    "alert.changed_elsewhere": (
        "预警 #{alert_id} 已被另一台值班台更新; 已刷新, 请核对后重试",
        "Another console changed alert #{alert_id} first; it has been reloaded, check it and try again",
    ),
    "alert.acknowledge.already": (
        "预警 #{alert_id} 不能确认: 已有人确认",
        "Alert #{alert_id} cannot be acknowledged: someone already has",
    ),
    "alert.acknowledge.dispatched": (
        "预警 #{alert_id} 不能确认: 已派警",
        "Alert #{alert_id} cannot be acknowledged: officers have been dispatched",
    ),
    "alert.dispatch.already": (
        "预警 #{alert_id} 不能派警: 已派警",
        "Alert #{alert_id} cannot be dispatched: officers already have been",
    ),
    "alert.resolve.acknowledge_first": (
        "预警 #{alert_id} 不能处置完毕: 请先确认预警",
        "Alert #{alert_id} cannot be resolved yet: acknowledge it first",
    ),
    "alert.acknowledge.resolved": (
        "预警 #{alert_id} 不能确认: 已处置完毕",
        "Alert #{alert_id} cannot be acknowledged: it is already resolved",
    ),
    "alert.dispatch.resolved": (
        "预警 #{alert_id} 不能派警: 已处置完毕",
        "Alert #{alert_id} cannot be dispatched: it is already resolved",
    ),
    "alert.resolve.resolved": (
        "预警 #{alert_id} 不能再次处置: 已处置完毕",
        "Alert #{alert_id} is already resolved",
    ),
    "alert.read_correct.required": (
        "车牌识别预警须标明识别是否正确",
        "say whether the plate was read correctly",
    ),
    "alert.read_correct.misread": (
        "结论为误识别时识别结果不能标为正确",
        "a misread cannot be marked as a correct read",
    ),
    "validation.too_long": ("不超过{limit}字", "at most {limit} characters"),
    "validation.not_negative": ("不能为负数", "must not be negative"),
    "validation.unknown_values": ("未知取值 {values}, 可选: {choices}", "unknown values {values}; allowed: {choices}"),
    "cli.not_yet_available": ("该命令尚未实现: {command}", "This command is not available yet: {command}"),
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
