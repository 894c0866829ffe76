<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AlertDetailPanel</name>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="57"/>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="58"/>
        <source>查看完整身份证号与手机号 (将记入审计日志)</source>
        <translation>Show the full ID and phone numbers (written to the audit log)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="62"/>
        <source>复制物业电话</source>
        <translation>Copy property manager&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="96"/>
        <source>已复制 {0}</source>
        <translation>Copied {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="77"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="83"/>
        <source>选择一条预警查看详情</source>
        <translation>Select an alert to see its details</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="120"/>
        <source>首次</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="120"/>
        <source>最近</source>
        <translation>Latest</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="121"/>
        <source>共 {0} 次</source>
        <translation>Count: {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="129"/>
        <source>处置结论</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="134"/>
        <source>无关联案件</source>
        <translation>No linked case</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="135"/>
        <source>布控条目</source>
        <translation>Watchlist entry</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="135"/>
        <source>关联案件</source>
        <translation>Linked case</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="143"/>
        <source>小区与物业</source>
        <translation>Community and property management</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="154"/>
        <source>感知事件</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="161"/>
        <source>轨迹: {0} 最近出现</source>
        <translation>Track: where {0} was seen last</translation>
    </message>
</context>
<context>
    <name>AlertNotifier</name>
    <message>
        <location filename="../../console/widgets/notify.py" line="86"/>
        <source>预警超时未确认</source>
        <translation>Alert not acknowledged in time</translation>
    </message>
    <message>
        <location filename="../../console/widgets/notify.py" line="86"/>
        <source>新预警</source>
        <translation>New alert</translation>
    </message>
</context>
<context>
    <name>ComingSoonPane</name>
    <message>
        <location filename="../../console/widgets/common.py" line="57"/>
        <source>即将推出</source>
        <translation>Coming soon</translation>
    </message>
</context>
<context>
    <name>DistrictMapPane</name>
    <message>
        <location filename="../../console/widgets/district_map.py" line="252"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="255"/>
        <source>重新读取小区核实情况和未处置预警 (F5)</source>
        <translation>Reload the communities&apos; verification and open alerts (F5)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="273"/>
        <source>正在加载辖区地图…</source>
        <translation>Loading the district map…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="370"/>
        <source>读取辖区数据失败 (内部错误, 已记录日志)</source>
        <translation>Reading the district failed (internal error, logged)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="371"/>
        <source>加载失败: {0}</source>
        <translation>Loading failed: {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="373"/>
        <source>辖区地图加载失败</source>
        <translation>The district map failed to load</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="382"/>
        <source>辖区地图页面加载失败</source>
        <translation>The district map page failed to load</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="392"/>
        <source>没有可显示的小区</source>
        <translation>No communities to show</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="393"/>
        <source>还没有小区标注位置 (坐标或轮廓), 辖区地图暂时无法显示。</source>
        <translation>No community has a position yet (coordinates or outline); the district map cannot be shown.</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="408"/>
        <source>共 {0} 条未处置预警</source>
        <translation>{0} open alerts</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="427"/>
        <source>{0} 个小区 · {1} 户 · 未按期核实 {2}</source>
        <translation>{0} communities · {1} households · {2} overdue</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="431"/>
        <source> · 未处置预警 {0}</source>
        <translation> · {0} open alerts</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="432"/>
        <source> · 更新于 {0}</source>
        <translation> · updated {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="446"/>
        <source>低于20%</source>
        <translation>below 20%</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="447"/>
        <source>20%–50%</source>
        <translation>20%–50%</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="448"/>
        <source>高于50%</source>
        <translation>above 50%</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="449"/>
        <source>无住户</source>
        <translation>no households</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="473"/>
        <source>住户 {0} 户 · 未按期核实 {1} 户 ({2})</source>
        <translation>{0} households · {1} overdue ({2})</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="476"/>
        <source>已核实 {0} · 逾期一个月 {1} · 逾期三个月 {2} · 从未核实 {3}</source>
        <translation>verified {0} · over a month {1} · over three months {2} · never {3}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="480"/>
        <source>物业: {0}</source>
        <translation>Property manager: {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="480"/>
        <source>未登记</source>
        <translation>not registered</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="501"/>
        <source> (共 {0} 次)</source>
        <translation> ({0} times)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="519"/>
        <source>紧急</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="520"/>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="521"/>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="522"/>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="527"/>
        <source>待签收</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="527"/>
        <source>已签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/widgets/district_map.py" line="527"/>
        <source>已派警</source>
        <translation>Dispatched</translation>
    </message>
</context>
<context>
    <name>FeedFilterBar</name>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="36"/>
        <source>只看此等级 (可多选)</source>
        <translation>Only this severity (several allowed)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="41"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="45"/>
        <source>全部小区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="47"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="48"/>
        <source>未处置</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_filters.py" line="55"/>
        <source>搜索 车牌 / 身份证号 / 摘要</source>
        <translation>Search plate / ID number / summary</translation>
    </message>
</context>
<context>
    <name>FeedPane</name>
    <message>
        <location filename="../../console/widgets/feed.py" line="152"/>
        <location filename="../../console/widgets/feed.py" line="240"/>
        <source>暂无预警 — 值班平稳</source>
        <translation>No alerts — a quiet shift</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="152"/>
        <source>新预警会立即出现在这里。</source>
        <translation>New alerts appear here at once.</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="238"/>
        <source>没有符合筛选条件的预警</source>
        <translation>No alerts match the filter</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="323"/>
        <source>⚠ {0} 条紧急/高危预警待确认</source>
        <translation>⚠ {0} critical/high alerts waiting for acknowledgement</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="331"/>
        <source>实时连接中断, 正在重连… 恢复后自动补齐错过的预警</source>
        <translation>Live connection lost, reconnecting… missed alerts are filled in when it is back</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="447"/>
        <source>派警</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed.py" line="448"/>
        <source>确认已为预警 #{0} ({1}) 派警?</source>
        <translation>Confirm that officers were dispatched for alert #{0} ({1})?</translation>
    </message>
</context>
<context>
    <name>GridMapPane</name>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="133"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="136"/>
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="137"/>
        <source>民警</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="138"/>
        <source>房屋用途</source>
        <translation>Housing use</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="139"/>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="153"/>
        <source>正在载入实有房屋…</source>
        <translation>Loading households…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="158"/>
        <source>尚无户籍数据 — 请先导入实有人口</source>
        <translation>No registry data yet — import the residents first</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="159"/>
        <source>在“文件 → 导入实有人口”中选择网格系统导出的 CSV 或 XLSX 文件。</source>
        <translation>Under “File → Import residents”, choose the CSV or XLSX file exported by the grid system.</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="215"/>
        <source>载入失败：%1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="226"/>
        <source>全部用途</source>
        <translation>All uses</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="229"/>
        <source>出租+群租</source>
        <translation>Rented + group rental</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="230"/>
        <source>全部颜色</source>
        <translation>All colours</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="231"/>
        <source>需核实 (橙+红+从未)</source>
        <translation>Due (orange + red + never)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="233"/>
        <source>绿 已核实</source>
        <translation>Green: verified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="233"/>
        <source>橙 超1个月</source>
        <translation>Orange: over a month</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="233"/>
        <source>红 超3个月</source>
        <translation>Red: over three months</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="233"/>
        <source>灰 从未核实</source>
        <translation>Grey: never verified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="239"/>
        <source>全部网格</source>
        <translation>All grid cells</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="240"/>
        <source>全部民警</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="305"/>
        <source>双击小区进入 · 退格键返回上一级 · 滚轮缩放 · 拖动平移</source>
        <translation>Double-click a community to enter · Backspace goes up · wheel zooms · drag pans</translation>
    </message>
</context>
<context>
    <name>GridMapView</name>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="178"/>
        <source>全区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="181"/>
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="183"/>
        <source>小区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="439"/>
        <source>%1号楼</source>
        <translation>Building %1</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="450"/>
        <source>逾期 %1</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="502"/>
        <source>%1单元</source>
        <translation>Unit %1</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="662"/>
        <source>从未核实</source>
        <translation>Never verified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map.py" line="664"/>
        <source>距上次核实 %1 天</source>
        <translation>%1 days since verification</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="72"/>
        <source>户详情</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="74"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="83"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="83"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="83"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="83"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="83"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="88"/>
        <source>核实时间</source>
        <translation>Verified at</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="89"/>
        <source>核实人</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="90"/>
        <source>确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="91"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="92"/>
        <source>迁出</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="93"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="96"/>
        <source>记录核实…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="109"/>
        <source>实有人口</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="111"/>
        <source>核实记录</source>
        <translation>Verification visits</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="121"/>
        <source>载入失败</source>
        <translation>Loading failed</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="129"/>
        <source>从未核实</source>
        <translation>Never verified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="131"/>
        <source>最近核实 %1（%2 天前）</source>
        <translation>Last verified %1 (%2 days ago)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="143"/>
        <source>在住</source>
        <translation>Living here</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="145"/>
        <source>已迁出 %1</source>
        <translation>Moved out %1</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="73"/>
        <source>已核实 (1个月内)</source>
        <translation>Verified (within a month)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="74"/>
        <source>超1个月未核实</source>
        <translation>Not verified for over a month</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="75"/>
        <source>超3个月未核实</source>
        <translation>Not verified for over three months</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="76"/>
        <source>从未核实</source>
        <translation>Never verified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/grid_map_pane.py" line="95"/>
        <source>共 %1 户</source>
        <translation>%1 households</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/widgets/main_window.py" line="108"/>
        <source>值班台 · 社区派出所值班室</source>
        <translation>Duty Console · Community Police Station Duty Room</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="134"/>
        <source>预警</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="135"/>
        <source>网格地图</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="136"/>
        <source>辖区地图</source>
        <translation>District map</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="137"/>
        <source>案件卷宗</source>
        <translation>Case files</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="138"/>
        <source>派警</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="139"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="140"/>
        <source>布控名单</source>
        <translation>Watchlist</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="141"/>
        <source>核实任务</source>
        <translation>Verification worklist</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="231"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="232"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="235"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="238"/>
        <source>导入实有人口登记表…</source>
        <translation>Import the household registry…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="246"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="247"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="249"/>
        <source>夜间 (深色)</source>
        <translation>Night (dark)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="249"/>
        <source>日间 (浅色)</source>
        <translation>Day (light)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="254"/>
        <source>界面语言 (重启后生效)</source>
        <translation>Language (takes effect on restart)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="264"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="267"/>
        <source>显示/隐藏窗格</source>
        <translation>Show/hide panes</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="273"/>
        <source>恢复默认布局</source>
        <translation>Restore default layout</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="275"/>
        <source>预警(&amp;A)</source>
        <translation>&amp;Alerts</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="279"/>
        <source>搜索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="281"/>
        <source>地图(&amp;M)</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="285"/>
        <source>案件(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="289"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="293"/>
        <source>站点参数…</source>
        <translation>Station parameters…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="296"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="297"/>
        <location filename="../../console/widgets/main_window.py" line="414"/>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="298"/>
        <location filename="../../console/widgets/main_window.py" line="434"/>
        <source>关于值班台</source>
        <translation>About Duty Console</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="306"/>
        <source>数据库: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="312"/>
        <source>值班民警</source>
        <translation>Duty officer</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="313"/>
        <source>社区民警</source>
        <translation>Community officer</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="314"/>
        <source>网格员</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="315"/>
        <source>办案民警</source>
        <translation>Investigator</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="316"/>
        <source>所领导</source>
        <translation>Station leadership</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="317"/>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="318"/>
        <source>外部系统</source>
        <translation>External system</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="321"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="334"/>
        <source>{0} 北京时间</source>
        <translation>{0} Beijing time</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="354"/>
        <source>● 连接检查中</source>
        <translation>● Checking connection</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="356"/>
        <source>● 已连接</source>
        <translation>● Connected</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="358"/>
        <source>● 连接中断</source>
        <translation>● Connection lost</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="381"/>
        <source>界面语言已保存, 重新启动程序后生效。</source>
        <translation>Language saved; it takes effect when the console is restarted.</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="396"/>
        <source>设置已保存; 数据库和界面语言的更改在重新启动后生效。</source>
        <translation>Settings saved; database and language changes take effect on restart.</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="399"/>
        <source>设置已保存。</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="422"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="435"/>
        <source>值班台 {0}
社区派出所值班室桌面程序: 预警、网格、派警、案件。
数据库: {1}</source>
        <translation>Duty Console {0}
Desktop console for a community police station duty room: alerts, grid, dispatch, cases.
Database: {1}</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="78"/>
        <source>导入一标三实登记表</source>
        <translation>Import the household registry</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="83"/>
        <source>选择 CSV 或 XLSX 文件</source>
        <translation>Choose a CSV or XLSX file</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="84"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="98"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="98"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="98"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="111"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="113"/>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="115"/>
        <source>保存拒绝行为 CSV…</source>
        <translation>Save rejected rows as CSV…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="117"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="154"/>
        <source>正在读取文件 …</source>
        <translation>Reading the file …</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="189"/>
        <source>(忽略)</source>
        <translation>(ignored)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="193"/>
        <source>未识别的列, 导入时忽略</source>
        <translation>Unrecognised column, ignored on import</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="200"/>
        <source>共约 {0} 行, 识别 {1} 列</source>
        <translation>About {0} rows, {1} columns recognised</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="202"/>
        <source>编码: {0}</source>
        <translation>Encoding: {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="214"/>
        <source>文件不是 UTF-8 编码, 请选择文件的编码:</source>
        <translation>The file is not UTF-8; choose its encoding:</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="232"/>
        <source>选择登记表</source>
        <translation>Choose the registry file</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="232"/>
        <source>登记表 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Registry files (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="247"/>
        <source>正在导入 … 取消时, 已导入的行会保留 (再次导入同一文件即可继续)</source>
        <translation>Importing … rows already imported are kept if you cancel (import the same file again to continue)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="258"/>
        <source>正在取消 … 已导入的行会保留</source>
        <translation>Cancelling … rows already imported are kept</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="283"/>
        <source>导入失败: {0}</source>
        <translation>Import failed: {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="296"/>
        <source>保存拒绝行</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="296"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="284"/>
        <source>读取 {0} 行, 拒绝 {1} 行; 户 新建 {2} / 更新 {3}; 实有人口 新建 {4} / 更新 {5}</source>
        <translation>{0} rows read, {1} rejected; households created {2}, updated {3}; residents created {4}, updated {5}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/import_dialog.py" line="295"/>
        <source>已取消: 已导入的 {0} 行保留, 重新导入同一文件即可继续</source>
        <translation>Cancelled: the {0} rows already imported are kept; import the same file again to finish</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="172"/>
        <source>处置预警 #{0}</source>
        <translation>Resolve alert #{0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="176"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="179"/>
        <source>处置结论</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="180"/>
        <source>识别正确</source>
        <translation>Read correctly</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="181"/>
        <source>识别错误</source>
        <translation>Misread</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="188"/>
        <source>车牌识别</source>
        <translation>Plate reading</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="196"/>
        <source>挽回金额</source>
        <translation>Amount saved</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="201"/>
        <source>处置经过 (选填)</source>
        <translation>What was done (optional)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="202"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="224"/>
        <source>处置结论: 必填 (outcome is required)</source>
        <translation>Outcome: required</translation>
    </message>
    <message>
        <location filename="../../console/widgets/alert_detail.py" line="230"/>
        <source>车牌识别: 请标明识别是否正确 (say whether the plate was read correctly)</source>
        <translation>Plate reading: say whether the plate was read correctly</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../console/widgets/search.py" line="38"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="44"/>
        <source>姓名、身份证号(或后4–6位)、手机号、车牌、地址(如 3号楼 1203)</source>
        <translation>Name, ID number (or its last 4–6 digits), mobile, plate, address (e.g. 3号楼 1203)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="48"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="48"/>
        <source>身份证号 / 手机号</source>
        <translation>ID number / mobile</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="48"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="48"/>
        <source>匹配</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="105"/>
        <source>正在搜索 …</source>
        <translation>Searching …</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="120"/>
        <source>未找到 “{0}”。可搜索: 姓名、身份证号或其后4–6位、手机号或其后4位、车牌、地址(如 海景花园 3号楼 1203)</source>
        <translation>Nothing found for “{0}”. Search by name, ID number or its last 4–6 digits, mobile or its last 4 digits, plate, address (e.g. 海景花园 3号楼 1203)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="125"/>
        <source>实有人口</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="126"/>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="127"/>
        <source>车辆</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="145"/>
        <source>没有登记住址</source>
        <translation>No registered address</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="148"/>
        <source>找到 {0} 条; 按回车在网格地图上显示该户</source>
        <translation>{0} found; press Enter to show the household on the grid map</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="152"/>
        <source>搜索失败: {0}</source>
        <translation>Search failed: {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/search.py" line="170"/>
        <source>输入姓名、身份证号(或后4–6位)、手机号(或后4位)、车牌或地址(如 3号楼 1203)</source>
        <translation>Type a name, ID number (or last 4–6 digits), mobile (or last 4 digits), plate or address (e.g. 3号楼 1203)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="45"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="54"/>
        <source>sqlite:///路径/station.db 或 postgresql+psycopg://用户@主机/库</source>
        <translation>sqlite:///path/station.db or postgresql+psycopg://user@host/db</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="56"/>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="66"/>
        <source>夜间 (深色)</source>
        <translation>Night (dark)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="67"/>
        <source>日间 (浅色)</source>
        <translation>Day (light)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="77"/>
        <source>例如 http://tiles.station.local/{z}/{x}/{y}.png (留空则不显示底图)</source>
        <translation>e.g. http://tiles.station.local/{z}/{x}/{y}.png (empty: no base map)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="80"/>
        <source>新的紧急/高级预警播放提示音</source>
        <translation>Play a sound for new critical/high alerts</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="84"/>
        <source>数据库地址</source>
        <translation>Database URL</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="86"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="87"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="88"/>
        <source>地图瓦片服务</source>
        <translation>Map tile server</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="89"/>
        <source>声音</source>
        <translation>Sound</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="91"/>
        <source>数据库地址和界面语言的更改在重新启动程序后生效。</source>
        <translation>Changes to the database URL and the language take effect when the console is restarted.</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="96"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="97"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="124"/>
        <source>无法保存设置文件: {0}</source>
        <translation>Cannot save the settings file: {0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="137"/>
        <source>正在测试连接…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="149"/>
        <source>连接失败: {0}</source>
        <translation>Connection failed: {0}</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="31"/>
        <source>站点参数</source>
        <translation>Station parameters</translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="36"/>
        <location filename="../../console/widgets/station_dialog.py" line="37"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="38"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="44"/>
        <source>超过多少天未核实变橙色</source>
        <translation>Orange after this many days unverified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="45"/>
        <source>超过多少天未核实变红色</source>
        <translation>Red after this many days unverified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="46"/>
        <source>紧急/高危预警未确认多久后升级</source>
        <translation>Escalate unacknowledged critical/high alerts after</translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="47"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="73"/>
        <source>{0}: 修改后所有值班台的地图和预警升级按新参数执行。</source>
        <translation>{0}: once saved, every console colours its maps and escalates alerts by these values.</translation>
    </message>
    <message>
        <location filename="../../console/widgets/station_dialog.py" line="75"/>
        <source>只有所领导或系统管理员可以修改站点参数。</source>
        <translation>Only station leaders or administrators may change the station parameters.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="200"/>
        <source>记录核实 — %1</source>
        <translation>Record visit — %1</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="210"/>
        <source>（本人）%1</source>
        <translation>(self) %1</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="214"/>
        <location filename="../../console/widgets/household_dialog.py" line="230"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="214"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="214"/>
        <location filename="../../console/widgets/household_dialog.py" line="230"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="214"/>
        <source>核实结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="224"/>
        <source>确认在住</source>
        <translation>Confirmed living here</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="225"/>
        <source>已迁出</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="226"/>
        <source>未见到</source>
        <translation>Not seen</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="230"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="230"/>
        <source>与户主关系</source>
        <translation>Relation to head of household</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="233"/>
        <source>新增一人</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="236"/>
        <source>备注（如：房东联系方式、租客情况）</source>
        <translation>Note (e.g. landlord&apos;s contact, tenants)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="248"/>
        <source>核实时间</source>
        <translation>Verified at</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="249"/>
        <source>核实人</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="252"/>
        <source>在住人员</source>
        <translation>People living here</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="255"/>
        <source>新发现的实有人口</source>
        <translation>Newly found residents</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="326"/>
        <source>无法保存：%1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <location filename="../../console/widgets/household_dialog.py" line="332"/>
        <source>保存失败，已记录错误 (%1)</source>
        <translation>Saving failed; the error was logged (%1)</translation>
    </message>
</context>
<context>
    <name>WatchlistEntryDialog</name>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="123"/>
        <source>新增布控</source>
        <translation>New watchlist entry</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="123"/>
        <source>编辑布控 #{0}</source>
        <translation>Edit watchlist entry #{0}</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="127"/>
        <source>布控车辆</source>
        <translation>Hotlisted vehicle</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="128"/>
        <source>重点人员</source>
        <translation>Watched person</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="132"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="134"/>
        <source>车牌/身份证号</source>
        <translation>Plate / ID number</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="136"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="138"/>
        <source>布控事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="142"/>
        <source>等级</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="144"/>
        <source>如 GK2026-031 (选填)</source>
        <translation>e.g. GK2026-031 (optional)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="145"/>
        <source>关联案件</source>
        <translation>Linked case</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="146"/>
        <source>到期时间</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="197"/>
        <source>如 闽D12345</source>
        <translation>e.g. 闽D12345</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="197"/>
        <source>18位身份证号</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="231"/>
        <source>布控事由: 必填 (required)</source>
        <translation>Reason: required</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="240"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="240"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
</context>
<context>
    <name>WatchlistModel</name>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="101"/>
        <source>车辆</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="101"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="107"/>
        <source>长期</source>
        <translation>No expiry</translation>
    </message>
</context>
<context>
    <name>WatchlistPane</name>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="268"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="269"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="270"/>
        <location filename="../../console/widgets/watchlist_pane.py" line="374"/>
        <source>解除布控</source>
        <translation>Remove from watchlist</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="271"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/widgets/watchlist_pane.py" line="375"/>
        <source>解除对 {0} 的布控? 之后的出现不再预警。</source>
        <translation>Remove {0} from the watchlist? Later sightings will not raise alerts.</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../console/widgets/worklist.py" line="84"/>
        <source>出租房屋：人员变动多，优先核实</source>
        <translation>Rented: people change often, verify first</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="96"/>
        <source>红 从未核实</source>
        <translation>Red: never verified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="97"/>
        <source>红 超3个月</source>
        <translation>Red: over three months</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="97"/>
        <source>橙 超1个月</source>
        <translation>Orange: over a month</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="105"/>
        <source>从未核实</source>
        <translation>Never verified</translation>
    </message>
</context>
<context>
    <name>WorklistPane</name>
    <message>
        <location filename="../../console/widgets/worklist.py" line="130"/>
        <source>全部民警</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="131"/>
        <source>全部网格</source>
        <translation>All grid cells</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="132"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="133"/>
        <source>记录核实…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="134"/>
        <source>在地图上显示</source>
        <translation>Show on map</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="135"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="136"/>
        <source>保存 PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="137"/>
        <source>保存 CSV…</source>
        <translation>Save CSV…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="150"/>
        <source>民警</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="152"/>
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="217"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="228"/>
        <source>待核实 %1 户：红（超3个月或从未核实）%2 户，橙（超1个月）%3 户；其中出租/群租 %4 户（● 标记，排在前面）</source>
        <translation>%1 households due: red (over three months or never) %2, orange (over a month) %3; of them rented/group rental %4 (marked ●, listed first)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="238"/>
        <source>载入失败：%1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="257"/>
        <source>记录核实</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="257"/>
        <source>请先在列表中选择一户</source>
        <translation>Choose a household in the list first</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="287"/>
        <source>核实任务单 — %1 — %2</source>
        <translation>Verification worklist — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="300"/>
        <source>从未核实</source>
        <translation>Never verified</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="353"/>
        <source>打印核实任务单</source>
        <translation>Print the verification worklist</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="359"/>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="359"/>
        <source>核实任务单.pdf</source>
        <translation>verification-worklist.pdf</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="359"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="366"/>
        <source>保存 CSV</source>
        <translation>Save CSV</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="366"/>
        <source>核实任务单.csv</source>
        <translation>verification-worklist.csv</translation>
    </message>
    <message>
        <location filename="../../console/widgets/worklist.py" line="366"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/app.py" line="133"/>
        <source>内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="134"/>
        <source>程序出现内部错误, 已记录日志: {0}</source>
        <translation>An internal error occurred; it was logged to: {0}</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="188"/>
        <location filename="../../console/app.py" line="264"/>
        <source>值班台</source>
        <translation>Duty Console</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="200"/>
        <source>社区派出所值班室</source>
        <translation>Community police station duty room</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="228"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="229"/>
        <source>无法打开数据库, 值班台无法启动。

{0}

请检查: 数据库服务器是否在运行、网络是否连通、地址是否正确。地址可用 --db 参数、环境变量 DUTY_CONSOLE_DB 或设置文件 {1} 指定。</source>
        <translation>The database cannot be opened, so the console cannot start.

{0}

Please check that the database server is running, the network is up and the URL is right. The URL is given by --db, the DUTY_CONSOLE_DB environment variable or the settings file {1}.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="284"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="299"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>feed</name>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="32"/>
        <source>等级</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="33"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="34"/>
        <source>小区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="35"/>
        <source>命中内容</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="36"/>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="37"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="38"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="41"/>
        <source>紧急</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="42"/>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="43"/>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="44"/>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="47"/>
        <source>车辆布控</source>
        <translation>Vehicle hotlist</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="48"/>
        <source>人员布控</source>
        <translation>Person watchlist</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="49"/>
        <source>反诈预警</source>
        <translation>Fraud warning</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="50"/>
        <source>群众报警</source>
        <translation>Citizen report</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="53"/>
        <source>待确认</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="54"/>
        <source>已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="55"/>
        <source>已派警</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="56"/>
        <source>已处置</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="59"/>
        <source>属实</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="60"/>
        <source>误报</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="61"/>
        <source>识别错误</source>
        <translation>Misread</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="62"/>
        <source>已由他人处理</source>
        <translation>Handled by someone else</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="87"/>
        <source>{0}秒前</source>
        <translation>{0} s ago</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="89"/>
        <source>{0}分钟前</source>
        <translation>{0} min ago</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="91"/>
        <source>{0}小时前</source>
        <translation>{0} h ago</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="92"/>
        <source>{0}天前</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <location filename="../../console/widgets/feed_model.py" line="302"/>
        <source>超时未确认</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>ui_language</name>
    <message>
        <location filename="../../console/widgets/common.py" line="19"/>
        <source>zh_CN</source>
        <comment>The code of this translation&apos;s language: en for English.</comment>
        <translation>en</translation>
    </message>
</context>
</TS>
