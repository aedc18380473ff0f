"""How ``resources/pilots-2015.csv`` was made (kept for the record; the CSV is committed).

The demo's roster of the 146 pilot alliances of 2015. The report names the batch of six
alliances only (batch 1: TD, 半导体照明, 化纤, 木竹; batch 2: AVS, 住宅); every other
batch here is a synthetic assignment, drawn with a fixed seed (and ordered by batch within
equal scores, as the round's tie rule prints them) so that every per-batch
figure of section 四 holds: took part 47 / 33 / 45; tiers 27-11-3-6 / 12-5-10-6 /
17-18-5-5; 12 of batch 3 at 90 or above; the six full marks where the text puts them.
The 21 non-participants are placeholders (the report publishes no names), 9 / 6 / 6 per
batch, so the roster holds 146 pilots as the text says; the report's batch sizes
(56 / 39 / 55) sum to 150, so batch 3 holds 51 here and the app shows the difference.

    python packaging/make_pilots_2015.py resources/pilots-2015.csv
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SEED = 2015
TIERS = ("活跃度高", "活跃度较高", "活跃度一般", "活跃度较差")
# per tier: batch 1, batch 2, batch 3 (section 四 of the report)
PER_BATCH = {
    "活跃度高": (27, 12, 17),
    "活跃度较高": (11, 5, 18),
    "活跃度一般": (3, 10, 5),
    "活跃度较差": (6, 6, 5),
}
NAMED = {
    "TD 产业技术创新战略联盟": "第一批",
    "半导体照明产业技术创新战略联盟": "第一批",
    "化纤产业技术创新战略联盟": "第一批",
    "木竹产业技术创新战略联盟": "第一批",
    "数字音视频编解码（AVS）产业技术创新战略联盟": "第二批",
    "住宅产业技术创新战略联盟": "第二批",
}
BATCHES = ("第一批", "第二批", "第三批")
THIRD_AT_90 = 12
# non-participants per batch and their reasons (synthetic: the report gives only the
# three kinds of reason and the total of 21)
ABSENT = {"第一批": 9, "第二批": 6, "第三批": 6}
REASONS = ["联系不畅"] * 8 + ["不愿提供"] * 5 + ["延误提交"] * 8


def main(out: Path) -> None:
    rng = random.Random(SEED)
    with (RESOURCES / "published-appendix-2015.csv").open(encoding="utf-8") as handle:
        appendix = list(csv.DictReader(handle))
    batch_of: dict[str, str] = dict(NAMED)
    for tier in TIERS:
        rows = [r for r in appendix if r["published_tier"] == tier and r["name"] not in NAMED]
        wanted = list(PER_BATCH[tier])
        for name, batch in NAMED.items():
            if any(r["name"] == name for r in appendix if r["published_tier"] == tier):
                wanted[BATCHES.index(batch)] -= 1
        if tier == "活跃度高":
            # batch 3 has no full mark and exactly 12 alliances at 90 or above
            at_90 = [r for r in rows if int(r["score"]) >= 90]
            below = [r for r in rows if int(r["score"]) < 90]
            third = rng.sample(at_90, THIRD_AT_90) + rng.sample(below, wanted[2] - THIRD_AT_90)
            rest = [r for r in rows if r not in third]
            rng.shuffle(rest)
            first, second = rest[: wanted[0]], rest[wanted[0] :]
        else:
            shuffled = rows[:]
            rng.shuffle(shuffled)
            first = shuffled[: wanted[0]]
            second = shuffled[wanted[0] : wanted[0] + wanted[1]]
            third = shuffled[wanted[0] + wanted[1] :]
        assert (len(first), len(second), len(third)) == tuple(wanted), tier
        for batch, group in zip(BATCHES, (first, second, third), strict=True):
            for row in group:
                batch_of[row["name"]] = batch
    # the round's tie rule orders equal totals by batch, then by roster: inside each group
    # of equal published scores (and tier), the batches are put in ascending order along
    # the published sequence, which keeps every per-batch count
    groups: dict[tuple[str, str], list[str]] = {}
    for row in appendix:
        groups.setdefault((row["score"], row["published_tier"]), []).append(row["name"])
    for names in groups.values():
        in_order = sorted((batch_of[n] for n in names), key=BATCHES.index)
        for name, batch in zip(names, in_order, strict=True):
            batch_of[name] = batch
    reasons = REASONS[:]
    rng.shuffle(reasons)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "batch", "contact", "reason", "note"])
        for row in appendix:
            writer.writerow([row["name"], batch_of[row["name"]], "", "", ""])
        number = 0
        for batch in BATCHES:
            for _ in range(ABSENT[batch]):
                number += 1
                writer.writerow(
                    [
                        f"未参评试点联盟（虚构占位）{number:02d}",
                        batch,
                        "",
                        reasons[number - 1],
                        "演示占位：报告未公布未参评联盟的名称，此行为虚构。",
                    ]
                )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
