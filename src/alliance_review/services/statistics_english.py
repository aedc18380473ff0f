"""The report's statistics as English lines, for ``alliance-review statistics`` under an
English locale (``statistics_report.statistics_lines`` writes the Chinese ones).

Names that come from the round (tiers, batches, reasons, alliances) and the labels of
figures printed in the Chinese report are data, quoted as they are.
"""

from __future__ import annotations

from alliance_review.core.report_figures import (
    differences,
    figure_list,
    source_inconsistencies,
    value_text,
)
from alliance_review.core.shares import (
    HALF_UP_RULE_EN,
    HALF_UP_RULE_ZH,
    SHARE_RULE_EN,
    SHARE_RULE_ZH,
    SINGLE_SHARE_RULE_ZH,
)
from alliance_review.core.statistics import CHANGE_RULE_ZH, RoundStatistics
from alliance_review.services.statistics_report import published_rows, signed

NOTES_EN = {
    SHARE_RULE_ZH: SHARE_RULE_EN,
    HALF_UP_RULE_ZH: HALF_UP_RULE_EN,
    SINGLE_SHARE_RULE_ZH: "Single shares (the participation rate, the two top tiers together)"
    " are rounded half up to whole percent.",
    CHANGE_RULE_ZH: "The change against last year is the difference of the two years' rounded"
    " shares, in percentage points.",
}


def participation_line_en(stats: RoundStatistics) -> str:
    took = (
        f"{stats.took_part} alliances took part (of {stats.on_roster} pilot alliances;"
        f" {stats.did_not_take_part} did not"
    )
    part = stats.participation
    if part is not None and part.not_taking_part:
        took += ": " + ", ".join(f"{reason} {n}" for reason, n in part.by_reason if n)
    took += ")"
    if part is not None and part.not_scored:
        took += f"; {len(part.not_scored)} alliance(s) taking part have no scores yet"
    change = stats.participation_change
    if change is not None and stats.previous is not None:
        took += f"; last year {stats.previous.took_part} took part (change {change:+d})"
    return took + "."


def statistics_lines_en(stats: RoundStatistics) -> list[str]:
    lines = [f"Activity evaluation statistics {stats.year}", "", participation_line_en(stats)]
    if stats.highest is not None and stats.lowest is not None:
        lines.append(
            f"Highest score {stats.highest.printed_score} ({len(stats.highest.names)}"
            f" alliance(s)), lowest {stats.lowest.printed_score}"
            f" ({len(stats.lowest.names)})."
        )
    lines.append("")
    lines.append("Tier  Count  Share  Last year  Change (points)")
    for t in stats.tier_figures:
        previous = "" if t.previous_share is None else f"{t.previous_share}%"
        lines.append(f"{t.name}  {t.count}  {t.share}%  {previous}  {signed(t.change)}")
    lines.append("")
    lines.append(
        "Batch  Pilots  Took part (rate)  "
        + "  ".join(t.name for t in stats.tiers)
        + f"  Top two tiers  {stats.threshold} and above  Full marks"
    )
    for b in stats.batches:
        cells = "  ".join(f"{c} ({s}%)" for c, s in zip(b.tier_counts, b.tier_shares, strict=True))
        lines.append(
            f"{b.batch}  {b.on_roster}  {b.took_part} ({b.took_part_share}%)  {cells}  "
            f"{b.top_two} ({b.top_two_share}%)  {b.at_threshold}  {len(b.full_marks)}"
        )
    if stats.full_marks:
        lines.append(f"Full marks: {', '.join(stats.full_marks)}.")
    repeated = stats.repeated_full_marks
    if repeated is not None:
        lines.append(f"Full marks two years running: {', '.join(repeated) or 'none'}.")
    if stats.items:
        lines.append("")
        lines.append("Evidence item  Alliances  " + "  ".join(t.name for t in stats.tiers))
        for item in stats.items:
            cells = "  ".join(str(n) for n in item.tier_done)
            lines.append(f"{item.code} {item.name}  {item.done}  {cells}")
    lines.extend(published_lines_en(stats))
    compared = [f for f in figure_list(stats) if f.compared]
    if compared:
        wrong = differences(compared)
        lines.append("")
        lines.append(
            f"Against the published figures: {len(compared)} compared, {len(wrong)} differ."
        )
        for f in wrong:
            lines.append(
                f"Differs  {f.label}: this round {value_text(f.value)},"
                f" published {value_text(f.printed)}"
            )
    conflicts = source_inconsistencies(stats)
    if conflicts:
        lines.append("")
        lines.append(
            "Where the published figures disagree with themselves (quoted, not corrected):"
        )
        lines.extend(en for _, en in conflicts)
    lines.append("")
    lines.extend(NOTES_EN.get(note, note) for note in stats.notes)
    return lines


_CELL_WORDS = (("不符合", "no"), ("符合", "yes"), ("（", " ("), ("）", ")"), ("／", "/"))


def _english_cell(cell: str) -> str:
    for chinese, english in _CELL_WORDS:
        cell = cell.replace(chinese, english)
    return cell


def published_lines_en(stats: RoundStatistics) -> list[str]:
    if stats.published is None:
        return []
    lines = ["", "Figures printed in the report (typed in, for comparison)"]
    if stats.published.pilot_count is not None:
        pilot = stats.published.pilot_count
        lines.append(
            f"{pilot} pilot alliances, {stats.took_part} took part, "
            f"{pilot - stats.took_part} did not."
        )
    if stats.published.batches:
        lines.append(
            "Batch  Pilots  Took part  "
            + "  ".join(t.name for t in stats.tiers)
            + "  Largest remainder"
        )
        lines.extend(
            "  ".join(_english_cell(cell) for cell in row) for row in published_rows(stats)
        )
        lines.append("Each tier: count (published share / share by the largest remainder).")
    return lines
