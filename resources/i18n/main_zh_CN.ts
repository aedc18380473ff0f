<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="121" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="122" />
        <source>Open the 2015 &amp;demo round</source>
        <translation>打开 2015 年演示轮次(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="123" />
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="124" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="125" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="126" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="127" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="128" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="129" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="130" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="133" />
        <source>Open a round file or a reviewer file (File &gt; Open, or drop it here).
To try the app: alliance-review demo demo-2015.sqlite</source>
        <translation>请打开评价轮次文件或评审专家文件（文件 &gt; 打开，或把文件拖到这里）。
试用本软件：alliance-review demo demo-2015.sqlite</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="145" />
        <source>Alliance Activity Review</source>
        <translation>联盟活跃度评价</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="148" />
        <source>No file open</source>
        <translation>未打开文件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="181" />
        <source>Writing the demo round…</source>
        <translation>正在生成演示轮次…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="195" />
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="197" />
        <source>Evaluation files (*.sqlite *.db *.arr *.arv);;All files (*)</source>
        <translation>评价文件 (*.sqlite *.db *.arr *.arv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="187" />
        <location filename="../../src/alliance_review/gui/main_window.py" line="208" />
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="120" />
        <source>&amp;New round…</source>
        <translation>新建评价轮次(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="309" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/main_window.py" line="311" />
        <source>Alliance Activity Review
The yearly activity evaluation of industry technology innovation alliances.</source>
        <translation>联盟活跃度评价
产业技术创新战略联盟年度活跃度评价工具。</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="33" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="34" />
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="35" />
        <source>Alliance</source>
        <translation>联盟名称</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="36" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="37" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="38" />
        <source>Exact total</source>
        <translation>精确总分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="39" />
        <source>Tier</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="68" />
        <source>Batch unknown</source>
        <translation>批次不详</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="86" />
        <source>The exact total decides the tier; the score is printed rounded.</source>
        <translation>分档依据精确总分；附件中打印的是取整后的评分。</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="121" />
        <source>Filter by any part of a name</source>
        <translation>按名称中的任意文字筛选</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="131" />
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="141" />
        <source>%n alliance(s) ranked</source>
        <translation>
            <numerusform>共 %n 家联盟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../src/alliance_review/gui/tasks.py" line="79" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>