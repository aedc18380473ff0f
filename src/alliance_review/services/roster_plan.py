"""The plan of a roster import: every row of the list read as it will be stored, with its
problems, before anything is written (``services.roster_update`` compares and applies).

What offices send is read as a person reads it: the header under title rows on whichever
sheet has it; section headings ("一、第一批试点联盟") skipped and their batch given to the
rows below; the tier headings of a pasted appendix skipped; a name cell merged over two
rows read once; line breaks and spaces between Chinese characters removed (and said);
batches however spelled ("1", "首批", "Ⅱ") stored as the round's ("第一批"), a later batch
("第四批") offered as new; rows the sheet hides or filters out shown as their own group and
left out unless included; a remarks column (备注) read for withdrawal words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from alliance_review.core import name_rules
from alliance_review.core.batch_names import BatchReading, UnknownBatch, batch_number, read_batch
from alliance_review.core.errors import UserError
from alliance_review.core.register import Batch
from alliance_review.core.roster import BATCH_UNKNOWN, BATCHES, Alliance
from alliance_review.core.roster_checks import RosterEntry, RosterProblem, check_roster, clean_name
from alliance_review.core.roster_update import ListedAlliance, withdrawal_in
from alliance_review.services import table_import
from alliance_review.services.table_import import Note, Table, cell, data_rows, unusable
from alliance_review.tabular.table import BATCH_HEADING
from alliance_review.tabular.text import normal_name

FIELDS = ("name", "batch", "contact", "phone", "short_name", "remark")
FIELD_LABELS = {
    "name": "联盟名称",
    "batch": "批次",
    "contact": "联系人",
    "phone": "电话",
    "short_name": "联盟简称",
    "remark": "备注",
}
LIMITS = {
    "name": name_rules.ALLIANCE_NAME_CHARS,
    "short_name": name_rules.SHORT_NAME_CHARS,
    "batch": name_rules.BATCH_NAME_CHARS + 20,  # "第三批（2012年批准）"
    "remark": name_rules.REASON_CHARS,
}
OTHER_CHARS = 2000


@dataclass
class ImportPlan:
    entries: list[RosterEntry]
    problems: list[RosterProblem]
    mapping: dict[str, int | None] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)  # skipped rows, a total that disagrees
    batches: Sequence[str] = BATCHES  # the round's batches the plan was made against
    readings: dict[int, BatchReading] = field(default_factory=dict)  # row -> batch read
    sheet: str = ""
    sheets: tuple[str, ...] = ()

    def blocked_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.blocking}

    def hidden(self) -> list[RosterEntry]:
        """Rows the sheet hides or filters out (left out unless included)."""
        return [e for e in self.entries if e.hidden]

    def accepted(self, include_hidden: bool = False) -> list[RosterEntry]:
        blocked = self.blocked_rows()
        return [
            e for e in self.entries if e.row not in blocked and (include_hidden or not e.hidden)
        ]

    def listed(self, include_hidden: bool = False) -> list[ListedAlliance]:
        """The accepted rows as the register would hold them."""
        return [
            ListedAlliance(
                e.row,
                clean_name(e.name),
                self.readings[e.row].name if e.row in self.readings else None,
                e.contact.strip(),
                e.short_name,
                withdrawal_in(e.remark) if e.remark else None,
                e.remark,
            )
            for e in self.accepted(include_hidden)
        ]

    def new_batches(self, include_hidden: bool = False) -> list[Batch]:
        """Later batches the accepted rows name that the round does not have yet, in
        their order (第四批 before 第五批), each with the year a cell gave for it."""
        found: dict[str, int | None] = {}
        for entry in self.accepted(include_hidden):
            reading = self.readings.get(entry.row)
            if reading is not None and reading.name and not reading.known:
                if found.get(reading.name) is None:
                    found[reading.name] = reading.designated
        order = sorted(found, key=lambda n: (batch_number(n) or 0, n))
        return [Batch(name, len(self.batches) + i, found[name]) for i, name in enumerate(order)]

    def withdrawing(self, include_hidden: bool = False) -> list[RosterEntry]:
        """Accepted rows whose remark says the alliance withdrew or is suspended."""
        return [e for e in self.accepted(include_hidden) if e.remark and withdrawal_in(e.remark)]

    def warned_rows(self) -> set[int]:
        return {p.row for p in self.problems if not p.blocking} - self.blocked_rows()

    def batch_shown(self, entry: RosterEntry) -> str:
        """The batch as it will be stored (第一批, not "1")."""
        reading = self.readings.get(entry.row)
        if reading is None:
            return entry.batch
        return reading.name or BATCH_UNKNOWN

    def describe(self, english: bool = False) -> list[str]:
        """The preview as lines: every row as it will be stored with its problems, the
        hidden rows as their own group, then the skipped rows."""
        by_row: dict[int, list[RosterProblem]] = {}
        for p in self.problems:
            by_row.setdefault(p.row, []).append(p)
        lines = []
        for e in sorted(self.entries, key=lambda e: (bool(e.hidden), e.row)):
            found = by_row.get(e.row, [])
            mark = "✗" if any(p.blocking for p in found) else ("!" if found else " ")
            if e.hidden:
                mark = "h" if mark == " " else mark
            batch = self.batch_shown(e)
            if english and batch == BATCH_UNKNOWN:
                batch = "(batch unknown)"
            text = "  ".join(p.en if english else p.zh for p in found)
            lines.append(f"{mark} {e.row:>5}  {e.name}  {batch}  {e.contact}  {text}".rstrip())
        for n in self.notes:
            lines.append(f"· {n.row:>5}  {n.en if english else n.zh}")
        return lines


def plan_import(
    table: Table,
    mapping: dict[str, int | None],
    existing: Sequence[Alliance] = (),
    batches: Sequence[str] = BATCHES,
) -> ImportPlan:
    """Map and check every row against the round's ``batches``; nothing is written.
    ``existing``: the roster an import adds to (rows already on it are problems); an
    update compares with the register instead (``services.roster_update``)."""
    name_column = mapping.get("name")
    if name_column is None:
        raise UserError("请指定哪一列是联盟名称。", "Choose the column that holds the name.")
    table_import.refuse_numbers_as_names(table, name_column, ("联盟名称", "alliance names"))
    used = [c for c in mapping.values() if c is not None]
    notes: list[Note] = []
    entries: list[RosterEntry] = []
    cell_problems: list[RosterProblem] = []
    section_notes: set[str] = set()
    for number, row, section in data_rows(table, used, notes, name_column):
        if (number, name_column) in table.continued and cell(row, name_column).strip():
            notes.append(
                Note(
                    number,
                    "联盟名称与上一行合并在一个单元格中，按一个联盟读取。",
                    "The alliance name is merged with the row above; read as one alliance.",
                )
            )
            continue
        texts = {}
        for name in FIELDS:
            column = mapping.get(name)
            raw = cell(row, column)
            problem = unusable(raw, number, column, LIMITS.get(name, OTHER_CHARS))
            if problem is not None:
                cell_problems.append(RosterProblem(number, "unusable", *problem))
            texts[name] = raw
        batch = texts["batch"]
        if not batch.strip() and section:
            heading = BATCH_HEADING.search(section)
            if heading is not None:
                batch = heading.group(0)
                if section not in section_notes:
                    section_notes.add(section)
                    notes.append(
                        Note(
                            number,
                            f"以下各行的批次取自小节标题「{section}」。",
                            f'The rows below take their batch from the heading "{section}".',
                        )
                    )
        contact = " ".join(t for t in (texts["contact"].strip(), texts["phone"].strip()) if t)
        entries.append(
            RosterEntry(
                number,
                normal_name(texts["name"]),
                batch,
                contact,
                normal_name(texts["short_name"]),
                name_rules.clean(texts["remark"]),
                table.hidden.get(number, ""),
            )
        )
    formula_problems = _formula_problems(table, mapping)
    unread = {(p.row, p.kind) for p in formula_problems}
    # the roster's names as this file's are normalised: "(BIM)" on the roster is "（BIM）" here
    compared = [replace(a, name=normal_name(a.name)) for a in existing]
    problems = [
        p
        for p in check_roster(entries, compared, batches)
        # an uncalculated name is reported as such, not as a blank name
        if not (p.kind == "blank" and (p.row, "formula_name") in unread)
    ]
    problems += [RosterProblem(p.row, "formula", p.zh, p.en) for p in formula_problems]
    problems += cell_problems
    problems += _changed_names(table, mapping, entries)
    problems += _missing_batches(entries)
    readings, batch_problems = _readings(entries, batches)
    problems += batch_problems
    problems.sort(key=lambda p: p.row)
    return ImportPlan(
        entries,
        problems,
        {n: mapping.get(n) for n in FIELDS},
        notes,
        list(batches),
        readings,
        table.sheet,
        table.sheets,
    )


def _readings(
    entries: list[RosterEntry], batches: Sequence[str]
) -> tuple[dict[int, BatchReading], list[RosterProblem]]:
    """Each row's batch as stored, and a remark where it is spelled otherwise or new."""
    readings: dict[int, BatchReading] = {}
    problems: list[RosterProblem] = []
    for entry in entries:
        try:
            reading = read_batch(entry.batch, batches)
        except UnknownBatch:
            continue  # check_roster refuses the row
        readings[entry.row] = reading
        if reading.name and not reading.known:
            problems.append(
                RosterProblem(
                    entry.row,
                    "new_batch",
                    f"「{reading.name}」是本轮次还没有的批次，导入时将新增这一批次。",
                    f"{reading.name} is a batch this round does not have yet; the import adds it.",
                    blocking=False,
                )
            )
        elif reading.spelled and reading.name:
            problems.append(
                RosterProblem(
                    entry.row,
                    "batch_spelling",
                    f"批次「{reading.spelled.strip()}」按「{reading.name}」保存。",
                    f"The batch {reading.spelled.strip()!r} is stored as {reading.name}.",
                    blocking=False,
                )
            )
    return readings, problems


