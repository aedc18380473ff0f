"""Write the office-file corpus: rosters and reviewer lists as real offices send them,
made by other writers than the app (xlsxwriter, LibreOffice, a hand-built WPS-like
package, GBK and UTF-16 text), each with the result it must import to (NAME.json).

The files are committed, so the tests need neither LibreOffice nor this script:
    .venv/bin/python tests/data/office/make_corpus.py      # needs soffice on PATH
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
TITLE = "2016年度试点联盟名单"
HEADER = ["序号", "联盟名称", "批次", "联系人", "电话"]
BLOCKS = [("第一批", 31), ("第二批", 39), ("第三批", 56), ("第四批", 3)]
EXTRA = ["海洋装备产业技术创新战略联盟", "智能电网产业技术创新战略联盟",
         "北斗导航产业技术创新战略联盟", "石墨烯产业技术创新战略联盟"]  # fmt: skip


def names() -> list[str]:
    with open(ROOT / "resources" / "pilots-2015.csv", encoding="utf-8") as handle:
        # the 125 alliances of the 2015 appendix (not the demo's placeholder pilots)
        listed = [row["name"] for row in csv.DictReader(handle) if "虚构占位" not in row["name"]]
    found = listed + EXTRA
    assert len(found) == 129
    found[7] = found[7] + " "  # a trailing space, as typed
    return found


def issue_rows() -> list[dict]:
    """The issue's roster, row by row: what each sheet row holds (None: a blank row)."""
    rows: list[dict | None] = []
    listed = names()
    seq = 0
    for batch, count in BLOCKS:
        block = []
        for _ in range(count):
            name = listed[seq]
            seq += 1
            block.append({"seq": seq, "name": name, "batch": batch,
                          "contact": f"联系人{seq}", "phone": f"010-6{seq:07d}"})  # fmt: skip
            if seq == 40:  # a duplicate of row 10's alliance, inside the second batch
                dup = dict(block[-1], name=listed[9].strip(), seq=seq)
                block.append(dup)
        rows.append(block)
    return rows


def expected_issue() -> dict:
    """The duplicate (row 44) is refused; the three rows of 第四批, a batch the round does
    not have yet, are taken with the batch offered as new (issue 17: batches are data)."""
    listed = [n.strip() for n in names()]
    return {
        "header_row": 3,
        "accepted": 129,
        "batches": {"第一批": 31, "第二批": 39, "第三批": 56, "第四批": 3},
        "first": listed[0],
        "last_accepted": listed[128],
        "blocking": {"duplicate": 1},
        "total_note": True,
        "new_round_refused": True,
    }


