"""Self-evaluation workbooks (自评价表): one per alliance out, filled ones back in.

A workbook carries, on a very hidden sheet, the round's identifier, the alliance's
identifier, the token issued with that workbook and the row of every indicator, so a
returned workbook is matched by identifier, never by its (editable) name. Reading checks
everything and writes nothing; each good workbook is then written whole (all-or-nothing
within one workbook), and every bad one is reported with all its reasons. The layout
lives in ``services.selfeval_book``.

The binding: issuing records a random token per alliance in the round
(``selfeval_issue``) and writes it beside the alliance's identifier; a returned workbook
is accepted only with the (alliance, token) pair the round recorded, so editing the
hidden identifier to another alliance's cannot overwrite that alliance's
self-evaluation (the other token is never in the editor's hands). A re-issue reuses the
recorded token, so a workbook sent earlier still imports; ``rotate`` (``selfeval-out
--new-tokens``) replaces them, e.g. after a workbook went to the wrong alliance. A
workbook without a token (made before tokens existed) is read as before only while the
round has recorded no token at all: such a round has nothing to check it against, and
refusing would strand every returned workbook. Once the round has issued bound workbooks,
a token-less one is refused: it cannot be told from one whose token was erased.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from alliance_review.core.errors import FileRefused, ScoreError, UserError
from alliance_review.core.file_names import word
from alliance_review.core.items_table import ITEMS_SHEET, read_item_marks
from alliance_review.core.points import format_points, parse_points
from alliance_review.core.roster import Alliance
from alliance_review.core.rubric import Rubric
from alliance_review.services.output import cancelled, guard
from alliance_review.services.panel import require_unlocked
from alliance_review.services.selfeval_book import (
    CODE,
    CODE_COL,
    FIRST_ROW,
    FORM_SHEET,
    ITEM_MARK,
    ITEM_MARK_COL,
    LIMITS,
    MARK,
    MAX,
    MAX_COL,
    META_SHEET,
    NOTE,
    NOTE_COL,
    SCORE,
    SCORE_COL,
    write_workbook,
)
from alliance_review.storage.round_store import RoundStore
from alliance_review.system.names import file_name as safe_file_name
from alliance_review.tabular import control_problem
from alliance_review.tabular.grid import read_grids
from alliance_review.tabular.text import value_text

__all__ = ["FIRST_ROW", "FORM_SHEET", "META_SHEET", "SelfEvalFile", "write_workbooks"]

Progress = Callable[[int, int], bool]
_SHOWN_PROBLEMS = 3  # a refusal names the first few problems; the preview lists them all
NOTE_CHARS = 4000
SelfRows = dict[tuple[str, str], tuple[Fraction | None, str]]


def file_name(alliance: Alliance, language: str = "zh", folder: Path | None = None) -> str:
    """Like "001-<alliance>-自评价表.xlsx" ("-self-evaluation.xlsx" in English); a long
    name is cut to what every platform takes (``system.names.file_name``)."""
    return safe_file_name(
        f"{alliance.position + 1:03d}",
        alliance.name,
        word("self_evaluation", language),
        suffix=".xlsx",
        folder=folder,
        fallback=word("alliance", language),
    )


def write_workbooks(
    store: RoundStore,
    out_dir: Path | str,
    alliance_uids: Sequence[str] | None = None,
    progress: Progress | None = None,
    language: str = "zh",
    rotate: bool = False,
) -> list[Path]:
    """One workbook per alliance (or the chosen ones) into ``out_dir``; each written
    beside its target and renamed into place, so no partial file is ever left. Each
    carries its alliance's token, recorded before any file is written (``rotate``: new
    tokens, so the workbooks issued before are refused)."""
    out_dir = Path(out_dir)
    require_unlocked(store)
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
    targets = [out_dir / file_name(alliance, language, out_dir) for alliance in alliances]
    for target in targets:
        guard(target, [store.path])  # before anything is recorded or written
    with store.atomic():
        tokens = store.issue_selfeval_tokens([a.uid for a in alliances], rotate)
    written: list[Path] = []
    for done, (alliance, target) in enumerate(zip(alliances, targets, strict=True), start=1):
        write_workbook(
            target, rubric, alliance, settings.uid, settings.title, settings.period,
            tokens[alliance.uid], inputs=[store.path],
        )  # fmt: skip
        written.append(target)
        if progress is not None and not progress(done, len(alliances)):
            for path in written:
                path.unlink(missing_ok=True)
            raise cancelled()
    return written


# reading back --------------------------------------------------------------------------
@dataclass
class SelfEvalFile:
    """One returned workbook, checked: its rows, or the reasons it is refused."""

    path: Path
    alliance_uid: str = ""
    alliance_name: str = ""
    rows: dict[str, tuple[Fraction | None, str]] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (zh, en)
    # the evidence items the alliance says it did: (indicator code, item key)
    ticks: set[tuple[str, str]] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems

    def refuse(self, zh: str, en: str) -> None:
        self.problems.append((zh, en))

    def reasons(self, language: str = "zh") -> str:
        """The reasons in one line: the first few, and how many more."""
        english = language.startswith("en")
        shown = self.problems[:_SHOWN_PROBLEMS]
        if english:
            text = "; ".join(p[1].rstrip(".") for p in shown) + "."
        else:
            text = "；".join(p[0].rstrip("。") for p in shown) + "。"
        hidden = len(self.problems) - len(shown)
        if hidden:
            text += f" {hidden} more problem(s)." if english else f"另有 {hidden} 处问题。"
        return text


def _not_ours(result: SelfEvalFile) -> None:
    name = result.path.name
    result.refuse(
        f"「{name}」不是本软件生成的自评价表。",
        f"{name} is not a self-evaluation workbook made by this app.",
    )


def read_workbook(
    path: Path | str,
    rubric: Rubric,
    round_uid: str,
    roster: Sequence[Alliance],
    tokens: dict[str, str] | None = None,
) -> SelfEvalFile:
    """Check one returned workbook against the round (``tokens``: the round's recorded
    token per alliance); never writes anything."""
    result = SelfEvalFile(Path(path))
    try:
        grids = read_grids(result.path, LIMITS, [META_SHEET, FORM_SHEET])
    except FileRefused as error:
        if "没有名为" in error.zh:
            _not_ours(result)
        else:
            result.refuse(error.zh, error.en)
        return result
    name = result.path.name
    meta: dict[str, str] = {}
    rows_of: dict[str, int] = {}
    item_rows_of: dict[tuple[str, str], int] = {}
    for values in grids[META_SHEET].rows:
        key = value_text(values[0]) if values else ""
        if key == "indicator" and len(values) >= 3:
            try:
                rows_of[value_text(values[1])] = int(float(value_text(values[2])))
            except ValueError:
                pass
        elif key == "item" and len(values) >= 4:
            try:
                at = int(float(value_text(values[3])))
            except ValueError:
                continue
            item_rows_of[(value_text(values[1]), value_text(values[2]))] = at
        elif key:
            meta[key] = value_text(values[1]) if len(values) > 1 else ""
    if meta.get("format") != MARK:
        _not_ours(result)
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
    if not _bound(result, alliance, meta.get("token", ""), tokens or {}):
        return result
    result.alliance_uid, result.alliance_name = alliance.uid, alliance.name
    _read_rows(grids[FORM_SHEET].rows, rubric, rows_of, result)
    if result.ok:
        _read_items(result, rubric, item_rows_of)
    return result


def _bound(result: SelfEvalFile, alliance: Alliance, token: str, tokens: dict[str, str]) -> bool:
    """Whether the workbook carries the token the round issued to ``alliance`` (see the
    module's docstring for a workbook without one); if not, it is refused."""
    name = result.path.name
    if not token and not tokens:
        return True  # a round whose workbooks all went out before tokens existed
    recorded = tokens.get(alliance.uid)
    if not token:
        result.refuse(
            f"「{name}」没有本轮次发出时记录的识别码（由旧版本生成，或隐藏信息被改动），"
            f"无法确认它属于「{alliance.name}」；请为该联盟重新生成自评价表。",
            f"{name} carries no issue token of this round (made by an older version, or its "
            f"hidden data was edited), so it cannot be confirmed as {alliance.name}'s; "
            "generate that alliance's workbook anew.",
        )
        return False
    same = recorded is not None and hmac.compare_digest(token.encode(), recorded.encode())
    if not same:
        result.refuse(
            f"「{name}」不是本轮次发给「{alliance.name}」的自评价表（隐藏的识别码与发出时记录的"
            "不符，可能是另一联盟的工作簿被改动，或已重新生成），未导入。",
            f"{name} is not the workbook this round issued to {alliance.name} (its hidden "
            "token does not match the one recorded when it was issued: another alliance's "
            "workbook edited, or issued anew); nothing of it is imported.",
        )
        return False
    return True


def _read_items(
    result: SelfEvalFile, rubric: Rubric, item_rows_of: dict[tuple[str, str], int]
) -> None:
    """The evidence items the alliance marked 是, from the items sheet (if the workbook
    was made for a rubric with items; an older workbook without them gives none)."""
    name = result.path.name
    wanted = {(i.code, item.key) for i in rubric.indicators() for item in i.items}
    if not item_rows_of:
        return
    if set(item_rows_of) != wanted:
        result.refuse(
            f"「{name}」的评价要点与本轮次现行评价指标不一致（评价指标生成后已修改），"
            "请重新生成自评价表。",
            f"The evidence items in {name} differ from the round's rubric; generate the"
            " workbook anew.",
        )
        return
    try:
        rows = read_grids(result.path, LIMITS, [ITEMS_SHEET])[ITEMS_SHEET].rows
        result.ticks = read_item_marks(
            rubric,
            [
                (
                    code,
                    key,
                    _cell(rows, at, ITEM_MARK),
                    f"“{ITEMS_SHEET}”单元格 {ITEM_MARK_COL}{at}",
                )
                for (code, key), at in item_rows_of.items()
            ],
        )
    except UserError as error:
        result.refuse(error.zh, error.en)


def _cell(rows: list[list[Any]], row: int, column: int) -> Any:
    """The value at a 1-based row and 0-based column ("" outside the sheet)."""
    if 0 < row <= len(rows) and column < len(rows[row - 1]):
        return rows[row - 1][column]
    return ""


def _read_rows(
    rows: list[list[Any]], rubric: Rubric, rows_of: dict[str, int], result: SelfEvalFile
) -> None:
    codes = [i.code for i in rubric.indicators()]
    name = result.path.name
    if sorted(rows_of) != sorted(codes) or any(r < FIRST_ROW for r in rows_of.values()):
        result.refuse(
            f"「{name}」的指标与本轮次现行评价指标不一致（评价指标生成后已修改），"
            "请重新生成自评价表。",
            f"The indicators in {name} differ from the round's rubric; generate the workbook anew.",
        )
        return
    for indicator in rubric.indicators():
        row = rows_of[indicator.code]
        code_cell, max_cell = f"{CODE_COL}{row}", f"{MAX_COL}{row}"
        found_code = value_text(_cell(rows, row, CODE)).strip()
        found_max = value_text(_cell(rows, row, MAX)).strip()
        if found_code != indicator.code or _as_points(found_max) != indicator.max_points:
            result.refuse(
                f"「{name}」的表格结构已被改动：单元格 {code_cell}/{max_cell} 应为指标 "
                f"{indicator.code}（满分 {format_points(indicator.max_points)}）。",
                f"The layout of {name} was edited: cells {code_cell}/{max_cell} should hold "
                f"indicator {indicator.code} (max {format_points(indicator.max_points)}).",
            )
            continue
        score_cell = f"{SCORE_COL}{row}"
        raw = _cell(rows, row, SCORE)
        note_raw = value_text(_cell(rows, row, NOTE))
        bad = control_problem(note_raw, row, NOTE)
        if bad is not None:
            result.refuse(*bad)
            continue
        note = note_raw.strip()
        if len(note) > NOTE_CHARS:
            result.refuse(
                f"单元格 {NOTE_COL}{row}：自评说明有 {len(note)} 字，超过 {NOTE_CHARS} 字。",
                f"Cell {NOTE_COL}{row}: the note has {len(note)} characters, more than "
                f"{NOTE_CHARS}.",
            )
            continue
        if isinstance(raw, bool):
            points = None
        elif isinstance(raw, (int, float)):
            points = _as_points(value_text(raw))
        else:
            points = _as_points(value_text(raw).strip())
        if value_text(raw).strip() and points is None:
            result.refuse(
                f"单元格 {score_cell}：自评分「{value_text(raw)[:20]}」不是数字。",
                f"Cell {score_cell}: the self-score {value_text(raw)[:20]!r} is not a number.",
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
    except (ValueError, ZeroDivisionError, ArithmeticError):
        return None


def read_workbooks(
    store: RoundStore, paths: Sequence[Path | str], progress: Progress | None = None
) -> list[SelfEvalFile]:
    """Check many workbooks; two for the same alliance refuse the later one."""
    rubric, round_uid, roster = store.rubric(), store.settings().uid, store.alliances()
    tokens = store.selfeval_tokens()
    results: list[SelfEvalFile] = []
    seen: dict[str, Path] = {}
    for done, path in enumerate(paths, start=1):
        checked = read_workbook(path, rubric, round_uid, roster, tokens)
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


class Replaced(SelfRows):
    """What an import replaced: the self-scores (the dict) and the self-ticks."""

    ticks: set[tuple[str, str, str]]


def apply_workbooks(store: RoundStore, checked: Sequence[SelfEvalFile]) -> SelfRows:
    """Write the accepted workbooks in one transaction; returns what they replaced.

    An alliance's earlier self-evaluation (points, notes, evidence items) is replaced
    whole by the returned workbook.
    """
    require_unlocked(store)
    accepted = [c for c in checked if c.ok]
    if not accepted:
        raise UserError("没有可导入的自评价表。", "No workbook can be imported.")
    before = store.self_scores()
    touched = {c.alliance_uid for c in accepted}
    replaced = Replaced({key: value for key, value in before.items() if key[0] in touched})
    replaced.ticks = {t for t in store.self_ticks() if t[0] in touched}
    with store.atomic():
        for c in accepted:
            store.replace_self_scores(c.alliance_uid, c.rows)
            store.replace_self_ticks(c.alliance_uid, c.ticks)
    return replaced


def restore_self_scores(store: RoundStore, alliance_uids: Sequence[str], rows: SelfRows) -> None:
    """Undo an import: give these alliances back exactly ``rows`` (and their ticks)."""
    require_unlocked(store)
    ticks = rows.ticks if isinstance(rows, Replaced) else None
    with store.atomic():
        for uid in alliance_uids:
            store.replace_self_scores(uid, {code: v for (a, code), v in rows.items() if a == uid})
            if ticks is not None:
                store.replace_self_ticks(uid, {(c, k) for a, c, k in ticks if a == uid})


def import_checked(
    store: RoundStore, paths: Sequence[Path | str], all_or_nothing: bool = False
) -> list[SelfEvalFile]:
    """The command line's import: every good workbook is written (each whole), every bad
    one reported; with ``all_or_nothing`` one bad workbook refuses them all."""
    checked = read_workbooks(store, paths)
    refused = [c for c in checked if not c.ok]
    if refused and (all_or_nothing or len(refused) == len(checked)):
        first = refused[0]
        more_zh = f"（另有 {len(refused) - 1} 个工作簿被拒绝）" if len(refused) > 1 else ""
        more_en = f" ({len(refused) - 1} more workbook(s) refused)" if len(refused) > 1 else ""
        zh, en = first.reasons("zh"), first.reasons("en")
        name = first.path.name
        raise UserError(  # the file named once: most reasons name it themselves
            f"未导入任何内容。{zh if name in zh else f'{name}：{zh}'}{more_zh}",
            f"Nothing was imported. {en if name in en else f'{name}: {en}'}{more_en}",
        )
    if len(refused) < len(checked):
        apply_workbooks(store, checked)
    return checked


def import_or_refuse(store: RoundStore, paths: Sequence[Path | str]) -> list[SelfEvalFile]:
    """Every workbook must pass, or nothing is written."""
    return import_checked(store, paths, all_or_nothing=True)
