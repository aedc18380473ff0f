"""Write the register corpus (issue 17): lists as offices send them in their second year,
made by other writers than the app (xlsxwriter, LibreOffice's own xlsx, xls and ods, GBK
CSV), each with the reading it must give (NAME.json).

The files are committed, so the tests need neither LibreOffice nor this script:
    .venv/bin/python tests/data/office/register/make_register_corpus.py   # needs soffice
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from make_corpus import convert  # noqa: E402  (LibreOffice headless, as the first corpus)

ROOT = HERE.parents[3]
HEADER = ["序号", "联盟名称", "批次", "联系人", "备注"]


def pilots() -> list[tuple[str, str]]:
    """The 125 alliances of the 2015 appendix with their batches (not the placeholders)."""
    with open(ROOT / "resources" / "pilots-2015.csv", encoding="utf-8") as handle:
        return [
            (row["name"], row["batch"])
            for row in csv.DictReader(handle)
            if "虚构占位" not in row["name"]
        ]


def appendix() -> list[dict[str, str]]:
    with open(ROOT / "resources" / "published-appendix-2015.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("gb18030"))


# the cases ---------------------------------------------------------------------------------
def hidden_rows(path: Path) -> dict:
    """Row 6 hidden by hand, rows 9 and 12 filtered out by an autofilter on 批次."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("名单")
    sheet.write_row(0, 0, HEADER)
    listed = pilots()[:12]
    for r, (name, batch) in enumerate(listed, start=1):
        sheet.write_row(r, 0, [str(r), name, batch, f"联系人{r}", ""])
    sheet.set_row(5, None, None, {"hidden": True})
    sheet.autofilter(0, 0, len(listed), 4)
    sheet.filter_column(2, "x == 第一批")
    for r in (8, 11):
        sheet.set_row(r, None, None, {"hidden": True})
    book.close()
    return {"entries": 12, "accepted": 9, "hidden": 3, "hidden_rows": [6, 9, 12],
            "withdrawing": 0, "first": listed[0][0]}  # fmt: skip


def remarks_rows() -> list[list[str]]:
    rows = [["2016年度试点联盟名单"], HEADER]
    listed = pilots()[:10]
    words = {3: "已退出", 5: "撤销试点资格", 7: "不再参评", 8: "未退出，继续参评", 9: "暂停评价"}
    for r, (name, batch) in enumerate(listed, start=1):
        rows.append([str(r), name, batch, f"联系人{r}", words.get(r, "")])
    return rows


def remarks(path: Path) -> dict:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("名单")
    for r, row in enumerate(remarks_rows()):
        sheet.write_row(r, 0, row)
    book.close()
    return {"entries": 10, "accepted": 10, "hidden": 0, "withdrawing": 4,
            "withdrawn_rows": [5, 7, 9, 11], "first": pilots()[0][0]}  # fmt: skip


def section_rows() -> list[list[str]]:
    """A list grouped by batch with a heading row per batch and no batch column."""
    rows = [["2016年度试点联盟名单"], ["序号", "联盟名称", "联系人"]]
    seq = 0
    for heading, batch in (("一、第一批试点联盟", "第一批"), ("二、第二批试点联盟", "第二批"),
                           ("三、第三批试点联盟", "第三批")):  # fmt: skip
        rows.append([heading, heading, heading])  # merged across: every cell holds it
        for name, _ in [p for p in pilots() if p[1] == batch][:4]:
            seq += 1
            rows.append([str(seq), name, f"联系人{seq}"])
    rows.append(["合计：12 家"])
    return rows


def sections(path: Path) -> dict:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("名单")
    bold = book.add_format({"bold": True})
    for r, row in enumerate(section_rows()):
        if len(row) == 3 and row[0] == row[1]:
            sheet.merge_range(r, 0, r, 2, row[0], bold)
        else:
            sheet.write_row(r, 0, row)
    book.close()
    return {"entries": 12, "accepted": 12, "hidden": 0, "withdrawing": 0,
            "batches": {"第一批": 4, "第二批": 4, "第三批": 4}, "headings": 3,
            "first": pilots()[0][0]}  # fmt: skip