def _changed_names(
    table: Table, mapping: dict[str, int | None], entries: list[RosterEntry]
) -> list[RosterProblem]:
    """Names stored differently from how the file writes them (brackets, full-width
    letters, invisible characters, a line break or spaces between Chinese characters),
    so the secretary sees every change before it is made."""
    column = mapping.get("name")
    found = []
    for entry in entries:
        raw = cell(table.rows[entry.row - table.header_row - 1], column)
        written = clean_name(raw)
        if written != entry.name and entry.name:
            broken = "\n" in raw.strip() or "\r" in raw.strip()
            found.append(
                RosterProblem(
                    entry.row,
                    "normalised",
                    f"名称按统一写法保存为「{entry.name}」（原为「{written}」"
                    + ("，单元格中有换行" if broken else "")
                    + "）。",
                    f"The name is stored as {entry.name!r} (written {written!r}"
                    + (", with a line break in the cell" if broken else "")
                    + ").",
                    blocking=False,
                )
            )
    return found


def _missing_batches(entries: list[RosterEntry]) -> list[RosterProblem]:
    """A blank batch in a list that gives batches elsewhere is said, not silently unknown."""
    if not any(e.batch.strip() for e in entries):
        return []
    return [
        RosterProblem(
            e.row,
            "no_batch",
            f"批次为空：新联盟记为「{BATCH_UNKNOWN}」，名单中已有的联盟保留原批次。",
            f"No batch given: a new alliance counts as {BATCH_UNKNOWN} (batch unknown), one "
            "already on the roster keeps its batch.",
            blocking=False,
        )
        for e in entries
        if e.name and not e.batch.strip()
    ]


def _formula_problems(table: Table, mapping: dict[str, int | None]) -> list[RosterProblem]:
    """Mapped cells holding a formula that was never calculated: their value is unknown."""
    problems = []
    for (row, column), (ref, formula) in sorted(table.uncalculated.items()):
        if row <= table.header_row:
            continue
        for name in FIELDS:
            if mapping.get(name) != column:
                continue
            shown = formula if len(formula) <= 40 else formula[:39] + "…"
            problems.append(
                RosterProblem(
                    row,
                    f"formula_{name}",
                    f"单元格 {ref} 是从未计算过的公式（{shown}），读不到{FIELD_LABELS[name]}；"
                    "请在 Excel 中打开并保存该文件，或把公式改为文字。",
                    f"Cell {ref} holds a formula that was never calculated ({shown}), so its "
                    f"{name} cannot be read; open and save the file in Excel, or type the text.",
                )
            )
    return problems