def write_issue_xlsx(path: Path) -> None:
    """xlsxwriter: title rows merged, each batch written once in a merged cell."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("名单")
    title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
    head = book.add_format({"bold": True, "border": 1, "align": "center", "bg_color": "#DDEBF7"})
    box = book.add_format({"border": 1})
    batch_format = book.add_format({"border": 1, "align": "center", "valign": "vcenter"})
    sheet.merge_range(0, 0, 0, 4, TITLE, title)
    sheet.merge_range(1, 0, 1, 4, "（按试点批次排列）", box)
    sheet.write_row(2, 0, HEADER, head)
    row = 3
    for block in issue_rows():
        first = row
        for entry in block:
            sheet.write_number(row, 0, entry["seq"], box)
            sheet.write_string(row, 1, entry["name"], box)
            sheet.write_string(row, 3, entry["contact"], box)
            sheet.write_string(row, 4, entry["phone"], box)
            row += 1
        sheet.merge_range(first, 2, row - 1, 2, block[0]["batch"], batch_format)
        if block[0]["batch"] == "第二批":
            row += 1  # a blank row between the second and third batch
    sheet.merge_range(row, 0, row, 4, "合计：129 家", head)
    sheet.write_string(row + 1, 0, "注：第四批为拟新增试点联盟，名单以正式文件为准。")
    sheet.set_column(1, 1, 48)
    sheet.set_column(3, 4, 14)
    book.close()


def convert(source: Path, to: str, target: Path) -> None:
    """LibreOffice headless: open ``source`` and save it as ``to`` (xlsx, xls, ods)."""
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
             "--convert-to", to, "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        made = Path(work) / (source.stem + "." + to.split(":")[0])
        shutil.move(made, target)


def flat_rows(clean: bool) -> list[list[str]]:
    """The issue's roster as plain rows, each batch on every row (text files have no
    merged cells); ``clean`` leaves out the duplicate and the 第四批 rows."""
    out = [[TITLE], [], HEADER]
    for block in issue_rows():
        for entry in block:
            if clean and (entry["batch"] == "第四批"):
                continue
            out.append([str(entry["seq"]), entry["name"], entry["batch"], entry["contact"],
                        entry["phone"]])  # fmt: skip
    if clean:
        seen: set[str] = set()
        kept = out[:3]
        for row in out[3:]:
            if row[1].strip() not in seen:
                kept.append(row)
                seen.add(row[1].strip())
        out = kept
    out.append(["合计：126 家" if clean else "合计：129 家"])
    return out


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def expected_clean() -> dict:
    listed = [n.strip() for n in names()]
    return {
        "header_row": 3,
        "accepted": 126,
        "batches": {"第一批": 31, "第二批": 39, "第三批": 56},
        "first": listed[0],
        "last_accepted": listed[125],
        "blocking": {},
        "total_note": False,
        "new_round_refused": False,
    }


def write_wps_like(path: Path, source: Path) -> None:
    """A package shaped like WPS Office's: columns in another order, inline strings, a
    KSO custom property, a dimension that lies, a merged batch cell."""
    rows = flat_rows(clean=True)
    order = [4, 1, 3, 2, 0]  # 电话, 联盟名称, 联系人, 批次, 序号
    cells = []
    merges = ['<mergeCell ref="A1:E1"/>']
    for r, row in enumerate(rows, start=1):
        out = []
        for c, index in enumerate(order):
            value = row[index] if index < len(row) else ""
            if r == 1 and c == 0:
                value = row[0]
            elif r == 1 or (r > 3 and index == 2 and rows[r - 2][2] == value and r > 4):
                value = ""  # the batch only on a block's first row: merged below
            if r == len(rows) and c == 0:
                value = row[0]
            elif r == len(rows):
                value = ""
            if value:
                text = value.replace("&", "&amp;").replace("<", "&lt;")
                out.append(f'<c r="{"ABCDE"[c]}{r}" t="inlineStr"><is><t>{text}</t></is></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    start = None
    for r in range(4, len(rows) + 1):
        batch = rows[r - 1][2] if len(rows[r - 1]) > 2 else ""
        previous = rows[r - 2][2] if r > 4 and len(rows[r - 2]) > 2 else None
        if batch != previous:
            if start is not None and r - 1 > start:
                merges.append(f'<mergeCell ref="D{start}:D{r - 1}"/>')
            start = r if batch else None
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr/><dimension ref="A1:E20"/><sheetViews><sheetView tabSelected="1" '
        'workbookViewId="0"/></sheetViews><sheetFormatPr defaultColWidth="9" '
        'defaultRowHeight="13.5"/><sheetData>' + "".join(cells) + "</sheetData>"
        f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>'
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        "</worksheet>"
    )
    with zipfile.ZipFile(source) as base, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            if info.filename in ("xl/sharedStrings.xml",):
                continue
            data = base.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode("utf-8")
            elif info.filename == "[Content_Types].xml":
                text = data.decode().replace(
                    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
                    "",
                )
                data = text.replace(
                    "</Types>",
                    '<Override PartName="/docProps/custom.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
                ).encode()
            elif info.filename == "xl/_rels/workbook.xml.rels":
                text = data.decode()
                start_at = text.find('<Relationship Id="rId', text.find("sharedStrings") - 120)
                if "sharedStrings" in text:
                    end_at = text.find("/>", text.find("sharedStrings")) + 2
                    text = text[: text.rfind("<Relationship", 0, end_at)] + text[end_at:]
                del start_at
                data = text.encode()
            out.writestr(info.filename, data)
        out.writestr(
            "docProps/custom.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="'
            'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
            'name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.14309</vt:lpwstr></property>'
            "</Properties>",
        )


def write_no_header(path: Path) -> None:
    """Only numbers and names, no header row: must be refused, never imported."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for r, name in enumerate(names()[:10]):
        sheet.write_number(r, 0, r + 1)
        sheet.write_string(r, 1, name.strip())
    book.close()


