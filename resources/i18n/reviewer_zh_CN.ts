<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllianceListModel</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="60" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="61" />
        <source>In progress</source>
        <translation>评分中</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="62" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="67" />
        <source>Alliance</source>
        <translation>联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="68" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="69" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="70" />
        <source>My total</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="71" />
        <source>Self total</source>
        <translation>自评</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="120" />
        <source>{scored} of {total} indicators scored</source>
        <translation>已评 {scored} / {total} 项二级指标</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="40" />
        <source>Import scoring workbook</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="41" />
        <source>{file}: {rows} rows read, {changes} change(s) to import.</source>
        <translation>「{file}」：读取 {rows} 行，将导入 {changes} 项改动。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="45" />
        <source>{count} alliance(s) will no longer be marked done.</source>
        <translation>{count} 个联盟的“已完成”标记将被取消。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="52" />
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="52" />
        <source>Alliance</source>
        <translation>联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="52" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="52" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="53" />
        <source>Evidence note</source>
        <translation>评分依据</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="84" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>MissingText</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="101" />
        <source>{alliance} cannot be marked done yet.</source>
        <translation>「{alliance}」还不能标记为完成。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="108" />
        <source>Not scored ({count}):</source>
        <translation>尚未评分（{count} 项）：</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="118" />
        <source>{points} of {max}, below full marks</source>
        <translation>{points} 分，低于满分 {max} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="122" />
        <source>{points}, self-score {self}</source>
        <translation>{points} 分，自评 {self} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="125" />
        <source>{name} ({why})</source>
        <translation>{name}（{why}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="128" />
        <source>Evidence note needed ({count}):</source>
        <translation>须填写评分依据（{count} 项）：</translation>
    </message>
</context>
<context>
    <name>ReviewerCommands</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="66" />
        <source>Score {code} of {alliance}</source>
        <translation>评分 {code}（{alliance}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="68" />
        <source>Note {code} of {alliance}</source>
        <translation>评分依据 {code}（{alliance}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="120" />
        <source>Mark {alliance} done</source>
        <translation>标记完成（{alliance}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="122" />
        <source>Reopen {alliance}</source>
        <translation>重新打开（{alliance}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="153" />
        <source>Import {count} change(s) from the workbook</source>
        <translation>从评分表导入 {count} 项改动</translation>
    </message>
