"""``documents ROUND import DIR | list | add ALLIANCE FILE… | remove ALLIANCE TITLE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alliance_review.cli import language, say


def _progress(done: int, total: int) -> bool:
    if sys.stderr.isatty():
        label = "Documents" if language() == "en" else "文档"
        print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)
    return True


def _print_report(report) -> int:  # type: ignore[no-untyped-def]
    from alliance_review.services.documents import size_text

    for document in report.added:
        say(
            f"已添加  {document.title}（{document.kind}，{document.pages} 页，"
            f"{size_text(document.size)}）",
            f"Added  {document.title} ({document.kind}, {document.pages} pages, "
            f"{size_text(document.size)})",
        )
    for path, title in report.already:
        say(f"已有  {path.name}（即「{title}」）", f"Already there  {path.name} (as {title!r})")
    for _path, error in report.refused:
        say(f"未添加  {error.zh}", f"Not added  {error.en}")
    if report.text_only:
        say(
            f"{report.text_only} 个 Office 文档未转换为 PDF（未安装 LibreOffice），"
            "保存原文件并显示其文字。",
            f"{report.text_only} office document(s) were not converted to PDF (LibreOffice is "
            "not installed); the original is kept and its text is shown.",
        )
    say(
        f"共添加 {len(report.added)} 个文档，{len(report.refused)} 个未添加。",
        f"{len(report.added)} document(s) added, {len(report.refused)} refused.",
    )
    return 1 if report.refused else 0


def cmd_import(args: argparse.Namespace) -> int:
    from alliance_review.services.documents import import_folder, plan_import
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open_readonly(args.round) as store:  # the preview only reads
        plan = plan_import(store, args.folder)
        names = {a.uid: a.name for a in store.alliances()}
    for candidate in plan.matched:
        say(
            f"匹配  {candidate.shown}  →  {names[candidate.alliance_uid or '']}",
            f"Matched  {candidate.shown}  ->  {names[candidate.alliance_uid or '']}",
        )
    for candidate in plan.ambiguous:
        which = "、".join(names[u] for u in candidate.match.uids)
        say(
            f"不确定  {candidate.shown}  可指：{which}（未添加；请改名或用 add 指定联盟）",
            f"Ambiguous  {candidate.shown}  could be: {which} (not added; rename it or use add)",
        )
    for candidate in plan.unmatched:
        say(
            f"未匹配  {candidate.shown}（名称中没有联盟名称或简称；未添加）",
            f"Unmatched  {candidate.shown} (names no alliance; not added)",
        )
    for candidate in plan.not_taken:
        say(
            f"不收录  {candidate.shown}（不是 PDF、Word、Excel、WPS 文档或图片）",
            f"Not taken  {candidate.shown} (not a PDF, Word, Excel, WPS document or picture)",
        )
    say(
        f"匹配 {len(plan.matched)} 个，不确定 {len(plan.ambiguous)} 个，"
        f"未匹配 {len(plan.unmatched)} 个，不收录 {len(plan.not_taken)} 个。",
        f"{len(plan.matched)} matched, {len(plan.ambiguous)} ambiguous, "
        f"{len(plan.unmatched)} unmatched, {len(plan.not_taken)} not taken.",
    )
    if args.dry_run or not plan.matched:
        return 0
    return _print_report(import_folder(args.round, plan, _progress))


def cmd_add(args: argparse.Namespace) -> int:
    from alliance_review.services.documents import add_documents, find_alliance
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open_readonly(args.round) as store:
        alliance = find_alliance(store, args.alliance)
    report = add_documents(args.round, [(alliance.uid, Path(f)) for f in args.files], _progress)
    return _print_report(report)


def cmd_list(args: argparse.Namespace) -> int:
    from alliance_review.services.documents import named_received, size_text
    from alliance_review.storage import documents as rows
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open_readonly(args.round) as store:
        alliances = store.alliances()
        found = rows.documents(store.conn)
        total = rows.stored_bytes(store.conn)
        listed = named_received(store)
    by_alliance: dict[str, list] = {}  # type: ignore[type-arg]
    for document in found:
        by_alliance.setdefault(document.alliance_uid, []).append(document)
    short = 0
    for alliance in alliances:
        mine = by_alliance.get(alliance.uid, [])
        named = listed.get(alliance.uid, [])
        if not mine and not named and not args.all:
            continue
        print(alliance.name)
        for d in mine:
            shown = d.kind if not d.text_only else d.kind + (" 仅文字" if language() != "en" else
                                                              " text only")  # fmt: skip
            print(f"  {d.title}\t{shown}\t{d.pages}\t{size_text(d.size)}\t{d.file_name}")
        missing = [item.name for item, document in named if document is None]
        short += bool(missing)
        if named:
            say(
                f"  自评价表列出 {len(named)} 个附件，已收到 {len(named) - len(missing)} 个"
                + (f"；未收到：{'、'.join(missing)}" if missing else ""),
                f"  The self-evaluation names {len(named)} attachment(s), "
                f"{len(named) - len(missing)} received"
                + (f"; not received: {', '.join(missing)}" if missing else ""),
            )
    with_documents = len(by_alliance)
    say(
        f"{with_documents} 个联盟共 {len(found)} 个文档，占 {size_text(total)}；"
        f"{len(alliances) - with_documents} 个联盟没有文档。",
        f"{len(found)} document(s) of {with_documents} alliance(s), {size_text(total)}; "
        f"{len(alliances) - with_documents} alliance(s) have none.",
    )
    if short:
        say(
            f"{short} 个联盟的自评价表列出的附件尚未全部收到。",
            f"{short} alliance(s) have not sent every attachment their self-evaluation names.",
        )
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from alliance_review.services.documents import find_alliance, find_document, remove_document
    from alliance_review.storage.round_store import RoundStore

    with RoundStore.open(args.round) as store:
        alliance = find_alliance(store, args.alliance)
        document = find_document(store, alliance, args.title)
        remove_document(store, document.id)
    say(f"已删除  {alliance.name}：{document.title}", f"Removed  {alliance.name}: {document.title}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("documents", help="each alliance's documents / 佐证材料")
    parser.add_argument("round", type=Path)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="a folder of documents, matched to alliances by name")
    imp.add_argument("folder", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="show the matching, add nothing")
    imp.set_defaults(func=cmd_import)
    listing = actions.add_parser("list", help="the documents of each alliance")
    listing.add_argument("--all", action="store_true", help="also alliances without documents")
    listing.set_defaults(func=cmd_list)
    add = actions.add_parser("add", help="add files to one alliance")
    add.add_argument("alliance", help="the alliance's name or short name")
    add.add_argument("files", type=Path, nargs="+")
    add.set_defaults(func=cmd_add)
    remove = actions.add_parser("remove", help="remove one document")
    remove.add_argument("alliance")
    remove.add_argument("title", help="the document's title (or its file name)")
    remove.set_defaults(func=cmd_remove)
