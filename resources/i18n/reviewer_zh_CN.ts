<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllianceListModel</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="84" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="85" />
        <source>In progress</source>
        <translation>评分中</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="86" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="92" />
        <source>Batch unknown</source>
        <translation>批次不详</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="96" />
        <source>Alliance</source>
        <translation>联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="97" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="98" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="99" />
        <source>My total</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="100" />
        <source>Self total</source>
        <translation>自评</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="149" />
        <source>{scored} / {total} indicators scored</source>
        <translation>已评 {scored} / {total} 项</translation>
    </message>
    <message>
        <source>{scored} of {total} indicators scored</source>
        <translation type="vanished">已评 {scored} / {total} 项二级指标</translation>
    </message>
</context>
<context>
    <name>AlliancePane</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/list_pane.py" line="95" />
        <source>Showing {shown} / {total} alliances</source>
        <extracomment>while a filter is typed: how many of the alliances the list shows</extracomment>
        <translation>显示 {shown} / {total} 家</translation>
    </message>
</context>
<context>
    <name>FileLock</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="40" />
        <source>another program (its lock file cannot be read)</source>
        <translation>另一个程序（其锁定文件无法读取）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="42" />
        <source>another window of this program</source>
        <translation>本程序的另一个窗口</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="43" />
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="45" />
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="47" />
        <source>the computer {host}</source>
        <translation>计算机 {host}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="49" />
        <source>{person} on {where}, since {time}</source>
        <translation>{where}上的 {person}（自 {time} 起）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="63" />
        <source>The file is open elsewhere</source>
        <translation>文件已在别处打开</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="65" />
        <source>{file} is open in {who}. Two windows on one file would each keep their own values. Open it read-only here?</source>
        <translation>「{file}」已在{who}中打开。两个窗口同时编辑一个文件，各自的数值会互相覆盖。在这里以只读方式打开吗？</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="72" />
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="78" />
        <source>If that computer no longer has it open (it was switched off), you can take the file over.</source>
        <translation>如果那台计算机已不再打开此文件（例如已关机），可以接管此文件。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="85" />
        <source>Take over and edit</source>
        <translation>接管并编辑</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="120" />
        <source>Read-only: this file is open in {who}. What you see is the file as it was when you opened it; close it there to edit it here.</source>
        <translation>只读：此文件已在{who}中打开。这里显示的是打开时的内容；在那里关闭后才能在这里编辑。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="51" />
        <source>Import scoring workbook</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="94" />
        <source>{file}: {rows} rows read, {changes} change(s) to import.</source>
        <translation>「{file}」：读取 {rows} 行，将导入 {changes} 项改动。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="98" />
        <source>{count} alliance(s) will no longer be marked done.</source>
        <translation>{count} 家联盟的“已完成”标记将被取消。</translation>
    </message>
    <message>
        <source>{count} cell(s) are blank in the workbook where this file holds a score or note (work done after the workbook was exported?). They are kept as they are.</source>
        <translation type="vanished">评分表中有 {count} 处留空，而本文件中已有评分或评分依据（也许是导出评分表之后在程序中完成的）。这些内容将保持不变。</translation>
    </message>
    <message>
        <source>{count} cell(s) are blank in the workbook: importing erases these scores and notes.</source>
        <translation type="vanished">评分表中有 {count} 处留空：导入将清除这些评分和评分依据。</translation>
    </message>
    <message>
        <source>Erase these {count} score(s) and note(s) as the workbook has them</source>
        <translation type="vanished">按评分表清除这 {count} 项评分和评分依据</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="105" />
        <source>{count} cell(s) are blank in the workbook where this file holds a score, note or ticked evidence item (work done after the workbook was exported?). They are kept as they are.</source>
        <translation>评分表中有 {count} 处留空，而本文件中已有评分、评分依据或评价要点勾选（也许是导出评分表之后在程序中完成的）。这些内容将保持不变。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="111" />
        <source>{count} cell(s) are blank in the workbook: importing erases these scores, notes and ticks.</source>
        <translation>评分表中有 {count} 处留空：导入将清除这些评分、评分依据和评价要点勾选。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="116" />
        <source>Erase these {count} entries as the workbook has them</source>
        <translation>按评分表清除这 {count} 项内容</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="126" />
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="126" />
        <source>Alliance</source>
        <translation>联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="126" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="126" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="127" />
        <source>Evidence note</source>
        <translation>评分依据</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="127" />
        <source>Evidence items</source>
        <translation>评价要点</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="136" />
        <source>{old} → —</source>
        <translation>{old} → —</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="78" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>IndicatorRow</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="177" />
        <source>Not saved</source>
        <extracomment>the counter under a note appears from this length on what is wrong with the typed score, or that leaving the field clears it</extracomment>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not saved; the file keeps {points}</source>
        <translation type="vanished">未保存，仍为 {points} 分</translation>
    </message>
    <message>
        <source>Not saved; still {points}</source>
        <translation type="vanished">未保存，仍为 {points} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="179" />
        <source>Not saved; leaving puts back {points}</source>
        <translation>未保存，离开时恢复为 {points} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="185" />
        <source>Leave the field to clear {points}; Esc keeps it</source>
        <translation>离开此栏即清除 {points} 分；按 Esc 保留</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="192" />
        <source>“{typed}” was not a valid score: {points} put back</source>
        <translation>“{typed}”不是有效分数，已恢复为 {points}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="210" />
        <source>{count} / {max} characters: the limit; {left} pasted characters did not fit and were left out</source>
        <translation>{count} / {max} 字，已达上限；{left} 个粘贴的字符未能放入</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="218" />
        <source>{count} / {max} characters: the limit; what did not fit was not entered</source>
        <translation>{count} / {max} 字：已达上限，超出的文字未输入</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="224" />
        <source>{count} / {max} characters</source>
        <translation>{count} / {max} 字</translation>
    </message>
