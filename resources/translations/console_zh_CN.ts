<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>ComingSoonPane</name>
    <message>
        <location filename="../../console/widgets/common.py" line="51"/>
        <source>即将推出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/widgets/main_window.py" line="99"/>
        <source>值班台 · 社区派出所值班室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="125"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="126"/>
        <source>网格地图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="127"/>
        <source>辖区地图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="128"/>
        <source>案件卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="129"/>
        <source>派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="130"/>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="131"/>
        <source>布控名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="132"/>
        <source>核实任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="210"/>
        <source>设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="211"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="214"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="219"/>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="220"/>
        <source>主题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="222"/>
        <source>夜间 (深色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="222"/>
        <source>日间 (浅色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="227"/>
        <source>界面语言 (重启后生效)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="237"/>
        <source>全屏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="240"/>
        <source>显示/隐藏窗格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="246"/>
        <source>恢复默认布局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="248"/>
        <source>预警(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="252"/>
        <source>搜索…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="254"/>
        <source>地图(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="258"/>
        <source>案件(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="262"/>
        <source>工具(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="268"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="269"/>
        <location filename="../../console/widgets/main_window.py" line="386"/>
        <source>快捷键</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="270"/>
        <location filename="../../console/widgets/main_window.py" line="406"/>
        <source>关于值班台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="278"/>
        <source>数据库: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="284"/>
        <source>值班民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="285"/>
        <source>社区民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="286"/>
        <source>网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="287"/>
        <source>办案民警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="288"/>
        <source>所领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="289"/>
        <source>系统管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="290"/>
        <source>外部系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="293"/>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="306"/>
        <source>{0} 北京时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="326"/>
        <source>● 连接检查中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="328"/>
        <source>● 已连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="330"/>
        <source>● 连接中断</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="353"/>
        <source>界面语言已保存, 重新启动程序后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="368"/>
        <source>设置已保存; 数据库和界面语言的更改在重新启动后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="371"/>
        <source>设置已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="394"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/main_window.py" line="407"/>
        <source>值班台 {0}
社区派出所值班室桌面程序: 预警、网格、派警、案件。
数据库: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="45"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="54"/>
        <source>sqlite:///路径/station.db 或 postgresql+psycopg://用户@主机/库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="56"/>
        <source>测试连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="66"/>
        <source>夜间 (深色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="67"/>
        <source>日间 (浅色)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="77"/>
        <source>例如 http://tiles.station.local/{z}/{x}/{y}.png (留空则不显示底图)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="80"/>
        <source>新的紧急/高级预警播放提示音</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="84"/>
        <source>数据库地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="86"/>
        <source>主题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="87"/>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="88"/>
        <source>地图瓦片服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="89"/>
        <source>声音</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="91"/>
        <source>数据库地址和界面语言的更改在重新启动程序后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="96"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="97"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="124"/>
        <source>无法保存设置文件: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="137"/>
        <source>正在测试连接…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/widgets/settings_dialog.py" line="149"/>
        <source>连接失败: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/app.py" line="127"/>
        <source>内部错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="128"/>
        <source>程序出现内部错误, 已记录日志: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="168"/>
        <location filename="../../console/app.py" line="264"/>
        <source>值班台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="174"/>
        <source>社区派出所值班室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="186"/>
        <source>无法打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="187"/>
        <source>无法打开数据库, 值班台无法启动。

{0}

请检查: 数据库服务器是否在运行、网络是否连通、地址是否正确。地址可用 --db 参数、环境变量 DUTY_CONSOLE_DB 或设置文件 {1} 指定。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="285"/>
        <source>正在打开数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="299"/>
        <source>正在加载…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>panes</name>
    <message>
        <location filename="../../console/app.py" line="217"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="218"/>
        <source>实时预警: 布控车辆、重点人员、反诈和群众报警, 按紧急程度排列, 一键派警。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="223"/>
        <source>网格地图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="224"/>
        <source>户室按核实状态着色: 绿 30 天内, 橙 31–90 天, 红 超过 90 天或从未核实。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="229"/>
        <source>辖区地图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="230"/>
        <source>辖区小区轮廓、逾期核实比例和未处置预警的位置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="233"/>
        <source>案件卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="234"/>
        <source>盗窃案件: 嫌疑人、涉案车辆、涉案财物的追缴与发还。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="237"/>
        <source>派警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="238"/>
        <source>警力状态与派警单: 从预警派警, 记录到场和处置结果。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="241"/>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="242"/>
        <source>24/72 小时破案数、刑事警情同比、出警时长、核实覆盖率。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="245"/>
        <source>布控名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="246"/>
        <source>重点人员与布控车辆: 新增、到期、关联案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="249"/>
        <source>核实任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="250"/>
        <source>逾期未核实的户室清单, 上门走访后快速登记核实。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
