<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FileKinds</name>
    <message>
        <location filename="../../src/alliance_review/gui/file_kinds.py" line="22" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/file_kinds.py" line="28" />
        <location filename="../../src/alliance_review/gui/file_kinds.py" line="33" />
        <source>Round files (%1)</source>
        <translation>评价轮次文件 (%1)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/file_kinds.py" line="39" />
        <source>Reviewer files (%1)</source>
        <translation>评审专家文件 (%1)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/file_kinds.py" line="48" />
        <source>Round and reviewer files (%1)</source>
        <translation>评价轮次文件和评审专家文件 (%1)</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="57" />
        <source>Users' guides</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="58" />
        <source>Guide for reviewers</source>
        <translation>评审专家使用指南</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="59" />
        <source>Guide for the panel</source>
        <translation>评价工作小组使用指南</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="60" />
        <source>Guide for the secretary</source>
        <translation>秘书处使用指南</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="77" />
        <source>Show the guide's folder</source>
        <translation>打开指南所在文件夹</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="100" />
        <source>Next / previous field (score → evidence note → next indicator)</source>
        <translation>下一个 / 上一个输入框（评分 → 评分依据 → 下一项指标）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="102" />
        <source>Raise or lower a score by one step</source>
        <translation>评分增加或减少一档</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="103" />
        <source>In the alliance list or the filter: go to the form</source>
        <translation>在联盟列表或筛选框中：转到评分表单</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="147" />
        <location filename="../../src/alliance_review/gui/help.py" line="151" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="153" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="153" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="153" />
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="156" />
        <source>In a field</source>
        <translation>输入框内</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="185" />
        <source>About Alliance Activity Review</source>
        <translation>关于联盟活跃度评价</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="189" />
        <source>Alliance Activity Review</source>
        <translation>联盟活跃度评价</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="190" />
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="191" />
        <source>The yearly activity evaluation of industry technology innovation alliances.</source>
        <translation>产业技术创新战略联盟年度活跃度评价。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="198" />
        <source>Data folder (demo round, backups): %1</source>
        <translation>数据文件夹（演示轮次、备份）：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="202" />
        <source>Settings folder: %1</source>
        <translation>设置文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="210" />
        <source>Licences</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="229" />
        <source>Bundled fonts</source>
        <translation>随附字体</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="230" />
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="240" />
        <source>This is the standalone build of the app.</source>
        <translation>这是无需安装 Python 的独立版本。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="244" />
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="253" />
        <source>Licences (click a name for its text):</source>
        <translation>许可协议（点击名称查看全文）：</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="296" />
        <source>Guide for &amp;reviewers</source>
        <translation>评审专家使用指南(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="297" />
        <source>Guide for the &amp;panel</source>
        <translation>评价工作小组使用指南(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="298" />
        <source>Guide for the &amp;secretary</source>
        <translation>秘书处使用指南(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="299" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/help.py" line="300" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="192" />
        <source>Round (panel, secretary)</source>
        <translation>评价轮次（工作小组、秘书处）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="194" />
        <source>Reviewer file</source>
        <translation>评审专家文件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="195" />
        <source>Evaluation file</source>
        <translation>评价文件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="198" />
        <source>Alliance Activity Review</source>
        <translation>联盟活跃度评价</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="201" />
        <source>The yearly activity evaluation of industry technology innovation alliances: reviewers score offline, the panel merges and decides, the secretary publishes the ranked appendix.</source>
        <translation>产业技术创新战略联盟年度活跃度评价：评审专家离线打分，评价工作小组合并并决定，秘书处发布排名附件。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="206" />
        <source>Reviewers</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="207" />
        <source>Panel and secretary</source>
        <translation>评价工作小组与秘书处</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="208" />
        <source>Open a reviewer file…</source>
        <translation>打开评审专家文件…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="210" />
        <source>Score the alliances assigned to you in the file the liaison group sent.</source>
        <translation>在联络组发来的文件中为分配给您的联盟打分。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="212" />
        <source>Open a round…</source>
        <translation>打开评价轮次…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="214" />
        <source>Merge returned reviewer files, decide, publish the appendix.</source>
        <translation>合并交回的评审专家文件，作出决定，发布排名附件。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="216" />
        <source>New round…</source>
        <translation>新建评价轮次…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="218" />
        <source>Set up a year's evaluation: rubric, roster, reviewers.</source>
        <translation>设置一年的评价：评价指标、联盟名单、评审专家。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="220" />
        <source>Open the 2015 demo round</source>
        <translation>打开 2015 年演示轮次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="221" />
        <source>Try the app on the published 2015 evaluation.</source>
        <translation>用已发布的 2015 年评价结果试用本软件。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="222" />
        <location filename="../../src/alliance_review/gui/start_page.py" line="224" />
        <source>Recent files</source>
        <translation>最近打开的文件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="223" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="223" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="223" />
        <source>Folder</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="225" />
        <source>No file opened yet.</source>
        <translation>尚未打开过文件。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="227" />
        <source>You can also drop a round file or a reviewer file on this window.</source>
        <translation>也可以把评价轮次文件或评审专家文件拖放到此窗口。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/start_page.py" line="240" />
        <source>%1 (missing)</source>
        <translation>%1（文件已不存在）</translation>
    </message>
</context>
</TS>