</context>
<context>
    <name>MissingText</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="183" />
        <source>{alliance} cannot be marked done yet.</source>
        <translation>「{alliance}」还不能标记为完成。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="190" />
        <source>Not scored ({count}):</source>
        <translation>尚未评分（{count} 项）：</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="200" />
        <source>{points} of {max}, below full marks</source>
        <translation>{points} 分，低于满分 {max} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="204" />
        <source>{points}, the rule suggests {suggested}: give a reason</source>
        <translation>{points} 分，按勾选要点建议 {suggested} 分：须说明理由</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="208" />
        <source>{points}, self-score {self}</source>
        <translation>{points} 分，自评 {self} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="211" />
        <source>{name} ({why})</source>
        <translation>{name}（{why}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="214" />
        <source>Evidence note needed ({count}):</source>
        <translation>须填写评分依据（{count} 项）：</translation>
    </message>
</context>
<context>
    <name>ReviewerCommands</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="61" />
        <source>Score {code} of {alliance}</source>
        <translation>评分 {code}（{alliance}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="63" />
        <source>Note {code} of {alliance}</source>
        <translation>评分依据 {code}（{alliance}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="127" />
        <source>Evidence items {code} of {alliance}</source>
        <translation>{alliance} {code} 的评价要点</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="129" />
        <source>Reason {code} of {alliance}</source>
        <translation>{alliance} {code} 的偏离理由</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="186" />
        <source>Mark {alliance} done</source>
        <translation>标记完成（{alliance}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="188" />
        <source>Reopen {alliance}</source>
        <translation>重新打开（{alliance}）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="216" />
        <source>Import {count} change(s) from the workbook</source>
        <translation>从评分表导入 {count} 项改动</translation>
    </message>
