<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AnalysisPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="116" />
            <source>Reviewer</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="117" />
            <source>Alliances</source>
            <translation>联盟数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="118" />
            <source>Mean deviation</source>
            <translation>平均偏差</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="119" />
            <source>Deviation SD</source>
            <translation>偏差标准差</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="120" />
            <source>Mean total</source>
            <translation>平均总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="121" />
            <source>Tendency</source>
            <translation>倾向</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="126" />
            <source>Indicator</source>
            <translation>评价指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="127" />
            <source>Max</source>
            <translation>满分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="128" />
            <source>Alpha</source>
            <translation>α 系数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="129" />
            <source>ICC(1)</source>
            <translation>ICC(1)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="130" />
            <source>Mean spread</source>
            <translation>平均分差</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="135" />
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="136" />
            <source>Tier</source>
            <translation>档次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="137" />
            <source>Without</source>
            <translation>去掉</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="138" />
            <source>Would be</source>
            <translation>将变为</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="139" />
            <source>Total without</source>
            <translation>去掉后总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="143" />
            <source>Reviewer calibration</source>
            <translation>评审专家尺度</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="144" />
            <source>Agreement per indicator</source>
            <translation>各指标的一致性</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="145" />
            <source>Tier stability</source>
            <translation>档次稳定性</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="147" />
            <source>Reviewer calibration: totals against the consensus (+ lenient, − harsh)</source>
            <translation>评审专家尺度：各专家总分与汇总分之差（+ 偏宽，− 偏严）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="152" />
            <source>Agreement per indicator (Krippendorff's alpha, interval; one-way intraclass correlation ICC(1)); alpha of the totals: %1</source>
            <translation>各指标评分一致性（Krippendorff α，等距；单向组内相关系数 ICC(1)）；总分的 α：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="157" />
            <source>Tier stability: alliances whose tier one reviewer alone decides</source>
            <translation>档次稳定性：去掉某一位评审专家即会换档的联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="164" />
            <source>lenient</source>
            <translation>偏宽</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="166" />
            <source>harsh</source>
            <translation>偏严</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="167" />
            <location filename="../../src/alliance_review/gui/panel/analysis_page.py" line="190" />
            <source>in line</source>
            <translation>适中</translation>
        </message>
    </context>
    <context>
        <name>BackupsDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="143" />
            <source>Restoring the backup…</source>
            <translation>正在恢复备份…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="94" />
            <source>The documents' contents are kept once for all these backups, beside them: %1 file(s), %2 MB.</source>
            <translation>各备份共用同一份文档内容，保存在备份旁：%1 个文件，%2 MB。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="37" />
            <source>Backups of this round</source>
            <translation>本轮次的备份</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="41" />
            <source>The round is backed up before every merge, upgrade, lock, unlock and restore (the last 20 are kept). Restoring one first backs up what the round holds now, and is recorded in the audit trail.</source>
            <translation>每次合并、升级格式、锁定、解除锁定和恢复之前，都会自动备份本轮次（保留最近 20 份）。恢复某一份备份之前，会先备份轮次现在的内容，恢复操作也会记入审计记录。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="49" />
            <source>Taken</source>
            <translation>备份时机</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="49" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="49" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="49" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="58" />
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="60" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="62" />
            <source>No backup of this round yet.</source>
            <translation>本轮次还没有备份。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="107" />
            <source>Restore the round as it was %1 (%2)? What it holds now is backed up first.</source>
            <translation>将评价轮次恢复到 %1（%2）时的状态吗？轮次现在的内容会先备份。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="111" />
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="117" />
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/backups_dialog.py" line="118" />
            <source>The round is locked as final and this backup is from before the lock: restoring it unlocks the round.</source>
            <translation>评价轮次已锁定为最终结果，而此备份早于锁定：恢复它会解除锁定。</translation>
        </message>
    </context>
    <context>
        <name>DecisionDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="78" />
            <source>Panel decision</source>
            <translation>工作小组决定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="90" />
            <source>Why the panel departs from the computed consensus (required)</source>
            <translation>工作小组为何不采用计算所得的汇总分（必填）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="95" />
            <source>Alliance:</source>
            <translation>联盟：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="98" />
            <source>Decides:</source>
            <translation>决定对象：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="99" />
            <source>Computed consensus:</source>
            <translation>计算所得汇总分：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="101" />
            <source>Current decision:</source>
            <translation>现有决定：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="102" />
            <source>Final points:</source>
            <translation>最终分数：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="103" />
            <source>Rationale:</source>
            <translation>理由：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/decision.py" line="116" />
            <source>A decision needs a rationale; please write why.</source>
            <translation>决定须有理由，请写明理由。</translation>
        </message>
    </context>
    <context>
        <name>DrillDownPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="151" />
            <source>Indicator</source>
            <extracomment>(alliance uid, document id or -1 for the first, page from 1): show a document</extracomment>
            <translation>评价指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="152" />
            <source>Max</source>
            <translation>满分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="153" />
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="445" />
            <source>Self-evaluation</source>
            <translation>自评价</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="155" />
            <source>Consensus</source>
            <translation>汇总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="156" />
            <source>Spread</source>
            <translation>分差</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="157" />
            <source>Decision</source>
            <translation>决定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="162" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="163" />
            <source>Decides</source>
            <translation>决定对象</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="164" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Points</source>
            <translation type="vanished">分数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="166" />
            <source>Rationale</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="170" />
            <source>Indicators with every reviewer's points</source>
            <translation>各项指标及每位评审专家的评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="171" />
            <source>Criteria, self-evaluation and evidence notes</source>
            <translation>评分依据和标准、自评价与评分依据</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="172" />
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="173" />
            <source>Decision log of this alliance</source>
            <translation>本联盟的决定记录</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="175" />
            <source>◀ Overview</source>
            <translation>◀ 总览</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="176" />
            <source>Decide indicator…</source>
            <translation>决定该指标得分…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="177" />
            <source>Decide total…</source>
            <translation>决定总分…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="178" />
            <source>Withdraw decision</source>
            <translation>撤回决定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="179" />
            <source>Documents…</source>
            <translation>佐证材料…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="180" />
            <source>What the alliance sent, page by page</source>
            <translation>逐页查看该联盟报送的材料</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="317" />
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="336" />
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="357" />
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="381" />
            <source>set</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="381" />
            <source>withdrawn</source>
            <translation>撤回</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="393" />
            <source>Rank %1 · %2 · total %3</source>
            <translation>第 %1 名 · %2 · 总分 %3</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="402" />
            <source>Steps out: %1</source>
            <translation>须回避：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="410" />
            <source>Needs discussion: %1</source>
            <translation>需要讨论：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="425" />
            <source>Ticked: %1</source>
            <translation>勾选的评价要点：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="425" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="429" />
            <source>Why other points than the rule suggests: %1</source>
            <translation>与计分规则建议分值不同的理由：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="444" />
            <source>Criteria</source>
            <translation>评分依据和标准</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="446" />
            <source>no note</source>
            <translation>未写评分依据</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="447" />
            <source>Panel decision</source>
            <translation>工作小组决定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="165" />
            <source>Decided</source>
            <translation>决定为</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="181" />
            <source>Decide evidence item…</source>
            <translation>决定评价要点…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="183" />
            <source>Whether an evidence item of this indicator counts as done for the alliance</source>
            <translation>由工作小组决定该指标的某一评价要点对该联盟是否算作已开展</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="365" />
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="475" />
            <source>counts as done</source>
            <translation>算作已开展</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="365" />
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="475" />
            <source>does not count</source>
            <translation>不算已开展</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="477" />
            <source>%1: ticked by %2 of %3, %4</source>
            <translation>%1：%3 位评审专家中 %2 位勾选，%4</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/drilldown.py" line="487" />
            <source>(panel decision: %1)</source>
            <translation>（工作小组决定：%1）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/citation_links.py" line="65" />
            <source>not found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/citation_links.py" line="67" />
            <source>Cites:</source>
            <translation>引用：</translation>
        </message>
    </context>
    <context>
        <name>ItemDecisionDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="46" />
            <source>Panel decision on an evidence item</source>
            <translation>工作小组对评价要点的决定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="51" />
            <source>Evidence item</source>
            <translation>评价要点</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="59" />
            <source>Counts as done</source>
            <translation>算作已开展</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="60" />
            <source>Does not count as done</source>
            <translation>不算已开展</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="62" />
            <source>As the reviewers' ticks decide (no panel decision)</source>
            <translation>按评审专家的勾选计算（不作决定）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="72" />
            <source>Why the panel departs from the reviewers' ticks (required)</source>
            <translation>工作小组为何不按评审专家的勾选计算（必填）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="74" />
            <source>Rationale</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="76" />
            <source>Alliance:</source>
            <translation>联盟：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="79" />
            <source>Indicator:</source>
            <translation>指标：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="80" />
            <source>Evidence item:</source>
            <translation>评价要点：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="81" />
            <source>Reviewers' ticks:</source>
            <translation>评审专家勾选：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="82" />
            <source>Item rule:</source>
            <translation>评价要点规则：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="83" />
            <source>Current decision:</source>
            <translation>现有决定：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="84" />
            <source>The panel decides:</source>
            <translation>工作小组决定：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="85" />
            <source>Rationale:</source>
            <translation>理由：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="104" />
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="118" />
            <source>counts as done</source>
            <translation>算作已开展</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="104" />
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="118" />
            <source>does not count</source>
            <translation>不算已开展</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="106" />
            <source>%1 of %2 reviewers ticked it: by the rule it %3</source>
            <translation>%2 位评审专家中 %1 位勾选：按规则%3</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="113" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/item_decision.py" line="141" />
            <source>A decision needs a rationale; please write why.</source>
            <translation>决定须有理由，请写明理由。</translation>
        </message>
    </context>
    <context>
        <name>LockControl</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="39" />
            <source>Unlock the round</source>
            <translation>解除锁定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="40" />
            <source>Unlock the round? Its results stop being final.</source>
            <translation>解除评价轮次的锁定？其结果将不再是最终结果。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="43" />
            <source>Merges, decisions and set-up edits are allowed again. The unlocking is recorded in the round file; lock the round again when the changes are done.</source>
            <translation>解除后可以再次合并、记录决定和修改设置。解除锁定会记录在评价轮次文件中；改完后请重新锁定。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="48" />
            <source>Unlock</source>
            <translation>解除锁定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="50" />
            <source>Lock the round as final</source>
            <translation>锁定为最终结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="51" />
            <source>Lock the round as final?</source>
            <translation>将评价轮次锁定为最终结果？</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="54" />
            <source>From then on every merge, decision and set-up edit is refused, in this window and on the command line. Locking is not undone with Undo: unlocking is a separate action, recorded in the round file.</source>
            <translation>锁定后，本窗口和命令行中的合并、决定和设置修改都会被拒绝。锁定不能用“撤销”取消：解除锁定是单独的操作，并记录在评价轮次文件中。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="59" />
            <source>Lock as final</source>
            <translation>锁定为最终结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="64" />
            <source>Reason (optional; recorded in the round file)</source>
            <translation>原因（可不填；记入轮次文件）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="65" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/lock.py" line="75" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="57" />
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="239" />
            <source>Merge reviewer files</source>
            <translation>合并评审专家文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="61" />
            <source>Add the reviewer files that came back (or drop them here). Each file is checked and previewed before anything is written; each is merged whole or not at all.</source>
            <translation>添加交回的评审专家文件（或拖放到此处）。写入前逐个检查并预览；每个文件要么整体合并，要么完全不合并。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="69" />
            <source>Reviewer files to merge</source>
            <translation>待合并的评审专家文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="76" />
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="77" />
            <source>Add folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="78" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="79" />
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="81" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="90" />
            <source>Merge the highlighted revisions even though they remove merged scores</source>
            <translation>确认合并标出的新版本，即使它们撤下了已合并的评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="93" />
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="97" />
            <source>Merge history of this round (every attempt)</source>
            <translation>本轮次的合并记录（每次尝试）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="120" />
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="133" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="121" />
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="134" />
            <source>Reviewer</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="122" />
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="135" />
            <source>Revision</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="123" />
            <source>Merged so far</source>
            <translation>已合并版本</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="124" />
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="125" />
            <source>Changed</source>
            <translation>改动</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="126" />
            <source>Unchanged</source>
            <translation>未变</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="127" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="132" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="136" />
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="137" />
            <source>Detail</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="143" />
            <source>merged</source>
            <translation>已合并</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="144" />
            <source>unchanged</source>
            <translation>无变化</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="145" />
            <source>refused</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="180" />
            <source>Reviewer files</source>
            <translation>评审专家文件</translation>
        </message>
        <message>
            <source>Reviewer files (*.sqlite);;All files (*)</source>
            <translation type="vanished">评审专家文件 (*.sqlite);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="188" />
            <source>Folder of reviewer files</source>
            <translation>评审专家文件所在文件夹</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="226" />
            <source>Checking reviewer files…</source>
            <translation>正在检查评审专家文件…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="251" />
            <source>Merging reviewer files…</source>
            <translation>正在合并评审专家文件…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="273" />
            <source>Cancelled: no file was merged; the round is as it was.</source>
            <translation>已取消：没有合并任何文件，评价轮次保持原样。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="285" />
            <source>merges only if you confirm the removal below: %1</source>
            <translation>须在下方确认撤下后才会合并：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="289" />
            <source>will merge: %1</source>
            <translation>将合并：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="291" />
            <source>merged: %1</source>
            <translation>已合并：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="293" />
            <source>unchanged: %1</source>
            <translation>无变化：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="294" />
            <source>refused: %1</source>
            <translation>拒绝：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="336" />
            <source>%1 merged, %2 refused.</source>
            <translation>已合并 %1 份，拒绝 %2 份。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/merge_dialog.py" line="339" />
            <source>%1 file(s): %2 ready to merge, %3 refused.</source>
            <translation>共 %1 份：可合并 %2 份，拒绝 %3 份。</translation>
        </message>
    </context>
    <context>
        <name>MethodDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="43" />
            <source>Consensus method</source>
            <translation>汇总方法</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="54" />
            <source>Ranks and tiers the method would move</source>
            <translation>该方法会改变的名次和档次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="68" />
            <source>Method:</source>
            <translation>方法：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="79" />
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="80" />
            <source>Rank now</source>
            <translation>现名次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="81" />
            <source>Rank then</source>
            <translation>改后名次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="82" />
            <source>Total now</source>
            <translation>现总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="83" />
            <source>Total then</source>
            <translation>改后总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="84" />
            <source>Tier now</source>
            <translation>现档次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="85" />
            <source>Tier then</source>
            <translation>改后档次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="96" />
            <source>This is the round's method now.</source>
            <translation>这是本评价轮次当前使用的方法。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="99" />
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="103" />
            <source>Working out what would move…</source>
            <translation>正在计算名次和档次的变化…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/method_dialog.py" line="140" />
            <source>%1 alliance(s) would change rank or total; %2 would change tier.</source>
            <translation>%1 家联盟的名次或总分会变化，其中 %2 家会换档。</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="193" />
            <source>Rank</source>
            <translation>名次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="194" />
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="195" />
            <source>Reviewer %1</source>
            <translation>评审专家 %1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="196" />
            <source>Consensus</source>
            <translation>汇总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="197" />
            <source>Normalised</source>
            <translation>标准化后</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="198" />
            <source>Spread</source>
            <translation>分差</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="199" />
            <source>Tier</source>
            <translation>档次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="200" />
            <source>Steps out</source>
            <translation>须回避</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="201" />
            <source>Needs discussion</source>
            <translation>需要讨论</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="209" />
            <source>Filter alliances</source>
            <translation>筛选联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="211" />
            <source>Alliances with the reviewers' totals</source>
            <translation>各联盟及评审专家总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="212" />
            <source>Filter by any part of a name</source>
            <translation>按名称中的任意文字筛选</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="213" />
            <source>Only those needing discussion</source>
            <translation>只看需要讨论的</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="214" />
            <source>Show normalised view</source>
            <translation>显示标准化视图</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="217" />
            <source>Each reviewer's totals as z-scores, rescaled to all reviewers' mean and spread, then averaged: how the ranking would look if no reviewer were harsher or more lenient than the others. Shown beside the consensus, never instead of it.</source>
            <translation>把每位评审专家的总分换算为标准分（z 分数），再按全体专家的平均值和标准差还原后取平均：假如没有专家偏严或偏宽，结果会怎样。仅作参考，与汇总分并列显示，不取代汇总分。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="223" />
            <source>Flag totals apart by more than</source>
            <translation>总分相差超过此值即标记</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="224" />
            <source> points</source>
            <translation> 分</translation>
        </message>
        <message>
            <source>computed consensus %1; the panel's decision counts</source>
            <translation type="vanished">计算所得汇总分 %1；以工作小组的决定为准</translation>
        </message>
        <message>
            <source>Steps out: %1</source>
            <translation type="vanished">须回避：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="264" />
            <source>%1 alliance(s) ranked; %2 need discussion; %3 decision(s) recorded.</source>
            <translation>已排名 %1 家联盟；%2 家需要讨论；已记录 %3 项决定。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/overview.py" line="301" />
            <source>%1 alliance(s) ranked; the analysis is being computed…</source>
            <translation>已排名 %1 家联盟；正在计算分析…</translation>
        </message>
    </context>
    <context>
        <name>PanelCommands</name>
        <message>
            <source>Not possible</source>
            <translation type="vanished">无法执行</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/commands.py" line="31" />
            <source>Withdraw decision</source>
            <translation>撤回决定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/commands.py" line="33" />
            <source>Record decision</source>
            <translation>记录决定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/commands.py" line="102" />
            <source>Change consensus method</source>
            <translation>更改汇总方法</translation>
        </message>
        <message>
            <source>Lock round</source>
            <translation type="vanished">锁定评价轮次</translation>
        </message>
        <message>
            <source>Unlock round</source>
            <translation type="vanished">解除锁定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/commands.py" line="125" />
            <source>Change disagreement threshold</source>
            <translation>修改分歧阈值</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/commands.py" line="71" />
            <source>Withdraw decision on an evidence item</source>
            <translation>撤回对评价要点的决定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/commands.py" line="73" />
            <source>Decide an evidence item</source>
            <translation>决定评价要点</translation>
        </message>
    </context>
    <context>
        <name>PanelTab</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="165" />
            <source>Panel</source>
            <extracomment>the round settings the panel's analysis is computed from</extracomment>
            <translation>集中讨论</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="191" />
            <source>&amp;Panel</source>
            <translation>集中讨论(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="192" />
            <source>&amp;Merge reviewer files…</source>
            <translation>合并评审专家文件(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="193" />
            <source>Consensus &amp;method…</source>
            <translation>汇总方法(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="194" />
            <source>&amp;Backups and restore…</source>
            <translation>备份与恢复(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="195" />
            <source>Merge reviewer files…</source>
            <translation>合并评审专家文件…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="196" />
            <source>Consensus method…</source>
            <translation>汇总方法…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="197" />
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="198" />
            <source>Alliance detail</source>
            <translation>联盟明细</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="199" />
            <source>Calibration and agreement</source>
            <translation>尺度与一致性</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="224" />
            <source>&amp;Unlock round…</source>
            <translation>解除锁定(&amp;U)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="224" />
            <source>&amp;Lock round as final…</source>
            <translation>锁定为最终结果(&amp;L)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="226" />
            <source>Unlock round…</source>
            <translation>解除锁定…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="226" />
            <source>Lock as final…</source>
            <translation>锁定为最终结果…</translation>
        </message>
        <message>
            <source>&amp;Unlock round</source>
            <translation type="vanished">解除锁定(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Lock round as final</source>
            <translation type="vanished">锁定为最终结果(&amp;L)</translation>
        </message>
        <message>
            <source>Unlock round</source>
            <translation type="vanished">解除锁定</translation>
        </message>
        <message>
            <source>Lock as final</source>
            <translation type="vanished">锁定为最终结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="232" />
            <source>Consensus: %1</source>
            <translation>汇总方法：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="234" />
            <source>Locked as final: merges and decisions are refused.</source>
            <translation>已锁定为最终结果：不能再合并文件或记录决定。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="236" />
            <source>Updating the analysis…</source>
            <translation>正在更新分析…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="265" />
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="312" />
            <source>Analysing the round…</source>
            <translation>正在分析评价轮次…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="325" />
            <source>Not possible</source>
            <translation>无法执行</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="363" />
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="260" />
            <source>The analysis could not be updated: %1</source>
            <translation>分析未能更新：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/tab.py" line="292" />
            <source>Listing the alliances…</source>
            <translation>正在列出联盟…</translation>
        </message>
    </context>
    <context>
        <name>PanelTexts</name>
        <message>
            <location filename="../../src/alliance_review/gui/panel/texts.py" line="15" />
            <source>reviewer totals %1 points apart</source>
            <translation>专家总分相差 %1 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/texts.py" line="20" />
            <source>indicator %1: scores %2 apart</source>
            <translation>指标 %1 评分相差 %2 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/texts.py" line="26" />
            <source>without %1: %2 (%3)</source>
            <translation>去掉%1：%2（%3 分）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/texts.py" line="35" />
            <source>Mean</source>
            <translation>平均值</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/texts.py" line="36" />
            <source>Median</source>
            <translation>中位数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/panel/texts.py" line="37" />
            <source>Trimmed mean (drop highest and lowest)</source>
            <translation>去掉最高最低后平均</translation>
        </message>
    </context>
</TS>