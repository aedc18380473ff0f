"""Assigning reviewers to alliances: automatic (seeded) and by hand, never a conflict.

An assignment that already holds a reviewer's scores is never dropped: automatic
assignment keeps those pairs and fills the rest around them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alliance_review.core.assignment import assign
from alliance_review.core.errors import AssignmentError, UserError
from alliance_review.services.output import forcing
from alliance_review.services.panel import require_unlocked
from alliance_review.storage.files import kind_on_disk
from alliance_review.storage.round_store import RoundStore

Assignment = dict[str, list[str]]


def _names(store: RoundStore) -> tuple[dict[str, str], dict[str, str]]:
    return (
        {a.uid: a.name for a in store.alliances()},
        {r.uid: r.name for r in store.reviewers()},
    )


def auto_assign(store: RoundStore, seed: int = 0, per_alliance: int | None = None) -> Assignment:
    """Assign k reviewers to every alliance; returns the assignment as it was before."""
    require_unlocked(store)
    before = store.assignments()
    wanted = store.settings().reviewers_per_alliance
    k = per_alliance or wanted
    if k < wanted:  # issuing would then refuse every alliance as short of reviewers
        raise AssignmentError(
            f"本轮次要求每个联盟有 {wanted} 位评审专家，按每个联盟 {k} 位分配后将无法发放评审专家"
            f"文件。请先在轮次设置中把“每个联盟的评审专家数”改为 {k}。",
            f"The round asks for {wanted} reviewers per alliance; with {k} per alliance the "
            f"reviewer files could not be issued. Set the round's reviewers per alliance to "
            f"{k} first.",
        )
    alliances, reviewers = store.participants(), store.reviewers()
    if not reviewers:
        raise AssignmentError("还没有评审专家。", "There are no reviewers yet.")
    if k > len(reviewers):
        raise AssignmentError(
            f"每个联盟需要 {k} 位评审专家，但只有 {len(reviewers)} 位。",
            f"Each alliance needs {k} reviewers but there are only {len(reviewers)}.",
        )
    fixed = store.scored_pairs()
    result = assign(alliances, reviewers, k, seed, fixed=fixed)
    replace_assignments(store, result)
    return before


def replace_assignments(store: RoundStore, target: Assignment) -> None:
    """Make the stored assignment ``target``, pair by pair, refusing to drop scored pairs."""
    require_unlocked(store)
    current = {(a, r) for a, rs in store.assignments().items() for r in rs}
    wanted = {(a, r) for a, rs in target.items() for r in rs}
    scored = store.scored_pairs()
    lost = (current - wanted) & scored
    if lost:
        alliance_names, reviewer_names = _names(store)
        a, r = sorted(lost)[0]
        raise UserError(
            f"「{reviewer_names[r]}」已为「{alliance_names[a]}」评分，不能取消这项分配。",
            f"{reviewer_names[r]} has already scored {alliance_names[a]}; "
            "that assignment cannot be removed.",
        )
    with store.atomic():
        for a, r in current - wanted:
            store.remove_pair(a, r)
        for a, r in sorted(wanted - current):
            _check_no_conflict(store, a, r)
            store.add_pair(a, r)


def _check_no_conflict(store: RoundStore, alliance_uid: str, reviewer_uid: str) -> None:
    reviewer = next((r for r in store.reviewers() if r.uid == reviewer_uid), None)
    if reviewer is None or alliance_uid not in {a.uid for a in store.alliances()}:
        raise UserError(
            "评审专家或联盟已不存在。", "The reviewer or the alliance no longer exists."
        )
    if alliance_uid in store.non_participants():
        alliance_names, _ = _names(store)
        raise UserError(
            f"「{alliance_names[alliance_uid]}」未参评，不分配评审专家。",
            f"{alliance_names[alliance_uid]} does not take part; it gets no reviewers.",
        )
    if alliance_uid in reviewer.conflicts:
        alliance_names, _ = _names(store)
        own = alliance_uid in reviewer.own_alliances
        why_zh = "是其本人所在联盟" if own else "已登记利益冲突"
        why_en = "is their own alliance" if own else "is a declared conflict"
        raise UserError(
            f"不能把「{alliance_names[alliance_uid]}」分配给「{reviewer.name}」：{why_zh}。",
            f"{alliance_names[alliance_uid]} cannot go to {reviewer.name}: it {why_en}.",
        )


def set_pair(store: RoundStore, alliance_uid: str, reviewer_uid: str, assigned: bool) -> bool:
    """Assign or unassign one reviewer; returns whether it was assigned before."""
    target = {a: list(rs) for a, rs in store.assignments().items()}
    was = reviewer_uid in target.get(alliance_uid, [])
    if assigned and not was:
        target.setdefault(alliance_uid, []).append(reviewer_uid)
    elif was and not assigned:
        target[alliance_uid].remove(reviewer_uid)
    replace_assignments(store, target)
    return was


def assignment_summary(store: RoundStore) -> tuple[dict[str, int], list[str]]:
    """Loads per reviewer uid, and the names of alliances with fewer than k reviewers."""
    k = store.settings().reviewers_per_alliance
    current = store.assignments()
    loads = {r.uid: 0 for r in store.reviewers()}
    for reviewers in current.values():
        for r in reviewers:
            loads[r] = loads.get(r, 0) + 1
    short = [a.name for a in store.participants() if len(current.get(a.uid, [])) < k]
    return loads, short


def readiness(store: RoundStore) -> list[tuple[str, str]]:
    """(Chinese, English) reasons the round's files should not go out yet."""
    found: list[tuple[str, str]] = []
    problems = store.rubric().problems()
    if problems:
        found.append(
            ("评价指标尚未完成：" + problems[0], "The rubric is not complete yet: " + problems[0])
        )
    _, short = assignment_summary(store)
    if short:
        k = store.settings().reviewers_per_alliance
        found.append(
            (
                f"{len(short)} 个联盟的评审专家不足 {k} 位（如「{short[0]}」）。",
                f"{len(short)} alliance(s) have fewer than {k} reviewers (e.g. {short[0]}).",
            )
        )
    return found