</context>
<context>
    <name>ReviewerWorkspace</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="64" />
        <source>Mark &amp;done and go to next unfinished</source>
        <translation>标记完成并转到下一家(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="65" />
        <source>&amp;Reopen alliance</source>
        <translation>重新打开该联盟(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="66" />
        <source>&amp;Next alliance</source>
        <translation>下一家联盟(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="67" />
        <source>&amp;Previous alliance</source>
        <translation>上一家联盟(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="68" />
        <source>Next &amp;unfinished alliance</source>
        <translation>下一家未完成的联盟(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="69" />
        <source>&amp;Find alliance</source>
        <translation>查找联盟(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="70" />
        <source>&amp;Export scoring workbook…</source>
        <translation>导出离线评分表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="71" />
        <source>&amp;Import scoring workbook…</source>
        <translation>导入评分表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="72" />
        <source>&amp;Submit for return…</source>
        <translation>提交评分(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="73" />
        <source>&amp;Scoring</source>
        <translation>评分(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="79" />
        <source>Tab next field · {done} done, next · {next} / {previous} next / previous · Ctrl+Z undo</source>
        <translation>Tab 下一栏 · {done} 标记完成并转到下一家 · {next} / {previous} 下一家 / 上一家 · Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Tab next field · {done} done, to the next · {next} / {previous} next / previous alliance · Ctrl+Z undo</source>
        <translation type="vanished">Tab 下一栏 · {done} 标记完成并转到下一家 · {next} / {previous} 下一家 / 上一家 · Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Tab: next field · {done}: done, next alliance · {next} / {previous}: next / previous alliance · Ctrl+Z: undo</source>
        <translation type="vanished">Tab：下一栏 · {done}：标记完成，转到下一家 · {next} / {previous}：下一家 / 上一家 · Ctrl+Z：撤销</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="153" />
        <source>Filter by any part of a name</source>
        <extracomment>after this long without an edit, the write-ahead log is folded into the file</extracomment>
        <translation>按名称中的任意文字筛选</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="154" />
        <source>Filter your alliances</source>
        <translation>筛选您的联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="155" />
        <source>Your alliances</source>
        <translation>您的联盟</translation>
    </message>
    <message>
        <source>Unfinished score</source>
        <translation>评分未完成</translation>
    </message>
    <message>
        <source>{code} shows “{text}”, which is not a valid score and is not saved. Close and keep {points}, or go back to the field?</source>
        <translation>{code} 中是“{text}”，不是有效分数，未保存。关闭并保留 {points}，还是回到该栏？</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="278" />
        <source>Score {code} cleared (was {points}); {undo} brings it back</source>
        <translation>已清除 {code} 的评分（原为 {points}）；按 {undo} 可恢复</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="337" />
        <source>{code}: “{typed}” is not a valid score and was not saved; {points} put back</source>
        <translation>{code}：“{typed}”不是有效分数，未保存；已恢复为 {points}</translation>
    </message>
    <message>
        <source>Not saved (not a valid score): {entries}</source>
        <translation type="vanished">未保存（不是有效分数）：{entries}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="214" />
        <source>{code} shows “{text}”, which is not a valid score and is not saved. Close anyway and keep {points}? (No goes back to the field.)</source>
        <translation>{code} 中是“{text}”，不是有效分数，未保存。仍要关闭并保留 {points} 吗？（选“否”回到该栏。）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="352" />
        <source>{code} shows “{text}”, which is not a valid score and is not saved. Correct it, or press Esc to show the saved score.</source>
        <translation>{code} 中的“{text}”不是有效分数，没有保存。请改正，或按 Esc 显示已保存的分数。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="390" />
        <source>Mark done ✓</source>
        <translation>标记完成 ✓</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="411" />
        <source>{done} / {total} alliances done</source>
        <translation>已完成 {done} / {total} 家</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="417" />
        <source>{scored} fully scored</source>
        <translation>已评完 {scored} 家</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="420" />
        <source>read-only copy</source>
        <translation>只读副本</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/navigation.py" line="151" />
        <source>Every alliance is marked done. Submit when you are ready.</source>
        <translation>所有联盟均已标记完成，可以提交评分。</translation>
    </message>
    <message>
        <source>Tab: score → note → next indicator · ↑↓: change a score · {done}: done, next unfinished · {next} / {previous}: next / previous alliance</source>
        <translation type="vanished">Tab：评分 → 评分依据 → 下一指标 · ↑↓：调整分数 · {done}：标记完成并转到下一个 · {next} / {previous}：下一个 / 上一个联盟</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation type="vanished">改动未保存</translation>
    </message>
    <message>
        <source>Not saved (not a valid score), {alliance}: {entries}</source>
        <translation type="vanished">未保存（不是有效分数），{alliance}：{entries}</translation>
    </message>
    <message>
        <source>Not yet complete</source>
        <translation type="vanished">尚未完成</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="390" />
        <source>Done ✓ — reopen</source>
        <translation>已完成 ✓（点击重新打开）</translation>
    </message>
    <message>
        <source>{scored} / {total} scored · {done} done</source>
        <translation type="vanished">已评完 {scored} / {total} 个联盟 · 已完成 {done} 个</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="422" />
        <source>saved {time}</source>
        <translation>已自动保存 {time}</translation>
    </message>
    <message>
        <source>{done} of {total} alliances done</source>
        <translation type="vanished">已完成 {done} / {total} 个联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="41" />
        <source>Export scoring workbook</source>
        <translation>导出离线评分表</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="43" />
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="80" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="62" />
        <source>Writing the workbook…</source>
        <translation>正在写入评分表…</translation>
    </message>
    <message>
        <source>Cannot export the workbook</source>
        <translation type="vanished">无法导出评分表</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="55" />
        <source>Workbook written ({rows} rows): {path}</source>
        <translation>已导出评分表（{rows} 行）：{path}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="78" />
        <source>Import scoring workbook</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="115" />
        <source>Reading the workbook…</source>
        <translation>正在读取评分表…</translation>
    </message>
    <message>
        <source>The workbook was not imported</source>
        <translation type="vanished">评分表未导入</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="103" />
        <source>{count} change(s) imported from {file}</source>
        <translation>已从「{file}」导入 {count} 项改动</translation>
    </message>
    <message>
        <source>Submit for return</source>
        <translation type="vanished">提交评分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="157" />
        <source>{count} of {total} alliances are not marked done yet. Submit anyway? You can go on scoring and submit again later.</source>
        <translation>{total} 家联盟中还有 {count} 家未标记完成。仍要提交吗？提交后仍可继续评分并再次提交。</translation>
    </message>
    <message>
        <source>Cannot submit</source>
        <translation type="vanished">无法提交</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="196" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="204" />
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="170" />
        <source>Revision {revision} is sealed ({reviewer}, {time}); {done} of {total} alliances are done.

Send this file back to the liaison group:
{path}</source>
        <translation>第 {revision} 版已封存（{reviewer}，{time}），已完成 {done} / {total} 家。

请将此文件发回联络组：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="135" />
        <source>The workbook completes {count} alliance(s) (such as {name}). Mark them done?</source>
        <translation>评分表使 {count} 家联盟评完（如「{name}」）。将它们标记为已完成吗？</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="145" />
        <source>Mark {count} alliance(s) done</source>
        <translation>将 {count} 家联盟标记为已完成</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="184" />
        <source>Revision {revision} submitted: {path}</source>
        <translation>已提交第 {revision} 版：{path}</translation>
    </message>
</context>
<context>
    <name>ScoringForm</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="204" />
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="384" />
        <source>No alliance selected</source>
        <extracomment>(indicator code, points or None) and (indicator code, note) as the reviewer types (indicator code, frozenset of ticked item keys) and (indicator code, reason) (indicator code, typed text, points put back or None): an invalid entry was left a field gained focus (indicator code, True for the note): the start of a new edit (undo merges the keystrokes within one) one line on how to move through the work (its text comes from the workspace)</extracomment>
        <translation>未选择联盟</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="222" />
        <source>No self-evaluation</source>
        <translation>无自评价</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="225" />
        <source>Self-score {points}</source>
        <translation>自评 {points} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="242" />
        <source>Evidence note (required)</source>
        <translation>评分依据（必填）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="242" />
        <source>Evidence note</source>
        <translation>评分依据</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="283" />
        <source> (self-evaluation: yes)</source>
        <translation>（自评：有）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="290" />
        <source>Suggested by the ticks: {points}</source>
        <translation>按勾选的要点建议：{points} 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="291" />
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="302" />
        <source>Why the points differ from the suggestion</source>
        <translation>分值与建议不同的理由</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="314" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="315" />
        <source>In progress</source>
        <translation>评分中</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="316" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="320" />
        <source>Batch unknown</source>
        <translation>批次不详</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="322" />
        <source>{scored} / {total} indicators scored</source>
        <translation>已评 {scored} / {total} 项</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="327" />
        <source>Self total {points}</source>
        <translation>自评总分 {points}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="375" />
        <source>Score: %1</source>
        <translation>评分：%1</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="377" />
        <source>Points from 0 to %1</source>
        <translation>0 至 %1 分</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="379" />
        <source>Evidence note: %1</source>
        <translation>评分依据：%1</translation>
    </message>
    <message>
        <source>Self-evaluation total {points}</source>
        <translation type="vanished">自评总分 {points}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="332" />
        <source>My total / {max}</source>
        <translation>本人评分 / {max}</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/form.py" line="338" />
        <source>Subtotal {points} / {max}</source>
        <translation>小计 {points} / {max}</translation>
    </message>
</context>
<context>
    <name>SealedBanner</name>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="72" />
        <source>Submitted copy, revision {revision} (sealed {time}): read-only. To go on scoring, open your working file, or continue from this copy as revision {next}.</source>
        <extracomment>a file continued from this copy could be submitted (this computer keeps the reviewer's signing key); else the banner says so before any work starts</extracomment>
        <translation>这是已提交的第 {revision} 版（{time} 封存），只读。如需继续评分，请打开您的评审文件，或以此版为基础继续评第 {next} 版。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="79" />
        <source>Submitted copy, revision {revision} (sealed {time}): read-only. To go on scoring, open your working file. A file continued from this copy could not be submitted: the copy carries no signing key, and this computer does not keep it.</source>
        <translation>已提交的副本，第 {revision} 版（封存于 {time}）：只读。如需继续评分，请打开您的评分文件。由此副本继续得到的文件无法提交：副本不带签名密钥，本机也没有保存该密钥。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="87" />
        <source>Submitted copy, revision {revision} (sealed {time}): read-only. A file continued from this copy could not be submitted: the copy carries no signing key, and this computer does not keep it. Go on in the reviewer file you were issued and submitted from (on the computer where you scored), or ask the secretary for a new file.</source>
        <translation>已提交的副本，第 {revision} 版（封存于 {time}）：只读。由此副本继续得到的文件无法提交：副本不带签名密钥，本机也没有保存该密钥。请在发给您、您用来提交的评审专家文件中继续（在您评分的那台计算机上），或向联络组索取新的文件。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="98" />
        <source>Open {file}</source>
        <translation>打开「{file}」</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="101" />
        <source>Continue as revision {next}…</source>
        <translation>继续评第 {next} 版…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="114" />
        <source>New working file</source>
        <translation>新的评审文件</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="116" />
        <source>Reviewer file (*.sqlite)</source>
        <translation>评审专家文件 (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="150" />
        <source>This file carries no signing key, so it cannot be submitted. Go on in the reviewer file you were issued (on the computer where you scored), or ask the secretary for a new file; scores can be carried over with the scoring workbook (Export / Import scoring workbook).</source>
        <translation>此文件不带签名密钥，因此不能提交。请在发给您的评审专家文件中继续（在您评分的那台计算机上），或向联络组索取新的文件；评分可用离线评分表（导出/导入评分表）带过去。</translation>
    </message>
    <message>
        <source>Cannot continue from this copy</source>
        <translation type="vanished">无法以此副本继续</translation>
    </message>
</context>
</TS>