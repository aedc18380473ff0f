"""export-pdf, export-xlsx, statistics: what the secretary publishes."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_review.cli import language, print_json, say
from alliance_review.commands.options import FONT, FORCE


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from alliance_review.services.appendix_pdf import AppendixOptions, export_appendix

    tiers = None
    if args.tiers:
        tiers = tuple(t.strip() for t in args.tiers.replace("，", ",").split(",") if t.strip())
    from alliance_review.services.results import RoundResult, band_mismatches

    options = AppendixOptions(
        title=args.title, tiers=tiers, show_rank_ties=args.show_ties, font=font_file(args.font)
    )
    ranked: list[RoundResult] = []  # the ranking the file prints: not ranked a second time
    out = export_appendix(args.round, args.out, options, printed=ranked.append)
    say(f"已写入附件：{out}", f"Appendix written: {out}")
    mismatches = band_mismatches(ranked[-1])
    if mismatches:
        say(
            f"注意：{len(mismatches)} 家联盟的评分所属分数段与所列档次不同"
            "（划档依据可用 settings --tier-by 修改）：",
            f"Note: {len(mismatches)} alliance(s) are printed under a tier whose band does not"
            " hold their printed score (settings --tier-by changes what decides the tier):",
            err=True,
        )
        for zh, en in mismatches:
            say(zh, en, err=True)
    return 0


def font_file(choice: str | None) -> Path | None:
    """--font: a TrueType file, "song" for a Song/Ming style font on the system, or None."""
    from alliance_review.core.errors import UserError
    from alliance_review.services.pdf_common import system_song_font

    if choice is None or choice == "bundled":
        return None
    if choice == "song":
        found = system_song_font()
        if found is None:
            raise UserError(
                "本机没有宋体/明体类 TrueType 字体（如宋体 SimSun、AR PL UMing），"
                "请用 --font 指定字体文件。",
                "No Song/Ming style TrueType font (such as SimSun or AR PL UMing) is installed;"
                " name a font file with --font.",
            )
        return found
    return Path(choice)


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from alliance_review.services.results_xlsx import export_workbook

    out = export_workbook(args.round, args.out)
    say(f"已写入结果工作簿：{out}", f"Results workbook written: {out}")
    return 0


def cmd_verify_pdf(args: argparse.Namespace) -> int:
    from alliance_review.core.errors import UserError
    from alliance_review.services.verify_pdf import verify_appendix
    from alliance_review.storage.audit import ALTERED

    result = verify_appendix(args.round, args.pdf)
    name = args.pdf.name
    if result.pdf_hash is None:
        raise UserError(
            f"「{name}」中没有轮次内容校验值，不是本软件导出的附件。",
            f"{name} carries no round content hash; it was not exported by this app.",
        )
    if result.lock is not None and result.lock.state == ALTERED:
        raise UserError(
            f"评价轮次锁定后被改动过（{result.lock.reason_zh}），不能据此核对「{name}」。",
            f"The round was altered after locking ({result.lock.reason}); {name} cannot be "
            "verified against it.",
        )
    if result.missing_font:
        raise UserError(
            f"无法核对：「{name}」是用字体文件「{result.missing_font}」打印的，本机没有这个文件，"
            "无法按原样重新打印并比对页面；请在有该字体的电脑上核对。",
            f"Cannot verify: {name} was printed with the font file {result.missing_font}, "
            "which this computer does not have, so it cannot be printed again and compared; "
            "verify it on a computer that has the font.",
        )
    if result.unprintable is not None:
        raise UserError(
            f"不一致：「{name}」记载的打印选择无法按评价轮次现在的内容重新打印"
            f"（{result.unprintable.zh}）。",
            f"Mismatch: the choices {name} records cannot be printed from the round as it is "
            f"now ({result.unprintable.en}).",
        )
    unrecorded = (
        ("", "")
        if result.choices_recorded
        else (
            "（它没有记载附件的打印选择：统计报告或被改过元数据的 PDF 无法按页面核对）",
            " (it records no appendix choices: a statistics report, or a PDF whose metadata "
            "was edited, cannot be verified by its pages)",
        )
    )
    if result.difference is not None:
        page, printed, expected = result.difference
        raise UserError(
            f"不一致：「{name}」第 {page} 页印着「{printed or '（空）'}」，"
            f"按评价轮次当前内容应为「{expected or '（空）'}」{unrecorded[0]}。",
            f"Mismatch: page {page} of {name} prints {printed!r} where the round "
            f"as it is now gives {expected!r}{unrecorded[1]}.",
        )
    if result.looks_different is not None:
        seen = result.looks_different
        raise UserError(
            f"不一致：「{name}」第 {seen.page} 页{seen.zh}（页面上可能叠加了图片等）"
            f"{unrecorded[0]}。",
            f"Mismatch: page {seen.page} of {name}: {seen.en} (something may be laid over "
            f"the page){unrecorded[1]}.",
        )
    if result.lock_differs:
        raise UserError(
            f"不一致：「{name}」载有的锁定签名与评价轮次现在的锁定不同"
            "（导出后轮次被解除锁定或重新锁定过）。",
            f"Mismatch: the lock signature {name} carries is not the round's lock "
            "now (the round was unlocked or locked again since).",
        )
    if not result.matches:
        raise UserError(
            f"不一致：「{name}」导出后评价轮次已改动（或来自其他轮次）。",
            f"Mismatch: the round has changed since {name} was exported "
            "(or the PDF is from another round).",
        )
    how_zh = (
        "与重新打印的附件逐字节相同"
        if result.identical
        else f"重新打印后逐页比对，{result.pages} 页显示的内容相同"
    )
    how_en = (
        "byte for byte the appendix printed again"
        if result.identical
        else f"printed again and compared page by page: {result.pages} page(s) show the same"
    )
    say(
        f"一致：「{name}」与评价轮次当前内容相符（{how_zh}；SHA-256 {result.round_hash}）。",
        f"Match: {name} agrees with the round as it is now ({how_en}; SHA-256"
        f" {result.round_hash}).",
    )
    if result.lock_fingerprint:
        say(
            f"锁定签名一致，签名密钥指纹 {result.lock_fingerprint}。",
            f"The lock's signature matches; signing key fingerprint {result.lock_fingerprint}.",
        )
    return 0


def cmd_statistics(args: argparse.Namespace) -> int:
    from alliance_review.core.errors import UserError
    from alliance_review.core.statistics import PreviousYear
    from alliance_review.services.statistics_report import round_statistics_of, statistics_record
    from alliance_review.services.statistics_text import statistics_lines

    previous: Path | PreviousYear | None = None
    if args.previous_count is not None and not args.previous_shares:
        raise UserError(
            "--previous-count 须与 --previous-shares 一起给出（上年评价轮次文件自带参评数）。",
            "--previous-count goes with --previous-shares (last year's round file has its own"
            " count).",
        )
    if args.previous is not None:
        previous = args.previous
    elif args.previous_shares:
        previous = PreviousYear.parse(args.previous_shares, args.previous_count, "typed")
    stats = round_statistics_of(args.round, previous, args.published)
    if args.pdf is not None:
        from alliance_review.services.statistics_pdf import export_statistics_pdf  # reportlab

        export_statistics_pdf(
            args.round, args.pdf, previous, args.published, font_file=font_file(args.font)
        )
    if args.json:
        print_json(statistics_record(stats))
    else:
        for line in statistics_lines(stats, language()):
            print(line)
        if args.pdf is not None:
            say(f"已写入统计报告：{args.pdf}", f"Statistics report written: {args.pdf}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from alliance_review.services.report_docx import export_report

    out = export_report(args.round, args.out, args.previous, args.published)
    say(
        f"已写入评价报告草稿：{out}（草稿，供秘书处修改定稿）",
        f"Report draft written: {out} (a draft for the secretariat to edit; the report"
        " itself is in Chinese)",
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pdf = sub.add_parser(
        "export-pdf", help="write the ranked appendix PDF / 导出附件 PDF", parents=[FORCE, FONT]
    )
    pdf.add_argument("round", type=Path, help="the round file")
    pdf.add_argument("out", type=Path, help="the PDF to write")
    pdf.add_argument("--tiers", help="tiers to print, comma separated (default: all)")
    pdf.add_argument(
        "--title", help="the title (default: '<year> 年度产业技术创新战略联盟活跃度情况')"
    )
    pdf.add_argument(
        "--show-ties", action="store_true", help="add a 名次 column showing shared ranks"
    )
    pdf.set_defaults(func=cmd_export_pdf)

    verify = sub.add_parser(
        "verify-pdf", help="check a PDF against the round it came from / 核对附件与轮次"
    )
    verify.add_argument("round", type=Path, help="the round file")
    verify.add_argument("pdf", type=Path, help="an appendix PDF exported by this app")
    verify.set_defaults(func=cmd_verify_pdf)

    xlsx = sub.add_parser(
        "export-xlsx", help="write the results workbook / 导出结果工作簿", parents=[FORCE]
    )
    xlsx.add_argument("round", type=Path, help="the round file")
    xlsx.add_argument("out", type=Path, help="the .xlsx to write")
    xlsx.set_defaults(func=cmd_export_xlsx)

    stats = sub.add_parser(
        "statistics", help="the report's statistics / 统计", parents=[FORCE, FONT]
    )
    stats.add_argument("round", type=Path, help="the round file")
    stats.add_argument("--pdf", type=Path, help="also write the statistics report PDF")
    group = stats.add_mutually_exclusive_group()
    group.add_argument("--previous", type=Path, help="last year's round file")
    group.add_argument(
        "--previous-shares", help="last year's published tier shares in percent, e.g. 31,32,25,12"
    )
    stats.add_argument(
        "--previous-count", type=int, help="how many alliances took part last year (e.g. 116)"
    )
    stats.add_argument(
        "--published",
        type=Path,
        help="figures printed in a report, for comparison (JSON; see "
        "resources/published-figures-2015.json); also gives last year's figures",
    )
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=cmd_statistics)

    report = sub.add_parser(
        "report",
        help="write the report draft (sections 二-四, .docx) / 生成评价报告草稿",
        parents=[FORCE],
    )
    report.add_argument("round", type=Path, help="the round file")
    report.add_argument("out", type=Path, help="the .docx to write")
    report.add_argument("--previous", type=Path, help="last year's round file")
    report.add_argument(
        "--published",
        type=Path,
        help="figures printed in a report (JSON), listed beside the computed ones",
    )
    report.set_defaults(func=cmd_report)
