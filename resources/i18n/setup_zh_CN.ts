<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AssignmentModel</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="120" />
            <source>own</source>
            <translation>本人</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="120" />
            <source>conflict</source>
            <translation>冲突</translation>
        </message>
    </context>
    <context>
        <name>AssignmentPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="189" />
            <source>Assignment: alliances by reviewers</source>
            <translation>分配评审：联盟与评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="191" />
            <source>Assign automatically</source>
            <translation>自动分配</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="192" />
            <source>Seed (same seed, same assignment):</source>
            <translation>随机种子（种子相同，分配结果相同）：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="210" />
            <source>%1 reviewer(s) per alliance; loads %2 to %3.</source>
            <translation>每家联盟 %1 位评审专家；每位专家评审 %2 至 %3 家联盟。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="214" />
            <source>%n alliance(s) still short of reviewers (red).</source>
            <translation>
                <numerusform>%n 家联盟的评审专家尚不足（红色）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="224" />
            <source>Assign reviewer</source>
            <translation>分配评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="224" />
            <source>Unassign reviewer</source>
            <translation>取消分配评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/assignment_page.py" line="252" />
            <source>Assign reviewers automatically</source>
            <translation>自动分配评审专家</translation>
        </message>
    </context>
    <context>
        <name>CriteriaEditor</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/criteria_editor.py" line="70" />
            <source>Scoring criteria of the chosen indicator</source>
            <translation>所选指标的评分依据和标准</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/criteria_editor.py" line="71" />
            <source>Apply criteria (Ctrl+Enter)</source>
            <translation>应用评分标准（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/criteria_editor.py" line="76" />
            <source>Select an indicator to edit its scoring criteria.</source>
            <translation>选择一项二级指标以编辑其评分标准。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/criteria_editor.py" line="78" />
            <source>Scoring criteria of %1:</source>
            <translation>%1 的评分标准：</translation>
        </message>
    </context>
    <context>
        <name>DocumentsPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="159" />
            <source>The documents each alliance sent beside its self-evaluation (work summary, plan, minutes, rules, project lists, screenshots): PDF, Word, Excel, WPS files and pictures. Import a folder (a sub-folder per alliance, or files named after their alliance) or drop files onto an alliance. Reviewers see the documents of their alliances beside the scoring form.</source>
            <translation>各联盟随自评价表报送的佐证材料（年度工作总结、工作计划、会议纪要、规章制度、项目清单、网站截图等）：PDF、Word、Excel、WPS 文件和图片。可导入一个文件夹（每个联盟一个子文件夹，或文件名含联盟名称），也可把文件拖到某个联盟上。评审专家在评分表旁可看到所评联盟的佐证材料。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="167" />
            <source>Import folder…</source>
            <translation>导入文件夹…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="168" />
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="169" />
            <source>View…</source>
            <translation>查看…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="170" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="175" />
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="175" />
            <source>Documents</source>
            <translation>佐证材料</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="175" />
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="178" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="178" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="178" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="178" />
            <source>Pages</source>
            <translation>页数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="178" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="180" />
            <source>Alliances and their documents</source>
            <translation>各联盟及其文档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="181" />
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="289" />
            <source>Documents of the alliance</source>
            <translation>该联盟的文档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="213" />
            <source>%1 document(s) of %2 alliance(s), %3 stored (at most %4 per round, %5 per document).</source>
            <translation>%2 个联盟共 %1 个文档，占 %3（每个轮次至多 %4，单个文档至多 %5）。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="236" />
            <source> (text only)</source>
            <translation>（仅文字）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="258" />
            <source>Folder of the alliances' documents</source>
            <translation>各联盟佐证材料所在的文件夹</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="276" />
            <source>Reading the folder…</source>
            <translation>正在读取文件夹…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="291" />
            <source>Documents (%1);;All files (*)</source>
            <translation>文档 (%1);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="317" />
            <source>Reading and converting documents…</source>
            <translation>正在读取和转换文档…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="339" />
            <source>Add documents</source>
            <translation>添加文档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="375" />
            <source>Remove documents</source>
            <translation>删除文档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="99" />
            <source>%1 document(s) added.</source>
            <translation>已添加 %1 个文档。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="103" />
            <source>%1 were there already.</source>
            <translation>%1 个已存在。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="111" />
            <source>%1 office document(s) kept with their text only: LibreOffice is not installed, so they could not be made PDFs.</source>
            <translation>%1 个 Office 文档仅保存文字：未安装 LibreOffice，无法转换为 PDF。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="1" />
            <source>Listed</source>
            <translation>附件清单</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="1" />
            <source>Attachments the alliance's self-evaluation workbook names: received / named</source>
            <translation>联盟自评价表附件清单列出的附件：已收到 / 列出</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="1" />
            <source>Its self-evaluation names %1 attachment(s); not received: %2</source>
            <translation>自评价表列出 %1 个附件；尚未收到：%2</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_page.py" line="1" />
            <source>Its self-evaluation names %1 attachment(s); all received.</source>
            <translation>自评价表列出 %1 个附件，均已收到。</translation>
        </message>
    </context>
    <context>
        <name>FileField</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="37" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="65" />
            <source>Import self-evaluations</source>
            <translation>导入自评价表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="54" />
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="69" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="54" />
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="69" />
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="69" />
            <source>Filled rows</source>
            <translation>已填项数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="69" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="82" />
            <source>accepted</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="96" />
            <source>%1 workbook(s) accepted, %2 refused (red, nothing from them is written). An accepted workbook replaces that alliance's earlier self-evaluation.</source>
            <translation>%1 份自评价表通过，%2 份被拒绝（红色，其内容不会写入）。通过的自评价表将整体替换该联盟此前的自评价。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="105" />
            <source>Import %n workbook(s)</source>
            <translation>
                <numerusform>导入 %n 份自评价表</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="37" />
            <source>Import documents</source>
            <translation>导入佐证材料</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="42" />
            <source>Could be: %1 (rename the file, or add it to the alliance)</source>
            <translation>可指：%1（请改名，或直接添加到对应联盟）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="46" />
            <source>Names no alliance (not added)</source>
            <translation>名称中没有联盟名称或简称（未添加）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="48" />
            <source>Not a PDF, Word, Excel, WPS document or picture</source>
            <translation>不是 PDF、Word、Excel、WPS 文档或图片</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="54" />
            <source>Left out because</source>
            <translation>未收录原因</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="71" />
            <source>Files of the folder and their alliances</source>
            <translation>文件夹中的文件及其所属联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="73" />
            <source>%1 file(s) matched to an alliance, %2 ambiguous, %3 unmatched, %4 not taken.</source>
            <translation>%1 个文件已匹配到联盟，%2 个不确定，%3 个未匹配，%4 个不收录。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="82" />
            <source>Add %n document(s)</source>
            <translation>
                <numerusform>添加 %n 个文档</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/documents_preview.py" line="1" />
            <source>%1 (named in its self-evaluation)</source>
            <translation>%1（其自评价表附件清单列出此文件）</translation>
        </message>
    </context>
    <context>
        <name>IssuePage</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="74" />
            <source>Reviewer files to issue</source>
            <extracomment>documents in a separate package beside each file (for files too large to mail)</extracomment>
            <translation>待发放的评审专家文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="77" />
            <source>Each reviewer gets one file holding the rubric, the alliances assigned to them and those alliances' self-evaluations; nothing about other reviewers or their assignments. Reviewers score in the app, offline, and send the file back for the panel to merge.</source>
            <translation>每位评审专家得到一个文件，其中只有评价指标、分配给该专家的联盟及这些联盟的自评价表，不含其他评审专家及其分配的任何信息。评审专家在本软件中离线评分，再把文件交回评价工作小组合并。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="83" />
            <source>Issue reviewer files…</source>
            <translation>发放评审专家文件…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="84" />
            <source>Documents in a separate package beside each file</source>
            <translation>文档另成佐证材料包，放在每份文件旁</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="87" />
            <source>For files too large to e-mail: each reviewer file then holds no document contents, and a zip package of its documents is written beside it (the app checks each document by its fingerprint).</source>
            <translation>适用于文件过大、无法用电子邮件发送的情况：评审专家文件不含文档内容，其文档另写成一个 zip 佐证材料包放在旁边（软件按指纹逐一核对）。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="94" />
            <source>Reviewer</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="95" />
            <source>Alliances</source>
            <translation>联盟数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="96" />
            <source>With self-evaluation</source>
            <translation>有自评价表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="97" />
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="129" />
            <source>Not ready: </source>
            <translation>尚不能发放：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="134" />
            <source>Ready: the rubric is complete and every alliance has its reviewers.</source>
            <translation>可以发放：评价指标已完成，每个联盟都已分配足够的评审专家。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="142" />
            <source>Folder for the reviewer files</source>
            <translation>评审专家文件的保存文件夹</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="153" />
            <source>Replace reviewer files?</source>
            <translation>替换评审专家文件？</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="155" />
            <source>%n reviewer file(s) of this round are already in this folder. Replace them? Scores a reviewer entered in one of them would be lost.</source>
            <translation>
                <numerusform>此文件夹中已有本轮次的 %n 份评审专家文件。要替换它们吗？评审专家在其中录入的评分将会丢失。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="162" />
            <source>%n document package(s) in this folder would be replaced.</source>
            <translation>
                <numerusform>此文件夹中的 %n 个佐证材料包将被替换。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="185" />
            <source>Writing reviewer files…</source>
            <translation>正在写入评审专家文件…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="193" />
            <source>Largest file %1</source>
            <translation>最大的文件 %1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="195" />
            <source>; document packages %1 in all</source>
            <translation>；佐证材料包共 %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="200" />
            <source>%n file(s) are larger than %1, too large for most e-mail: issue again with the documents in a separate package, or send them by a file-sharing link or a USB stick.</source>
            <translation>
                <numerusform>有 %n 份文件大于 %1，多数电子邮箱无法作为附件发送：请勾选“文档另成佐证材料包”重新发放，或用网盘链接、U 盘传送。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="175" />
            <source>%n reviewer file(s) written to %1</source>
            <translation>
                <numerusform>已将 %n 份评审专家文件写入 %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>Revoke signing key…</source>
            <translation>撤销签名密钥…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>For a file lost or handed to someone else: every file issued to the selected reviewer so far stops counting (the merge refuses what is signed with it) until a new file is issued to them.</source>
            <translation>用于文件遗失或落入他人之手：此前发给所选专家的文件全部作废（合并时拒收用其签名的文件），直到重新向其发放文件。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>Signing key</source>
            <translation>签名密钥</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>No file issued</source>
            <translation>尚未发放文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>Valid, issued %1</source>
            <translation>有效，发放于 %1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>Revoked %1</source>
            <translation>已于 %1 撤销</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>Revoke %1's signing key? Every file issued to %1 so far stops counting: the merge refuses a submission signed with it. To let %1 score again, issue a new file.</source>
            <translation>撤销%1的签名密钥？此前发给%1的文件全部作废：合并时拒收用其签名的提交文件。如需%1继续评分，请重新发放文件。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>%1's signing key is revoked: files signed with it are refused from now on.</source>
            <translation>已撤销%1的签名密钥：此后用它签名的文件均不予合并。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>%n reviewer(s) already hold a file issued before: those earlier files stop counting (the merge refuses what is signed with them), so send each of them the new file.</source>
            <translation>
                <numerusform>已有 %n 位评审专家持有此前发放的文件：这些旧文件将作废（合并时拒收用其签名的文件），请把新文件发给每一位。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/issue_page.py" line="0" />
            <source>Issue the new files?</source>
            <translation>现在发放新文件？</translation>
        </message>
    </context>
    <context>
        <name>ItemsDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/items_dialog.py" line="38" />
            <source>Evidence items of %1</source>
            <translation>%1 的评价要点</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation type="vanished">添加…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>更名…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation type="vanished">上移</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation type="vanished">下移</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/items_dialog.py" line="47" />
            <source>e.g. 0, 2.5, 5 (blank: no rule)</source>
            <translation>如 0, 2.5, 5（留空：不设计分规则）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/items_dialog.py" line="49" />
            <source>Points for 0, 1, 2 … ticked items</source>
            <translation>勾选 0、1、2……项时的建议分值</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/items_dialog.py" line="52" />
            <source>Reviewers tick the items they find evidenced; the rule suggests their points and a reviewer who gives other points says why. The report counts, per item, the alliances whose reviewers ticked it.</source>
            <translation>评审专家勾选有据可查的要点；计分规则给出建议分值，给出其他分值须说明理由。报告按要点统计评审专家勾选认定的联盟家数。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/items_dialog.py" line="82" />
            <source>Add an evidence item</source>
            <translation>添加评价要点</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/items_dialog.py" line="82" />
            <location filename="../../src/alliance_review/gui/setup/items_dialog.py" line="99" />
            <source>Item</source>
            <translation>评价要点</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/items_dialog.py" line="99" />
            <source>Rename the evidence item</source>
            <translation>重命名评价要点</translation>
        </message>
    </context>
    <context>
        <name>NewRoundDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="58" />
            <source>New round</source>
            <translation>新建评价轮次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="66" />
            <source>Last year's round</source>
            <translation>上一年度的评价轮次</translation>
        </message>
        <message>
            <source>Round files (*.sqlite *.db);;All files (*)</source>
            <translation type="vanished">评价轮次文件 (*.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="69" />
            <source>Rubric file</source>
            <translation>评价指标文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="69" />
            <source>Rubric files (*.json)</source>
            <translation>评价指标文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="71" />
            <source>Roster</source>
            <translation>联盟名单</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="72" />
            <source>Tables (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="87" />
            <source>Roster (Excel, WPS, LibreOffice or CSV)</source>
            <translation>联盟名单（Excel、WPS、LibreOffice 或 CSV）</translation>
        </message>
        <message>
            <source>Roster (*.xlsx *.csv)</source>
            <translation type="vanished">联盟名单 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="76" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="82" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="83" />
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="84" />
            <source>Evaluation period</source>
            <translation>评价期间</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="85" />
            <source>Start from last year's round</source>
            <translation>沿用上一年度的评价轮次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="86" />
            <source>Rubric (empty: the 2015 rubric)</source>
            <translation>评价指标（留空：2015年度评价指标）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="139" />
            <source>Writing the new round…</source>
            <translation>正在写入新的评价轮次…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="150" />
            <source>Not possible</source>
            <translation>无法执行</translation>
        </message>
        <message>
            <source>Roster (.xlsx or .csv)</source>
            <translation type="vanished">联盟名单（.xlsx 或 .csv）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="75" />
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="88" />
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="112" />
            <source>Save the new round as</source>
            <translation>新评价轮次保存为</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="91" />
            <source>Starting from last year's round copies its rubric, roster, reviewers with their conflicts, tiers and rules; never its assignments or scores. A rubric or roster file chosen here replaces the copied one.</source>
            <translation>沿用上一年度的评价轮次时，复制其评价指标、联盟名单、评审专家及利益冲突、活跃度分档和各项规则，但不复制分配和评分。在此选择的评价指标或名单文件将取代复制来的内容。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="97" />
            <source>Create</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Round files (*.sqlite)</source>
            <translation type="vanished">评价轮次文件 (*.sqlite)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="111" />
            <source>Leave out the rows of the list that have a problem</source>
            <translation>不导入有问题的行</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="115" />
            <source>Starting from last year's round carries its register (every alliance with its identity, batch and status), reviewers with their conflicts, rubric, tiers, rules and results; never its assignments or scores. A roster file chosen here is this year's list: it updates the carried register. A rubric file replaces the carried rubric.</source>
            <translation>从上一年度的评价轮次开始，将继承其联盟名单（每家联盟的身份、批次和状态）、评审专家及其利益冲突、评价指标、档次、规则和评价结果；不继承评审分配和评分。在此选择的名单文件是本年度名单，用来更新继承的名单；选择的评价指标文件将取代继承的评价指标。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="125" />
            <source>What the new round will hold</source>
            <translation>新轮次将包含的内容</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="208" />
            <source>A new round starts with the 2015 rubric, the three pilot batches and no alliances; choose last year's round or this year's list to start from.</source>
            <translation>新轮次默认使用 2015 年评价指标和三个试点批次，没有联盟；可选择上一年度的轮次或本年度名单作为起点。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="224" />
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="227" />
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="246" />
            <source>%n row(s) of the list have a problem (see Import… on the roster page, or the command line's --dry-run).</source>
            <translation>
                <numerusform>名单中有 %n 行有问题（可在联盟名单页的“导入…”或命令行的 --dry-run 中查看）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/new_round_dialog.py" line="254" />
            <source>%n row(s) the sheet hides or filters out are left out.</source>
            <translation>
                <numerusform>表格中隐藏或筛选掉的 %n 行未导入。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ParticipationDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="40" />
            <source>Participation of %1</source>
            <translation>%1 的参评情况</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="41" />
            <source>Takes part</source>
            <translation>参评</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="42" />
            <source>Does not take part</source>
            <translation>未参评</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="53" />
            <source>What is known, e.g. who was contacted and when</source>
            <translation>已知情况，如何时联系了何人</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="62" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="63" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="66" />
            <source>An alliance that does not take part is counted in the report by batch and by reason; it gets no reviewers and is not ranked or printed in the appendix.</source>
            <translation>未参评的联盟在报告中按批次和原因计数；不分配评审专家，不排名，也不列入附件。</translation>
        </message>
    </context>
    <context>
        <name>ReasonsDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="129" />
            <source>Reasons for not taking part</source>
            <translation>未参评原因</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation type="vanished">添加…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>更名…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation type="vanished">上移</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation type="vanished">下移</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="148" />
            <source>Add a reason</source>
            <translation>添加原因</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="148" />
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="160" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="160" />
            <source>Rename the reason</source>
            <translation>重命名原因</translation>
        </message>
    </context>
    <context>
        <name>ReviewerDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="108" />
            <source>Reviewer</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="112" />
            <source>Filter by any part of a name</source>
            <translation>按名称中的任意文字筛选</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="120" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="121" />
            <source>Find alliance</source>
            <translation>查找联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="124" />
            <source>Own alliance(s): never assigned</source>
            <translation>本人所在联盟（不会分配）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="125" />
            <source>Declared conflicts: never assigned</source>
            <translation>登记的利益冲突（不会分配）</translation>
        </message>
    </context>
    <context>
        <name>ReviewerImportDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="32" />
            <source>Import reviewers: %1</source>
            <translation>导入评审专家：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="37" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="37" />
            <source>Reviewer</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="37" />
            <source>Own alliance(s)</source>
            <translation>本人所在联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="37" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="66" />
            <source>%1 reviewer(s) will be added; %2 left out because of a problem (red).</source>
            <translation>将添加 %1 位评审专家；%2 位因有问题未导入（红色）。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="74" />
            <source>Import %n reviewer(s)</source>
            <translation>
                <numerusform>导入 %n 位评审专家</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="41" />
            <source>Declared conflicts</source>
            <translation>申报回避</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="45" />
            <source>Rows of the reviewer list</source>
            <translation>评审专家名单各行</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_import.py" line="76" />
            <source>%1 reviewer(s) will be added; %2 left out because of a problem or listed already (red); %3 with a remark to check (yellow).</source>
            <translation>将添加 %1 位评审专家；%2 位因有问题或已在列表中而不导入（红色）；%3 位有提示，请核对（黄色）。</translation>
        </message>
    </context>
    <context>
        <name>ReviewersModel</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="74" />
            <source>Reviewer</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="75" />
            <source>Own alliance(s)</source>
            <translation>本人所在联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="76" />
            <source>Declared conflicts</source>
            <translation>登记的利益冲突</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="77" />
            <source>Assigned</source>
            <translation>已分配</translation>
        </message>
    </context>
    <context>
        <name>ReviewersPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="215" />
            <source>Reviewers</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="216" />
            <source>Add reviewer…</source>
            <translation>添加评审专家…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="217" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="218" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="219" />
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="233" />
            <source>%n reviewer(s). A reviewer is never assigned an alliance listed here.</source>
            <translation>
                <numerusform>共 %n 位评审专家。此处列出的联盟不会分配给该专家。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="280" />
            <source>Add reviewer</source>
            <translation>添加评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="293" />
            <source>Edit reviewer</source>
            <translation>编辑评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="323" />
            <source>Remove reviewer</source>
            <translation>删除评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="336" />
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="360" />
            <source>Import reviewers</source>
            <translation>导入评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="338" />
            <source>Tables (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="355" />
            <source>Reading the reviewers…</source>
            <translation>正在读取评审专家名单…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/reviewers_page.py" line="383" />
            <source>Import %n reviewer(s)</source>
            <translation>
                <numerusform>导入 %n 位评审专家</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RosterImportDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="45" />
            <source>Import roster: %1</source>
            <translation>导入联盟名单：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="50" />
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="70" />
            <source>Alliance name</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="51" />
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="71" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="52" />
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="72" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="53" />
            <source>Telephone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="58" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="69" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="73" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="86" />
            <source>Table found in sheet “%1”, header in row %2.</source>
            <translation>在工作表「%1」中找到表格，表头在第 %2 行。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="157" />
            <source>%1 row(s) will be imported; %2 left out because of a problem (red); %3 imported with a remark to check (yellow).</source>
            <translation>将导入 %1 行；%2 行因有问题未导入（红色）；%3 行将导入但请核对备注（黄色）。</translation>
        </message>
        <message>
            <source>%1 row(s) will be imported; %2 left out because of a problem (red); %3 look like a name already listed (yellow).</source>
            <translation type="vanished">将导入 %1 行；%2 行因有问题不导入（红色）；%3 行与已有名称相近（黄色）。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="164" />
            <source>Import %n row(s)</source>
            <translation>
                <numerusform>导入 %n 行</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="65" />
            <source>it has scores</source>
            <translation>已有评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="66" />
            <source>reviewers are assigned to it</source>
            <translation>已分配评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="77" />
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="79" />
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="103" />
            <source>Alliance name (as stored)</source>
            <translation>联盟名称（保存为）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="104" />
            <source>Batch (as stored)</source>
            <translation>批次（保存为）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="109" />
            <source>Rows of the list as they will be stored</source>
            <translation>名单各行及其保存结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="145" />
            <source>Short name</source>
            <translation>联盟简称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="146" />
            <source>Remarks</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="185" />
            <source>Reading the sheet…</source>
            <translation>正在读取工作表…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="196" />
            <source>Import roster</source>
            <translation>导入联盟名单</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="222" />
            <source>Include the %n row(s) the sheet hides or filters out</source>
            <translation>
                <numerusform>包括表格中隐藏或筛选掉的 %n 行</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="247" />
            <source>hidden in the sheet</source>
            <translation>表格中已隐藏</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="248" />
            <source>filtered out in the sheet</source>
            <translation>表格中已被筛选掉</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="293" />
            <source>%1 row(s) read; %2 left out because of a problem (red); %3 with a remark to check (yellow); %4 hidden or filtered out in the sheet (grey). Ticked: %5 change(s), %6 new, %7 withdrawn.</source>
            <translation>读到 %1 行；%2 行有问题不能导入（红色）；%3 行有提示，请核对（黄色）；%4 行在表格中被隐藏或筛选掉（灰色）。已勾选：变动 %5 家，新增 %6 家，退出 %7 家。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="306" />
            <source>Apply %n change(s)</source>
            <translation>
                <numerusform>应用 %n 项变动</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="312" />
            <source>What changes (%n)</source>
            <translation>
                <numerusform>变动（%n）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_import.py" line="315" />
            <source>Rows of the list (%n)</source>
            <translation>
                <numerusform>名单各行（%n）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RosterModel</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="75" />
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="76" />
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="77" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="78" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="79" />
            <source>Takes part</source>
            <translation>参评</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="80" />
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="97" />
            <source>Batch unknown</source>
            <translation>批次不详</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="102" />
            <source>No: %1</source>
            <translation>否：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="103" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="105" />
            <source>like “%1”</source>
            <translation>疑似与“%1”重复</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="121" />
            <source>Differs from “%1” only in spacing, width or brackets: the same alliance?</source>
            <translation>与“%1”只差空格、全半角或括号：是否为同一联盟？</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_model.py" line="58" />
            <source>Short name</source>
            <translation>联盟简称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_model.py" line="69" />
            <source>Withdrawn</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_model.py" line="69" />
            <source>Suspended</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_model.py" line="128" />
            <source>Formerly: %1</source>
            <translation>曾用名：%1</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="206" />
            <source>Filter the roster</source>
            <translation>筛选联盟名单</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="207" />
            <source>Roster: alliances</source>
            <translation>联盟名单</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="209" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="210" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="211" />
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="212" />
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="213" />
            <source>Takes part?…</source>
            <translation>参评情况…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="214" />
            <source>Reasons…</source>
            <translation>未参评原因…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="215" />
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="216" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="220" />
            <source>Filter by any part of a name</source>
            <translation>按名称中的任意文字筛选</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="223" />
            <source>Mark the selected alliance as taking part or not, with a reason</source>
            <translation>把选中的联盟标为参评或未参评（注明原因）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="239" />
            <source>%n alliance(s)</source>
            <translation>
                <numerusform>共 %n 家联盟</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="241" />
            <source>%n not taking part</source>
            <translation>
                <numerusform>%n 家未参评</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="243" />
            <source>%n near-duplicate name(s) marked</source>
            <translation>
                <numerusform>%n 个疑似重复的名称已标出</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="266" />
            <source>Edit alliance</source>
            <translation>编辑联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="277" />
            <source>New alliance</source>
            <translation>新联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="298" />
            <source>Add alliance</source>
            <translation>添加联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="330" />
            <source>Remove alliance</source>
            <translation>删除联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="354" />
            <source>Move alliance</source>
            <translation>移动联盟</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="380" />
            <source>Import %n alliance(s)</source>
            <translation>
                <numerusform>导入 %n 家联盟</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="432" />
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="452" />
            <source>Import roster</source>
            <translation>导入联盟名单</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="434" />
            <source>Tables (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="449" />
            <source>Reading the roster…</source>
            <translation>正在读取联盟名单…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="445" />
            <source>Importing the roster…</source>
            <translation>正在导入联盟名单…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="469" />
            <source>Writing the roster…</source>
            <translation>正在写入联盟名单…</translation>
        </message>
        <message>
            <source>Roster (*.xlsx *.csv)</source>
            <translation type="vanished">联盟名单 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="460" />
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="472" />
            <source>Export roster</source>
            <translation>导出联盟名单</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="462" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="120" />
            <source>Rename…</source>
            <translation>更名…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="121" />
            <source>Withdraw…</source>
            <translation>登记退出…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="122" />
            <source>Reinstate</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="128" />
            <source>Batches…</source>
            <translation>批次…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="129" />
            <source>History…</source>
            <translation>历年结果…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="135" />
            <source>Show withdrawn and suspended</source>
            <translation>显示已退出和暂停的联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="142" />
            <source>The alliance left the programme (or is suspended) this year</source>
            <translation>该联盟本年度退出试点（或暂停）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="145" />
            <source>A new name; the alliance keeps its history and the old name is kept</source>
            <translation>改用新名称；联盟的往年结果保留，原名作为曾用名保留</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="164" />
            <source>%n pilot alliance(s)</source>
            <translation>
                <numerusform>试点联盟 %n 家</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="334" />
            <source>Rename alliance</source>
            <translation>联盟更名</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="356" />
            <source>Reinstate alliance</source>
            <translation>恢复试点联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="356" />
            <source>Withdraw alliance</source>
            <translation>登记联盟退出</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="431" />
            <source>Import roster: %1</source>
            <translation>导入联盟名单：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="168" />
            <source>%n withdrawn or suspended</source>
            <translation>
                <numerusform>退出或暂停 %n 家</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_page.py" line="173" />
            <source>results of %1 carried</source>
            <translation>含 %1 年结果</translation>
        </message>
    </context>
    <context>
        <name>RubricModel</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="82" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="83" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="84" />
            <source>Max points</source>
            <translation>满分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="85" />
            <source>Step</source>
            <translation>计分档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="86" />
            <source>Scoring criteria</source>
            <translation>评分依据和标准</translation>
        </message>
    </context>
    <context>
        <name>RubricPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="233" />
            <source>Rubric: categories and indicators</source>
            <translation>评价指标：一级指标与二级指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="235" />
            <source>Add category</source>
            <translation>添加一级指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="236" />
            <source>Add indicator</source>
            <translation>添加二级指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="237" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="238" />
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="239" />
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="240" />
            <source>Evidence items…</source>
            <translation>评价要点…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="241" />
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="242" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="266" />
            <source>Scores exist: indicators that hold scores cannot be removed, their maximum cannot drop below a stored score, and their step cannot change so that a score falls off it. Names and criteria stay editable.</source>
            <translation>已有评分：已评分的指标不能删除，满分不能低于已有的评分，计分档也不能改得使已有评分不在档上。名称和评分标准仍可修改。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="278" />
            <source>Total %1 points. To fix before files go out: </source>
            <translation>合计 %1 分。发放文件前须改正：</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="284" />
            <source>Total %1 points; codes unique; the rubric is complete.</source>
            <translation>合计 %1 分，编号无重复，评价指标完整。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="295" />
            <source>Reviewer files were issued to %1 in this session. A rubric change does not reach them: issue the files again and tell the reviewers to use the new ones.</source>
            <translation>本次已向 %1 发放评审专家文件。修改评价指标不会传到已发放的文件：请重新发放，并告知评审专家改用新文件。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="300" />
            <source>Reviewer files of this round were issued and have come back. A rubric change does not reach them: issue the files again if you change it.</source>
            <translation>本评价轮次的评审专家文件已发放并已收回。修改评价指标不会传到这些文件：如有修改，请重新发放。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="305" />
            <source>Reviewers are assigned. If their files have already been issued, a rubric change does not reach them: issue the files again after changing it. (The round file does not record whether files were issued.)</source>
            <translation>已分配评审专家。如评审专家文件已经发放，修改评价指标不会传到这些文件：修改后请重新发放。（评价轮次文件不记录是否已发放。）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="326" />
            <source>Evidence items: %1</source>
            <translation>评价要点：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="330" />
            <source>points for 0, 1, 2 … ticked: %1</source>
            <translation>勾选 0、1、2……项的建议分值：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="336" />
            <source>No evidence items.</source>
            <translation>无评价要点。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="379" />
            <source>Edit rubric</source>
            <translation>修改评价指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="392" />
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="406" />
            <source>New indicator</source>
            <translation>新二级指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="393" />
            <source>New category</source>
            <translation>新一级指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="429" />
            <source>Import rubric</source>
            <translation>导入评价指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="429" />
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="448" />
            <source>Rubric files (*.json)</source>
            <translation>评价指标文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/rubric_page.py" line="446" />
            <source>Export rubric</source>
            <translation>导出评价指标</translation>
        </message>
    </context>
    <context>
        <name>SelfEvalPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="149" />
            <source>Each alliance gets a self-evaluation workbook made from the rubric: the indicators with their criteria and max points are locked, only the self-score and note columns take input. Returned workbooks are matched to the alliance by an identifier inside the workbook, not by file name.</source>
            <translation>按评价指标为每个联盟生成一份自评价表：指标、评分标准和满分均已锁定，只能填写自评分和自评说明两列。交回的自评价表按表内的标识对应到联盟，与文件名无关。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="155" />
            <source>Generate workbooks…</source>
            <translation>生成自评价表…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="156" />
            <source>Import filled workbooks…</source>
            <translation>导入填好的自评价表…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="158" />
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="158" />
            <source>Filled rows</source>
            <translation>已填项数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="158" />
            <source>Self-score total</source>
            <translation>自评总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="186" />
            <source>Self-evaluations imported for %1 of %2 alliances.</source>
            <translation>已导入 %2 家联盟中 %1 家联盟的自评价表。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="194" />
            <source>Folder for the workbooks</source>
            <translation>自评价表的保存文件夹</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="208" />
            <source>Writing self-evaluation workbooks…</source>
            <translation>正在生成自评价表…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="203" />
            <source>%n workbook(s) written to %1</source>
            <translation>
                <numerusform>已将 %n 份自评价表写入 %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="146" />
            <source>Self-evaluation workbooks of the alliances</source>
            <translation>各联盟的自评价表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="217" />
            <source>Filled self-evaluation workbooks</source>
            <translation>填好的自评价表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="219" />
            <source>Workbooks (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
            <translation>工作簿 (*.xlsx *.xlsm *.xls *.ods);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation type="vanished">Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="235" />
            <source>Checking workbooks…</source>
            <translation>正在检查自评价表…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/selfeval_page.py" line="254" />
            <source>Import self-evaluations</source>
            <translation>导入自评价表</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="118" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="119" />
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="120" />
            <source>Evaluation period</source>
            <translation>评价期间</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="121" />
            <source>Reviewers per alliance</source>
            <translation>每个联盟的评审专家数</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="122" />
            <source>Printed scores</source>
            <translation>公布分数的取整</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="123" />
            <source>Equal totals</source>
            <translation>同分排序</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="124" />
            <source>Consensus of reviewers</source>
            <translation>评审专家意见的汇总</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="125" />
            <source>Tier decided by</source>
            <translation>划档依据</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="126" />
            <source>Evidence item done when</source>
            <translation>评价要点认定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="128" />
            <source>the exact total (as in 2015)</source>
            <translation>精确总分（同 2015 年度）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="129" />
            <source>the printed, rounded score</source>
            <translation>公布的取整评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="135" />
            <source>Round</source>
            <translation>评价轮次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="136" />
            <source>Tiers</source>
            <translation>活跃度分档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="137" />
            <source>Tier</source>
            <translation>档次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="137" />
            <source>Lowest exact total</source>
            <translation>最低精确总分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="138" />
            <source>Add tier</source>
            <translation>添加一档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="139" />
            <source>Remove tier</source>
            <translation>删除一档</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="140" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="141" />
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="144" />
            <source>Highest tier first. A total at or above a tier's lowest total belongs to it; the last tier takes everything below. Which number is compared with the bounds, the exact total or the printed score, is the round's choice.</source>
            <translation>由高到低排列档次。总分不低于某档下限即属于该档；最后一档包括其下所有分数。与下限比较的是精确总分还是公布的评分，由本轮次的“划档依据”决定。</translation>
        </message>
        <message>
            <source>Highest tier first. A total at or above a tier's lowest total belongs to it; the last tier takes everything below. The exact total decides, not the rounded printed score.</source>
            <translation type="vanished">最高档在前。精确总分不低于某档下限即属该档；最后一档包括其余全部。分档按精确总分而非取整后公布的分数。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/settings_page.py" line="221" />
            <source>Change round settings</source>
            <translation>修改评价轮次设置</translation>
        </message>
    </context>
    <context>
        <name>SetupTab</name>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="108" />
            <source>Set-up steps</source>
            <extracomment>what each page shows: a change that touches none of it leaves the page as it is</extracomment>
            <translation>设置步骤</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="110" />
            <source>Round</source>
            <translation>评价轮次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="111" />
            <source>Rubric</source>
            <translation>评价指标</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="112" />
            <source>Roster</source>
            <translation>联盟名单</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="113" />
            <source>Reviewers</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="114" />
            <source>Assignment</source>
            <translation>分配评审</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="115" />
            <source>Self-evaluations</source>
            <translation>自评价表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="116" />
            <source>Documents</source>
            <translation>佐证材料</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="117" />
            <source>Reviewer files</source>
            <translation>评审专家文件</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="124" />
            <source>&amp;Set-up</source>
            <translation>轮次设置(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="126" />
            <source>&amp;New round…</source>
            <translation>新建评价轮次(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="127" />
            <source>&amp;Assign reviewers automatically</source>
            <translation>自动分配评审专家(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="128" />
            <source>&amp;Generate self-evaluation workbooks…</source>
            <translation>生成自评价表(&amp;G)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="129" />
            <source>&amp;Import self-evaluation workbooks…</source>
            <translation>导入自评价表(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="130" />
            <source>Import &amp;documents…</source>
            <translation>导入佐证材料(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="131" />
            <source>Issue &amp;reviewer files…</source>
            <translation>发放评审专家文件(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/round_tabs/setup.py" line="142" />
            <source>Set-up</source>
            <translation>轮次设置</translation>
        </message>
    </context>
    <context>
        <name>setup</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/commands.py" line="27" />
            <source>Not possible</source>
            <translation>无法执行</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/commands.py" line="83" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/commands.py" line="84" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/commands.py" line="85" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/commands.py" line="86" />
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/commands.py" line="87" />
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/commands.py" line="99" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/commands.py" line="101" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="100" />
            <source>Mark %1 as taking part</source>
            <translation>将%1标为参评</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="102" />
            <source>Mark %1 as not taking part</source>
            <translation>将%1标为未参评</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/participation.py" line="205" />
            <source>Edit the reasons for not taking part</source>
            <translation>修改未参评原因列表</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="239" />
            <source>Edit pilot batches</source>
            <translation>修改试点批次</translation>
        </message>
    </context>
    <context>
        <name />
        <message>
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟</translation>
        </message>
        <message>
            <source>What the import does</source>
            <translation>导入后的变动</translation>
        </message>
        <message>
            <source>What the import changes, by group</source>
            <translation>导入带来的变动（按类别）</translation>
        </message>
        <message numerus="yes">
            <source>Changed (%n)</source>
            <translation>
                <numerusform>有变动（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <source>a pilot again this year</source>
            <translation>本年度恢复为试点联盟</translation>
        </message>
        <message numerus="yes">
            <source>New (%n)</source>
            <translation>
                <numerusform>新增（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <source>batch unknown</source>
            <translation>批次不详</translation>
        </message>
        <message numerus="yes">
            <source>Not on the list: withdrawn this year (%n)</source>
            <translation>
                <numerusform>名单中没有：登记为本年度退出（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <source>kept: %1</source>
            <translation>保留：%1</translation>
        </message>
        <message>
            <source>withdrawn from %1: not on this year's list</source>
            <translation>自 %1 年退出：不在本年度名单中</translation>
        </message>
        <message numerus="yes">
            <source>Remarks say withdrawn (%n)</source>
            <translation>
                <numerusform>备注为退出（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <source>added as withdrawn: “%1”</source>
            <translation>新增为已退出：“%1”</translation>
        </message>
        <message>
            <source>withdrawn: “%1”</source>
            <translation>登记退出：“%1”</translation>
        </message>
        <message numerus="yes">
            <source>Unchanged (%n)</source>
            <translation>
                <numerusform>不变（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <source>did not take part</source>
            <translation>未参评</translation>
        </message>
        <message>
            <source>not scored</source>
            <translation>未评分</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>suspended</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>ranked</source>
            <translation>参评</translation>
        </message>
        <message>
            <source>Results by year</source>
            <translation>历年评价结果</translation>
        </message>
        <message>
            <source>No earlier results</source>
            <translation>没有往年结果</translation>
        </message>
    </context>
    <context>
        <name>BatchesDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="118" />
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="121" />
            <source>Pilot batches</source>
            <translation>试点批次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="122" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="122" />
            <source>Year designated</source>
            <translation>确定年度</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="131" />
            <source>Renaming a batch renames it on its alliances. A batch with alliances cannot be removed. The statistics and the report list the batches in this order.</source>
            <translation>批次改名后，其中各联盟的批次随之改名。还有联盟的批次不能删除。统计和报告按此顺序列出各批次。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="159" />
            <source>New batch</source>
            <translation>新批次</translation>
        </message>
    </context>
    <context>
        <name>HistoryChart</name>
        <message>
            <location filename="../../src/alliance_review/gui/history_chart.py" line="34" />
            <source>Results by year</source>
            <translation>历年评价结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/history_chart.py" line="59" />
            <source>did not take part</source>
            <translation>未参评</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/history_chart.py" line="60" />
            <source>not scored</source>
            <translation>未评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/history_chart.py" line="61" />
            <source>withdrawn</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/history_chart.py" line="62" />
            <source>suspended</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/history_chart.py" line="63" />
            <source>ranked</source>
            <translation>参评</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/history_chart.py" line="73" />
            <location filename="../../src/alliance_review/gui/history_chart.py" line="84" />
            <source>No earlier results</source>
            <translation>没有往年结果</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="257" />
            <source>Results by year: %1</source>
            <translation>历年评价结果：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="265" />
            <source>Results by year</source>
            <translation>历年评价结果</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="268" />
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="269" />
            <source>Score</source>
            <translation>评分</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="270" />
            <source>Tier</source>
            <translation>档次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="271" />
            <source>Rank</source>
            <translation>名次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="272" />
            <source>Name then</source>
            <translation>当年名称</translation>
        </message>
    </context>
    <context>
        <name>RenameDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="45" />
            <source>Rename %1</source>
            <translation>更名：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="47" />
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="49" />
            <source>New name</source>
            <translation>新名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="52" />
            <source>A rename keeps the alliance: its results of earlier years, its reviewers' conflicts and its place. The old name is kept as a former name, so a list that still uses it finds the alliance. To correct a typing mistake, edit the name in the table instead.</source>
            <translation>更名后仍是同一联盟：往年结果、评审专家的利益冲突和名单位置不变。原名作为曾用名保留，仍用原名的名单也能找到该联盟。如只是改正录入错误，请直接在表格中修改名称。</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="59" />
            <source>Rename</source>
            <translation>更名</translation>
        </message>
    </context>
    <context>
        <name>RosterGroups</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="34" />
            <source>Alliance</source>
            <translation>联盟</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="34" />
            <source>What the import does</source>
            <translation>导入后的变动</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="35" />
            <source>What the import changes, by group</source>
            <translation>导入带来的变动（按类别）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="50" />
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="51" />
            <source>batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="52" />
            <source>contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="53" />
            <source>short name</source>
            <translation>简称</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="55" />
            <source>Changed (%n)</source>
            <translation>
                <numerusform>有变动（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="60" />
            <source>a pilot again this year</source>
            <translation>本年度恢复为试点联盟</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="66" />
            <source>New (%n)</source>
            <translation>
                <numerusform>新增（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="68" />
            <source>batch unknown</source>
            <translation>批次不详</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="71" />
            <source>Not on the list: withdrawn this year (%n)</source>
            <translation>
                <numerusform>名单中没有：登记为本年度退出（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="78" />
            <source>kept: %1</source>
            <translation>保留：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="80" />
            <source>withdrawn from %1: not on this year's list</source>
            <translation>自 %1 年退出：不在本年度名单中</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="85" />
            <source>Remarks say withdrawn (%n)</source>
            <translation>
                <numerusform>备注为退出（%n 家）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="90" />
            <source>added as withdrawn: “%1”</source>
            <translation>新增为已退出：“%1”</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="92" />
            <source>withdrawn: “%1”</source>
            <translation>登记退出：“%1”</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/alliance_review/gui/setup/roster_groups.py" line="94" />
            <source>Unchanged (%n)</source>
            <translation>
                <numerusform>不变（%n 家）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="74" />
            <source>Withdraw %1</source>
            <translation>登记退出：%1</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="75" />
            <source>Withdrawn from the programme (退出、撤销)</source>
            <translation>退出试点（退出、撤销）</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="76" />
            <source>Suspended this year (暂停)</source>
            <translation>本年度暂停</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="81" />
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="86" />
            <source>Since the year</source>
            <translation>自年度</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="83" />
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="87" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="84" />
            <source>e.g. 主动申请退出, 撤销试点资格</source>
            <translation>例如：主动申请退出、撤销试点资格</translation>
        </message>
        <message>
            <location filename="../../src/alliance_review/gui/setup/register_dialogs.py" line="90" />
            <source>A withdrawn or suspended alliance stays in the register with its history, but is no pilot this year: it gets no reviewers and no workbook, and the report does not count it among the pilots.</source>
            <translation>退出或暂停的联盟仍留在名单中并保留往年结果，但本年度不是试点联盟：不分配评审专家，不发自评价表，报告也不计入试点联盟。</translation>
        </message>
    </context>
</TS>