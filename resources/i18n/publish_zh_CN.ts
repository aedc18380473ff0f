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
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="202" />
        <source>&amp;Preview appendix</source>
        <translation>预览附件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="203" />
        <source>Export &amp;appendix PDF…</source>
        <translation>导出附件 PDF(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="204" />
        <source>Export results &amp;workbook…</source>
        <translation>导出结果工作簿(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="205" />
        <source>Export &amp;statistics PDF…</source>
        <translation>导出统计报告 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="206" />
        <source>Write the &amp;report draft (Word)…</source>
        <translation>生成评价报告草稿（Word）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="207" />
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="208" />
        <source>Appendix</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="209" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="210" />
        <source>Tiers</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="211" />
        <source>Ranks</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="212" />
        <source>Show shared ranks of equal totals</source>
        <translation>显示同分并列名次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="213" />
        <source>PDF font</source>
        <translation>PDF 字体</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="215" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="216" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="217" />
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="218" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="241" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="219" />
        <source>Last year's shares (%)</source>
        <translation>上年各档占比（%）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="220" />
        <source>Last year took part</source>
        <translation>上年参评联盟数</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="221" />
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="222" />
        <source>Or last year's round</source>
        <translation>或上年评价轮次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="224" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="228" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="226" />
        <source>Published figures</source>
        <translation>公布数字</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="230" />
        <source>Update statistics</source>
        <translation>更新统计</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="231" />
        <source>Export statistics PDF…</source>
        <translation>导出统计报告 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="232" />
        <source>Write the report draft (Word)…</source>
        <translation>生成评价报告草稿（Word）…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="235" />
        <source>Sections 二-四 of the report as editable sentences with the computed figures, the distribution chart and the tables, and the appendix. A draft for the secretary to edit, not the official text.</source>
        <translation>报告第二至第四部分：带计算数字的可编辑语句、得分分布图、各表格及附件。供秘书处修改的草稿，不是正式报告文本。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="240" />
        <source>Appendix preview</source>
        <translation>附件预览</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="249" />
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="284" />
        <source>WenQuanYi Micro Hei (bundled)</source>
        <translation>文泉驿微米黑（随软件提供）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="287" />
        <source>%1 (Song/Ming, this system)</source>
        <translation>%1（宋体/明体，本机已安装）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="290" />
        <source>Other TrueType file…</source>
        <translation>其他 TrueType 字体文件…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="300" />
        <source>A TrueType font for the PDFs</source>
        <translation>选择 PDF 所用的 TrueType 字体</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="302" />
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="339" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="354" />
        <source>Cannot publish</source>
        <translation>无法发布</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="351" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="435" />
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入文件。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="377" />
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="399" />
        <source>Printed scores and tiers</source>
        <translation>公布的评分与档次</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="401" />
        <source>%n alliance(s) are printed under a tier whose band does not hold their printed score:</source>
        <translation>
            <numerusform>有 %n 家联盟所列档次的分数段不包含其公布的评分：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="410" />
        <source>The round's setting decides the tier by the exact total. Publish as it is? (To decide by the printed score instead, change “Tier decided by” in Set-up › Round.)</source>
        <translation>本轮次按精确总分划分档次。是否照此发布？（如要按公布的评分划档，请在“轮次设置 › 评价轮次”中修改“划档依据”。）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="432" />
        <source>Checking the tiers…</source>
        <translation>正在核对档次…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="444" />
        <source>Export appendix</source>
        <translation>导出附件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="446" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="481" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="452" />
        <source>Writing the appendix…</source>
        <translation>正在写入附件…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="454" />
        <source>Appendix written: %1</source>
        <translation>已写入附件：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="459" />
        <source>Export results workbook</source>
        <translation>导出结果工作簿</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="461" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="467" />
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="469" />
        <source>Workbook written: %1</source>
        <translation>已写入工作簿：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="479" />
        <source>Export statistics</source>
        <translation>导出统计报告</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="487" />
        <source>Writing the statistics…</source>
        <translation>正在写入统计报告…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="491" />
        <source>Statistics written: %1</source>
        <translation>已写入统计报告：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="501" />
        <source>Write the report draft</source>
        <translation>生成评价报告草稿</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="503" />
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="509" />
        <source>Writing the report draft…</source>
        <translation>正在生成评价报告草稿…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="511" />
        <source>Report draft written: %1 (a draft to edit, not the official text)</source>
        <translation>已写入评价报告草稿：%1（供修改的草稿，不是正式报告文本）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="523" />
        <source>Last year's round file</source>
        <translation>上年评价轮次文件</translation>
    </message>
    <message>
        <source>Round files (*.sqlite *.db *.arr);;All files (*)</source>
        <translation type="vanished">评价轮次文件 (*.sqlite *.db *.arr);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="531" />
        <source>Figures printed in a report</source>
        <translation>报告公布的数字</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="532" />
        <source>Published figures (*.json);;All files (*)</source>
        <translation>公布数字文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="576" />
        <location filename="../../src/alliance_review/gui/round_tabs/publish.py" line="580" />
        <source>Computing the statistics…</source>
        <translation>正在计算统计数字…</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="110" />
        <source>Participation</source>
        <translation>参评情况</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="113" />
        <source>%1 took part of %2 on the roster; %3 did not.</source>
        <translation>参评联盟 %1 家（名单共 %2 家），未参评 %3 家。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="122" />
        <source>Last year %1 took part (change %2).</source>
        <translation>上年参评 %1 家（变化 %2 家）。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="131" />
        <source>Not taking part, by reason: %1.</source>
        <translation>未参评原因：%1。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="138" />
        <source>%1 taking part have no score yet: %2.</source>
        <translation>另有 %1 家参评联盟尚无评分：%2。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="146" />
        <source>Highest score %1 (%2 alliances), lowest %3 (%4).</source>
        <translation>最高分 %1（%2 家），最低分 %3（%4）。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="155" />
        <source>Tiers</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="159" />
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="160" />
        <source>Count</source>
        <translation>家数</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="161" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="162" />
        <source>Last year</source>
        <translation>上年占比</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="163" />
        <source>Change (points)</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="178" />
        <source>By pilot batch</source>
        <translation>分批次情况</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="182" />
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="225" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="183" />
        <source>Pilots</source>
        <translation>试点联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="267" />
        <source>Evidence items: alliances that did them</source>
        <translation>评价要点：开展了该项活动的联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="269" />
        <source>Evidence item</source>
        <translation>评价要点</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="271" />
        <source>Claimed in self-evaluation</source>
        <translation>自评价中勾选</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="275" />
        <source>An item counts as done when %1.</source>
        <translation>认定规则：%1即计为已开展。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="285" />
        <source>Against the published figures</source>
        <translation>与公布数字对照</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="290" />
        <source>%1 figures compared, %2 differ (不符).</source>
        <translation>共对照 %1 项，不符 %2 项。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="298" />
        <source>Figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="298" />
        <source>This round</source>
        <translation>本轮次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="298" />
        <source>Published</source>
        <translation>公布</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="308" />
        <source>Where the published figures disagree with each other</source>
        <translation>公布数字自身不一致之处</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="310" />
        <source>Listed as printed, never corrected.</source>
        <translation>照录公布数字，不作更正。</translation>
    </message>
    <message>
        <source>On roster</source>
        <translation type="vanished">名单</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="184" />
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="227" />
        <source>Took part</source>
        <translation>参评</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="186" />
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="189" />
        <source>%1 or more</source>
        <translation>%1 分及以上</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="190" />
        <source>Full marks</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="211" />
        <source>Full marks two years running: %1.</source>
        <translation>连续两年满分：%1。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="212" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="221" />
        <source>As published (typed in)</source>
        <translation>报告公布的数字（录入，供对照）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="226" />
        <source>Pilot</source>
        <translation>试点</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="229" />
        <source>Largest remainder</source>
        <translation>最大余数法</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="236" />
        <source>Each tier: count (published share / share by our rule).</source>
        <translation>各档：家数（公布占比／按最大余数法的占比）。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="239" />
        <source>Mean points per indicator, by tier</source>
        <translation>各二级指标平均得分（按档次）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="243" />
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="269" />
        <source>Indicator</source>
        <translation>二级指标</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="244" />
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="245" />
        <location filename="../../src/alliance_review/gui/publish/statistics_view.py" line="269" />
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
</TS>