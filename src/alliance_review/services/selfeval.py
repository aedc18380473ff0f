"""Self-evaluation workbooks (自评价表): one per alliance out, filled ones back in.

A workbook carries, on a hidden sheet, the round's identifier, the alliance's identifier
and the row of every indicator, so a returned workbook is matched by identifier, never
by its (editable) name. Reading a workbook checks everything and writes nothing; the
accepted workbooks are then written in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from alliance_review.core.errors import FileRefused, ScoreError, UserError
from alliance_review.core.file_names import word
from alliance_review.core.points import format_points, parse_points
from alliance_review.core.roster import Alliance
from alliance_review.core.rubric import Rubric
from alliance_review.services.output import cancelled
from alliance_review.services.panel import require_unlocked
from alliance_review.services.xlsx import (
    HEADER_FILL,
    HEADER_FONT,
    WRAP,
    cell_text,
    load_workbook_checked,
    put_text,
    save_workbook,
)
from alliance_review.storage.round_store import RoundStore

Progress = Callable[[int, int], bool]
MARK = "alliance-review-selfeval"
FORM_SHEET = "自评价表"
META_SHEET = "_meta"
FIRST_ROW = 7
COLUMNS = (
    "一级指标",
    "编号",
    "二级指标",
    "评分依据和标准",
    "满分",
    "自评分",
    "自评说明（材料与依据）",
)
CODE_COL, MAX_COL, SCORE_COL, NOTE_COL = "B", "E", "F", "G"
_SHOWN_PROBLEMS = 3  # a refusal names the first few problems; the preview lists them all
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_THIN = Side(style="thin", color="999999")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
SelfRows = dict[tuple[str, str], tuple[Fraction | None, str]]


def file_name(alliance: Alliance, language: str = "zh") -> str:
    """Like "001-<alliance>-自评价表.xlsx" ("-self-evaluation.xlsx" in English)."""
    safe = _UNSAFE.sub("_", alliance.name).strip(" .") or word("alliance", language)
    return f"{alliance.position + 1:03d}-{safe[:80]}-{word('self_evaluation', language)}.xlsx"


def write_workbooks(
    store: RoundStore,
    out_dir: Path | str,
    alliance_uids: Sequence[str] | None = None,
    progress: Progress | None = None,
    language: str = "zh",
) -> list[Path]:
    """One workbook per alliance (or the chosen ones) into ``out_dir``."""
    out_dir = Path(out_dir)
    rubric = store.rubric()
    problems = rubric.problems()
    if problems:
        raise UserError(
            "评价指标尚未完成，不能生成自评价表：" + problems[0],
            "The rubric is not complete yet; fix it before generating workbooks.",
        )
    settings = store.settings()
    alliances = [a for a in store.alliances() if alliance_uids is None or a.uid in alliance_uids]
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for done, alliance in enumerate(alliances, start=1):
        workbook = build_workbook(rubric, alliance, settings.uid, settings.title, settings.period)
        target = out_dir / file_name(alliance, language)
        save_workbook(workbook, target)
        written.append(target)
        if progress is not None and not progress(done, len(alliances)):
            for path in written:
                path.unlink(missing_ok=True)
            raise cancelled()
    return written


def build_workbook(
    rubric: Rubric, alliance: Alliance, round_uid: str, title: str, period: str
) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = FORM_SHEET
    put_text(sheet["A1"], f"{title}  自评价表")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:G1")
    put_text(sheet["A2"], "联盟名称")
    put_text(sheet["B2"], alliance.name)
    sheet.merge_cells("B2:G2")
    put_text(sheet["A3"], "评价期间")
    put_text(sheet["B3"], period)
    sheet.merge_cells("B3:G3")
    put_text(
        sheet["A4"],
        "填写说明：只需填写“自评分”和“自评说明”两列，其他单元格已锁定；"
        "自评分须在 0 到该项满分之间。请勿增删行列或修改指标。",
    )
    sheet.merge_cells("A4:G4")
    sheet["A4"].alignment = WRAP
    sheet.row_dimensions[4].height = 32
    for column, heading in enumerate(COLUMNS, start=1):
        cell = sheet.cell(FIRST_ROW - 1, column)
        put_text(cell, heading)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    meta = workbook.create_sheet(META_SHEET)
    for key, value in (
        ("format", MARK),
        ("version", "1"),
        ("round_uid", round_uid),
        ("round_title", title),
        ("alliance_uid", alliance.uid),
        ("alliance_name", alliance.name),
    ):
        meta.append([key, value])
    row = FIRST_ROW
    for category in rubric.categories:
        for indicator in category.indicators:
            put_text(sheet.cell(row, 1), category.name)
            put_text(sheet.cell(row, 2), indicator.code)
            put_text(sheet.cell(row, 3), indicator.name)
            put_text(sheet.cell(row, 4), indicator.criteria)
            sheet.cell(row, 5, _number(indicator.max_points))
            validation = DataValidation(
                type="decimal",
                operator="between",
                formula1="0",
                formula2=format_points(indicator.max_points),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="自评分超出范围",
                error=f"本项自评分须在 0 到 {format_points(indicator.max_points)} 分之间。",
            )
            sheet.add_data_validation(validation)
            validation.add(f"{SCORE_COL}{row}")
            for column in range(1, 8):
                cell = sheet.cell(row, column)
                cell.border = BOX
                cell.alignment = WRAP
            for column in (6, 7):
                sheet.cell(row, column).protection = Protection(locked=False)
            meta.append(["indicator", indicator.code, row])
            row += 1
    put_text(sheet.cell(row, 3), "合计")
    sheet.cell(row, 5, _number(rubric.max_points))
    sheet.cell(row, 6, f"=SUM({SCORE_COL}{FIRST_ROW}:{SCORE_COL}{row - 1})")
    for column in range(1, 8):
        sheet.cell(row, column).font = HEADER_FONT
        sheet.cell(row, column).border = BOX
    for letter, width in zip("ABCDEFG", (18, 7, 30, 48, 7, 9, 44), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.protection.sheet = True
    sheet.protection.formatRows = False  # row heights may grow for long notes
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    workbook.security = WorkbookProtection(lockStructure=True)
    return workbook


def _number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else float(value)


# reading back --------------------------------------------------------------------------
@dataclass
class SelfEvalFile:
    """One returned workbook, checked: its rows, or the reasons it is refused."""

    path: Path
    alliance_uid: str = ""
    alliance_name: str = ""
    rows: dict[str, tuple[Fraction | None, str]] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (zh, en)

    @property
    def ok(self) -> bool:
        return not self.problems

    def refuse(self, zh: str, en: str) -> None:
        self.problems.append((zh, en))


def read_workbook(
    path: Path | str, rubric: Rubric, round_uid: str, roster: Sequence[Alliance]
) -> SelfEvalFile:
    """Check one returned workbook against the round; never writes anything."""
    result = SelfEvalFile(Path(path))
    try:
        workbook = load_workbook_checked(result.path, data_only=True)
    except FileRefused as error:
        result.refuse(error.zh, error.en)
        return result
    name = result.path.name
    if META_SHEET not in workbook.sheetnames or FORM_SHEET not in workbook.sheetnames:
        result.refuse(
            f"「{name}」不是本软件生成的自评价表。",
            f"{name} is not a self-evaluation workbook made by this app.",
        )
        return result
    meta: dict[str, str] = {}
    rows_of: dict[str, int] = {}
    for values in workbook[META_SHEET].iter_rows(values_only=True):
        key = cell_text(values[0]) if values else ""
        if key == "indicator" and len(values) >= 3:
            try:
                rows_of[cell_text(values[1])] = int(float(cell_text(values[2])))
            except ValueError:
                pass
        elif key:
            meta[key] = cell_text(values[1]) if len(values) > 1 else ""
    if meta.get("format") != MARK:
        result.refuse(
            f"「{name}」不是本软件生成的自评价表。",
            f"{name} is not a self-evaluation workbook made by this app.",
        )
        return result
    if meta.get("round_uid") != round_uid:
        title = meta.get("round_title", "")
        result.refuse(
            f"「{name}」属于另一个评价轮次（{title}），不是本轮次的自评价表。",
            f"{name} belongs to another round ({title}).",
        )
        return result
    alliance = next((a for a in roster if a.uid == meta.get("alliance_uid")), None)
    if alliance is None:
        result.refuse(
            f"「{name}」所属的联盟「{meta.get('alliance_name', '')}」不在本轮次的名单中。",
            f"{name} is for {meta.get('alliance_name', '')}, which is not on this round's roster.",
        )
        return result
    result.alliance_uid, result.alliance_name = alliance.uid, alliance.name
    _read_rows(workbook[FORM_SHEET], rubric, rows_of, result)
    workbook.close()
    return result


def _read_rows(
    sheet: object, rubric: Rubric, rows_of: dict[str, int], result: SelfEvalFile
) -> None:
    codes = [i.code for i in rubric.indicators()]
    name = result.path.name
    if sorted(rows_of) != sorted(codes):
        result.refuse(
            f"「{name}」的指标与本轮次现行评价指标不一致（评价指标生成后已修改），请重新生成自评价表。",
            f"The indicators in {name} differ from the round's rubric; generate the workbook anew.",
        )
        return
    for indicator in rubric.indicators():
        row = rows_of[indicator.code]
        code_cell = f"{CODE_COL}{row}"
        max_cell = f"{MAX_COL}{row}"
        found_code = cell_text(sheet[code_cell].value)  # type: ignore[index]
        found_max = cell_text(sheet[max_cell].value)  # type: ignore[index]
        if found_code != indicator.code or _as_points(found_max) != indicator.max_points:
            result.refuse(
                f"「{name}」的表格结构已被改动：单元格 {code_cell}/{max_cell} 应为指标 "
                f"{indicator.code}（满分 {format_points(indicator.max_points)}）。",
                f"The layout of {name} was edited: cells {code_cell}/{max_cell} should hold "
                f"indicator {indicator.code} (max {format_points(indicator.max_points)}).",
            )
            continue
        score_cell = f"{SCORE_COL}{row}"
        raw = sheet[score_cell].value  # type: ignore[index]
        note = cell_text(sheet[f"{NOTE_COL}{row}"].value)  # type: ignore[index]
        points = (
            _as_points(cell_text(raw)) if not isinstance(raw, (int, float)) else parse_points(raw)
        )
        if raw not in (None, "") and points is None:
            result.refuse(
                f"单元格 {score_cell}：自评分「{cell_text(raw)}」不是数字。",
                f"Cell {score_cell}: the self-score {cell_text(raw)!r} is not a number.",
            )
            continue
        if points is not None:
            try:
                indicator.check_score(points)
            except ScoreError as error:
                result.refuse(f"单元格 {score_cell}：{error.zh}", f"Cell {score_cell}: {error.en}")
                continue
        if points is not None or note:
            result.rows[indicator.code] = (points, note)


def _as_points(text: str) -> Fraction | None:
    try:
        return parse_points(text) if text else None
    except (ValueError, ZeroDivisionError):
        return None


def read_workbooks(
    store: RoundStore, paths: Sequence[Path | str], progress: Progress | None = None
) -> list[SelfEvalFile]:
    """Check many workbooks; two for the same alliance refuse the later one."""
    rubric, round_uid, roster = store.rubric(), store.settings().uid, store.alliances()
    results: list[SelfEvalFile] = []
    seen: dict[str, Path] = {}
    for done, path in enumerate(paths, start=1):
        checked = read_workbook(path, rubric, round_uid, roster)
        if checked.ok and checked.alliance_uid in seen:
            checked.refuse(
                f"「{checked.path.name}」与「{seen[checked.alliance_uid].name}」"
                f"是同一联盟（{checked.alliance_name}）的自评价表。",
                f"{checked.path.name} and {seen[checked.alliance_uid].name} are both for "
                f"{checked.alliance_name}.",
            )
        if checked.ok:
            seen[checked.alliance_uid] = checked.path
        results.append(checked)
        if progress is not None and not progress(done, len(paths)):
            raise cancelled()
    return results


def apply_workbooks(store: RoundStore, checked: Sequence[SelfEvalFile]) -> SelfRows:
    """Write the accepted workbooks in one transaction; returns what they replaced.

    An alliance's earlier self-evaluation is replaced whole by the returned workbook.
    """
    require_unlocked(store)
    accepted = [c for c in checked if c.ok]
    if not accepted:
        raise UserError("没有可导入的自评价表。", "No workbook can be imported.")
    before = store.self_scores()
    touched = {c.alliance_uid for c in accepted}
    replaced = {key: value for key, value in before.items() if key[0] in touched}
    with store.atomic():
        for c in accepted:
            store.replace_self_scores(c.alliance_uid, c.rows)
    return replaced


def restore_self_scores(store: RoundStore, alliance_uids: Sequence[str], rows: SelfRows) -> None:
    """Undo an import: give these alliances back exactly ``rows``."""
    require_unlocked(store)
    with store.atomic():
        for uid in alliance_uids:
            store.replace_self_scores(uid, {code: v for (a, code), v in rows.items() if a == uid})


def import_or_refuse(store: RoundStore, paths: Sequence[Path | str]) -> list[SelfEvalFile]:
    """The command line's import: every workbook must pass, or nothing is written."""
    checked = read_workbooks(store, paths)
    refused = [c for c in checked if not c.ok]
    if refused:
        first = refused[0]
        shown = first.problems[:_SHOWN_PROBLEMS]
        zh = "；".join(p[0].rstrip("。") for p in shown) + "。"
        en = "; ".join(p[1].rstrip(".") for p in shown) + "."
        hidden = len(first.problems) - len(shown)
        if hidden:
            zh += f"该工作簿另有 {hidden} 处问题。"
            en += f" {hidden} more problem(s) in that workbook."
        more_zh = f"（另有 {len(refused) - 1} 个工作簿被拒绝）" if len(refused) > 1 else ""
        more_en = f" ({len(refused) - 1} more workbook(s) refused)" if len(refused) > 1 else ""
        raise UserError(
            f"未导入任何内容。{first.path.name}：{zh}{more_zh}",
            f"Nothing was imported. {first.path.name}: {en}{more_en}",
        )
    apply_workbooks(store, checked)
    return checked
