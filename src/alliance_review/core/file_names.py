"""The names the app gives its files: their own extensions, and words in the user's language.

A round file ends in ``.alr-round`` and a reviewer file in ``.alr-review`` (so a file
manager can tell them apart and open them with the app, see packaging/linux). Files of
either kind written before those extensions existed end in ``.sqlite`` (or ``.db``) and
still open: what a file is comes from its SQLite ``application_id``, never from its name.
"""

from __future__ import annotations

from pathlib import Path

from alliance_review.system.names import file_name

ROUND_SUFFIX = ".alr-round"
REVIEWER_SUFFIX = ".alr-review"
OLDER_SUFFIXES = (".sqlite", ".db")
#: every name ending the app opens as one of its files
OPENABLE_SUFFIXES = (ROUND_SUFFIX, REVIEWER_SUFFIX, *OLDER_SUFFIXES)

# words in proposed file names, per interface language ("zh" or "en")
WORDS = {
    "demo": {"zh": "演示", "en": "demo"},
    "round": {"zh": "评价轮次", "en": "round"},
    "submitted": {"zh": "提交", "en": "submitted"},
    "scoring_workbook": {"zh": "评分表", "en": "scoring-workbook"},
    "self_evaluation": {"zh": "自评价表", "en": "self-evaluation"},
    "alliance": {"zh": "联盟", "en": "alliance"},
    "appendix": {"zh": "附件", "en": "appendix"},
    "results": {"zh": "评价结果", "en": "results"},
    "statistics": {"zh": "统计", "en": "statistics"},
    "rubric": {"zh": "评价指标", "en": "rubric"},
    "roster": {"zh": "联盟名单", "en": "roster"},
    "report_draft": {"zh": "评价报告草稿", "en": "report-draft"},
}


def word(key: str, language: str = "zh") -> str:
    """A word of a proposed file name in ``language`` ("en", else Chinese)."""
    return WORDS[key]["en" if language == "en" else "zh"]


def demo_round_name(year: int = 2015, language: str = "zh") -> str:
    """The demo round's name: "演示评价轮次-2015.alr-round" / "demo-round-2015.alr-round"."""
    if language == "en":
        return f"demo-round-{year}{ROUND_SUFFIX}"
    return f"{word('demo')}{word('round')}-{year}{ROUND_SUFFIX}"


def round_file_name(year: int, language: str = "zh") -> str:
    """A new round's proposed name: "评价轮次-2016.alr-round" / "round-2016.alr-round"."""
    return f"{word('round', language)}-{year}{ROUND_SUFFIX}"


def submission_name(reviewer_file: Path, revision: int, language: str = "zh") -> str:
    """The returned copy of a reviewer file: "<stem>-提交-r2.alr-review" (the stem cut
    when the whole would be too long for a file name)."""
    return file_name(
        reviewer_file.stem,
        word("submitted", language),
        f"r{revision}",
        suffix=REVIEWER_SUFFIX,
        folder=reviewer_file.parent,
    )


def is_openable(path: Path) -> bool:
    return path.suffix.lower() in OPENABLE_SUFFIXES


def is_reviewer_file_candidate(path: Path) -> bool:
    """Files a folder of returned reviewer files stands for (older ``.sqlite`` included)."""
    return path.suffix.lower() in (REVIEWER_SUFFIX, *OLDER_SUFFIXES)
