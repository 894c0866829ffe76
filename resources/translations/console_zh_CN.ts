<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="312"/>
        <source>接警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="313"/>
        <source>确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="314"/>
        <source>派出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="315"/>
        <source>到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="316"/>
        <source>结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="326"/>
        <source>响应</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="326"/>
        <source>已过</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="67"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="68"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="69"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="70"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="71"/>
        <source>连续失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="99"/>
        <source>已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="101"/>
        <source>已锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="103"/>
        <source>未设密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="104"/>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPane</name>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="126"/>
        <source>只看已锁定的账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="129"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="146"/>
        <source>没有已锁定的账户。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="150"/>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="155"/>
        <source>新密码 (至少 10 个字符)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="156"/>
        <source>设置密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="158"/>
        <source>停用账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="163"/>
        <source>所选账户:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="172"/>
        <source>新增账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="174"/>
        <source>小写字母、数字, 如 wang.li</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="182"/>
        <source>初始密码 (至少 10 个字符)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="183"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="186"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="187"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="188"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="189"/>
        <source>初始密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="247"/>
        <source>已新增账户 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="261"/>
        <source>已为 {0} 设置新密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="272"/>
        <source>已停用账户 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="283"/>
        <source>已解锁账户 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="290"/>
        <source>请先在列表中选择一个账户</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddOfficerDialog</name>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="69"/>
        <source>新增警员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="73"/>
        <source>如 值班一组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="75"/>
        <source>网格编号或名称 (选填)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="76"/>
        <source>警号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="77"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="78"/>
        <source>班组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="79"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertDetailPanel</name>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="119"/>
        <source>通知物业的方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="121"/>
        <source>通知物业: 说了什么 (选填), Enter 记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="123"/>
        <source>已通知物业 (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="124"/>
        <source>记录: 谁、何时、以何种方式通知了物业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="149"/>
        <source>反诈干预卡 (I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="150"/>
        <source>劝阻记录、止付与处置结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="153"/>
        <source>显示完整号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="154"/>
        <source>查看完整身份证号与手机号 (将记入审计日志)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="158"/>
        <source>复制物业电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="162"/>
        <source>打开案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="163"/>
        <source>打开布控条目所属案件的卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="167"/>
        <source>把这条预警关联到一起案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="216"/>
        <source>当前角色不能关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="166"/>
        <source>关联案件… (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="224"/>
        <source>打开案件 {0} (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="229"/>
        <source>正在加载…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="242"/>
        <source>选择一条预警查看详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="272"/>
        <source>已通知物业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="360"/>
        <source>已复制 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="405"/>
        <source>首次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="405"/>
        <source>最近</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="406"/>
        <source>共 {0} 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="414"/>
        <source>处置结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="419"/>
        <source>无关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="420"/>
        <source>布控条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="420"/>
        <source>关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="428"/>
        <source>小区与物业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="440"/>
        <source>感知事件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="447"/>
        <source>轨迹: {0} 最近出现</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertNotifier</name>
    <message>
        <location filename="../../console/widgets/notify.py" line="35"/>
        <source>声音组件 (QtMultimedia) 无法加载</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/notify.py" line="38"/>
        <source>本机没有可用的音频输出设备</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/notify.py" line="91"/>
        <source>{0} 条预警仍超时未确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/notify.py" line="119"/>
        <source>预警超时未确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/notify.py" line="119"/>
        <source>新预警</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="113"/>
        <source>到场: 派警 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="119"/>
        <source>派出时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="120"/>
        <source>到场时间 (电台报告)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="56"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="57"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="58"/>
        <source>用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="59"/>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="60"/>
        <source>对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="61"/>
        <source>对象编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="62"/>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="63"/>
        <source>终端</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="64"/>
        <source>详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="73"/>
        <source>成功</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="74"/>
        <source>拒绝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="75"/>
        <source>失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="76"/>
        <source>已锁定</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPane</name>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="134"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="136"/>
        <source>操作, 如 sign_in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="138"/>
        <source>对象, 如 household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="140"/>
        <source>对象编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="142"/>
        <source>从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="144"/>
        <source>到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="151"/>
        <source>查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="174"/>
        <source>← 较新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="176"/>
        <source>较早 →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="179"/>
        <source>导出 CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="181"/>
        <source>校验审计链</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="182"/>
        <source>逐行重算哈希链, 找出第一条被改动或删除的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="235"/>
        <source>正在读取…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="247"/>
        <source>没有符合条件的审计记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="254"/>
        <source>第 {0} 页 · {1} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="262"/>
        <source>导出审计日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="262"/>
        <source>CSV 文件 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="275"/>
        <source>正在导出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="279"/>
        <source>已导出 {0} 条到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="283"/>
        <source>正在校验审计链…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="288"/>
        <source>审计链完整: 已校验 {0} 条记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/audit_pane.py" line="290"/>
        <source>审计链在第 {0} 号记录处断开: 此记录或其前一条记录被改动或删除。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="205"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="206"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="210"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="211"/>
        <source>全部类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="215"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="216"/>
        <source>全部小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="218"/>
        <source>主办民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="219"/>
        <source>全部民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="221"/>
        <source>报案时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="225"/>
        <source>案件编号或案情关键字 (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPane</name>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="342"/>
        <source>没有案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="364"/>
        <source>当前角色不能查看案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="421"/>
        <source>还没有案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="422"/>
        <source>案件可在命令行 case open 登记, 或用 import cases 导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="424"/>
        <source>没有符合条件的案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="425"/>
        <source>放宽筛选条件试试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="435"/>
        <source> (向下滚动加载更多)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="436"/>
        <source>显示 {0} 起案件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPage</name>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="68"/>
        <source>本期没有可统计的数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClearDialog</name>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="131"/>
        <source>结束任务: 派警 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="133"/>
        <source>如 车主已找到, 无异常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="134"/>
        <source>处置结果</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClockSkewLabel</name>
    <message>
        <location filename="../../console/widgets/clock_skew.py" line="79"/>
        <source>⚠ 本机时钟与数据库服务器相差 {0} 秒，时间以服务器为准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/clock_skew.py" line="81"/>
        <source>本机时钟比数据库服务器快 {0} 秒。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/clock_skew.py" line="83"/>
        <source>本机时钟比数据库服务器慢 {0} 秒。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/clock_skew.py" line="87"/>
        <source>预警、派警和审计记录的时间都取自服务器的时钟, 本机显示的时间也已按服务器校正; 请让系统管理员校准本机时钟。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingSoonPane</name>
    <message>
        <location filename="../../console/widgets/common.py" line="121"/>
        <source>即将推出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <location filename="../../console/widgets/connection_bar.py" line="170"/>
        <source>⚠ 与数据库的连接已断开 — 显示的是 {0} 时的数据。正在自动重连; 恢复前不能确认、派警或修改。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="85"/>
        <source>派警: 预警 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="93"/>
        <source>↑↓ 选择警员 · 空格 勾选/取消 · Tab 备注与同小区预警 · Enter 派出 · Esc 取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="99"/>
        <source>警员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="99"/>
        <source>班组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="99"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="99"/>
        <source>距离</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="99"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="112"/>
        <source>给出警民警的说明 (选填), 如 北门道闸, 车辆未离开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="113"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="114"/>
        <source>强派原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="116"/>
        <source>所选警员休息或正在出警: 说明为何仍要派出 (记入审计)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="121"/>
        <source>同小区其他预警: 勾选后由本次派警一并处置 (空格 勾选)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="127"/>
        <source>同小区暂无其他未处置预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="132"/>
        <source>输入预警编号, Enter 加入本次派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="135"/>
        <source>加入预警 #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="147"/>
        <source>派出 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="192"/>
        <source>本网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="273"/>
        <source>预警编号须为数字: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dispatch_dialog.py" line="277"/>
        <source>预警 #{0} 就是本次派警的预警</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DistrictLayers</name>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="44"/>
        <source>未指定警员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="46"/>
        <source>已到场 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="48"/>
        <source>在途, {0} 派出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="51"/>
        <source>派警 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="53"/>
        <source>预警 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="58"/>
        <source>点击打开预警详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="70"/>
        <source>警 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="101"/>
        <source>串案「{0}」 共 {1} 起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_layers.py" line="108"/>
        <source>未能定位: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DistrictMapPane</name>
    <message>
        <location filename="../../console/widgets/district_map.py" line="279"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="282"/>
        <source>重新读取小区核实情况和未处置预警 (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="286"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="286"/>
        <source>显示未处置预警 (按严重程度着色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="288"/>
        <location filename="../../console/widgets/district_map.py" line="590"/>
        <source>警力去向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="288"/>
        <source>显示已派出警员前往的小区 (在途 / 已到场)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="290"/>
        <location filename="../../console/widgets/district_map.py" line="597"/>
        <source>串案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="290"/>
        <source>显示已确认串案的案件及其先后顺序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="295"/>
        <source>在地图上显示哪一个串案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="300"/>
        <location filename="../../console/widgets/district_map.py" line="471"/>
        <source>全部串案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="330"/>
        <source>正在加载辖区地图…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="460"/>
        <source>读取辖区数据失败 (内部错误, 已记录日志)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="461"/>
        <source>加载失败: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="463"/>
        <source>辖区地图加载失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="473"/>
        <source>{0} ({1} 起)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="499"/>
        <source>辖区地图页面加载失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="509"/>
        <source>没有可显示的小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="510"/>
        <source>还没有小区标注位置 (坐标或轮廓), 辖区地图暂时无法显示。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="530"/>
        <source>共 {0} 条未处置预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="551"/>
        <source>{0} 个小区 · {1} 户 · 未按期核实 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="555"/>
        <source> · 未处置预警 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="556"/>
        <source> · 更新于 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="569"/>
        <source>小区 · 未按期核实户占比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="571"/>
        <source>低于20%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="572"/>
        <source>20%–50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="573"/>
        <source>高于50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="574"/>
        <source>无住户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="578"/>
        <source>未处置预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="592"/>
        <source>在途 {0} 人 · 已到场 {1} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="599"/>
        <source>已确认 {0} 个, 按报案先后连线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="613"/>
        <source>住户 {0} 户 · 未按期核实 {1} 户 ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="616"/>
        <source>已核实 {0} · 逾期一个月 {1} · 逾期三个月 {2} · 从未核实 {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="620"/>
        <source>物业: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="620"/>
        <source>未登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="621"/>
        <source>点击在网格地图中打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="641"/>
        <source> (共 {0} 次)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="659"/>
        <source>紧急</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="660"/>
        <source>高</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="661"/>
        <source>中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="662"/>
        <source>低</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="667"/>
        <source>待签收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="667"/>
        <source>已签收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="667"/>
        <source>已派警</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierDialogs</name>
    <message>
        <location filename="../../console/widgets/dossier_dialogs.py" line="133"/>
        <source>是 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_dialogs.py" line="134"/>
        <source>否 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierPdf</name>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="50"/>
        <source>案件卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="57"/>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="58"/>
        <source>案件类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="59"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="140"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="226"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="60"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="142"/>
        <source>报案时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="61"/>
        <source>发案时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="63"/>
        <source>破案时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="66"/>
        <source>发案地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="68"/>
        <source>主办民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="71"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="141"/>
        <source>简要案情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="100"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="228"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="251"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="101"/>
        <source>环节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="102"/>
        <source>保管人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="103"/>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="104"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="253"/>
        <source>经办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="105"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="118"/>
        <source>无保管记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="128"/>
        <source>串案 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="130"/>
        <source>已并入 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="133"/>
        <source>并入本案: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="138"/>
        <source>关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="139"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="212"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="154"/>
        <source>无关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="161"/>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="166"/>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="169"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="170"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="171"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="172"/>
        <source>手机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="182"/>
        <source>涉案车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="185"/>
        <source>车牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="186"/>
        <source>车型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="187"/>
        <source>品牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="188"/>
        <source>颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="189"/>
        <source>车主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="190"/>
        <source>车主身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="206"/>
        <source>涉案财物及保管记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="208"/>
        <source>销赃地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="211"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="213"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="220"/>
        <source>关联预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="223"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="224"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="225"/>
        <source>等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="227"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="229"/>
        <location filename="../../console/widgets/dossier_pdf.py" line="254"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="246"/>
        <source>串案与关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="248"/>
        <source>时间线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_pdf.py" line="252"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierWindow</name>
    <message>
        <location filename="../../console/widgets/dossier.py" line="128"/>
        <source>案件卷宗 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="133"/>
        <source>正在加载…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="137"/>
        <location filename="../../console/widgets/dossier.py" line="789"/>
        <source>显示完整号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="138"/>
        <source>查看完整身份证号与手机号 (将记入审计日志)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="142"/>
        <source>导出 PDF (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="143"/>
        <source>将卷宗导出为 A4 PDF; 号码按当前显示 (未显示完整号码时已遮蔽)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="154"/>
        <source>恢复我的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="163"/>
        <location filename="../../console/widgets/dossier.py" line="625"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="163"/>
        <location filename="../../console/widgets/dossier.py" line="627"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="163"/>
        <location filename="../../console/widgets/dossier.py" line="628"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="163"/>
        <location filename="../../console/widgets/dossier.py" line="629"/>
        <source>手机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="163"/>
        <source>户籍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="166"/>
        <source>添加当事人… (Ins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="168"/>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="172"/>
        <location filename="../../console/widgets/dossier.py" line="667"/>
        <source>车牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="173"/>
        <source>车型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="174"/>
        <location filename="../../console/widgets/dossier.py" line="668"/>
        <source>品牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="175"/>
        <location filename="../../console/widgets/dossier.py" line="669"/>
        <source>颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="176"/>
        <location filename="../../console/widgets/dossier.py" line="670"/>
        <source>车主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="177"/>
        <source>车主身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="180"/>
        <source>添加车辆… (Ins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="182"/>
        <source>车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="185"/>
        <location filename="../../console/widgets/dossier.py" line="285"/>
        <location filename="../../console/widgets/dossier.py" line="307"/>
        <location filename="../../console/widgets/dossier.py" line="313"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="185"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="185"/>
        <location filename="../../console/widgets/dossier.py" line="289"/>
        <source>经办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="185"/>
        <location filename="../../console/widgets/dossier.py" line="308"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="186"/>
        <source>时间线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="187"/>
        <location filename="../../console/widgets/dossier.py" line="699"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="187"/>
        <location filename="../../console/widgets/dossier.py" line="701"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="187"/>
        <source>登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="188"/>
        <source>登记销赃地点… (Ins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="191"/>
        <source>销赃地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="207"/>
        <source>串案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="239"/>
        <source>简要案情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="241"/>
        <source>案情经过: 时间、地点、经过、损失…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="242"/>
        <source>案情经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="246"/>
        <location filename="../../console/widgets/dossier.py" line="276"/>
        <location filename="../../console/widgets/dossier.py" line="305"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="248"/>
        <source>(未指定)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="249"/>
        <source>主办民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="252"/>
        <source>关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="254"/>
        <source>保存 (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="263"/>
        <source>当前角色只能查看案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="264"/>
        <source>案情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="271"/>
        <source>物品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="624"/>
        <source>添加当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="628"/>
        <source>18 位, 可不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="629"/>
        <source>可不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="638"/>
        <source>已添加当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="647"/>
        <source>嫌疑人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="649"/>
        <source>将嫌疑人 {0} 列入重点人员布控, 并关联本案 {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="666"/>
        <source>添加涉案车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="667"/>
        <source>如 闽D12345</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="678"/>
        <source>已添加车辆 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="682"/>
        <source>将车辆 {0} 列入布控车辆, 并关联本案 {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="698"/>
        <source>登记销赃地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="699"/>
        <source>如 灌口废品回收站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="709"/>
        <source>已登记销赃地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="718"/>
        <source>已列入布控, 关联本案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="725"/>
        <source>布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="739"/>
        <source>本案已{0}。撤销本案关联的 {1} 条布控?
{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="744"/>
        <source>已撤销 {0} 条布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="751"/>
        <source>撤销布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="766"/>
        <source>导出案件卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="766"/>
        <source>案件卷宗-{0}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="777"/>
        <source>已导出 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="780"/>
        <source>正在导出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="789"/>
        <source>查看此案件完整号码的事由 (记入审计日志):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="797"/>
        <source>查看完整号码须填写事由 (记入审计日志)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="187"/>
        <location filename="../../console/widgets/dossier.py" line="272"/>
        <location filename="../../console/widgets/dossier.py" line="700"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="273"/>
        <source>数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="274"/>
        <source>识别号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="275"/>
        <source>价值(元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="277"/>
        <source>失主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="278"/>
        <source>追回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="286"/>
        <source>环节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="287"/>
        <source>保管人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="288"/>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="290"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="295"/>
        <source>涉案财物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="302"/>
        <location filename="../../console/widgets/dossier.py" line="313"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="303"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="304"/>
        <source>等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="306"/>
        <location filename="../../console/widgets/dossier.py" line="313"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="313"/>
        <source>设备</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="313"/>
        <source>车牌/身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="317"/>
        <source>预警与轨迹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="354"/>
        <source>另一台值班台刚修改了此案件; 保存时将核对冲突。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="358"/>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="365"/>
        <source>报案 {0} · 发案 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="366"/>
        <source>地点 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="366"/>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="370"/>
        <source>破案 {0} · 用时 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="402"/>
        <source>已登记 (户 #{0}, 双击查看)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="404"/>
        <source>未登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="553"/>
        <source>已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="553"/>
        <source>没有需要保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="574"/>
        <source>正在保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="588"/>
        <source>已恢复您的修改; 核对后按 Ctrl+S 保存。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedFilterBar</name>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="49"/>
        <source>只看此等级 (可多选)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="56"/>
        <source>全部类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="60"/>
        <source>全部小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="62"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="63"/>
        <source>未处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="70"/>
        <source>搜索 车牌 / 身份证号 / 摘要</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedPane</name>
    <message>
        <location filename="../../console/widgets/feed.py" line="192"/>
        <location filename="../../console/widgets/feed.py" line="348"/>
        <source>暂无预警 — 值班平稳</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="192"/>
        <source>新预警会立即出现在这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="346"/>
        <source>没有符合筛选条件的预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="457"/>
        <source>⚠ 待确认: 紧急 {0} 条 · 高 {1} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="459"/>
        <source> (其中超时 {0} 条)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="483"/>
        <source>实时连接中断, 正在重连… 恢复后自动补齐错过的预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="564"/>
        <source>当前角色不能记录通知物业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="591"/>
        <source>显示完整号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="591"/>
        <source>查看此预警完整号码的事由 (记入审计日志):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="640"/>
        <source>↑ ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="640"/>
        <source>在预警列表中移动</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigurePeriodBar</name>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="16"/>
        <source>月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="17"/>
        <source>季度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="18"/>
        <source>半年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="19"/>
        <source>年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="20"/>
        <source>自定义</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="58"/>
        <source>统计周期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="63"/>
        <source>上一期 (PageUp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="64"/>
        <source>上一期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="67"/>
        <source>下一期 (PageDown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="68"/>
        <source>下一期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="71"/>
        <source>起始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figure_period.py" line="72"/>
        <source>截止日期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresCharts</name>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="25"/>
        <source>警情同比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="26"/>
        <source>案件类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="27"/>
        <source>破案时效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="28"/>
        <source>出警时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="29"/>
        <source>财物追回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="30"/>
        <source>反诈劝阻</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="31"/>
        <source>核实覆盖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="43"/>
        <source>被盗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="44"/>
        <source>已追回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="45"/>
        <source>已返还</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="46"/>
        <source>待认领</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="47"/>
        <source>48小时内通知失主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="50"/>
        <source>30天内已核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="51"/>
        <source>31–90天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="52"/>
        <source>超过90天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="53"/>
        <source>从未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="103"/>
        <source>本期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="109"/>
        <source>去年同期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="115"/>
        <source>本期 {0} 起, 去年同期 {1} 起, 同比 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="131"/>
        <source>案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="137"/>
        <source>共 {0} 起, 已破 {1} 起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="144"/>
        <source>24小时内破案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="145"/>
        <source>24–72小时破案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="146"/>
        <source>72小时后破案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="147"/>
        <source>未破</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="162"/>
        <source>已破 {0} 起: 24小时内 {1} 起, 24–72小时 {2} 起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="192"/>
        <source>目标内到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="198"/>
        <source>超过目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="202"/>
        <source>到场用时 (分钟)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="204"/>
        <source>{0} 分钟目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="205"/>
        <source>派警 {0} 次, 到场 {1} 次, 目标内 {2} 次 ({3}), 中位数 {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="214"/>
        <source>{0} 分 {1} 秒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="238"/>
        <source>件数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="239"/>
        <source>追回率 {0}, 返还率 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="254"/>
        <source>劝阻</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="260"/>
        <source>成功止付</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="266"/>
        <source>劝阻 {0} 次, 成功止付 {1} 次, 挽回 ¥{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="281"/>
        <source>未划网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_charts.py" line="290"/>
        <source>{0} 户, 30天内已核实 {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresPane</name>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="130"/>
        <location filename="../../console/widgets/figures_pane.py" line="424"/>
        <source>导出图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="131"/>
        <source>把当前图表存为 PNG 图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="132"/>
        <location filename="../../console/widgets/figures_pane.py" line="432"/>
        <source>导出数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="133"/>
        <source>把当前图表的数据存为 CSV (Excel 可直接打开)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="136"/>
        <location filename="../../console/widgets/figures_pane.py" line="452"/>
        <source>月度简报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="137"/>
        <source>所选周期最后一个月的月度工作简报 (A4 PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="165"/>
        <location filename="../../console/widgets/figures_pane.py" line="359"/>
        <source>点击柱形查看对应的案件或派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="168"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="168"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="168"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="169"/>
        <source>柱形对应的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="192"/>
        <source>当前角色不能查看统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="207"/>
        <source>当前角色不能导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="276"/>
        <source>刑事警情 {0} 起 (同比 {1}) · 24小时内破案 {2} 起, 24–72小时 {3} 起 · 出警目标内到场 {4}/{5} · 财物追回 {6}/{7}, 返还 {8} · 反诈止付 {9} 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="380"/>
        <source>{0}: {1} — 共 {2} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="382"/>
        <source> (显示最近 {0} 条)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="424"/>
        <source>PNG 图片 (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="427"/>
        <source>无法写入 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="432"/>
        <source>CSV 表格 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="439"/>
        <location filename="../../console/widgets/figures_pane.py" line="467"/>
        <source>无法写入 {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/figures_pane.py" line="452"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="142"/>
        <source>值班台 — 首次启动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="146"/>
        <source>这是一个新数据库。请创建系统管理员账户: 系统管理员负责创建其他账户 (duty-console user add), 但不能查看居民个人信息, 也不能查看审计日志。密码至少 10 个字符, 不能是常见密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="165"/>
        <source>用户名(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="166"/>
        <source>姓名(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="167"/>
        <source>密码(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="168"/>
        <source>再次输入(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="170"/>
        <source>创建并登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="173"/>
        <source>退出值班台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="184"/>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridMapPane</name>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="161"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="166"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="167"/>
        <source>民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="168"/>
        <source>房屋用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="169"/>
        <source>颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="180"/>
        <location filename="../../console/widgets/grid_map_pane.py" line="250"/>
        <source>正在载入实有房屋…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="185"/>
        <source>尚无户籍数据 — 请先导入实有人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="186"/>
        <source>在“文件 → 导入实有人口”中选择网格系统导出的 CSV 或 XLSX 文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="220"/>
        <source>网格地图: 按 Ctrl+2 后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="225"/>
        <source>放大 / 缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="226"/>
        <source>平移地图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="227"/>
        <source>显示整个层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="228"/>
        <source>PgDn / PgUp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="228"/>
        <source>选中下一个 / 上一个小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="229"/>
        <source>打开选中的小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="230"/>
        <source>退格 / Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="230"/>
        <source>返回上一级 (小区 → 网格 → 全区)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="277"/>
        <source>载入失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="287"/>
        <source>全部用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="290"/>
        <source>出租+群租</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="291"/>
        <source>全部颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="292"/>
        <source>需核实 (橙+红+从未)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="294"/>
        <source>绿 已核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="294"/>
        <source>橙 超1个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="294"/>
        <source>红 超3个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="294"/>
        <source>红 从未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="367"/>
        <source>单击住户查看详情 · 退格键返回上一级 · 滚轮缩放 · 拖动平移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="369"/>
        <source>双击小区进入 · 单击住户查看详情 · 滚轮缩放 · 拖动平移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="300"/>
        <source>全部网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="301"/>
        <source>全部民警</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridMapView</name>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="191"/>
        <source>全区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="194"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="196"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="462"/>
        <source>%1 · 逾期 %2 户 · 回车进入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="516"/>
        <source>%1号楼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="532"/>
        <source>逾期 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="585"/>
        <source>%1单元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="781"/>
        <source>从未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="783"/>
        <source>距上次核实 %1 天</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="80"/>
        <source>户详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="82"/>
        <source>正在载入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="91"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="91"/>
        <source>关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="91"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="91"/>
        <source>手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="91"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="96"/>
        <source>核实时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="97"/>
        <source>核实人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="98"/>
        <source>确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="99"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="100"/>
        <source>迁出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="101"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="104"/>
        <source>记录核实…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="108"/>
        <source>显示完整号码…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="109"/>
        <source>填写事由后显示本户的完整身份证号与手机号 (记入审计日志)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="124"/>
        <source>实有人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="126"/>
        <source>核实记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="145"/>
        <source>显示完整号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="145"/>
        <source>查看本户完整号码的事由 (记入审计日志):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="161"/>
        <source>载入失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="169"/>
        <source>已核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="170"/>
        <source>超1个月未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="171"/>
        <source>超3个月未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="172"/>
        <location filename="../../console/widgets/household_dialog.py" line="175"/>
        <source>从未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="177"/>
        <source>最近核实 %1（%2 天前）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="181"/>
        <source>房屋用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="181"/>
        <source>物业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="190"/>
        <source>在住</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="192"/>
        <source>已迁出 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterventionCardDialog</name>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="53"/>
        <source>已接通</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="54"/>
        <source>无人接听</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="55"/>
        <source>拒接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="58"/>
        <source>劝阻成功</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="59"/>
        <source>已转账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="60"/>
        <source>非诈骗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="61"/>
        <source>联系不上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="64"/>
        <source>高风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="65"/>
        <source>中风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="66"/>
        <source>低风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="69"/>
        <source>在途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="70"/>
        <source>已到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="71"/>
        <source>已结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="75"/>
        <source>杀猪盘(婚恋交友投资)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="76"/>
        <source>冒充客服退款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="77"/>
        <source>刷单返利</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="78"/>
        <source>冒充公检法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="79"/>
        <source>网络贷款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="80"/>
        <source>游戏装备交易</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="133"/>
        <source>反诈劝阻 · 预警 #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="145"/>
        <source>正在载入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="153"/>
        <source>自预警发出以来的时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="154"/>
        <location filename="../../console/widgets/intervention_card.py" line="448"/>
        <source>预警已过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="166"/>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="166"/>
        <source>住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="167"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="167"/>
        <source>手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="168"/>
        <source>诈骗类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="168"/>
        <source>银行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="169"/>
        <source>涉案金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="169"/>
        <source>预警时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="185"/>
        <location filename="../../console/widgets/intervention_card.py" line="303"/>
        <source>显示完整号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="186"/>
        <source>查看完整身份证号与手机号 (将记入审计日志)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="194"/>
        <source>联系记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="198"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="198"/>
        <location filename="../../console/widgets/intervention_card.py" line="261"/>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="198"/>
        <source>记录人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="198"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="213"/>
        <source>登记一次联系 (按 %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="218"/>
        <source>备注 (选填), 随联系记录保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="223"/>
        <source>出警与止付</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="228"/>
        <source>派警…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="229"/>
        <source>派警去银行或住户家中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="234"/>
        <source>S  申请紧急止付</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="235"/>
        <source>已联系银行申请紧急止付 (按 S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="237"/>
        <source>派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="240"/>
        <source>止付</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="246"/>
        <source>劝阻结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="249"/>
        <source>请选择结果…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="253"/>
        <source>仅劝阻成功时填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="255"/>
        <source>结束劝阻并处置预警 (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="263"/>
        <source>挽回金额 (元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="303"/>
        <source>查看此预警完整号码的事由 (记入审计日志):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="311"/>
        <source>查看完整号码须填写事由 (记入审计日志)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="325"/>
        <source>反诈预警 #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="349"/>
        <source>未在实有人口中找到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="356"/>
        <source>已迁出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="401"/>
        <source>尚未派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="403"/>
        <source>未申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="407"/>
        <source>已申请紧急止付 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="413"/>
        <source>挽回 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="448"/>
        <source>用时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="498"/>
        <source>结果: 请选择劝阻结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/intervention_card.py" line="523"/>
        <source>无法打开反诈劝阻卡</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="84"/>
        <source>已核实 (1个月内)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="85"/>
        <source>超1个月未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="86"/>
        <source>超3个月未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="87"/>
        <source>从未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="109"/>
        <source>共 %1 户</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkCaseDialog</name>
    <message>
        <location filename="../../console/widgets/dossier.py" line="914"/>
        <source>关联案件: 预警 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="917"/>
        <source>案件编号, 如 GK202600017</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="918"/>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="930"/>
        <source>当前角色不能关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier.py" line="940"/>
        <source>请输入案件编号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/widgets/main_window.py" line="136"/>
        <source>值班台 · 社区派出所值班室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="168"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="169"/>
        <source>网格地图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="170"/>
        <source>辖区地图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="171"/>
        <source>案件卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="172"/>
        <source>派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="173"/>
        <source>待领财物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="174"/>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="175"/>
        <source>布控名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="176"/>
        <source>核实任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="177"/>
        <source>用户账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="178"/>
        <source>审计日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="306"/>
        <source>设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="307"/>
        <location filename="../../console/widgets/main_window.py" line="758"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="310"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="314"/>
        <source>导入实有人口登记表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="320"/>
        <source>锁定屏幕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="323"/>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="324"/>
        <source>主题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="326"/>
        <source>夜间 (深色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="326"/>
        <source>日间 (浅色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="331"/>
        <source>界面语言 (重启后生效)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="341"/>
        <source>全屏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="344"/>
        <source>显示/隐藏窗格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="350"/>
        <source>恢复默认布局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="352"/>
        <source>预警(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="357"/>
        <source>搜索…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="363"/>
        <source>登记群众求助…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="369"/>
        <source>地图(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="370"/>
        <source>案件(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="372"/>
        <source>工具(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="377"/>
        <source>站点参数…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="385"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="386"/>
        <location filename="../../console/widgets/main_window.py" line="619"/>
        <source>快捷键</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="387"/>
        <location filename="../../console/widgets/main_window.py" line="648"/>
        <source>关于值班台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="409"/>
        <source>数据库: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="415"/>
        <source>值班民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="416"/>
        <source>社区民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="417"/>
        <source>网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="418"/>
        <source>办案民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="419"/>
        <source>所领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="420"/>
        <source>系统管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="421"/>
        <source>安全管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="422"/>
        <source>审计管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="423"/>
        <source>外部系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="426"/>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="463"/>
        <source>🔇 无提示音</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="465"/>
        <source>预警提示音无法播放: {0}。紧急预警仍以红色横幅和高亮行显示。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="468"/>
        <source>注意: 预警提示音无法播放 ({0})。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="472"/>
        <source>{0} 北京时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="520"/>
        <source>● 连接检查中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="522"/>
        <source>● 已连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="524"/>
        <source>● 连接中断</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="552"/>
        <source>界面语言已保存, 重新启动程序后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="568"/>
        <source>设置已保存; 数据库和界面语言的更改在重新启动后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="571"/>
        <source>设置已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="591"/>
        <source>{0}: 选中一行后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="628"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="649"/>
        <source>值班台 {0}
社区派出所值班室桌面程序: 预警、网格、派警、案件。
数据库: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="714"/>
        <source>值班台已锁定 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="750"/>
        <source>退出值班台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="751"/>
        <source>还有 {0} 条紧急/高等级预警未确认。退出后本机不再提醒这些预警。确定退出?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="759"/>
        <source>继续值班</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficersBoardPane</name>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="105"/>
        <source>新增警员 (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="106"/>
        <source>设置状态 (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="107"/>
        <source>派警 (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="108"/>
        <source>到场 (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="109"/>
        <source>结束任务 (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="110"/>
        <source>求助 (Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="116"/>
        <source>登记群众求助 (失物、寻宠…) 并派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="207"/>
        <source>派警超时未到场: #{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="209"/>
        <source>{0} · {1} · 已过 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="218"/>
        <source>共 {0} 人 · 可派 {1} · 出警中 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board.py" line="220"/>
        <source> · ⚠ {0} 起超时未到场</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="64"/>
        <source>导入一标三实登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="69"/>
        <source>选择 CSV 或 XLSX 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="70"/>
        <source>选择文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="84"/>
        <source>行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="84"/>
        <source>列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="84"/>
        <source>规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="97"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="99"/>
        <source>取消导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="101"/>
        <source>保存拒绝行为 CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="103"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="140"/>
        <source>正在读取文件 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="180"/>
        <source>(忽略)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="184"/>
        <source>未识别的列, 导入时忽略</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="191"/>
        <source>共约 {0} 行, 识别 {1} 列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="193"/>
        <source>编码: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="205"/>
        <source>文件不是 UTF-8 编码, 请选择文件的编码:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="223"/>
        <source>选择登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="223"/>
        <source>登记表 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="238"/>
        <source>正在导入 … 取消时, 已导入的行会保留 (再次导入同一文件即可继续)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="259"/>
        <source>正在取消 … 已导入的行会保留</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="285"/>
        <source>读取 {0} 行, 拒绝 {1} 行; 户 新建 {2} / 更新 {3}; 实有人口 新建 {4} / 更新 {5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="295"/>
        <source>已取消: 已导入的 {0} 行保留, 重新导入同一文件即可继续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="303"/>
        <source>导入失败: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="315"/>
        <source>保存拒绝行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="315"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseReceipt</name>
    <message>
        <location filename="../../console/widgets/receipt.py" line="23"/>
        <source>涉案财物发还清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="31"/>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="32"/>
        <source>无 (拾获物品)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="34"/>
        <source>物品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="35"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="36"/>
        <source>数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="37"/>
        <source>识别号 (IMEI/序列号/车架号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="38"/>
        <source>估值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="39"/>
        <source>追回时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="40"/>
        <source>追回地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="41"/>
        <source>领取人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="42"/>
        <source>领取人身份证号 (已核验)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="43"/>
        <source>发还时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="44"/>
        <source>经办民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="49"/>
        <source>上述物品已当面点交, 领取人核对无误。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="50"/>
        <source>领取人签名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/receipt.py" line="51"/>
        <source>经办民警签名：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="465"/>
        <source>处置预警 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="469"/>
        <source>请选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="472"/>
        <source>处置结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="473"/>
        <source>识别正确</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="474"/>
        <source>识别错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="481"/>
        <source>车牌识别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="489"/>
        <source>挽回金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="494"/>
        <source>处置经过 (选填)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="495"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="517"/>
        <source>处置结论: 必填 (outcome is required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="523"/>
        <source>车牌识别: 请标明识别是否正确 (say whether the plate was read correctly)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../console/widgets/search.py" line="99"/>
        <source>搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="105"/>
        <source>姓名、身份证号(或后4–6位)、手机号、车牌、地址(如 3号楼 1203)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="109"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="109"/>
        <source>身份证号 / 手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="63"/>
        <location filename="../../console/widgets/search.py" line="109"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="109"/>
        <source>匹配</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="167"/>
        <source>正在搜索 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="182"/>
        <source>未找到 “{0}”。可搜索: 姓名、身份证号或其后4–6位、手机号或其后4位、车牌、地址、案件编号、财物串号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="221"/>
        <source>找到 {0} 条; 按回车在网格地图上显示该户, 或打开案件卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="250"/>
        <source>输入姓名、身份证号(或后4–6位)、手机号(或后4位)、车牌、地址(如 3号楼 1203)、案件编号或财物串号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="187"/>
        <source>实有人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="43"/>
        <source>身份证号后%1位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="45"/>
        <source>手机号后%1位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="49"/>
        <source>车主身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="50"/>
        <source>身份证号前几位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="51"/>
        <source>身份证号包含</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="52"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="53"/>
        <source>车主手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="54"/>
        <source>手机号前几位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="55"/>
        <source>手机号包含</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="56"/>
        <source>手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="57"/>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="58"/>
        <source>车主姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="59"/>
        <source>姓名包含</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="60"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="61"/>
        <source>名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="62"/>
        <source>户室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="64"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="65"/>
        <source>号牌包含</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="66"/>
        <source>号牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="67"/>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="68"/>
        <source>嫌疑人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="69"/>
        <source>涉案财物IMEI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="70"/>
        <source>涉案财物序列号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="71"/>
        <source>涉案财物车架号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="188"/>
        <source>户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="189"/>
        <source>车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="190"/>
        <source>案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="205"/>
        <source>%1室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="208"/>
        <source>已迁出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="215"/>
        <source>按回车打开案件卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="217"/>
        <source>没有登记住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="226"/>
        <source>搜索失败: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesPanel</name>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="44"/>
        <source>同一嫌疑人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="45"/>
        <source>同一车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="46"/>
        <source>同一物品识别号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="47"/>
        <source>同类案件同一地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="50"/>
        <source>电缆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="51"/>
        <source>手机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="52"/>
        <source>电动车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="53"/>
        <source>自行车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="54"/>
        <source>入室盗窃</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="55"/>
        <source>机动车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="56"/>
        <source>诈骗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="57"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="102"/>
        <source>可能与本案为同一系列的案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="106"/>
        <source>确认串案 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="107"/>
        <source>排除 (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="110"/>
        <source>在地图上显示 (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="111"/>
        <source>在辖区地图上按报案先后连线显示本串案的案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="120"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="120"/>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="120"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="120"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="186"/>
        <source>暂无串案提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="189"/>
        <source>本案尚未并入串案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/series_panel.py" line="193"/>
        <source>已确认串案「%1」：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceRequestDialog</name>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="65"/>
        <source>登记群众求助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="68"/>
        <source>登记后进入预警列表, 可立即派警 · Ctrl+Enter 登记 · Esc 取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="76"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="80"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="84"/>
        <source>求助内容: 丢了什么、在哪里、什么样, 如 3 号楼快递柜旁丢失一串钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="86"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="88"/>
        <source>求助人手机号 (选填)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="89"/>
        <source>回电</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="101"/>
        <source>登记并派警 (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="102"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="52"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="61"/>
        <source>sqlite:///路径/station.db 或 postgresql+psycopg://用户@主机/库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="63"/>
        <source>测试连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="70"/>
        <source>密码不会写入设置文件: 保存时存入系统密钥环 (没有密钥环时存入 ~/.pgpass, 仅本人可读)。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="77"/>
        <source>按 libpq 默认 (prefer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="79"/>
        <source>disable — 不加密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="80"/>
        <source>allow — 服务器要求时才加密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="81"/>
        <source>prefer — 能加密就加密, 不校验证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="82"/>
        <source>require — 必须加密, 不校验证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="83"/>
        <source>verify-ca — 加密并校验证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="84"/>
        <source>verify-full — 加密并校验证书和主机名 (跨网络时使用)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="89"/>
        <source>只对 PostgreSQL 有效; 地址中的 ?sslmode= 优先</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="96"/>
        <source>夜间 (深色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="97"/>
        <source>日间 (浅色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="107"/>
        <source>例如 http://tiles.station.local/{z}/{x}/{y}.png (留空则不显示底图)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="110"/>
        <source>新的紧急/高级预警播放提示音</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="114"/>
        <source>数据库地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="116"/>
        <source>数据库加密 (sslmode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="118"/>
        <source>主题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="119"/>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="120"/>
        <source>地图瓦片服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="121"/>
        <source>声音</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="123"/>
        <source>数据库地址和界面语言的更改在重新启动程序后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="128"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="129"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="157"/>
        <source>无法保存设置文件: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="175"/>
        <source>正在测试连接…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="187"/>
        <source>连接失败: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="59"/>
        <source>值班台 — 解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="59"/>
        <source>值班台 — 登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="66"/>
        <source>我已阅读并同意上述规定(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="87"/>
        <source>用户名(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="88"/>
        <source>密码(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="90"/>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="90"/>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="93"/>
        <source>退出值班台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="108"/>
        <source>请先阅读并勾选同意系统使用规定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="113"/>
        <source>请输入用户名和密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="116"/>
        <source>正在验证…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="42"/>
        <source>站点参数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="47"/>
        <location filename="../../console/widgets/station_dialog.py" line="48"/>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="49"/>
        <source> 秒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="55"/>
        <source>超过多少天未核实变橙色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="56"/>
        <source>超过多少天未核实变红色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="57"/>
        <source>紧急/高危预警未确认多久后升级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="58"/>
        <source>正在读取…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="65"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="66"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="70"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="93"/>
        <source>{0}: 修改后所有值班台的地图和预警升级按新参数执行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="95"/>
        <source>只有所领导或系统管理员可以修改站点参数。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="91"/>
        <source>设置状态: {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="98"/>
        <source>如 换班、病假、外出培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="99"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_dialogs.py" line="100"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnclaimedBoard</name>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="127"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="128"/>
        <source>已通知失主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="129"/>
        <source>发还并打印回执…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="154"/>
        <source>没有待领财物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="156"/>
        <source>追回的涉案财物在发还失主之前列在这里, 最早追回的在前; 追回超过48小时仍未通知失主的标红。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="183"/>
        <source>待领物品 %1 件, 其中 %2 件追回超过48小时仍未通知失主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="249"/>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="249"/>
        <source>短信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="249"/>
        <source>上门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="251"/>
        <source>通知失主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="251"/>
        <source>通知方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="260"/>
        <source>发还</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="260"/>
        <source>领取人身份证号 (核验后发还)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="265"/>
        <source>保存发还清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="266"/>
        <source>发还清单-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnclaimedModel</name>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="54"/>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="55"/>
        <source>物品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="56"/>
        <source>识别号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="57"/>
        <source>失主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="58"/>
        <source>追回时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="59"/>
        <source>追回地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="60"/>
        <source>已等待(天)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="61"/>
        <source>通知失主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="86"/>
        <source>拾获</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="92"/>
        <source>不详</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="100"/>
        <source>已通知 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="103"/>
        <source>超48小时未通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/unclaimed_board.py" line="103"/>
        <source>未通知</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="269"/>
        <source>记录核实 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="277"/>
        <source>（本人）%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="281"/>
        <location filename="../../console/widgets/household_dialog.py" line="297"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="281"/>
        <source>关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="281"/>
        <location filename="../../console/widgets/household_dialog.py" line="297"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="281"/>
        <source>核实结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="291"/>
        <source>确认在住</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="292"/>
        <source>已迁出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="293"/>
        <source>未见到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="297"/>
        <source>手机号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="297"/>
        <source>与户主关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="300"/>
        <source>新增一人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="303"/>
        <source>备注（如：房东联系方式、租客情况）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="315"/>
        <source>核实时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="316"/>
        <source>核实人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="319"/>
        <source>在住人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="322"/>
        <source>新发现的实有人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="340"/>
        <source>在住人员已被其他值班台更改：请关闭本窗口后重新记录核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="407"/>
        <source>无法保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="417"/>
        <source>保存失败，已记录错误 (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistEntryDialog</name>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="148"/>
        <source>新增布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="148"/>
        <source>编辑布控 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="152"/>
        <source>布控车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="153"/>
        <source>重点人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="157"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="159"/>
        <source>车牌/身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="161"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="163"/>
        <source>布控事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="167"/>
        <source>等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="169"/>
        <source>如 GK2026-031 (选填)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="170"/>
        <source>关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="171"/>
        <source>到期时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="177"/>
        <source>北京时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="223"/>
        <source>如 闽D12345</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="223"/>
        <source>18位身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="257"/>
        <source>布控事由: 必填 (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="266"/>
        <source>车牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="266"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistModel</name>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="80"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="81"/>
        <source>车牌/身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="82"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="83"/>
        <source>布控事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="84"/>
        <source>等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="85"/>
        <source>关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="86"/>
        <source>到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="87"/>
        <source>添加人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="126"/>
        <source>车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="126"/>
        <source>人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="132"/>
        <source>长期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistPane</name>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="297"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="298"/>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="299"/>
        <location filename="../../console/widgets/watchlist_pane.py" line="405"/>
        <source>解除布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="300"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="406"/>
        <source>解除对 {0} 的布控? 之后的出现不再预警。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../console/widgets/worklist.py" line="86"/>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="87"/>
        <source>颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="88"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="89"/>
        <source>房屋用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="90"/>
        <source>在住人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="91"/>
        <source>最近核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="92"/>
        <source>逾期天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="93"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="94"/>
        <source>责任民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="115"/>
        <source>出租房屋：人员变动多，优先核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="127"/>
        <source>红 从未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="128"/>
        <source>红 超3个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="128"/>
        <source>橙 超1个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="137"/>
        <source>从未核实</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistPane</name>
    <message>
        <location filename="../../console/widgets/worklist.py" line="171"/>
        <source>全部民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="172"/>
        <source>全部网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="173"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="174"/>
        <source>记录核实…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="175"/>
        <source>在地图上显示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="176"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="177"/>
        <source>保存 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="178"/>
        <source>保存 CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="195"/>
        <source>民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="196"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="233"/>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="233"/>
        <source>未分配</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="266"/>
        <source>正在载入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="277"/>
        <source>待核实 %1 户：红 %2 户（超3个月 %5，从未核实 %6），橙（超1个月）%3 户；其中出租/群租 %4 户（● 标记）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="289"/>
        <source>载入失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="308"/>
        <source>记录核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="308"/>
        <source>请先在列表中选择一户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="340"/>
        <source>核实任务单 — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="346"/>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="347"/>
        <source>颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="348"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="349"/>
        <source>房屋用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="350"/>
        <source>在住</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="351"/>
        <source>最近核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="352"/>
        <source>逾期(天)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="353"/>
        <source>已核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="356"/>
        <source>红</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="356"/>
        <source>橙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="362"/>
        <source>从未核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="371"/>
        <source>核实人签名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="371"/>
        <source>打印时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="416"/>
        <source>打印核实任务单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="422"/>
        <source>保存 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="422"/>
        <source>核实任务单.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="422"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="429"/>
        <source>保存 CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="429"/>
        <source>核实任务单.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="429"/>
        <source>CSV 文件 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/app.py" line="160"/>
        <source>内部错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="161"/>
        <source>程序出现内部错误, 已记录日志: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="217"/>
        <location filename="../../console/app.py" line="375"/>
        <source>值班台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="229"/>
        <source>社区派出所值班室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="257"/>
        <source>无法打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="258"/>
        <source>无法打开数据库, 值班台无法启动。

{0}

请检查: 数据库服务器是否在运行、网络是否连通、地址是否正确。地址可用 --db 参数、环境变量 DUTY_CONSOLE_DB 或设置文件 {1} 指定。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="407"/>
        <source>正在打开数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="431"/>
        <source>正在加载…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>board</name>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="29"/>
        <source>警号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="30"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="31"/>
        <source>班组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="32"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="33"/>
        <source>当前任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="34"/>
        <source>状态时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="35"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="38"/>
        <source>可派</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="39"/>
        <source>已派出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="40"/>
        <source>途中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="41"/>
        <source>到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="42"/>
        <source>休息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/officers_board_model.py" line="189"/>
        <source> · 超时未到场</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cases</name>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="55"/>
        <source>未破</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="56"/>
        <source>已破</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="57"/>
        <source>已结案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="60"/>
        <source>电缆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="61"/>
        <source>手机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="62"/>
        <source>电动车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="63"/>
        <source>自行车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="64"/>
        <source>入室盗窃</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="65"/>
        <source>机动车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="66"/>
        <source>诈骗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="67"/>
        <location filename="../../console/widgets/dossier_titles.py" line="55"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="70"/>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="71"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="72"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="73"/>
        <source>报案时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="74"/>
        <location filename="../../console/widgets/dossier_titles.py" line="60"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="75"/>
        <location filename="../../console/widgets/dossier_titles.py" line="61"/>
        <source>主办民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="76"/>
        <source>破案用时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="77"/>
        <location filename="../../console/widgets/dossier_titles.py" line="58"/>
        <source>简要案情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="81"/>
        <source>全部时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="82"/>
        <source>近24小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="83"/>
        <source>近7天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="84"/>
        <source>近30天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="85"/>
        <source>近90天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="86"/>
        <source>近一年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/cases_pane.py" line="109"/>
        <source>{0} 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="12"/>
        <source>被害人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="13"/>
        <source>报案人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="14"/>
        <source>嫌疑人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="17"/>
        <source>被盗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="18"/>
        <source>已追回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="19"/>
        <source>已发还</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="22"/>
        <source>报失</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="23"/>
        <source>拾得</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="24"/>
        <source>追回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="25"/>
        <source>入库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="40"/>
        <source>增加当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="41"/>
        <source>增加涉案车辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="42"/>
        <source>列入布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="43"/>
        <source>撤销布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="44"/>
        <source>登记销赃地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="47"/>
        <source>并案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="50"/>
        <source>废品回收站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="51"/>
        <source>二手手机店</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="52"/>
        <source>典当行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="53"/>
        <source>二手市场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="54"/>
        <source>网络平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="26"/>
        <location filename="../../console/widgets/dossier_titles.py" line="37"/>
        <source>通知失主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="27"/>
        <source>发还</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="30"/>
        <source>立案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="31"/>
        <source>破案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="32"/>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="33"/>
        <source>关联预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="34"/>
        <source>关联案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="35"/>
        <source>登记涉案财物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="36"/>
        <source>追回财物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="38"/>
        <source>发还财物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="39"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="45"/>
        <source>确认串案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="46"/>
        <source>排除串案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="59"/>
        <source>案情经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="78"/>
        <source>破案用时 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/dossier_titles.py" line="82"/>
        <source>预警 #{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>contact</name>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="43"/>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="44"/>
        <source>当面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="45"/>
        <source>对讲机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="46"/>
        <source>短信/消息</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>feed</name>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="34"/>
        <source>等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="35"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="36"/>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="37"/>
        <source>命中内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="38"/>
        <source>次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="39"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="40"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="43"/>
        <source>紧急</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="44"/>
        <source>高</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="45"/>
        <source>中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="46"/>
        <source>低</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="49"/>
        <source>车辆布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="50"/>
        <source>人员布控</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="51"/>
        <source>反诈预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="52"/>
        <source>群众报警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="55"/>
        <source>待确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="56"/>
        <source>已确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="57"/>
        <source>已派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="58"/>
        <source>已处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="61"/>
        <source>属实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="62"/>
        <source>误报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="63"/>
        <source>识别错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="64"/>
        <source>已由他人处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="104"/>
        <source>{0}秒前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="106"/>
        <source>{0}分钟前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="108"/>
        <source>{0}小时前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="110"/>
        <source>1天前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="111"/>
        <source>{0}天前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="118"/>
        <source>超时 {0} 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="119"/>
        <source>超时 {0}时{1:02d}分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="66"/>
        <source>超时未确认</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>feed_actions</name>
    <message>
        <location filename="../../console/widgets/feed_actions.py" line="46"/>
        <source>查看详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_actions.py" line="47"/>
        <source>确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_actions.py" line="48"/>
        <source>派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_actions.py" line="49"/>
        <source>处置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_actions.py" line="51"/>
        <source>反诈干预卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_actions.py" line="53"/>
        <source>已通知物业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_actions.py" line="54"/>
        <source>打开案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_actions.py" line="55"/>
        <source>关联案件…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>housing_use</name>
    <message>
        <location filename="../../console/widgets/common.py" line="67"/>
        <source>自住</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/common.py" line="68"/>
        <source>出租</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/common.py" line="69"/>
        <source>群租</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/common.py" line="70"/>
        <source>空置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/common.py" line="71"/>
        <source>商用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/common.py" line="72"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>panes</name>
    <message>
        <location filename="../../console/widgets/workspace.py" line="344"/>
        <source>已关联到案件 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/common.py" line="314"/>
        <source>正在打开…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>request</name>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="37"/>
        <source>失物求助 (钥匙、证件、手机…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="38"/>
        <source>寻宠求助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/service_request_dialog.py" line="39"/>
        <source>其他求助</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="51"/>
        <source>值班民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="52"/>
        <source>社区民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="53"/>
        <source>网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="54"/>
        <source>办案民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="55"/>
        <source>所领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="56"/>
        <source>系统管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="57"/>
        <source>安全管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="58"/>
        <source>审计管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/accounts_pane.py" line="59"/>
        <source>外部系统</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.board</name>
    <message>
        <location filename="../../console/widgets/workspace.py" line="383"/>
        <source>请先在预警列表中选择要派警的预警</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <location filename="../../console/widgets/sign_in.py" line="34"/>
        <source>本系统为公安机关内部工作系统, 仅限授权人员因公使用。系统中的居民身份证号、电话等个人信息受法律保护, 未经授权不得查看、复制或外传。所有登录和操作均被记录并可被审计; 使用本系统即表示同意上述规定。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui_language</name>
    <message>
        <location filename="../../console/widgets/common.py" line="45"/>
        <source>zh_CN</source>
        <comment>The code of this translation&apos;s language: en for English.</comment>
        <translation>zh_CN</translation>
    </message>
</context>
</TS>
