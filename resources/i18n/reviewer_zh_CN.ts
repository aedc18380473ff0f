<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AllianceListModel</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="61" />
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="62" />
            <source>In progress</source>
            <translation>评分中</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="63" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="68" />
            <source>Batch unknown</source>
            <translation>批次不详</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="72" />
            <source>Alliance</source>
            <translation>联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="73" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="74" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="75" />
            <source>My total</source>
            <translation>评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="76" />
            <source>Self total</source>
            <translation>自评</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="125" />
            <source>%1 / %2 indicators scored</source>
            <translation>已评 %1 / %2 项</translation>
        </message>
        <message>
            <source>{scored} of {total} indicators scored</source>
            <translation type="vanished">已评 {scored} / {total} 项二级指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/alliance_list.py" line="125" />
            <source>{scored} / {total} indicators scored</source>
            <translation type="vanished">已评 {scored} / {total} 项</translation>
        </message>
    </context>
    <context>
        <name>AlliancePane</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/list_pane.py" line="95" />
            <source>Showing %1 / %2 alliances</source>
            <extracomment>while a filter is typed: how many of the alliances the list shows</extracomment>
            <translation>显示 %1 / %2 家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/list_pane.py" line="95" />
            <source>Showing {shown} / {total} alliances</source>
            <extracomment>while a filter is typed: how many of the alliances the list shows</extracomment>
            <translation type="vanished">显示 {shown} / {total} 家</translation>
        </message>
    </context>
    <context>
        <name>DocumentsPane</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="128" />
            <source>Hide the documents (Ctrl+Shift+D)</source>
            <extracomment>the form's columns fit from this width on; the pane is of use from this one a window at least this wide shows the documents beside the form from the start</extracomment>
            <translation>隐藏佐证材料（Ctrl+Shift+D）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="129" />
            <source>Hide the documents</source>
            <translation>隐藏佐证材料</translation>
        </message>
        <message>
            <source>This document is not in this file. If the secretary sent the documents as a separate package (a .zip beside the reviewer file), put it in the same folder and open the file again.</source>
            <translation type="vanished">本文件中没有该文档。如果联络组把佐证材料另成一个包（评审专家文件旁的 .zip 文件）发送，请把它放在同一文件夹中，再重新打开本文件。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="130" />
            <source>This document is not in this file. If the secretary sent the documents as a separate package (a .zip beside the reviewer file), put it in the same folder and open the file again, or take them from the package here.</source>
            <translation>本文件中没有该文档。如果联络组把佐证材料另成一个包（评审专家文件旁的 .zip 文件）发送，请把它放在同一文件夹中再重新打开本文件，或在此从该包中取出。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="138" />
            <source>Take the documents from a package or file…</source>
            <translation>从佐证材料包或文件中取出文档…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="152" />
            <source>Documents (%1)</source>
            <translation>佐证材料（%1）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="154" />
            <source>Documents</source>
            <translation>佐证材料</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="172" />
            <source>%1 document(s): %2 shows them</source>
            <translation>%1 份佐证材料：按 %2 显示</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="282" />
            <source>Cited %1 in the note of %2</source>
            <translation>已在 %2 的评分依据中引用 %1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="295" />
            <source>Document package or reviewer file</source>
            <translation>佐证材料包或评审专家文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="297" />
            <source>Document package or reviewer file (%1);;All files (*)</source>
            <translation>佐证材料包或评审专家文件 (%1);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="316" />
            <source>%1 document(s) taken from %2</source>
            <translation>已从「%2」取出 %1 份文档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="320" />
            <source>; %1 did not match their fingerprint and were left out</source>
            <translation>；%1 份与指纹不符，未取出</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="326" />
            <source>Checking and taking the documents…</source>
            <translation>正在核对并取出文档…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="429" />
            <source>Switch between form and &amp;document</source>
            <translation>在评分表与文档之间切换(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="430" />
            <source>&amp;Cite the page in view in the note</source>
            <translation>在评分依据中引用当前页(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="431" />
            <source>Show or hide the d&amp;ocuments</source>
            <translation>显示或隐藏佐证材料(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="152" />
            <source>Documents ({count})</source>
            <translation type="vanished">佐证材料（{count}）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="172" />
            <source>{count} document(s): {keys} shows them</source>
            <translation type="vanished">{count} 份佐证材料：按 {keys} 显示</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="282" />
            <source>Cited {citation} in the note of {code}</source>
            <translation type="vanished">已在 {code} 的评分依据中引用 {citation}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="316" />
            <source>{taken} document(s) taken from {file}</source>
            <translation type="vanished">已从「{file}」取出 {taken} 份文档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/documents_pane.py" line="320" />
            <source>; {count} did not match their fingerprint and were left out</source>
            <translation type="vanished">；{count} 份与指纹不符，未取出</translation>
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
            <source>%1: %2 rows read, %3 change(s) to import.</source>
            <translation>「%1」：读取 %2 行，将导入 %3 项改动。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="98" />
            <source>%1 alliance(s) will no longer be marked done.</source>
            <translation>%1 家联盟的“已完成”标记将被取消。</translation>
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
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="107" />
            <source>%1 cell(s) are blank in the workbook where this file holds a score, note or ticked evidence item (work done after the workbook was exported?). They are kept as they are.</source>
            <translation>评分表中有 %1 处留空，而本文件中已有评分、评分依据或评价要点勾选（也许是导出评分表之后在程序中完成的）。这些内容将保持不变。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="113" />
            <source>%1 cell(s) are blank in the workbook: importing erases these scores, notes and ticks.</source>
            <translation>评分表中有 %1 处留空：导入将清除这些评分、评分依据和评价要点勾选。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="118" />
            <source>Erase these %1 entries as the workbook has them</source>
            <translation>按评分表清除这 %1 项内容</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="128" />
            <source>Cell</source>
            <translation>单元格</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="128" />
            <source>Alliance</source>
            <translation>联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="128" />
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="128" />
            <source>Score</source>
            <translation>评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="129" />
            <source>Evidence note</source>
            <translation>评分依据</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="129" />
            <source>Evidence items</source>
            <translation>评价要点</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="138" />
            <source>%1 → —</source>
            <translation>%1 → —</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="78" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="94" />
            <source>{file}: {rows} rows read, {changes} change(s) to import.</source>
            <translation type="vanished">「{file}」：读取 {rows} 行，将导入 {changes} 项改动。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="98" />
            <source>{count} alliance(s) will no longer be marked done.</source>
            <translation type="vanished">{count} 家联盟的“已完成”标记将被取消。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="107" />
            <source>{count} cell(s) are blank in the workbook where this file holds a score, note or ticked evidence item (work done after the workbook was exported?). They are kept as they are.</source>
            <translation type="vanished">评分表中有 {count} 处留空，而本文件中已有评分、评分依据或评价要点勾选（也许是导出评分表之后在程序中完成的）。这些内容将保持不变。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="113" />
            <source>{count} cell(s) are blank in the workbook: importing erases these scores, notes and ticks.</source>
            <translation type="vanished">评分表中有 {count} 处留空：导入将清除这些评分、评分依据和评价要点勾选。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="118" />
            <source>Erase these {count} entries as the workbook has them</source>
            <translation type="vanished">按评分表清除这 {count} 项内容</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="138" />
            <source>{old} → —</source>
            <translation type="vanished">{old} → —</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="0" />
            <source>%1 alliance(s) will be marked done.</source>
            <translation>%1 家联盟将标记为已完成。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="0" />
            <source>%1 alliance(s) will have their done mark cleared.</source>
            <translation>%1 家联盟将取消已完成标记。</translation>
        </message>
    </context>
    <context>
        <name>IndicatorRow</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="174" />
            <source>Not saved</source>
            <extracomment>the counter under a note appears from this length on what is wrong with the typed score, or that leaving the field clears it</extracomment>
            <translation>未保存</translation>
        </message>
        <message>
            <source>Not saved; the file keeps {points}</source>
            <translation type="vanished">未保存，仍为 {points} 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="176" />
            <source>Not saved; still {points}</source>
            <translation type="vanished">未保存，仍为 {points} 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="183" />
            <source>Leave the field to clear %1; Esc keeps it</source>
            <translation>离开此栏即清除 %1 分；按 Esc 保留</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="201" />
            <source>%1 / %2 characters: the limit; what did not fit was not entered</source>
            <translation>%1 / %2 字：已达上限，超出的文字未输入</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="207" />
            <source>%1 / %2 characters</source>
            <translation>%1 / %2 字</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="179" />
            <source>Not saved; leaving puts back %1</source>
            <translation>未保存，离开时恢复为 %1 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="192" />
            <source>“%1” was not a valid score: %2 put back</source>
            <translation>“%1”不是有效分数，已恢复为 %2</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="210" />
            <source>%1 / %2 characters: the limit; %3 pasted characters did not fit and were left out</source>
            <translation>%1 / %2 字，已达上限；%3 个粘贴的字符未能放入</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="183" />
            <source>Leave the field to clear {points}; Esc keeps it</source>
            <translation type="vanished">离开此栏即清除 {points} 分；按 Esc 保留</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="201" />
            <source>{count} / {max} characters: the limit; what did not fit was not entered</source>
            <translation type="vanished">{count} / {max} 字：已达上限，超出的文字未输入</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="207" />
            <source>{count} / {max} characters</source>
            <translation type="vanished">{count} / {max} 字</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="179" />
            <source>Not saved; leaving puts back {points}</source>
            <translation type="vanished">未保存，离开时恢复为 {points} 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="192" />
            <source>“{typed}” was not a valid score: {points} put back</source>
            <translation type="vanished">“{typed}”不是有效分数，已恢复为 {points}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/indicator_row.py" line="210" />
            <source>{count} / {max} characters: the limit; {left} pasted characters did not fit and were left out</source>
            <translation type="vanished">{count} / {max} 字，已达上限；{left} 个粘贴的字符未能放入</translation>
        </message>
    </context>
    <context>
        <name>MissingText</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="185" />
            <source>%1 cannot be marked done yet.</source>
            <translation>「%1」还不能标记为完成。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="192" />
            <source>Not scored (%1):</source>
            <translation>尚未评分（%1 项）：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="202" />
            <source>%1 of %2, below full marks</source>
            <translation>%1 分，低于满分 %2 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="206" />
            <source>%1, the rule suggests %2: give a reason</source>
            <translation>%1 分，按勾选要点建议 %2 分：须说明理由</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="210" />
            <source>%1, self-score %2</source>
            <translation>%1 分，自评 %2 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="213" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="216" />
            <source>Evidence note needed (%1):</source>
            <translation>须填写评分依据（%1 项）：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="185" />
            <source>{alliance} cannot be marked done yet.</source>
            <translation type="vanished">「{alliance}」还不能标记为完成。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="192" />
            <source>Not scored ({count}):</source>
            <translation type="vanished">尚未评分（{count} 项）：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="202" />
            <source>{points} of {max}, below full marks</source>
            <translation type="vanished">{points} 分，低于满分 {max} 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="206" />
            <source>{points}, the rule suggests {suggested}: give a reason</source>
            <translation type="vanished">{points} 分，按勾选要点建议 {suggested} 分：须说明理由</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="210" />
            <source>{points}, self-score {self}</source>
            <translation type="vanished">{points} 分，自评 {self} 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="213" />
            <source>{name} ({why})</source>
            <translation type="vanished">{name}（{why}）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/dialogs.py" line="216" />
            <source>Evidence note needed ({count}):</source>
            <translation type="vanished">须填写评分依据（{count} 项）：</translation>
        </message>
    </context>
    <context>
        <name>ReviewerCommands</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="57" />
            <source>Score %1 of %2</source>
            <translation>评分 %1（%2）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="59" />
            <source>Note %1 of %2</source>
            <translation>评分依据 %1（%2）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="120" />
            <source>Evidence items %1 of %2</source>
            <translation>%2 %1 的评价要点</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="122" />
            <source>Reason %1 of %2</source>
            <translation>%2 %1 的偏离理由</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="174" />
            <source>Mark %1 done</source>
            <translation>标记完成（%1）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="176" />
            <source>Reopen %1</source>
            <translation>重新打开（%1）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="200" />
            <source>Import %1 change(s) from the workbook</source>
            <translation>从评分表导入 %1 项改动</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="57" />
            <source>Score {code} of {alliance}</source>
            <translation type="vanished">评分 {code}（{alliance}）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="59" />
            <source>Note {code} of {alliance}</source>
            <translation type="vanished">评分依据 {code}（{alliance}）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="120" />
            <source>Evidence items {code} of {alliance}</source>
            <translation type="vanished">{alliance} {code} 的评价要点</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="122" />
            <source>Reason {code} of {alliance}</source>
            <translation type="vanished">{alliance} {code} 的偏离理由</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="174" />
            <source>Mark {alliance} done</source>
            <translation type="vanished">标记完成（{alliance}）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="176" />
            <source>Reopen {alliance}</source>
            <translation type="vanished">重新打开（{alliance}）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/commands.py" line="200" />
            <source>Import {count} change(s) from the workbook</source>
            <translation type="vanished">从评分表导入 {count} 项改动</translation>
        </message>
    </context>
    <context>
        <name>ReviewerWorkspace</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="59" />
            <source>Mark &amp;done and go to next unfinished</source>
            <translation>标记完成并转到下一家(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="60" />
            <source>&amp;Reopen alliance</source>
            <translation>重新打开该联盟(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="61" />
            <source>&amp;Next alliance</source>
            <translation>下一家联盟(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="62" />
            <source>&amp;Previous alliance</source>
            <translation>上一家联盟(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="63" />
            <source>Next &amp;unfinished alliance</source>
            <translation>下一家未完成的联盟(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="64" />
            <source>&amp;Find alliance</source>
            <translation>查找联盟(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="65" />
            <source>&amp;Export scoring workbook…</source>
            <translation>导出离线评分表(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="66" />
            <source>&amp;Import scoring workbook…</source>
            <translation>导入评分表(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="67" />
            <source>&amp;Submit for return…</source>
            <translation>提交评分(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="68" />
            <source>&amp;Scoring</source>
            <translation>评分(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="74" />
            <source>Tab next field · %1 done, next · %2 / %3 next / previous · Ctrl+Z undo</source>
            <translation>Tab 下一栏 · %1 标记完成并转到下一家 · %2 / %3 下一家 / 上一家 · Ctrl+Z 撤销</translation>
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
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="126" />
            <source>Filter by any part of a name</source>
            <extracomment>after this long without an edit, the write-ahead log is folded into the file the documents beside the form (their actions join the Scoring menu)</extracomment>
            <translation>按名称中的任意文字筛选</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="127" />
            <source>Filter your alliances</source>
            <translation>筛选您的联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="128" />
            <source>Your alliances</source>
            <translation>您的联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="228" />
            <source>Score %1 cleared (was %2); %3 brings it back</source>
            <translation>已清除 %1 的评分（原为 %2）；按 %3 可恢复</translation>
        </message>
        <message>
            <source>Not saved (not a valid score): {entries}</source>
            <translation type="vanished">未保存（不是有效分数）：{entries}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="305" />
            <source>%1 shows “%2”, which is not a valid score and is not saved. Correct it, or press Esc to show the saved score.</source>
            <translation>%1 中的“%2”不是有效分数，没有保存。请改正，或按 Esc 显示已保存的分数。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="343" />
            <source>Mark done ✓</source>
            <translation>标记完成 ✓</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="364" />
            <source>%1 / %2 alliances done</source>
            <translation>已完成 %1 / %2 家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="370" />
            <source>%1 fully scored</source>
            <translation>已评完 %1 家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="373" />
            <source>read-only copy</source>
            <translation>只读副本</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/navigation.py" line="146" />
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
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="288" />
            <source>Not saved (not a valid score), {alliance}: {entries}</source>
            <translation type="vanished">未保存（不是有效分数），{alliance}：{entries}</translation>
        </message>
        <message>
            <source>Not yet complete</source>
            <translation type="vanished">尚未完成</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="343" />
            <source>Done ✓ — reopen</source>
            <translation>已完成 ✓（点击重新打开）</translation>
        </message>
        <message>
            <source>{scored} / {total} scored · {done} done</source>
            <translation type="vanished">已评完 {scored} / {total} 个联盟 · 已完成 {done} 个</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="375" />
            <source>saved %1</source>
            <translation>已自动保存 %1</translation>
        </message>
        <message>
            <source>{done} of {total} alliances done</source>
            <translation type="vanished">已完成 {done} / {total} 个联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="40" />
            <source>Export scoring workbook</source>
            <translation>导出离线评分表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="42" />
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="79" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="61" />
            <source>Writing the workbook…</source>
            <translation>正在写入评分表…</translation>
        </message>
        <message>
            <source>Cannot export the workbook</source>
            <translation type="vanished">无法导出评分表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="54" />
            <source>Workbook written (%1 rows): %2</source>
            <translation>已导出评分表（%1 行）：%2</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="77" />
            <source>Import scoring workbook</source>
            <translation>导入评分表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="113" />
            <source>Reading the workbook…</source>
            <translation>正在读取评分表…</translation>
        </message>
        <message>
            <source>The workbook was not imported</source>
            <translation type="vanished">评分表未导入</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="102" />
            <source>%1 change(s) imported from %2</source>
            <translation>已从「%2」导入 %1 项改动</translation>
        </message>
        <message>
            <source>Submit for return</source>
            <translation type="vanished">提交评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="125" />
            <source>%1 of %2 alliances are not marked done yet. Submit anyway? You can go on scoring and submit again later.</source>
            <translation>%2 家联盟中还有 %1 家未标记完成。仍要提交吗？提交后仍可继续评分并再次提交。</translation>
        </message>
        <message>
            <source>Cannot submit</source>
            <translation type="vanished">无法提交</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="164" />
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="172" />
            <source>Open folder</source>
            <translation>打开所在文件夹</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="138" />
            <source>Revision %1 is sealed (%2, %3); %4 of %5 alliances are done.

Send this file back to the liaison group:
%6</source>
            <translation>第 %1 版已封存（%2，%3），已完成 %4 / %5 家。

请将此文件发回联络组：
%6</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="152" />
            <source>Revision %1 submitted: %2</source>
            <translation>已提交第 %1 版：%2</translation>
        </message>
        <message>
            <source>Unfinished score</source>
            <translation>评分未完成</translation>
        </message>
        <message>
            <source>{code} shows “{text}”, which is not a valid score and is not saved. Close and keep {points}, or go back to the field?</source>
            <translation type="vanished">{code} 中是“{text}”，不是有效分数，未保存。关闭并保留 {points}，还是回到该栏？</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="337" />
            <source>%1: “%2” is not a valid score and was not saved; %3 put back</source>
            <translation>%1：“%2”不是有效分数，未保存；已恢复为 %3</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="214" />
            <source>%1 shows “%2”, which is not a valid score and is not saved. Close anyway and keep %3? (No goes back to the field.)</source>
            <translation>%1 中是“%2”，不是有效分数，未保存。仍要关闭并保留 %3 吗？（选“否”回到该栏。）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="135" />
            <source>The workbook completes %1 alliance(s) (such as %2). Mark them done?</source>
            <translation>评分表使 %1 家联盟评完（如「%2」）。将它们标记为已完成吗？</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="145" />
            <source>Mark %1 alliance(s) done</source>
            <translation>将 %1 家联盟标记为已完成</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/actions.py" line="74" />
            <source>Tab next field · {done} done, next · {next} / {previous} next / previous · Ctrl+Z undo</source>
            <translation type="vanished">Tab 下一栏 · {done} 标记完成并转到下一家 · {next} / {previous} 下一家 / 上一家 · Ctrl+Z 撤销</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="228" />
            <source>Score {code} cleared (was {points}); {undo} brings it back</source>
            <translation type="vanished">已清除 {code} 的评分（原为 {points}）；按 {undo} 可恢复</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="305" />
            <source>{code} shows “{text}”, which is not a valid score and is not saved. Correct it, or press Esc to show the saved score.</source>
            <translation type="vanished">{code} 中的“{text}”不是有效分数，没有保存。请改正，或按 Esc 显示已保存的分数。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="364" />
            <source>{done} / {total} alliances done</source>
            <translation type="vanished">已完成 {done} / {total} 家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="370" />
            <source>{scored} fully scored</source>
            <translation type="vanished">已评完 {scored} 家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="375" />
            <source>saved {time}</source>
            <translation type="vanished">已自动保存 {time}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="54" />
            <source>Workbook written ({rows} rows): {path}</source>
            <translation type="vanished">已导出评分表（{rows} 行）：{path}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="102" />
            <source>{count} change(s) imported from {file}</source>
            <translation type="vanished">已从「{file}」导入 {count} 项改动</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="125" />
            <source>{count} of {total} alliances are not marked done yet. Submit anyway? You can go on scoring and submit again later.</source>
            <translation type="vanished">{total} 家联盟中还有 {count} 家未标记完成。仍要提交吗？提交后仍可继续评分并再次提交。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="138" />
            <source>Revision {revision} is sealed ({reviewer}, {time}); {done} of {total} alliances are done.

Send this file back to the liaison group:
{path}</source>
            <translation type="vanished">第 {revision} 版已封存（{reviewer}，{time}），已完成 {done} / {total} 家。

请将此文件发回联络组：
{path}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="152" />
            <source>Revision {revision} submitted: {path}</source>
            <translation type="vanished">已提交第 {revision} 版：{path}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="337" />
            <source>{code}: “{typed}” is not a valid score and was not saved; {points} put back</source>
            <translation type="vanished">{code}：“{typed}”不是有效分数，未保存；已恢复为 {points}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/workspace.py" line="214" />
            <source>{code} shows “{text}”, which is not a valid score and is not saved. Close anyway and keep {points}? (No goes back to the field.)</source>
            <translation type="vanished">{code} 中是“{text}”，不是有效分数，未保存。仍要关闭并保留 {points} 吗？（选“否”回到该栏。）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="135" />
            <source>The workbook completes {count} alliance(s) (such as {name}). Mark them done?</source>
            <translation type="vanished">评分表使 {count} 家联盟评完（如「{name}」）。将它们标记为已完成吗？</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/transfer.py" line="145" />
            <source>Mark {count} alliance(s) done</source>
            <translation type="vanished">将 {count} 家联盟标记为已完成</translation>
        </message>
    </context>
    <context>
        <name>ScoringForm</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="190" />
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="364" />
            <source>No alliance selected</source>
            <extracomment>(indicator code, points or None) and (indicator code, note) as the reviewer types (indicator code, frozenset of ticked item keys) and (indicator code, reason) a field gained focus (indicator code, True for the note): the start of a new edit (undo merges the keystrokes within one) the alliance shown changed (its uid, or None) one line on how to move through the work (its text comes from the workspace)</extracomment>
            <translation>未选择联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="209" />
            <source>No self-evaluation</source>
            <translation>无自评价</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="212" />
            <source>Self-score %1</source>
            <translation>自评 %1 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="229" />
            <source>Evidence note (required)</source>
            <translation>评分依据（必填）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="229" />
            <source>Evidence note</source>
            <translation>评分依据</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="270" />
            <source> (self-evaluation: yes)</source>
            <translation>（自评：有）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="277" />
            <source>Suggested by the ticks: %1</source>
            <translation>按勾选的要点建议：%1 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="278" />
            <source>Use</source>
            <translation>采用</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="289" />
            <source>Why the points differ from the suggestion</source>
            <translation>分值与建议不同的理由</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="301" />
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="302" />
            <source>In progress</source>
            <translation>评分中</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="303" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="307" />
            <source>Batch unknown</source>
            <translation>批次不详</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="309" />
            <source>%1 / %2 indicators scored</source>
            <translation>已评 %1 / %2 项</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="314" />
            <source>Self total %1</source>
            <translation>自评总分 %1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="355" />
            <source>Score: %1</source>
            <translation>评分：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="357" />
            <source>Points from 0 to %1</source>
            <translation>0 至 %1 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="359" />
            <source>Evidence note: %1</source>
            <translation>评分依据：%1</translation>
        </message>
        <message>
            <source>Self-evaluation total {points}</source>
            <translation type="vanished">自评总分 {points}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="319" />
            <source>My total / %1</source>
            <translation>本人评分 / %1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="325" />
            <source>Subtotal %1 / %2</source>
            <translation>小计 %1 / %2</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="212" />
            <source>Self-score {points}</source>
            <translation type="vanished">自评 {points} 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="277" />
            <source>Suggested by the ticks: {points}</source>
            <translation type="vanished">按勾选的要点建议：{points} 分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="309" />
            <source>{scored} / {total} indicators scored</source>
            <translation type="vanished">已评 {scored} / {total} 项</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="314" />
            <source>Self total {points}</source>
            <translation type="vanished">自评总分 {points}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="319" />
            <source>My total / {max}</source>
            <translation type="vanished">本人评分 / {max}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/form.py" line="325" />
            <source>Subtotal {points} / {max}</source>
            <translation type="vanished">小计 {points} / {max}</translation>
        </message>
    </context>
    <context>
        <name>SealedBanner</name>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="67" />
            <source>Submitted copy, revision %1 (sealed %2): read-only. To go on scoring, open your working file, or continue from this copy as revision %3.</source>
            <translation>这是已提交的第 %1 版（%2 封存），只读。如需继续评分，请打开您的评审文件，或以此版为基础继续评第 %3 版。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="76" />
            <source>Open %1</source>
            <translation>打开「%1」</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="79" />
            <source>Continue as revision %1…</source>
            <translation>继续评第 %1 版…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="92" />
            <source>New working file</source>
            <translation>新的评审文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="94" />
            <source>Reviewer file (*.sqlite)</source>
            <translation>评审专家文件 (*.sqlite)</translation>
        </message>
        <message>
            <source>Cannot continue from this copy</source>
            <translation type="vanished">无法以此副本继续</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="79" />
            <source>Submitted copy, revision %1 (sealed %2): read-only. To go on scoring, open your working file. A file continued from this copy could not be submitted: the copy carries no signing key, and this computer does not keep it.</source>
            <translation>已提交的副本，第 %1 版（封存于 %2）：只读。如需继续评分，请打开您的评分文件。由此副本继续得到的文件无法提交：副本不带签名密钥，本机也没有保存该密钥。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="87" />
            <source>Submitted copy, revision %1 (sealed %2): read-only. A file continued from this copy could not be submitted: the copy carries no signing key, and this computer does not keep it. Go on in the reviewer file you were issued and submitted from (on the computer where you scored), or ask the secretary for a new file.</source>
            <translation>已提交的副本，第 %1 版（封存于 %2）：只读。由此副本继续得到的文件无法提交：副本不带签名密钥，本机也没有保存该密钥。请在发给您、您用来提交的评审专家文件中继续（在您评分的那台计算机上），或向联络组索取新的文件。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="150" />
            <source>This file carries no signing key, so it cannot be submitted. Go on in the reviewer file you were issued (on the computer where you scored), or ask the secretary for a new file; scores can be carried over with the scoring workbook (Export / Import scoring workbook).</source>
            <translation>此文件不带签名密钥，因此不能提交。请在发给您的评审专家文件中继续（在您评分的那台计算机上），或向联络组索取新的文件；评分可用离线评分表（导出/导入评分表）带过去。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="67" />
            <source>Submitted copy, revision {revision} (sealed {time}): read-only. To go on scoring, open your working file, or continue from this copy as revision {next}.</source>
            <translation type="vanished">这是已提交的第 {revision} 版（{time} 封存），只读。如需继续评分，请打开您的评审文件，或以此版为基础继续评第 {next} 版。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="76" />
            <source>Open {file}</source>
            <translation type="vanished">打开「{file}」</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="79" />
            <source>Continue as revision {next}…</source>
            <translation type="vanished">继续评第 {next} 版…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="79" />
            <source>Submitted copy, revision {revision} (sealed {time}): read-only. To go on scoring, open your working file. A file continued from this copy could not be submitted: the copy carries no signing key, and this computer does not keep it.</source>
            <translation type="vanished">已提交的副本，第 {revision} 版（封存于 {time}）：只读。如需继续评分，请打开您的评分文件。由此副本继续得到的文件无法提交：副本不带签名密钥，本机也没有保存该密钥。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/sealed.py" line="87" />
            <source>Submitted copy, revision {revision} (sealed {time}): read-only. A file continued from this copy could not be submitted: the copy carries no signing key, and this computer does not keep it. Go on in the reviewer file you were issued and submitted from (on the computer where you scored), or ask the secretary for a new file.</source>
            <translation type="vanished">已提交的副本，第 {revision} 版（封存于 {time}）：只读。由此副本继续得到的文件无法提交：副本不带签名密钥，本机也没有保存该密钥。请在发给您、您用来提交的评审专家文件中继续（在您评分的那台计算机上），或向联络组索取新的文件。</translation>
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
            <source>the computer %1</source>
            <translation>计算机 %1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="49" />
            <source>%1 on %2, since %3</source>
            <translation>%2上的 %1（自 %3 起）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="63" />
            <source>The file is open elsewhere</source>
            <translation>文件已在别处打开</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="65" />
            <source>%1 is open in %2. Two windows on one file would each keep their own values. Open it read-only here?</source>
            <translation>「%1」已在%2中打开。两个窗口同时编辑一个文件，各自的数值会互相覆盖。在这里以只读方式打开吗？</translation>
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
            <source>Read-only: this file is open in %1. What you see is the file as it was when you opened it; close it there to edit it here.</source>
            <translation>只读：此文件已在%1中打开。这里显示的是打开时的内容；在那里关闭后才能在这里编辑。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="47" />
            <source>the computer {host}</source>
            <translation type="vanished">计算机 {host}</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="49" />
            <source>{person} on {where}, since {time}</source>
            <translation type="vanished">{where}上的 {person}（自 {time} 起）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="65" />
            <source>{file} is open in {who}. Two windows on one file would each keep their own values. Open it read-only here?</source>
            <translation type="vanished">「{file}」已在{who}中打开。两个窗口同时编辑一个文件，各自的数值会互相覆盖。在这里以只读方式打开吗？</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/reviewer/file_lock.py" line="120" />
            <source>Read-only: this file is open in {who}. What you see is the file as it was when you opened it; close it there to edit it here.</source>
            <translation type="vanished">只读：此文件已在{who}中打开。这里显示的是打开时的内容；在那里关闭后才能在这里编辑。</translation>
        </message>
    </context>
</TS>