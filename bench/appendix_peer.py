"""LibreOffice's peer of ``export-pdf``: a workbook laid out like the appendix, converted.

``write_appendix_workbook(round_path, out)`` writes (untimed: it is LibreOffice's input,
as the round file is the app's) the appendix as a formatted sheet: "附件" and the title
above the table, the columns 序号 / 联盟名称 / 评分 with the app's widths, the tier headings
with their counts spanning the table on a light fill, the column header on a grey fill
and repeated on every page, every cell bordered, the 12-point body, long names wrapping
in their cell, A4 portrait with the app's margins and "第 N 页 共 M 页" in the footer.
``bench/table.py`` times ``soffice --headless --convert-to pdf`` of it beside
``export-pdf``; ``tests/test_bench_equivalence.py`` checks the layout and that the
converted PDF prints the app's rows.
"""

from __future__ import annotations

from pathlib import Path

MM_PER_INCH = 25.4
FONT = "AR PL UMing CN"  # a TrueType CJK font with Latin letters that LibreOffice has here


def appendix_lines(round_path: str | Path) -> tuple[str, list[tuple[str, str, str, bool]]]:
    """The title and the table's rows as the app prints them: (序号, 联盟名称, 评分,
    heading?), headings with the app's own text."""
    from alliance_review.services.appendix_pdf import Heading, appendix_entries
    from alliance_review.services.pdf_choices import default_title
    from alliance_review.services.results import compute
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(round_path) as store:
        result = compute(store)
    rows: list[tuple[str, str, str, bool]] = []
    for entry in appendix_entries(result.ranking, result.settings.tiers):
        if isinstance(entry, Heading):
            rows.append(("", entry.text, "", True))
        else:
            rows.append((str(entry.seq), entry.alliance.name, f"{entry.printed_score:f}", False))
    return default_title(result.settings.year), rows


def write_appendix_workbook(round_path: str | Path, out: str | Path) -> int:
    """The appendix as a formatted workbook at ``out``; returns its table rows."""
    import xlsxwriter

    from alliance_review.services import appendix_pdf as app

    title, rows = appendix_lines(round_path)
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("附件")
    base = {"font_name": FONT, "font_size": app.BODY_SIZE, "valign": "vcenter"}
    cell = {**base, "border": 1, "border_color": "#000000"}
    label = book.add_format({**base, "font_size": app.LABEL_SIZE})
    heading_title = book.add_format(
        {**base, "font_size": app.TITLE_SIZE, "align": "center", "text_wrap": True}
    )
    header = book.add_format({**cell, "align": "center", "bg_color": "#E6E6E6"})
    heading = book.add_format({**cell, "align": "left", "bg_color": "#F5F5F5"})
    number = book.add_format({**cell, "align": "center"})
    name = book.add_format({**cell, "align": "left", "text_wrap": True})
    name_width = app.TEXT_WIDTH - 2 * app.NUMBER_WIDTH - 2  # a little room: one page wide
    for column, width in enumerate((app.NUMBER_WIDTH, name_width, app.NUMBER_WIDTH)):
        sheet.set_column(column, column, characters(width))
    one_line = app.BODY_LEADING + 7  # the app's paddings: 3 above, 4 below
    sheet.set_row(0, app.LABEL_LEADING)
    sheet.write_string(0, 0, "附件", label)
    sheet.set_row(1, app.TITLE_LEADING * len(title_lines(title)) + 16)
    sheet.merge_range(1, 0, 1, 2, title, heading_title)
    sheet.set_row(3, one_line)
    for column, text in enumerate(("序号", "联盟名称", "评分")):
        sheet.write_string(3, column, text, header)
    at = 4
    wrap_width = name_width - 2 * app.PADDING
    for seq, alliance, score, is_heading in rows:
        lines = 1 if is_heading else len(app.wrap_text(alliance, wrap_width))
        sheet.set_row(at, one_line + app.BODY_LEADING * (lines - 1))
        if is_heading:
            sheet.merge_range(at, 0, at, 2, alliance, heading)
        else:
            sheet.write_number(at, 0, int(seq), number)
            sheet.write_string(at, 1, alliance, name)
            sheet.write_number(at, 2, int(score), number)
        at += 1
    sheet.set_paper(9)
    sheet.set_portrait()
    sheet.set_margins(
        left=app.LEFT / 72, right=app.RIGHT / 72, top=app.TOP / 72, bottom=app.BOTTOM / 72
    )
    sheet.repeat_rows(3)
    sheet.set_footer(f'&C&"{FONT}"&11第 &P 页 共 &N 页')
    book.close()
    return len(rows)


def characters(points: float) -> float:
    """A column width in points as the workbook's unit, as LibreOffice reads it: 7 points
    a character plus 4.9 (measured: widths of 10 and 40 print 74.9 and 285.0 points)."""
    return (points - 4.9) / 7.0


def title_lines(title: str) -> list[str]:
    from alliance_review.services import appendix_pdf as app

    return app.wrap_text(title, app.TEXT_WIDTH, app.TITLE_SIZE)


def convert_argv(soffice: str, workbook: Path, folder: Path, profile: Path) -> list[str]:
    """The conversion command (a profile of its own, so no running office interferes)."""
    return [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(workbook),
    ]
