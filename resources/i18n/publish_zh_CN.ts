<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>PagePreview</name>
    <message>
        <location filename="../../src/alliance_review/gui/publish/preview.py" line="61" />
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/preview.py" line="62" />
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/preview.py" line="63" />
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/preview.py" line="66" />
        <location filename="../../src/alliance_review/gui/publish/preview.py" line="88" />
        <source>No preview yet: press Preview.</source>
        <translation>尚无预览：请点击“预览”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/alliance_review/gui/publish/preview.py" line="74" />
        <source>of %n page(s)</source>
        <translation>
            <numerusform>页，共 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishTab</name>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="156" />
        <source>&amp;Preview appendix</source>
        <translation>预览附件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="157" />
        <source>Export &amp;appendix PDF…</source>
        <translation>导出附件 PDF(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="158" />
        <source>Export results &amp;workbook…</source>
        <translation>导出结果工作簿(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="159" />
        <source>Export &amp;statistics PDF…</source>
        <translation>导出统计报告 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="160" />
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="161" />
        <source>Appendix</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="162" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="163" />
        <source>Tiers</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="164" />
        <source>Ranks</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="165" />
        <source>Show shared ranks of equal totals</source>
        <translation>显示同分并列名次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="166" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="167" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="168" />
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="169" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="184" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="170" />
        <source>Last year's shares (%)</source>
        <translation>上年各档占比（%）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="171" />
        <source>Last year took part</source>
        <translation>上年参评联盟数</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="172" />
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="173" />
        <source>Or last year's round</source>
        <translation>或上年评价轮次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="175" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="179" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="177" />
        <source>Published figures</source>
        <translation>公布数字</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="181" />
        <source>Update statistics</source>
        <translation>更新统计</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="182" />
        <source>Export statistics PDF…</source>
        <translation>导出统计报告 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="183" />
        <source>Appendix preview</source>
        <translation>附件预览</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="192" />
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="243" />
        <source>Cannot publish</source>
        <translation>无法发布</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="250" />
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入文件。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="273" />
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="282" />
        <source>Export appendix</source>
        <translation>导出附件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="284" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="318" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="290" />
        <source>Writing the appendix…</source>
        <translation>正在写入附件…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="293" />
        <source>Appendix written: %1</source>
        <translation>已写入附件：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="297" />
        <source>Export results workbook</source>
        <translation>导出结果工作簿</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="299" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="305" />
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="307" />
        <source>Workbook written: %1</source>
        <translation>已写入工作簿：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="316" />
        <source>Export statistics</source>
        <translation>导出统计报告</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="324" />
        <source>Writing the statistics…</source>
        <translation>正在写入统计报告…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="327" />
        <source>Statistics written: %1</source>
        <translation>已写入统计报告：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="338" />
        <source>Last year's round file</source>
        <translation>上年评价轮次文件</translation>
    </message>
    <message>
        <source>Round files (*.sqlite *.db *.arr);;All files (*)</source>
        <translation type="vanished">评价轮次文件 (*.sqlite *.db *.arr);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="346" />
        <source>Figures printed in a report</source>
        <translation>报告公布的数字</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="347" />
        <source>Published figures (*.json);;All files (*)</source>
        <translation>公布数字文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="375" />
        <source>Computing the statistics…</source>
        <translation>正在计算统计数字…</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="67" />
        <source>Participation</source>
        <translation>参评情况</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="70" />
        <source>%1 took part of %2 on the roster; %3 did not.</source>
        <translation>参评联盟 %1 家（名单共 %2 家），未参评 %3 家。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="79" />
        <source>Last year %1 took part (change %2).</source>
        <translation>上年参评 %1 家（变化 %2 家）。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="87" />
        <source>Highest score %1 (%2 alliances), lowest %3 (%4).</source>
        <translation>最高分 %1（%2 家），最低分 %3（%4）。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="96" />
        <source>Tiers</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="100" />
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="101" />
        <source>Count</source>
        <translation>家数</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="102" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="103" />
        <source>Last year</source>
        <translation>上年占比</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="104" />
        <source>Change (points)</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="119" />
        <source>By pilot batch</source>
        <translation>分批次情况</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="123" />
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="145" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="124" />
        <source>On roster</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="125" />
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="147" />
        <source>Took part</source>
        <translation>参评</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="141" />
        <source>As published (typed in)</source>
        <translation>报告公布的数字（录入，供对照）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="146" />
        <source>Pilot</source>
        <translation>试点</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="149" />
        <source>Largest remainder</source>
        <translation>最大余数法</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="156" />
        <source>Each tier: count (published share / share by our rule).</source>
        <translation>各档：家数（公布占比／按最大余数法的占比）。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="159" />
        <source>Mean points per indicator, by tier</source>
        <translation>各二级指标平均得分（按档次）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="163" />
        <source>Indicator</source>
        <translation>二级指标</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="164" />
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="165" />
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
</TS>