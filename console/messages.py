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
    # --- dispatch ---
    "dispatch.no_station": (
        "数据库中还没有派出所, 请先导入实有人口或生成演示数据",
        "The database has no station yet: import the registry or seed the demo first",
    ),
    "dispatch.badge_invalid": (
        "警号须为1–16个字符: {badge!r}",
        "A badge number is 1–16 characters: {badge!r}",
    ),
    "dispatch.badge_taken": ("警号 {badge} 已存在", "Badge {badge} already exists"),
    "dispatch.name_invalid": ("姓名须为1–50个字符", "A name is 1–50 characters"),
    "dispatch.team_too_long": ("组别不超过 {limit} 个字符", "A team name is at most {limit} characters"),
    "dispatch.grid_unknown": ("没有编号或名称为 {grid} 的网格", "No grid cell has the code or name {grid}"),
    "dispatch.status_manual": (
        "手动只能设为: {allowed}; 其余状态随派警自动变化",
        "Only {allowed} can be set by hand; the other statuses follow dispatches",
    ),
    "dispatch.officer_unknown": ("没有警号为 {badge} 的警员", "No officer has the badge {badge}"),
    "dispatch.officer_on_dispatch": (
        "警员 {badge} 正在出警 (派警 #{dispatch_id}), 请先结束该派警",
        "Officer {badge} is on dispatch #{dispatch_id}: clear it first",
    ),
    "dispatch.officer_required": ("请至少选择一名警员", "Choose at least one officer"),
    "dispatch.officer_off_duty": (
        "警员 {badge} 不在岗; 如确需派出, 请填写越权派警理由",
        "Officer {badge} is off duty; to send them anyway, give an override reason",
    ),
    "dispatch.officer_busy": (
        "警员 {badge} 正在执行派警 #{dispatch_id}; 如确需改派, 请填写越权派警理由",
        "Officer {badge} is on dispatch #{dispatch_id}; to send them anyway, give an override reason",
    ),
    "dispatch.override_reason_required": ("越权派警须填写理由", "An override needs a reason"),
    "dispatch.note_too_long": ("不超过 {limit} 个字符", "At most {limit} characters"),
    "dispatch.alert_unknown": ("预警 #{alert_id} 不存在", "Alert #{alert_id} does not exist"),
    "dispatch.alert_resolved": (
        "预警 #{alert_id} 已处置完毕, 不能派警",
        "Alert #{alert_id} is resolved and cannot be dispatched",
    ),
    "dispatch.alerts_other_community": (
        "预警 #{alert_id} 不在同一小区, 不能合并为一次派警",
        "Alert #{alert_id} is in another community: one dispatch covers one community",
    ),
    "dispatch.unknown": ("派警 #{dispatch_id} 不存在", "Dispatch #{dispatch_id} does not exist"),
    "dispatch.already_arrived": (
        "派警 #{dispatch_id} 已登记到达",
        "Dispatch #{dispatch_id} has already arrived",
    ),
    "dispatch.already_cleared": (
        "派警 #{dispatch_id} 已结束",
        "Dispatch #{dispatch_id} has already been cleared",
    ),
    "dispatch.time_without_offset": (
        "时间须带时区偏移, 例如 2026-03-14T21:05:00+08:00",
        "A time must carry a UTC offset, e.g. 2026-03-14T21:05:00+08:00",
    ),
    "dispatch.time_invalid": ("不是有效的 ISO 8601 时间: {value}", "Not a valid ISO 8601 time: {value}"),
    "dispatch.arrival_before_dispatch": (
        "到达时间不能早于派警时间 {dispatched_at}",
        "The arrival cannot be before the dispatch at {dispatched_at}",
    ),
    "dispatch.arrival_in_future": (
        "到达时间不能晚于现在 ({now})",
        "The arrival cannot be in the future (now is {now})",
    ),
    "dispatch.outcome_required": ("请填写处置结果", "Say what the outcome was"),
    "dispatch.not_a_fraud_alert": (
        "预警 #{alert_id} 不是反诈预警 ({kind}), 不能登记劝阻",
        "Alert #{alert_id} is not an anti-fraud warning ({kind}): no intervention",
    ),
    "dispatch.intervention_closed": (
        "预警 #{alert_id} 的反诈劝阻已结束",
        "The intervention on alert #{alert_id} is already closed",
    ),
    "dispatch.call_result_unknown": ("联系结果须为: {allowed}", "The call result must be one of: {allowed}"),
    "dispatch.intervention_outcome_unknown": (
        "劝阻结果须为: {allowed}",
        "The outcome must be one of: {allowed}",
    ),
    "dispatch.saved_only_when_stopped": (
        "只有劝阻成功 (stopped) 才能登记挽回金额, 当前结果为 {outcome}",
        "Money saved is recorded only with the outcome stopped, not {outcome}",
    ),
    "dispatch.saved_not_a_number": (
        "挽回金额须为数字 (元): {value}",
        "Money saved must be a number of yuan: {value}",
    ),
    "dispatch.saved_negative": (
        "挽回金额须为不小于0的金额 (元): {value}",
        "Money saved must be an amount of yuan of at least 0: {value}",
    ),
    "dispatch.saved_precision": (
        "挽回金额最多两位小数: {value}",
        "Money saved has at most 2 decimals: {value}",
    ),
    "dispatch.response_target_invalid": (
        "出警时限须为 {low}–{high} 秒",
        "The response target must be {low}–{high} seconds",
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