def pasted_appendix(path: Path) -> dict:
    """Last year's published appendix pasted as the roster: tier headings between rows."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("附件")
    sheet.merge_range(0, 0, 0, 2, "附件：2015年度产业技术创新战略联盟活跃度评价结果")
    sheet.write_row(1, 0, ["序号", "联盟名称", "评分"])
    r = 2
    rows = appendix()
    for tier in ("活跃度高", "活跃度较高", "活跃度一般", "活跃度较差"):
        members = [x for x in rows if x["published_tier"] == tier]
        sheet.merge_range(r, 0, r, 2, f"{tier}的联盟（共 {len(members)} 家）")
        r += 1
        for row in members:
            sheet.write_row(r, 0, [row["seq"], row["name"], row["score"]])
            r += 1
    book.close()
    return {"entries": 125, "accepted": 125, "hidden": 0, "withdrawing": 0, "tier_headings": 4,
            "first": rows[0]["name"]}  # fmt: skip


def line_breaks(path: Path) -> dict:
    """Long names wrapped in their cells with Alt+Enter; a name merged over two rows."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("名单")
    wrap = book.add_format({"text_wrap": True, "valign": "vcenter"})
    sheet.write_row(0, 0, ["序号", "试点联盟名称", "批次", "联系人"])
    listed = pilots()[:6]
    broken = {1: "半导体照明产业技术\n创新战略联盟", 3: "木竹产业技术创新\r\n战略联盟"}
    r = 1
    for i, (name, batch) in enumerate(listed):
        sheet.write_string(r, 0, str(i + 1))
        sheet.write_string(r, 1, broken.get(i, name), wrap)
        sheet.write_string(r, 2, batch)
        sheet.write_string(r, 3, f"联系人{i + 1}")
        if i == 4:  # a name cell merged over two rows, a second contact below
            sheet.merge_range(r, 1, r + 1, 1, name, wrap)
            sheet.write_string(r + 1, 3, "联系人5乙")
            r += 1
        r += 1
    sheet.set_column(1, 1, 24)
    book.close()
    return {"entries": 6, "accepted": 6, "hidden": 0, "withdrawing": 0,
            "names": [n for n, _ in listed], "line_breaks": 2, "merged_continuation": 1,
            "first": listed[0][0]}  # fmt: skip