def write_reviewers(path: Path) -> None:
    """A reviewer list as an office types it: title, header, own alliance by name."""
    listed = [n.strip() for n in names()]
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("专家")
    sheet.merge_range(0, 0, 0, 3, "2016年度活跃度评价评审专家名单")
    sheet.write_row(1, 0, ["序号", "姓名", "所在联盟", "职务"])
    people = [
        ("王建国", listed[0], "秘书长"),
        ("李　红", listed[1], "副秘书长"),  # an ideographic space inside the name
        ("赵  强", "", "教授"),
        ("孙丽", "不存在的联盟", "研究员"),
        ("王建国", listed[2], "秘书长"),  # the same person twice
        ("周\u200b明", listed[3], "秘书长"),  # a zero-width space pasted from a chat
    ]
    for r, (name, own, title) in enumerate(people, start=2):
        sheet.write_row(r, 0, [r - 1, name, own, title])
    sheet.write_string(len(people) + 2, 0, "合计：6 人")
    book.close()


def main() -> None:
    issue = HERE / "issue-2016-xlsxwriter.xlsx"
    write_issue_xlsx(issue)
    cases = {issue.name: expected_issue()}
    for to, target in (
        ("xlsx:Calc MS Excel 2007 XML", "issue-2016-libreoffice.xlsx"),
        ("xls:MS Excel 97", "issue-2016-libreoffice.xls"),
        ("ods", "issue-2016-libreoffice.ods"),
    ):
        convert(issue, to, HERE / target)
        cases[target] = expected_issue()
    write_csv(HERE / "roster-gbk.csv", flat_rows(clean=True), "gbk")
    cases["roster-gbk.csv"] = expected_clean()
    write_csv(HERE / "roster-utf16.csv", flat_rows(clean=True), "utf-16", delimiter="\t")
    cases["roster-utf16.csv"] = expected_clean()
    write_csv(HERE / "roster-utf8-bom.csv", flat_rows(clean=True), "utf-8-sig")
    cases["roster-utf8-bom.csv"] = expected_clean()
    write_csv(HERE / "issue-2016-gbk.csv", flat_rows(clean=False), "gb18030")
    cases["issue-2016-gbk.csv"] = dict(expected_issue(), total_note=True)
    write_wps_like(HERE / "roster-wps-like.xlsx", issue)
    cases["roster-wps-like.xlsx"] = dict(expected_clean(), header_row=3)
    shutil.copyfile(HERE / "roster-wps-like.xlsx", HERE / "roster-xlsx-named.xls")
    cases["roster-xlsx-named.xls"] = cases["roster-wps-like.xlsx"]
    write_no_header(HERE / "roster-no-header.xlsx")
    cases["roster-no-header.xlsx"] = {"refused": "找不到"}
    write_reviewers(HERE / "reviewers-xlsxwriter.xlsx")
    far = HERE / "far-cell.xlsx"  # two cells: A1 and IV65536, the far corner of an .xls
    book = xlsxwriter.Workbook(str(far))
    book.add_worksheet().write_string(0, 0, "联盟名称")
    book.worksheets()[0].write_string(65535, 255, "x")
    book.close()
    convert(far, "xls:MS Excel 97", HERE / "far-cell.xls")
    far.unlink()
    for name, expected in cases.items():
        (HERE / name).with_suffix(Path(name).suffix + ".json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
