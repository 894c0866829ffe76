"""The words for every error code, in Chinese and English; the one place an error becomes text.

Services raise ``UserError(code, **params)``; widgets and the command line call ``text(code,
language, **params)`` (or ``error.text(language)``). A code that is not in the catalogue is shown
as given: during a migration of old call sites that pass finished Chinese sentences, those still
read correctly in Chinese (``tests/test_messages.py`` lists the codes every module raises).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

# code -> (中文, English). Parameters in braces, str.format style.
MESSAGES: dict[str, tuple[str, str]] = {
    "error.generic": ("操作未完成", "The operation did not complete"),
    "db.unavailable": (
        "无法连接数据库 {target}: {reason}。请检查数据库服务器和网络; 恢复后会自动重连",
        "Cannot reach the database {target}: {reason}. Check the database server and the network; "
        "the console reconnects by itself",
    ),
    "db.offline.edit_refused": (
        "与数据库的连接已断开, 此操作未执行, 什么也没有保存; 显示的是 {as_of} 时的数据。连接恢复后 (会自动重连) 请重试",
        "The connection to the database is lost: nothing was done or saved; the console shows data "
        "as of {as_of}. Try again once it is back (it reconnects by itself)",
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
    "validation.unknown_values": (
        "未知取值 {values}, 可选: {choices}",
        "unknown values {values}; allowed: {choices}",
    ),
    "cli.not_yet_available": ("该命令尚未实现: {command}", "This command is not available yet: {command}"),
    # --- validation: plates, ID numbers, mobile numbers, times, choices ---
    "validation.not_text": ("应为文本", "must be text"),
    "validation.empty": ("不能为空", "must not be empty"),
    "validation.one_of": ("应为 {choices} 之一", "must be one of {choices}"),
    "validation.plate.letter_i_or_o": (
        "字母 {letter} 不用于号牌",
        "the letter {letter} is not used in plates (I and O read as 1 and 0)",
    ),
    "validation.plate.length": (
        "应为7位，新能源号牌8位，实为{length}位",
        "must be 7 characters, or 8 for new-energy plates; got {length}",
    ),
    "validation.plate.province": (
        "首字 {char} 不是省份简称",
        "the first character ({char}) must be a province abbreviation",
    ),
    "validation.plate.authority": (
        "第2位应为发牌机关代号字母",
        "second character must be the issuing-authority letter A–Z",
    ),
    "validation.plate.serial": (
        "序号应为5位字母或数字，末位可为{specials}",
        "serial must be 5 letters or digits; the last may be one of {specials}",
    ),
    "validation.plate.nev_serial": (
        "新能源号牌序号应为 D/F+字母或数字+4位数字，或5位数字+D/F",
        "new-energy serial: D or F, a letter or digit, then 4 digits; or 5 digits then D or F",
    ),
    "validation.id.length": ("应为18位，实为{length}位", "must be 18 characters; got {length}"),
    "validation.id.first17_digits": ("前17位应为数字", "the first 17 characters must be digits"),
    "validation.id.last_char": ("末位应为数字或 X", "last character must be a digit or X"),
    "validation.id.birth_date": ("出生日期无效", "invalid birth date"),
    "validation.id.birth_before_1900": ("出生日期无效，早于1900年", "invalid birth date: before 1900"),
    "validation.id.birth_future": ("出生日期无效，晚于今天", "invalid birth date: in the future"),
    "validation.id.check_char": ("校验码应为 {expected}", "check character should be {expected}"),
    "validation.phone.mobile_11": ("应为11位手机号", "must be an 11-digit mainland mobile number"),
    "validation.phone.range": (
        "号段 {prefix} 未分配给手机",
        "not an allocated mobile number range: {prefix}",
    ),
    "validation.time.not_iso": ("不是有效的 ISO 8601 时间", "not a valid ISO 8601 time"),
    "validation.time.not_a_time": ("应为时间", "must be a time"),
    "validation.time.no_offset": ("缺少时区偏移, 例如 +08:00", "must carry a UTC offset, e.g. +08:00"),
    # --- database ---
    "db.unreachable": ("无法连接数据库 {target}: {reason}", "Cannot reach the database {target}: {reason}"),
    "db.url.empty": (
        "数据库地址为空: 请填写 sqlite:///路径 或 postgresql+psycopg://用户@主机/库",
        "The database address is empty: enter sqlite:///path or postgresql+psycopg://user@host/db",
    ),
    "db.url.malformed": (
        "数据库地址格式不正确: {url} ({reason})",
        "The database address is malformed: {url} ({reason})",
    ),
    "db.sslmode.invalid": (
        "sslmode {value} 无效: 应为 {allowed} 之一 (verify-full 校验服务器证书和主机名)",
        "sslmode {value} is not valid: use one of {allowed} (verify-full checks the server's certificate and name)",
    ),
    "db.url.unsupported": (
        "不支持的数据库类型 {backend}: 请使用 sqlite:///路径 或 postgresql+psycopg://用户@主机/库",
        "Unsupported database type {backend}: use sqlite:///path or postgresql+psycopg://user@host/db",
    ),
    "db.url.unusable": (
        "数据库地址无法使用: {url} ({reason})",
        "The database address cannot be used: {url} ({reason})",
    ),
    "db.revision.unreadable": (
        "已连接 {target}, 但无法读取结构版本: {reason}",
        "Connected to {target}, but its schema version cannot be read: {reason}",
    ),
    "db.unusable": ("无法使用数据库 {target}: {reason}", "Cannot use the database {target}: {reason}"),
    # SQLite: what is wrong with the FILE (there is no server or network to check)
    "db.sqlite.not_a_database": (
        "{path} 不是 SQLite 数据库文件 (file is not a database): 请检查 --db 给出的路径, 或换一个新文件名",
        "{path} is not a SQLite database file: check the path given with --db, or name a new file",
    ),
    "db.sqlite.read_only": (
        "数据库文件 {path} 只读, 无法写入: 请检查该文件及其所在文件夹 {folder} 的写权限",
        "The database file {path} is read-only: check that the file and its folder {folder} are writable",
    ),
    "db.sqlite.folder_unusable": (
        "无法在文件夹 {folder} 中创建数据库文件 {path}: {reason}; 请确认该文件夹存在且可写",
        "Cannot create the database file {path} in the folder {folder}: {reason}; make sure the folder "
        "exists and is writable",
    ),
    "db.sqlite.cannot_open": (
        "无法打开数据库文件 {path}: 请检查该文件及其所在文件夹 {folder} 的读写权限",
        "Cannot open the database file {path}: check that the file and its folder {folder} are readable "
        "and writable",
    ),
    "db.sqlite.is_a_folder": (
        "{path} 是文件夹, 不是数据库文件: 请在 --db 中给出文件名, 例如 sqlite:///路径/station.db",
        "{path} is a folder, not a database file: give a file name, e.g. sqlite:///path/station.db",
    ),
    "db.sqlite.locked": (
        "数据库文件 {path} 被另一个程序锁定, 等待 {seconds} 秒后仍未释放 (database is locked): "
        "请等待其完成或关闭它后重试",
        "The database file {path} stayed locked by another program for {seconds} s: wait for it to finish "
        "or close it, then try again",
    ),
    "db.sqlite.disk": (
        "数据库文件 {path} 读写失败 ({reason}): 请检查磁盘空间和磁盘状态",
        "Reading or writing the database file {path} failed ({reason}): check the disk's free space and health",
    ),
    # init-db: what it did
    "db.init.created": (
        "已在 {target} 创建数据库结构 (版本 {head})",
        "Created the schema in {target} (version {head})",
    ),
    "db.init.current": (
        "数据库 {target} 已是当前结构 (版本 {head}), 未作改动",
        "The database {target} is already at the current schema (version {head}); nothing changed",
    ),
    "db.init.upgraded": (
        "已将数据库 {target} 从版本 {before} 升级到 {head}",
        "Upgraded the database {target} from version {before} to {head}",
    ),
    # the settings dialog's connection test, when it succeeds
    "db.probe.empty": (
        "连接成功: {target} (空数据库, 启动时将创建表结构)",
        "Connected: {target} (an empty database: the console creates its tables on start)",
    ),
    "db.probe.current": (
        "连接成功: {target} (结构版本 {revision}, 与本程序一致)",
        "Connected: {target} (schema {revision}, as this console expects)",
    ),
    "db.probe.upgrade": (
        "连接成功: {target} (结构版本 {revision}, 启动时将升级到 {head})",
        "Connected: {target} (schema {revision}; the console upgrades it to {head} on start)",
    ),
    "db.schema_too_new.untouched": (
        "数据库 {target} 由更新版本的值班台创建 (结构版本 {revision}); 请升级本程序后再使用, 数据库未作任何改动",
        "The database {target} was created by a newer console (schema {revision}); upgrade this console "
        "first. The database was not changed",
    ),
    # --- users and permissions ---
    "auth.user_lacks_permission": (
        "用户 {user} 无权执行此操作 (需要权限 {permission})",
        "{user} may not do this (needs permission {permission})",
    ),
    "user.not_found": ("用户 {username} 不存在或已停用", "No active user {username}"),
    "auth.outside_own_grid_cells": (
        "{user} 只能查看本人负责网格内的住户; 如需查看请联系所领导",
        "{user} may see only the households of their own grid cells; ask a supervisor",
    ),
    "user.deactivate_self": (
        "不能停用自己正在使用的账户",
        "You cannot deactivate the account you are signed in with",
    ),
    "unmask.reason_required": (
        "查看完整号码须填写事由 (记入审计日志)",
        "State a reason to see the full numbers (it goes into the audit log)",
    ),
    "user.exists": ("用户名 {username} 已被使用", "The user name {username} is taken"),
    "user.name_rule": (
        "用户名为 1-32 个小写字母、数字或 _ . -, 以字母或数字开头",
        "a user name is 1-32 lower-case letters, digits or _ . -, starting with a letter or digit",
    ),
    "auth.failed": (
        "用户名或密码错误, 或账户已锁定 (15 分钟内连续失败 {attempts} 次即锁定, 请联系安全管理员解锁)",
        "Wrong user name or password, or the account is locked ({attempts} failures within 15 minutes lock it; "
        "ask the security administrator to unlock it)",
    ),
    "auth.first_admin_exists": (
        "系统管理员已存在; 请由系统管理员创建新账户",
        "A system administrator exists already; ask them to create the account",
    ),
    "password.too_short": ("密码至少 {min} 个字符", "a password has at least {min} characters"),
    "password.too_long": ("密码最多 {max} 个字符", "a password has at most {max} characters"),
    "password.common": (
        "密码太常见或太容易猜到; 请用更长的、不含姓名和常见词的密码",
        "this password is common or easy to guess; choose a longer one without names or common words",
    ),
    "password.mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "cli.password.no_terminal": (
        "没有终端可以询问密码; 请用 --password-stdin 从标准输入提供",
        "no terminal to ask the password on; give it on standard input with --password-stdin",
    ),
    "cli.password.empty_stdin": ("标准输入中没有密码", "no password on standard input"),
    # --- households and the registry ---
    "household.not_found": ("户 {household_id} 不存在", "Household {household_id} not found"),
    "registry.date.format": (
        "日期格式应为 YYYY-MM-DD 或 YYYY/MM/DD",
        "date must be YYYY-MM-DD or YYYY/MM/DD",
    ),
    "registry.date.no_such_date": ("日期 {date} 不存在", "no such date: {date}"),
    "registry.date.future": ("日期 {date} 晚于今天", "date {date} is in the future"),
    "registry.import.stopped": (
        "{file}: 导入中断, 已导入的 {rows_kept} 行保留, 重新导入同一文件即可继续: {reason}",
        "{file}: import stopped; the {rows_kept} rows already imported are kept; import the file again "
        "to finish: {reason}",
    ),
    "registry.file.not_utf8": (
        "{file}: 文件不是 UTF-8 编码, 看起来是 {label}, 请用 --encoding {encoding} 重新导入",
        "{file}: the file is not UTF-8; it looks like {label}: import it again with --encoding {encoding}",
    ),
    "registry.file.not_utf8_unknown": (
        "{file}: 文件不是 UTF-8 编码, 也无法识别其编码; 请另存为 UTF-8 CSV",
        "{file}: the file is not UTF-8 and its encoding was not recognised; save it as UTF-8 CSV",
    ),
    "registry.file.duplicate_column": (
        "{file}: 列 {first} 与 {second} 重复, 都表示 {field}",
        "{file}: columns {first} and {second} both mean {field}",
    ),
    "registry.file.missing_column": (
        "{file}: 缺少必需的列 {names}",
        "{file}: missing required column: {names}",
    ),
    "registry.file.unreadable": ("{file}: 无法读取文件: {reason}", "{file}: cannot read the file: {reason}"),
    "registry.file.unknown_encoding": (
        "{file}: 未知的编码 {encoding}",
        "{file}: unknown encoding {encoding}",
    ),
    "registry.file.cannot_decode": (
        "{file}: 按 {encoding} 解码失败, 位置 {position}",
        "{file}: cannot decode as {encoding} at position {position}",
    ),
    "registry.file.bad_xlsx": (
        "{file}: 不是可读的 XLSX 文件: {reason}",
        "{file}: not a readable XLSX file: {reason}",
    ),
    "registry.file.merged_header": (
        "{file}: 表头有合并单元格 {cells}, 请取消合并, 每列一个列名后重新导入",
        "{file}: merged header cells {cells}: unmerge them so every column has its own name",
    ),
    "registry.file.not_found": ("{file}: 文件不存在", "{file}: file not found"),
    "registry.file.old_xls": (
        "{file}: 不支持旧版 .xls, 请另存为 .xlsx 或 CSV",
        "{file}: old .xls files are not supported; save it as .xlsx or CSV",
    ),
    "registry.file.no_header": ("{file}: 第1行应为表头", "{file}: row 1 must be the header row"),
    "registry.file.empty": ("{file}: 文件是空的", "{file}: the file is empty"),
    "registry.visit.no_offset": ("核实时间须带时区", "the visit time must carry a UTC offset"),
    "registry.visit.future": ("核实时间不能晚于现在", "the visit time must not be in the future"),
    "registry.visit.confirmed_and_moved_out": (
        "同一人不能既确认在住又迁出",
        "a resident cannot be both confirmed and moved out",
    ),
    "registry.visit.not_living_here": (
        "人员 {ids} 不在本户在住人员中",
        "residents {ids} do not live at this household",
    ),
    "registry.visit.household_changed": (
        "该户已被其他值班台修改，已载入最新记录；请核对后重新保存",
        "Another console changed the household first; its newer record has been loaded: check it and save again",
    ),
    "registry.added_resident.rule": ("新增第{number}人: {rule}", "added resident {number}: {rule}"),
    # one row of an import file (RowRejection) and the file's warnings
    "registry.row.required": ("必填", "required"),
    "registry.row.too_long": ("不能超过 {limit} 个字", "at most {limit} characters"),
    "registry.row.room": (
        "户室应为数字, 如 1203, 实为 {value}",
        "room must be a number, e.g. 1203; got {value}",
    ),
    "registry.row.floor": ("楼层应为整数, 实为 {value}", "floor must be a whole number; got {value}"),
    "registry.row.housing_use": (
        "应为 {choices} 之一, 实为 {value}",
        "must be one of {choices}; got {value}",
    ),
    "registry.row.id_number_as_number": (
        "身份证号在 Excel 中存成了数字, 末几位已丢失; 请把该列设为文本",
        "stored as a number in Excel, digits were lost; format the column as text",
    ),
    "registry.row.duplicate_id": ("与第 {row} 行的身份证号重复", "same ID number as row {row}"),
    "registry.row.community_has_code": (
        "小区 {community} 已有编码 {code}",
        "community {community} already has code {code}",
    ),
    "registry.row.cell_too_long": (
        "单元格超过 {limit} 个字的上限",
        "the cell is longer than the limit of {limit} characters",
    ),
    "registry.row.line_too_long": (
        "本行超过 {limit} 个字符的上限, 已跳过",
        "the line is longer than the limit of {limit} characters; skipped",
    ),
    "registry.row.unclosed_quote": (
        "引号未闭合: 从这里开始的带引号单元格在 {limit} 个字符内或文件结束前没有结束引号",
        "unclosed quote: the quoted cell that starts here has no closing quote within {limit} characters "
        "or before the end of the file",
    ),
    "registry.row.unreadable": ("本行无法读取: {reason}", "the row cannot be read: {reason}"),
    "registry.row.floor_range": (
        "楼层应在 {low} 到 {high} 之间, 实为 {value}",
        "floor must be between {low} and {high}; got {value}",
    ),
    "registry.row.room_floor_range": (
        "户室 {value} 对应的楼层超过 {high} 层; 请检查户室号, 或填写楼层列",
        "room {value} would be above floor {high}; check the room number or fill in the floor column",
    ),
    "registry.file.header_unreadable": (
        "{file}: 表头行无法读取: {rule}",
        "{file}: the header row cannot be read: {rule}",
    ),
    "registry.file.xlsx_too_large": (
        "{file}: XLSX 文件超过 {limit} 的上限; 请拆分或另存为 CSV",
        "{file}: the XLSX file is larger than the limit of {limit}; split it or save it as CSV",
    ),
    "registry.file.shared_strings_too_large": (
        "{file}: XLSX 除工作表外的部分 (共享字符串、样式) 解压后为 {size}, 超过 {limit} 的上限; 请另存为 CSV",
        "{file}: the XLSX parts other than its sheets (shared strings, styles) unpack to {size}, over the "
        "limit of {limit}; save it as CSV",
    ),
    "registry.file.too_many_merged": (
        "{file}: 合并单元格超过 {limit} 处; 请取消合并后重新导入",
        "{file}: more than {limit} merged ranges; unmerge them and import again",
    ),
    "registry.file.unknown_column": ("未识别的列 {column} 已忽略", "unknown column {column} ignored"),
    # --- station parameters ---
    "station.none": (
        "数据库中还没有派出所 — 请先导入实有人口或生成演示数据",
        "The database has no station yet: import the registry or generate the demo data first",
    ),
    "station.orange_days.range": ("应为 1–{max_days} 天", "must be 1–{max_days} days"),
    "station.red_days.range": (
        "应大于橙色阈值 {orange_days} 天且不超过 {max_days} 天",
        "must be more than the orange threshold ({orange_days} days) and at most {max_days} days",
    ),
    "station.escalate_seconds.range": ("应为 {low}–{high} 秒", "must be {low}–{high} seconds"),
    "station.parameters.changed": (
        "站点参数已在另一台值班台上修改, 请重新打开后再改",
        "The station parameters were changed on another console; open them again before changing them",
    ),
    # --- watchlist ---
    "watchlist.not_found": ("布控条目 {entry_id} 不存在", "Watchlist entry {entry_id} not found"),
    "watchlist.changed": (
        "布控条目 {entry_id} 已被他人修改 (版本 {version}), 请刷新后重试",
        "Watchlist entry {entry_id} was changed by someone else (version {version}); reload and try again",
    ),
    "watchlist.plate_or_id": ("车牌号与身份证号须且只须填一项", "give either a plate or an ID number"),
    "watchlist.field.not_editable": ("该项不能修改", "this field cannot be changed"),
    "watchlist.expiry.past": ("到期时间应晚于现在", "the expiry must be in the future"),
    "watchlist.reason.required": ("布控原因必填", "a reason is required"),
    "watchlist.name.too_long": ("姓名最多{max_len}个字符", "at most {max_len} characters"),
    "watchlist.case.not_found": ("案件编号 {case_no} 不存在", "no such case: {case_no}"),
    # --- event intake ---
    "intake.json.not_utf8": ("不是有效的 UTF-8 编码, 第 {byte} 字节", "not valid UTF-8 at byte {byte}"),
    "intake.json.too_deep": ("JSON 嵌套过深", "JSON nested too deeply"),
    "intake.json.depth": (
        "嵌套超过 {limit} 层的上限",
        "nested deeper than the limit of {limit} levels",
    ),
    "intake.line.too_long": (
        "该行超过 {limit} 的上限, 未读取",
        "the line is longer than the limit of {limit}; not read",
    ),
    "intake.json.invalid": ("不是有效的 JSON: {reason}", "not valid JSON: {reason}"),
    "intake.text.nul": ("不能包含 NUL 字符", "must not contain NUL characters"),
    "intake.text.surrogates": ("包含无效的 Unicode 字符", "contains invalid Unicode surrogates"),
    "intake.field.required": ("必填", "required"),
    "intake.field.required_choice": ("必填: {choices}", "required: {choices}"),
    "intake.field.not_string": ("应为字符串", "must be a string"),
    "intake.field.length": (
        "长度应为 {min_len}–{max_len} 个字符, 实为 {length}",
        "length must be {min_len}–{max_len} characters; got {length}",
    ),
    "intake.field.not_number": ("应为数字", "must be a number"),
    "intake.field.not_finite": ("应为有限数字", "must be a finite number"),
    "intake.field.range": ("应在 {low}–{high} 之间", "must be {low}–{high}"),
    "intake.field.at_least": ("应不小于 {low}", "must be at least {low}"),
    "intake.at.not_string": ("应为 ISO 8601 字符串", "must be an ISO 8601 string"),
    "intake.at.not_iso": (
        "不是有效的 ISO 8601 时间, 例如 2026-03-14T21:07:55+08:00",
        "not a valid ISO 8601 time, e.g. 2026-03-14T21:07:55+08:00",
    ),
    "intake.at.no_offset": ("缺少时区偏移, 例如 +08:00", "must carry a UTC offset, e.g. +08:00"),
    "intake.at.out_of_range": ("时间超出范围", "time out of range"),
    "intake.at.future": ("时间超前接收时钟 5 分钟以上", "more than 5 minutes in the future"),
    "intake.event.not_object": ("事件应为 JSON 对象", "an event must be a JSON object"),
    "intake.event.unprocessable": ("无法处理的事件: {reason}", "unprocessable event: {reason}"),
    "intake.event.not_serialisable": ("事件无法序列化为 JSON", "the event cannot be serialised as JSON"),
    "intake.event.id_or_phone": ("id_number 与 phone 至少填一项", "give id_number or phone"),
    "intake.http.database_away": (
        "数据库暂时不可用, 本次请求未处理: 请在 {seconds} 秒后重发同样的事件 (重复发送不会重复存储)",
        "database unavailable, nothing in this request was processed: send the same events again in "
        "{seconds} s (resending never stores an event twice)",
    ),
    "intake.http.busy": (
        "接收队列已满, 本次请求未处理: 请在 {seconds} 秒后重发",
        "too many requests waiting, this one was not processed: send it again in {seconds} s",
    ),
    "intake.http.internal_error": (
        "内部错误, 本次请求未处理 (详见服务日志)",
        "internal error, this request was not processed (see the server's log)",
    ),
    # --- export ---
    # --- command line ---
    "cli.since.not_iso": (
        "--since: 不是有效的 ISO 8601 时间 {value}",
        "--since: not a valid ISO 8601 time: {value}",
    ),
    "cli.since.no_offset": (
        "--since: 缺少时区偏移, 例如 2026-03-14T00:00+08:00",
        "--since: must carry a UTC offset, e.g. 2026-03-14T00:00+08:00",
    ),
    "cli.unmask.needs_user": ("--unmask 需要 --user NAME", "--unmask requires --user NAME"),
    "cli.unmask.role_may_not_unmask": (
        "用户 {user} 的角色无权查看明文身份证号/手机号",
        "The role of user {user} may not see unmasked ID and phone numbers",
    ),
    "cli.unmask.role_may_not_export": (
        "用户 {user} 的角色无权导出",
        "The role of user {user} may not export",
    ),
    "cli.file.cannot_read": ("无法读取文件 {path}: {reason}", "Cannot read the file {path}: {reason}"),
    "cli.file.cannot_write": ("无法写入 {path}: {reason}", "Cannot write the file {path}: {reason}"),
    "cli.ingest.database_error": (
        "数据库 {target} 出错, 已停止: {reason}。第 {line} 行起未处理, 请从第 {line} 行继续",
        "Database error on {target}; stopped: {reason}. Lines from {line} on were not processed: "
        "resume from line {line}",
    ),
    "cli.ingest.gave_up": (
        "数据库 {target} 不可用 ({reason}), 已等待 {seconds} 秒仍未恢复, 已停止。第 {line} 行起未处理, "
        "请从第 {line} 行继续",
        "Database {target} unavailable ({reason}); still away after waiting {seconds} s, stopped. "
        "Lines from {line} on were not processed: resume from line {line}",
    ),
    "cli.ingest.waiting": (
        "数据库不可用 ({reason}), 第 {line} 行起等待重试, 最多 {seconds} 秒",
        "database unavailable ({reason}); retrying from line {line} for up to {seconds} s",
    ),
    "cli.token.unreadable": (
        "无法读取令牌文件 {path}: {reason}",
        "Cannot read the token file {path}: {reason}",
    ),
    "cli.token.empty": ("令牌文件 {path} 为空, 拒绝启动", "The token file {path} is empty; not starting"),
    "cli.serve.needs_tls": (
        "不加密不能在 {host} 上监听 (只允许 127.0.0.1): 请同时给出 --cert 证书文件 和 --key 私钥文件",
        "Refusing to listen on {host} without TLS (only 127.0.0.1 may go plain): give --cert FILE and --key FILE",
    ),
    "cli.serve.tls_unusable": (
        "无法使用证书 {cert} / 私钥 {key}: {reason}",
        "Cannot use certificate {cert} / key {key}: {reason}",
    ),
    "text.too_long": (
        "太长: 最多 {limit} 个字, 实为 {length} 个",
        "too long: at most {limit} characters, got {length}",
    ),
    "text.nul": (
        "含有空字符 (NUL, \\x00), 无法保存",
        "contains a NUL character (\\x00), which cannot be stored",
    ),
    "cli.backup.postgresql": (
        "{target} 是 PostgreSQL 数据库: 请用 pg_dump 备份 (见 README), 如 pg_dump -Fc -f station.dump 数据库名",
        "{target} is a PostgreSQL database: back it up with pg_dump (see the README), "
        "e.g. pg_dump -Fc -f station.dump DBNAME",
    ),
    "cli.backup.no_database": ("没有数据库文件 {path}", "There is no database file at {path}"),
    "cli.backup.same_file": (
        "备份文件 {path} 就是数据库本身; 请另选一个文件",
        "The backup file {path} is the database itself; choose another file",
    ),
    "cli.backup.copy_damaged": (
        "备份副本未通过完整性检查 ({verdict}), 未写入 {path}",
        "The copy failed its integrity check ({verdict}); {path} was not written",
    ),
    "cli.backup.failed": (
        "无法把 {source} 备份到 {target}: {reason}",
        "Cannot back up {source} to {target}: {reason}",
    ),
    "cli.serve.cannot_listen": (
        "无法监听 {host}:{port}: {reason}",
        "Cannot listen on {host}:{port}: {reason}",
    ),
    # --- cases ---
    # --- figures ---
    "figures.period.reversed": (
        "统计期间的结束日 {end} 早于开始日 {start}",
        "The period ends ({end}) before it starts ({start})",
    ),
    "figures.date.invalid": (
        "日期 {value} 无效, 应为 YYYY-MM-DD",
        "Invalid date {value}: expected YYYY-MM-DD",
    ),
    "figures.month.invalid": ("月份 {value} 无效, 应为 YYYY-MM", "Invalid month {value}: expected YYYY-MM"),
    "figures.chart.unknown": ("没有图表 {value}; 可选: {allowed}", "No chart {value}; one of: {allowed}"),
    "figures.series.unknown": (
        "图表 {chart} 没有序列或柱 {value}",
        "Chart {chart} has no series or bar {value}",
    ),
    "figures.report.needs_qt": (
        "生成月报需要 PySide6 (Qt); 本机未安装",
        "The monthly report needs PySide6 (Qt), which is not installed here",
    ),
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
    "case.status.change": (
        "案件 {case_no} 不能从 {old} 改为 {new} (只能 open → solved → closed)",
        "Case {case_no} cannot go from {old} to {new} (only open → solved → closed)",
    ),
    "case.officer.unknown": ("警号 {badge} 不存在", "There is no officer with badge {badge}"),
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
    # --- series, merged dossiers, watchlists and fences from cases ---
    "series.pair.self": ("案件不能与自身串并", "A case cannot form a series with itself"),
    "series.case.merged": (
        "案件 {case_no} 已并入 {into}, 请在 {into} 中处理",
        "Case {case_no} was merged into {into}; work on {into}",
    ),
    "series.not_found": ("串案 #{series_id} 不存在", "There is no series #{series_id}"),
    "series.merge.self": ("案件不能并入自身", "A case cannot be merged into itself"),
    "station.series_window.range": ("应为 {low}–{high} 天", "must be {low}–{high} days"),
    "case.watch.kind": ("布控类别应为 {allowed}", "The kind to watch is one of {allowed}"),
    "case.watch.not_in_case": (
        "{key} 不是案件 {case_no} 的嫌疑人或涉案车辆",
        "{key} is not a suspect or vehicle of case {case_no}",
    ),
    "case.fence.kind": ("销赃地点类别应为 {allowed}", "The kind of place is one of {allowed}"),
    "case.party.role": ("当事人角色应为 {allowed}", "The party's role is one of {allowed}"),
    "case.party.who": ("请填写姓名或身份证号", "Give a name or an ID number"),
    "case.vehicle.other_case": (
        "车辆 {plate} 已登记在案件 {case_no} 中",
        "Vehicle {plate} is already recorded in case {case_no}",
    ),
    "property.receipt.not_returned": (
        "涉案财物 #{item_id} 尚未发还 ({status}), 不能打印发还清单",
        "Property item #{item_id} has not been returned ({status}); there is no receipt yet",
    ),
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
    "request.category_unknown": (
        "求助类别须为: {allowed}",
        "The request's category must be one of: {allowed}",
    ),
    "request.community_required": (
        "请选择小区: 出警须知道地点",
        "Choose the community: officers need to know where to go",
    ),
    "request.text_length": (
        "请写明求助内容 (1–{limit} 个字符)",
        "Say what the resident asks for (1–{limit} characters)",
    ),
    "request.rejected": ("求助未能登记: {reason}", "The request was not taken: {reason}"),
    "dispatch.contact_how_unknown": (
        "通知方式须为: {allowed}",
        "The way the property manager was told must be one of: {allowed}",
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


@runtime_checkable
class Worded(Protocol):
    """Anything that words itself in a language (a UserError passed as a parameter of another)."""

    def text(self, language: str = "zh_CN") -> str: ...


@dataclass(frozen=True)
class Phrase:
    """A parameter worded differently in each language (a list of choices glossed in English)."""

    chinese: str
    english: str

    def text(self, language: str = "zh_CN") -> str:
        return self.english if language == "en" else self.chinese


@dataclass(frozen=True)
class Message:
    """A catalogue code and its parameters, worded where it is shown: a notice that is not an error
    (an import file's warning, a connection test's verdict). ``str()`` gives both languages."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str = "zh_CN") -> str:
        return text(self.code, language, **self.params)

    def bilingual(self) -> str:
        return bilingual(self.code, **self.params)

    def __str__(self) -> str:
        return self.bilingual()


def text(code: str, language: str = "zh_CN", **params: Any) -> str:
    """The words for ``code`` in ``language``; an unknown code is returned as given (formatted)."""
    pair = MESSAGES.get(code)
    template = code if pair is None else pair[1 if language == "en" else 0]
    if not params:
        return template
    # An error passed as a parameter (a rule broken inside a larger one) speaks the same language.
    params = {k: v.text(language) if isinstance(v, Worded) else v for k, v in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def bilingual(code: str, **params: Any) -> str:
    """ "中文 (English)" for machine-facing answers (JSON, reports); a code not in the catalogue as given."""
    if code not in MESSAGES:
        return text(code, **params)
    return f"{text(code, 'zh_CN', **params)} ({text(code, 'en', **params)})"
