<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../src/alliance_review/gui/documents/dialog.py" line="43" />
        <source>Documents</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="149" />
        <source>Previous page (Page Up)</source>
        <extracomment>the citation of the page in view (the "Cite page" button or its shortcut) the document shown and the page in view changed (document id, page from 1)</extracomment>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="150" />
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="151" />
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="152" />
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="153" />
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="154" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="155" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="156" />
        <source>Zoom out (Ctrl+minus)</source>
        <translation>缩小（Ctrl+减号）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="157" />
        <source>Zoom in (Ctrl+plus)</source>
        <translation>放大（Ctrl+加号）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="158" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="159" />
        <source>Fit the page to the width (Ctrl+0)</source>
        <translation>页面适合宽度（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="160" />
        <source>Search in the document (Ctrl+F)</source>
        <translation>在文档中查找（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="161" />
        <source>Search in the document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="162" />
        <source>Previous hit</source>
        <translation>上一处</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="163" />
        <source>Next hit</source>
        <translation>下一处</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="164" />
        <source>Previous hit (Shift+Enter)</source>
        <translation>上一处（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="165" />
        <source>Next hit (Enter)</source>
        <translation>下一处（Enter）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="166" />
        <source>Cite page</source>
        <translation>引用本页</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="167" />
        <source>Documents of the alliance</source>
        <translation>该联盟的文档</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="168" />
        <source>Pages of the document</source>
        <translation>文档页面</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="169" />
        <source>Text of the document</source>
        <translation>文档文字</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="218" />
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="270" />
        <source>This document's content is not in this file.</source>
        <translation>本文件中没有该文档的内容。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="300" />
        <source>(This page holds no text.)</source>
        <translation>（本页没有文字。）</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="342" />
        <source>No documents for this alliance.</source>
        <translation>该联盟没有佐证材料。</translation>
    </message>
    <message>
        <location filename="../../src/alliance_review/gui/documents/viewer.py" line="459" />
        <source>no hits</source>
        <translation>无结果</translation>
    </message>
</context>
</TS>