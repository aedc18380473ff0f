"""export-sheet, import-sheet, submit: a reviewer's file from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_review.cli import language, say
from alliance_review.commands.options import FORCE


def cmd_export_sheet(args: argparse.Namespace) -> int:
    from alliance_review.services.reviewer_sheet import export_sheet_file

    rows = export_sheet_file(args.reviewer_file, args.out)
    say(
        f"已导出评分表（{rows} 行）：{args.out}",
        f"Scoring workbook exported ({rows} rows): {args.out}",
    )
    return 0


def cmd_import_sheet(args: argparse.Namespace) -> int:
    from alliance_review.services.reviewer_sheet import import_sheet

    erase = args.erase_blanks
    sheet = import_sheet(args.reviewer_file, args.workbook, dry_run=args.dry_run, erase=erase)
    for line in sheet.describe(language(), erase=erase):
        print(line)
    no_longer_done = sheet.chosen(erase)[1]
    count = sheet.count(erase)
    if not count:
        say(
            f"评分表与文件一致，没有改动（共 {sheet.rows} 行）。",
            f"Nothing to import: the workbook matches the file ({sheet.rows} rows).",
        )
    elif args.dry_run:
        say(
            f"预览：将改动 {count} 项（未写入，去掉 --dry-run 即可导入）。",
            f"Preview: {count} change(s) would be imported (nothing written; leave out "
            "--dry-run to import).",
        )
    else:
        say(f"已导入 {count} 项改动。", f"Imported {count} change(s).")
    if no_longer_done:
        say(
            f"{len(no_longer_done)} 家联盟的“已完成”标记因改动而取消。",
            f"{len(no_longer_done)} alliance(s) are no longer marked done.",
        )
    if not args.dry_run:
        _offer_done(args)
    return 0


def _offer_done(args: argparse.Namespace) -> None:
    """Alliances the file now has complete but not done (the workbook left them 否, and
    ``submit`` counts them as not done): marked with --mark-done, else said how."""
    from alliance_review.services.reviewer_workflow import ready_for_done
    from alliance_review.storage.reviewer_store import ReviewerStore

    with ReviewerStore.open(args.reviewer_file) as store:
        ready = ready_for_done(store)
        if ready and args.mark_done:
            with store.atomic():
                for uid in ready:
                    store.set_done(uid, True)
    if not ready:
        return
    if args.mark_done:
        say(f"已将 {len(ready)} 家联盟标记为已完成。", f"{len(ready)} alliance(s) marked done.")
    else:
        say(
            f"评分表使 {len(ready)} 家联盟评完，但尚未标记为已完成；加 --mark-done 即可标记。",
            f"{len(ready)} alliance(s) are complete but not marked done; add --mark-done to "
            "mark them.",
        )


def cmd_submit(args: argparse.Namespace) -> int:
    from alliance_review.services.reviewer_workflow import submit

    done = submit(args.reviewer_file, args.out, language())
    p = done.progress
    say(
        f"已提交第 {done.revision} 版（{done.reviewer_name}，{done.sealed_at}）：{done.path}",
        f"Revision {done.revision} submitted ({done.reviewer_name}, {done.sealed_at}): {done.path}",
    )
    say(
        f"已完成 {p.done} / {p.alliances} 家联盟；请将此文件发回联络组。",
        f"{p.done} of {p.alliances} alliances done; send this file back to the liaison group.",
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser(
        "export-sheet", help="write the offline scoring workbook / 导出离线评分表", parents=[FORCE]
    )
    export.add_argument("reviewer_file", type=Path)
    export.add_argument("out", type=Path, help="the .xlsx to write")
    export.set_defaults(func=cmd_export_sheet)

    imp = sub.add_parser("import-sheet", help="read a filled scoring workbook back / 导入评分表")
    imp.add_argument("reviewer_file", type=Path)
    imp.add_argument("workbook", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.add_argument(
        "--erase-blanks",
        action="store_true",
        help="blank cells erase the file's scores, notes and ticked evidence items (by default "
        "they are kept) / 评分表中的空白单元格清除文件中已有的评分、评分依据和评价要点勾选",
    )
    imp.add_argument(
        "--mark-done",
        action="store_true",
        help="mark done the alliances the workbook completes / 将评分表评完的联盟标记为已完成",
    )
    imp.set_defaults(func=cmd_import_sheet)

    submit = sub.add_parser(
        "submit", help="seal the reviewer file for return / 提交评分", parents=[FORCE]
    )
    submit.add_argument("reviewer_file", type=Path)
    submit.add_argument("--out", type=Path, help="where to write the copy to send back")
    submit.set_defaults(func=cmd_submit)
