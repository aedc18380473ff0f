"""Figures typed in from a published report, and last year's figures, for comparison."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from alliance_review.core.errors import UserError
from alliance_review.core.shares import largest_remainder

PUBLISHED_FORMAT = "alliance-review-published-figures"
FIGURES_LIMIT = 2000


@dataclass(frozen=True)
class PreviousYear:
    """Last year's figures: a count that took part and the tier shares in percent.

    From last year's round file, or typed in from last year's published report.
    """

    took_part: int | None
    shares: tuple[int, ...]
    source: str = ""
    full_marks: tuple[str, ...] | None = None  # names at full marks (from a round file)
    year: int | None = None  # last year's year when known (from a round file)

    @classmethod
    def parse(cls, shares_text: str, count: int | None = None, source: str = "") -> PreviousYear:
        """Read typed shares such as "31,32,25,12" (percent, tier order)."""
        try:
            shares = tuple(int(part) for part in shares_text.replace("，", ",").split(","))
        except ValueError as error:
            raise UserError(
                f"上年占比「{shares_text}」应为以逗号分隔的整数，如 31,32,25,12。",
                f"Last year's shares {shares_text!r} must be whole numbers separated by "
                "commas, e.g. 31,32,25,12.",
            ) from error
        if any(s < 0 or s > 100 for s in shares) or sum(shares) != 100:
            raise UserError(
                f"上年各档占比之和为 {sum(shares)}%，应为 100%。",
                f"Last year's shares sum to {sum(shares)}, not 100.",
            )
        if count is not None and count < 0:
            raise UserError("上年参评联盟数不能为负数。", "Last year's count cannot be negative.")
        return cls(count, shares, source)


@dataclass(frozen=True)
class PublishedBatch:
    """One pilot batch as a report printed it (typed in for comparison, never recomputed)."""

    batch: str
    on_roster: int
    took_part: int
    tier_counts: tuple[int, ...]
    tier_shares: tuple[int, ...] | None = None

    @property
    def rule_shares(self) -> tuple[int, ...]:
        """The shares our rule gives for the printed counts."""
        return tuple(largest_remainder(self.tier_counts))

    @property
    def follows_rule(self) -> bool | None:
        return None if self.tier_shares is None else self.tier_shares == self.rule_shares


@dataclass(frozen=True)
class PublishedFigures:
    """Figures from a published report, typed in: the pilot count, last year, batches."""

    year: int | None = None
    pilot_count: int | None = None
    previous: PreviousYear | None = None
    batches: tuple[PublishedBatch, ...] = ()
    # any other printed figure by its key (see core.report_figures): a number, a name
    # list, or a bound such as "<17" where the text says "fewer than half of 34"
    figures: Mapping[str, int | str | tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], tiers: int) -> PublishedFigures:
        """Read the ``alliance-review-published-figures`` JSON structure."""

        def refuse(detail: str) -> UserError:
            return UserError(
                f"公布数字文件格式不正确：{detail}。",
                f"The published figures file is malformed: {detail}.",
            )

        if not isinstance(data, Mapping) or data.get("format") != PUBLISHED_FORMAT:
            raise refuse(f"缺少 format: {PUBLISHED_FORMAT}")
        try:
            previous = None
            if data.get("previous") is not None:
                shares = ",".join(str(int(v)) for v in data["previous"]["shares"])
                count = data["previous"].get("took_part")
                previous = PreviousYear.parse(
                    shares, None if count is None else int(count), "published"
                )
            batches = []
            for item in data.get("batches", []):
                counts = tuple(int(v) for v in item["tier_counts"])
                printed = item.get("tier_shares")
                batches.append(
                    PublishedBatch(
                        str(item["batch"]),
                        int(item["on_roster"]),
                        int(item["took_part"]),
                        counts,
                        None if printed is None else tuple(int(v) for v in printed),
                    )
                )
            pilot = data.get("pilot_count")
            year = data.get("year")
            figures = cls(
                None if year is None else int(year),
                None if pilot is None else int(pilot),
                previous,
                tuple(batches),
                _printed_figures(data.get("figures") or {}),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise refuse(str(error)) from error
        for batch in figures.batches:
            if len(batch.tier_counts) != tiers or (
                batch.tier_shares is not None and len(batch.tier_shares) != tiers
            ):
                raise refuse(f"{batch.batch} 的档次数不是 {tiers}")
            if sum(batch.tier_counts) != batch.took_part:
                raise refuse(f"{batch.batch} 各档家数之和不等于参评数")
        if figures.previous is not None and len(figures.previous.shares) != tiers:
            raise refuse(f"上年占比的档次数不是 {tiers}")
        return figures


def _printed_figures(data: Any) -> dict[str, int | str | tuple[str, ...]]:
    """The ``figures`` object of a published-figures file, checked and bounded."""
    if not isinstance(data, Mapping) or len(data) > FIGURES_LIMIT:
        raise TypeError("figures must be an object of at most 2000 entries")
    found: dict[str, int | str | tuple[str, ...]] = {}
    for key, value in data.items():
        if not isinstance(key, str) or len(key) > 200:
            raise TypeError("a figure's key must be text")
        if isinstance(value, bool):
            raise TypeError(f"{key}: a figure is a number, a bound or a list of names")
        if isinstance(value, int):
            found[key] = value
        elif isinstance(value, str) and len(value) <= 200:
            found[key] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            found[key] = tuple(value[:1000])
        else:
            raise TypeError(f"{key}: a figure is a number, a bound or a list of names")
    return found