</context>
<context>
    <name>ReviewerWorkspace</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="194" />
        <source>Mark &amp;done and go to next unfinished</source>
        <translation>标记完成并转到下一个未完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="195" />
        <source>&amp;Reopen alliance</source>
        <translation>重新打开该联盟(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="196" />
        <source>&amp;Next alliance</source>
        <translation>下一个联盟(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="197" />
        <source>&amp;Previous alliance</source>
        <translation>上一个联盟(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="198" />
        <source>Next &amp;unfinished alliance</source>
        <translation>下一个未完成的联盟(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="199" />
        <source>&amp;Find alliance</source>
        <translation>查找联盟(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="200" />
        <source>&amp;Export scoring workbook…</source>
        <translation>导出离线评分表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="201" />
        <source>&amp;Import scoring workbook…</source>
        <translation>导入评分表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="202" />
        <source>&amp;Submit for return…</source>
        <translation>提交评分(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="203" />
        <source>&amp;Scoring</source>
        <translation>评分(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="215" />
        <source>Filter by any part of a name</source>
        <translation>按名称中的任意文字筛选</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="216" />
        <source>Filter your alliances</source>
        <translation>筛选您的联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="217" />
        <source>Your alliances</source>
        <translation>您的联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="449" />
        <source>Mark done ✓</source>
        <translation>标记完成 ✓</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="346" />
        <source>Every alliance is marked done. Submit when you are ready.</source>
        <translation>所有联盟均已标记完成，可以提交评分。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="211" />
        <source>Tab: score → note → next indicator · ↑↓: change a score · {done}: done, next unfinished · {next} / {previous}: next / previous alliance</source>
        <translation>Tab：评分 → 评分依据 → 下一指标 · ↑↓：调整分数 · {done}：标记完成并转到下一个 · {next} / {previous}：下一个 / 上一个联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="409" />
        <source>The change was not saved</source>
        <translation>改动未保存</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="423" />
        <source>Not yet complete</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="449" />
        <source>Done ✓ — reopen</source>
        <translation>已完成 ✓（点击重新打开）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="468" />
        <source>{scored} / {total} scored · {done} done</source>
        <translation>已评完 {scored} / {total} 个联盟 · 已完成 {done} 个</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="472" />
        <source>saved {time}</source>
        <translation>已自动保存 {time}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="480" />
        <source>{done} of {total} alliances done</source>
        <translation>已完成 {done} / {total} 个联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="35" />
        <source>Export scoring workbook</source>
        <translation>导出离线评分表</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="37" />
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="74" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="45" />
        <source>Writing the workbook…</source>
        <translation>正在写入评分表…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="50" />
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="54" />
        <source>Cannot export the workbook</source>
        <translation>无法导出评分表</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="59" />
        <source>Workbook written ({rows} rows): {path}</source>
        <translation>已导出评分表（{rows} 行）：{path}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="72" />
        <source>Import scoring workbook</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="83" />
        <source>Reading the workbook…</source>
        <translation>正在读取评分表…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="87" />
        <source>The workbook was not imported</source>
        <translation>评分表未导入</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="99" />
        <source>{count} change(s) imported from {file}</source>
        <translation>已从「{file}」导入 {count} 项改动</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="112" />
        <source>Submit for return</source>
        <translation>提交评分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="113" />
        <source>{count} of {total} alliances are not marked done yet. Submit anyway? You can go on scoring and submit again later.</source>
        <translation>{total} 个联盟中还有 {count} 个未标记完成。仍要提交吗？提交后仍可继续评分并再次提交。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="124" />
        <source>Cannot submit</source>
        <translation>无法提交</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="153" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="161" />
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="127" />
        <source>Revision {revision} is sealed ({reviewer}, {time}); {done} of {total} alliances are done.

Send this file back to the liaison group:
{path}</source>
        <translation>第 {revision} 版已封存（{reviewer}，{time}），已完成 {done} / {total} 个联盟。

请将此文件发回联络组：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="141" />
        <source>Revision {revision} submitted: {path}</source>
        <translation>已提交第 {revision} 版：{path}</translation>
    </message>
</context>
<context>
    <name>ScoringForm</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="186" />
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="297" />
        <source>No alliance selected</source>
        <extracomment>(indicator code, points or None) and (indicator code, note) as the reviewer types a field gained focus: the start of a new edit (undo merges keystrokes within one)</extracomment>
        <translation>未选择联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="201" />
        <source>No self-evaluation</source>
        <translation>无自评价</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="204" />
        <source>Self-score {points}</source>
        <translation>自评 {points} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="221" />
        <source>Evidence note (required)</source>
        <translation>评分依据（必填）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="221" />
        <source>Evidence note</source>
        <translation>评分依据</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="246" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="247" />
        <source>In progress</source>
        <translation>评分中</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="248" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="252" />
        <source>Batch unknown</source>
        <translation>批次不详</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="254" />
        <source>{scored} / {total} indicators scored</source>
        <translation>已评 {scored} / {total} 项</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="260" />
        <source>Self-evaluation total {points}</source>
        <translation>自评总分 {points}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="266" />
        <source>My total / {max}</source>
        <translation>本人评分 / {max}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="272" />
        <source>Subtotal {points} / {max}</source>
        <translation>小计 {points} / {max}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="289" />
        <source>Score: %1</source>
        <translation>评分：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="291" />
        <source>Points from 0 to %1</source>
        <translation>0 至 %1 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="293" />
        <source>Evidence note: %1</source>
        <translation>评分依据：%1</translation>
    </message>
</context>
</TS>