def cover_sheet(path: Path) -> dict:
    """A cover sheet first; the roster on the second sheet, with header synonyms."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    cover = book.add_worksheet("封面")
    cover.write(0, 0, "关于报送2016年度试点联盟名单的函")
    cover.write(2, 0, "附：试点联盟名单（见第二页）")
    sheet = book.add_worksheet("试点联盟")
    sheet.write_row(0, 0, ["编号", "单位名称", "联盟简称", "所属批次"])
    listed = pilots()[:5]
    shorts = ["TD联盟", "半导体照明联盟", "", "", ""]
    for r, (name, batch) in enumerate(listed, start=1):
        sheet.write_row(r, 0, [str(r), name, shorts[r - 1], batch])
    book.close()
    return {"entries": 5, "accepted": 5, "hidden": 0, "withdrawing": 0, "sheet": "试点联盟",
            "short_names": {listed[0][0]: "TD联盟"}, "first": listed[0][0]}  # fmt: skip


def spellings_rows() -> list[list[str]]:
    rows = [HEADER[:4]]
    listed = pilots()
    spelled = [
        ("1批", 0), ("首批", 1), ("第一批次", 2), ("二批", 57), ("Ⅱ", 58),
        ("第三批（2012年）", 100), ("3", 101), ("第四批", None), ("第4批", None),
    ]  # fmt: skip
    extra = ["海洋装备产业技术创新战略联盟", "石墨烯产业技术创新战略联盟"]
    for r, (batch, index) in enumerate(spelled, start=1):
        name = listed[index][0] if index is not None else extra.pop(0)
        rows.append([str(r), name, batch, ""])
    return rows


def spellings(path: Path) -> dict:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("名单")
    for r, row in enumerate(spellings_rows()):
        sheet.write_row(r, 0, row)
    book.close()
    return {"entries": 9, "accepted": 9, "hidden": 0, "withdrawing": 0,
            "batches": {"第一批": 3, "第二批": 2, "第三批": 2, "第四批": 2},
            "new_batches": ["第四批"], "designated": {"第三批": 2012},
            "first": pilots()[0][0]}  # fmt: skip


def update_2016_rows() -> list[list[str]]:
    """This year's full list against the 2015 demo: spelling changes, a changed batch,
    new pilots, and pilots missing from it."""
    rows = [["2016年度试点联盟名单"], HEADER]
    listed = pilots()
    seq = 0
    for index, (name, batch) in enumerate(listed):
        if index in (10, 20, 30):  # not on this year's list
            continue
        seq += 1
        if index == 0:
            name = "TD产业技术创新战略联盟"  # the demo writes "TD 产业…": a spelling change
        if index == 40:
            batch = "第三批" if batch != "第三批" else "第二批"  # a changed batch
        rows.append([str(seq), name, batch, "", "已退出" if index == 50 else ""])
    for name in ("海洋装备产业技术创新战略联盟", "石墨烯产业技术创新战略联盟"):
        seq += 1
        rows.append([str(seq), name, "第四批", "", ""])
    return rows


def update_2016(path: Path) -> dict:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("2016")
    for r, row in enumerate(update_2016_rows()):
        sheet.write_row(r, 0, row)
    book.close()
    listed = pilots()
    return {"entries": 124, "accepted": 124, "hidden": 0, "withdrawing": 1,
            "missing_names": [listed[i][0] for i in (10, 20, 30)],
            "changed_names": [listed[0][0], listed[40][0]], "new": 2,
            "withdrawn_name": listed[50][0], "first": "TD产业技术创新战略联盟"}  # fmt: skip


def reviewers(path: Path) -> dict:
    """A reviewer list: name, title and employer in one cell; alliances by short name, with
    a role, with a prefix; an alliance nobody can find; a declared conflicts column."""
    listed = pilots()
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("专家")
    sheet.merge_range(0, 0, 0, 3, "2016年度活跃度评价评审专家名单")
    sheet.write_row(1, 0, ["序号", "姓名", "所在联盟", "回避联盟"])
    rows = [
        ("李四 研究员 中国农业大学", "住宅联盟", ""),
        ("王建国", "TD联盟秘书长", "本人所在：半导体照明联盟"),
        ("赵强（秘书长）", "本人所在：化纤产业技术创新战略联盟", "AVS联盟"),
        ("孙丽", "不存在的产业技术创新战略联盟", ""),
        ("周明", listed[4][0], "木竹联盟；住宅联盟"),
    ]
    for r, row in enumerate(rows, start=2):
        sheet.write_row(r, 0, [str(r - 1), *row])
    book.close()
    return {
        "reviewers": ["李四", "王建国", "赵强", "孙丽", "周明"],
        "split_rows": [3, 5],
        "own": {"李四": "住宅产业技术创新战略联盟", "王建国": "TD 产业技术创新战略联盟",
                "赵强": "化纤产业技术创新战略联盟", "周明": listed[4][0]},
        "declared": {"王建国": ["半导体照明产业技术创新战略联盟"],
                     "赵强": ["数字音视频编解码（AVS）产业技术创新战略联盟"],
                     "周明": ["木竹产业技术创新战略联盟", "住宅产业技术创新战略联盟"]},
        "unknown_row": 6,
    }  # fmt: skip


CASES: dict[str, Callable[[Path], dict]] = {
    "hidden-rows": hidden_rows,
    "remarks": remarks,
    "sections": sections,
    "pasted-appendix": pasted_appendix,
    "line-breaks": line_breaks,
    "cover-sheet": cover_sheet,
    "spellings": spellings,
    "update-2016": update_2016,
    "reviewers": reviewers,
}
# every case also saved by LibreOffice; these also as GBK text (no hidden rows or merges)
CSV_CASES = {"remarks": remarks_rows, "sections": section_rows, "spellings": spellings_rows,
             "update-2016": update_2016_rows}  # fmt: skip


def main() -> None:
    for stem, write in CASES.items():
        source = HERE / f"{stem}-xlsxwriter.xlsx"
        expected = write(source)
        written = {source.name: expected}
        for to, suffix in (
            ("xlsx:Calc MS Excel 2007 XML", "libreoffice.xlsx"),
            ("xls:MS Excel 97", "libreoffice.xls"),
            ("ods", "libreoffice.ods"),
        ):
            target = HERE / f"{stem}-{suffix}"
            convert(source, to, target)
            written[target.name] = expected
        if stem in CSV_CASES:
            target = HERE / f"{stem}-gbk.csv"
            write_csv(target, CSV_CASES[stem]())
            written[target.name] = dict(expected, csv=True)
        for name, value in written.items():
            (HERE / f"{name}.json").write_text(
                json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )


if __name__ == "__main__":
    main()
