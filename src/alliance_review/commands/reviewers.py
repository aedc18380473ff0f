"""reviewers ROUND list|add|import|remove: the reviewer list from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_review.cli import language, say


def _english() -> bool:
    return language() == "en"


def cmd_reviewers(args: argparse.Namespace) -> int:
    from alliance_review.services import reviewers_io, roster
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        alliances = store.register()  # withdrawn ones too: a reviewer's own may have left
        names = {e.alliance.uid: e.alliance.name for e in alliances}
        if args.action == "list":
            loads: dict[str, int] = {}
            for assigned in store.assignments().values():
                for uid in assigned:
                    loads[uid] = loads.get(uid, 0) + 1
            for number, r in enumerate(store.reviewers(), start=1):
                own_text = "；".join(sorted(names[u] for u in r.own_alliances)) or "—"
                declared_text = "；".join(sorted(names[u] for u in r.declared_conflicts)) or "—"
                load = loads.get(r.uid, 0)
                say(
                    f"{number:>3}  {r.name}  本人联盟：{own_text}  回避：{declared_text}  "
                    f"已分配：{load}",
                    f"{number:>3}  {r.name}  own alliance: {own_text}  declared conflicts:"
                    f" {declared_text}  assigned: {load}",
                )
            return 0
        if args.action == "add":
            own = frozenset(reviewers_io.find_alliance(alliances, a) for a in args.own or [])
            declared = frozenset(
                reviewers_io.find_alliance(alliances, a) for a in args.conflict or []
            )
            one = roster.add_reviewer(store, args.name, own, declared - own)
            say(f"已添加评审专家：{one.name}", f"Reviewer added: {one.name}")
            return 0
        if args.action == "revoke":  # the reviewer's current key retires (round step 8)
            from alliance_review.services.reviewer_keys import revoke

            done = revoke(store, args.name)
            say(
                f"已撤销{done.reviewer.name}的签名密钥，此后用它签名的文件均不予合并；"
                "需要时请重新发放文件。",
                f"{done.reviewer.name}'s signing key is revoked: files signed with it are "
                "refused from now on. Issue a new file when needed.",
            )
            return 0
        if args.action == "remove":
            wanted = reviewers_io.person_name(args.name)
            found = next((r for r in store.reviewers() if r.name == wanted), None)
            if found is None:
                from alliance_review.core.errors import UserError

                raise UserError(f"没有名为「{wanted}」的评审专家。", f"No reviewer named {wanted}.")
            roster.remove_reviewer(store, found.uid)
            say(f"已删除评审专家：{found.name}", f"Reviewer removed: {found.name}")
            return 0
        table = reviewers_io.read_table(args.file)
        plan = reviewers_io.plan_import(table, alliances, store.reviewers())
        errors = plan.errors()
        if args.dry_run:
            for line in plan.describe(names, _english()):
                print(line)
            ready = len(plan.accepted())
            left = len(plan.rows) - ready
            warned = len({p.row for p in plan.problems if not p.blocking})
            say(
                f"预览：{ready} 位可导入，{left} 位不导入（有问题或已在列表中），"
                f"{warned} 位有提示（请核对）；未写入任何内容。"
                + ("导入时将整份拒绝，除非使用 --skip-bad。" if errors else ""),
                f"Preview: {ready} reviewer(s) can be imported, {left} left out (a problem, "
                f"or listed already), {warned} with a remark to check; nothing written."
                + (" The import would be refused whole unless --skip-bad." if errors else ""),
            )
            return 0
        if errors and not args.skip_bad:
            raise reviewers_io.refusal(Path(args.file), plan.problems)
        added = reviewers_io.apply_import(store, plan)
    say(
        f"已导入 {len(added)} 位评审专家：{args.file}",
        f"{len(added)} reviewer(s) imported: {args.file}",
    )
    if errors:
        for problem in errors:
            say(
                f"未导入第 {problem.row} 行：{problem.zh}",
                f"Row {problem.row} left out: {problem.en}",
                err=True,
            )
        return 1
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    reviewers = sub.add_parser(
        "reviewers", help="list, add, import, remove reviewers, revoke a key / 评审专家"
    )
    reviewers.add_argument("round", type=Path)
    actions = reviewers.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the reviewers with their conflicts")
    add = actions.add_parser("add", help="add one reviewer")
    add.add_argument("name")
    add.add_argument("--own", action="append", metavar="ALLIANCE", help="their own alliance")
    add.add_argument("--conflict", action="append", metavar="ALLIANCE", help="a declared conflict")
    imp = actions.add_parser("import", help="add the reviewers of a workbook or CSV")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="only show the preview")
    imp.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the good rows and list the others (exit 1); default: import nothing",
    )
    remove = actions.add_parser("remove", help="remove a reviewer without scores")
    remove.add_argument("name")
    revoke = actions.add_parser(
        "revoke", help="retire a reviewer's signing key without issuing a new file"
    )
    revoke.add_argument("name")
    reviewers.set_defaults(func=cmd_reviewers)
