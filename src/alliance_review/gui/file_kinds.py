"""File dialogs' filters and proposed file names, in the interface language.

The extensions come from ``core.file_names``: a round file ends in ``.alr-round``, a
reviewer file in ``.alr-review``; older ``.sqlite`` files are still offered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from alliance_review.core import file_names
from alliance_review.gui import i18n
from alliance_review.gui.i18n import fill_in

translate = QCoreApplication.translate


def _patterns(*suffixes: str) -> str:
    return " ".join(f"*{s}" for s in suffixes)


def all_files() -> str:
    return translate("FileKinds", "All files (*)")


def round_filter() -> str:
    """For a dialog that opens or saves a round file."""
    patterns = _patterns(file_names.ROUND_SUFFIX, *file_names.OLDER_SUFFIXES)
    return fill_in(translate("FileKinds", "Round files (%1)"), patterns) + ";;" + all_files()


def new_round_filter() -> str:
    """For saving a new round: only the round file's own extension."""
    return fill_in(translate("FileKinds", "Round files (%1)"), f"*{file_names.ROUND_SUFFIX}")


def reviewer_filter() -> str:
    patterns = _patterns(file_names.REVIEWER_SUFFIX, *file_names.OLDER_SUFFIXES)
    return fill_in(translate("FileKinds", "Reviewer files (%1)"), patterns) + ";;" + all_files()


def any_evaluation_filter() -> str:
    """Round or reviewer file: what File > Open offers."""
    patterns = _patterns(*file_names.OPENABLE_SUFFIXES)
    return ";;".join(
        [
            fill_in(translate("FileKinds", "Round and reviewer files (%1)"), patterns),
            round_filter().split(";;")[0],
            reviewer_filter().split(";;")[0],
            all_files(),
        ]
    )


def word(key: str) -> str:
    return file_names.word(key, i18n.service_language())