def issue_files(
    round_path: Path | str,
    out_dir: Path | str,
    progress: Callable[[int, int], bool] | None = None,
    replace: bool = False,
    documents_apart: bool = False,
) -> list[Path]:
    """Check the round is ready, then issue one reviewer file per reviewer into ``out_dir``;
    existing reviewer files there are replaced only with ``replace`` (or ``--force``)."""
    from alliance_review.services.reviewer_files import issue_reviewer_files

    with RoundStore.open(round_path) as store:
        reasons = readiness(store)
    if reasons:
        raise UserError(
            "尚不能发放评审专家文件：" + " ".join(zh for zh, _ in reasons),
            "Reviewer files cannot be issued yet: " + " ".join(en for _, en in reasons),
        )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if replace:
        with forcing():
            return issue_reviewer_files(round_path, out, progress, documents_apart)
    return issue_reviewer_files(round_path, out, progress, documents_apart)


def files_in_the_way(round_path: Path | str, out_dir: Path | str) -> list[Path]:
    """Reviewer files already in ``out_dir`` that issuing would replace."""
    from alliance_review.services.reviewer_files import reviewer_file_name

    with RoundStore.open(round_path) as store:
        year = store.settings().year
        reviewers = store.reviewers()
    folder = Path(out_dir)
    names = [folder / reviewer_file_name(year, r) for r in reviewers]
    return [path for path in names if kind_on_disk(path) is not None]


def packages_in_the_way(round_path: Path | str, out_dir: Path | str) -> list[Path]:
    """Document packages already in ``out_dir`` that issuing with the documents apart
    would replace."""
    from alliance_review.services.reviewer_files import packages_to_write

    with RoundStore.open_readonly(round_path) as store:
        assignment = store.assignments()
        reviewers = [r for r in store.reviewers() if any(r.uid in v for v in assignment.values())]
        return [p for p in packages_to_write(store, reviewers, Path(out_dir)) if p.exists()]
