<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="168" />
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="169" />
            <source>Open the 2015 &amp;demo round</source>
            <translation>打开 2015 年演示轮次(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="170" />
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="171" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation type="vanished">关于(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="173" />
            <source>&amp;Guide for this window</source>
            <translation>本窗口的使用指南(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="174" />
            <source>&amp;High contrast</source>
            <translation>高对比度(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="175" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="176" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="177" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="178" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="179" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="180" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="249" />
            <source>Open a reviewer file</source>
            <translation>打开评审专家文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="252" />
            <source>Open a round</source>
            <translation>打开评价轮次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="276" />
            <location filename="../../src/alliance_review/gui/main_window.py" line="282" />
            <source>Checking the file…</source>
            <translation>正在检查文件…</translation>
        </message>
        <message>
            <source>Open a round file or a reviewer file (File &gt; Open, or drop it here).
To try the app: alliance-review demo demo-2015.sqlite</source>
            <translation type="vanished">请打开评价轮次文件或评审专家文件（文件 &gt; 打开，或把文件拖到这里）。
试用本软件：alliance-review demo demo-2015.sqlite</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="189" />
            <source>Alliance Activity Review</source>
            <translation>联盟活跃度评价</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="192" />
            <source>No file open</source>
            <translation>未打开文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="243" />
            <source>Writing the demo round…</source>
            <translation>正在生成演示轮次…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="246" />
            <source>Open file</source>
            <translation>打开文件</translation>
        </message>
        <message>
            <source>Evaluation files (*.sqlite *.db *.arr *.arv);;All files (*)</source>
            <translation type="vanished">评价文件 (*.sqlite *.db *.arr *.arv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="294" />
            <source>Cannot open the file</source>
            <translation>无法打开文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/main_window.py" line="167" />
            <source>&amp;New round…</source>
            <translation>新建评价轮次(&amp;N)…</translation>
        </message>
        <message>
            <source>About</source>
            <translation type="vanished">关于</translation>
        </message>
        <message>
            <source>Alliance Activity Review
The yearly activity evaluation of industry technology innovation alliances.</source>
            <translation type="vanished">联盟活跃度评价
产业技术创新战略联盟年度活跃度评价工具。</translation>
        </message>
    </context>
    <context>
        <name>RankingModel</name>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="42" />
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="43" />
            <source>Rank</source>
            <translation>名次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="44" />
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="45" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="46" />
            <source>Score</source>
            <translation>评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="47" />
            <source>Exact total</source>
            <translation>精确总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="48" />
            <source>Tier</source>
            <translation>活跃度</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="52" />
            <source>Batch unknown</source>
            <translation>批次不详</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="53" />
            <source>The exact total decides the tier; the score is printed rounded.</source>
            <translation>分档依据精确总分；附件中打印的是取整后的评分。</translation>
        </message>
    </context>
    <context>
        <name>ResultsTab</name>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="143" />
            <source>Filter by any part of a name</source>
            <translation>按名称中的任意文字筛选</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="142" />
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="153" />
            <source>Ranking</source>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="141" />
            <source>Filter the ranking</source>
            <translation>筛选排名</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="176" />
            <source>Ranking…</source>
            <translation>正在排名…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="213" />
            <source>%n alliance(s) ranked</source>
            <translation>
                <numerusform>共 %n 家联盟</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/results.py" line="196" />
            <source>The ranking could not be updated: %1</source>
            <translation>排名未能更新：%1</translation>
        </message>
    </context>
    <context>
        <name>RoundContext</name>
        <message>
            <location filename="../../src/alliance_review/gui/round_view.py" line="75" />
            <source>Not possible</source>
            <extracomment>a ``gui.notice.Change``: what one user action changed the file was closed: work queued for later (a timer) must not touch it</extracomment>
            <translation>无法执行</translation>
        </message>
    </context>
    <context>
        <name>TrustBanner</name>
        <message>
            <location filename="../../src/alliance_review/gui/round_view.py" line="156" />
            <source>This round is read-only (on read-only storage, or without permission to write): it can be viewed but not changed. To change it, copy it to a folder you can write to.</source>
            <extracomment>what the tab shows; a change that touches none of these does not refresh it</extracomment>
            <translation>此评价轮次是只读的（位于只读的位置，或没有写入权限）：只能查看，不能修改。如需修改，请把它复制到可写的文件夹。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_view.py" line="164" />
            <source>Its results cannot be trusted as they stand: look at it with alliance-review check, or restore a backup (Panel › Backups and restore).</source>
            <translation>其结果照现状不可信：请用 alliance-review check 查看，或从备份恢复（集中讨论 › 备份与恢复）。</translation>
        </message>
    </context>
    <context>
        <name>last_resort</name>
        <message>
            <location filename="../../src/alliance_review/gui/last_resort.py" line="39" />
            <source>Something unexpected went wrong. What was saved before stays saved; you can go on working.</source>
            <translation>程序出现了意外错误。此前已保存的内容不受影响，可以继续工作。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/last_resort.py" line="68" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/last_resort.py" line="73" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/last_resort.py" line="82" />
            <source>The details were written to the log file:
%1</source>
            <translation>详细信息已写入日志文件：
%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/last_resort.py" line="87" />
            <source>%n more error(s) since; all are in the log.</source>
            <translation>此后又出现 %n 个错误，均已写入日志。</translation>
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <location filename="../../src/alliance_review/gui/tasks.py" line="187" />
            <source>Cancelling…</source>
            <extracomment>work shorter than this shows no dialog at all the worker reports progress to the GUI thread at most this often (seconds) while tasks run, the objects alive are frozen out of garbage collection this often emitted in the GUI thread after the callback has run</extracomment>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/tasks.py" line="203" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/tasks.py" line="360" />
            <source>Not possible</source>
            <translation>无法执行</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <location filename="../../src/alliance_review/gui/messages.py" line="35" />
            <source>Not possible</source>
            <translation>无法完成</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/messages.py" line="36" />
            <source>Please note</source>
            <translation>请注意</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/messages.py" line="37" />
            <source>Please confirm</source>
            <translation>请确认</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/messages.py" line="38" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
    </context>
</TS>