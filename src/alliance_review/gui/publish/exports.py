"""The exports of the publish tab, with their libraries imported when first used.

reportlab and python-docx take a second or more to import, xlsxwriter a tenth: they come
in when an export first runs, not when a round's window opens. Each function here is the
service of the same name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alliance_review.services import pdf_choices  # no reportlab: imported when a tab shows


def export_appendix(*args: Any, **kwargs: Any) -> Path:
    from alliance_review.services import appendix_pdf

    return appendix_pdf.export_appendix(*args, **kwargs)


def export_report(*args: Any, **kwargs: Any) -> Path:
    from alliance_review.services import report_docx

    return report_docx.export_report(*args, **kwargs)


def export_workbook(*args: Any, **kwargs: Any) -> Path:
    from alliance_review.services import results_xlsx

    return results_xlsx.export_workbook(*args, **kwargs)


def export_statistics_pdf(*args: Any, **kwargs: Any) -> Path:
    from alliance_review.services import statistics_pdf

    return statistics_pdf.export_statistics_pdf(*args, **kwargs)


def default_title(year: int) -> str:
    return pdf_choices.default_title(year)


def system_song_font() -> Path | None:
    return pdf_choices.system_song_font()


def system_song_name() -> str:
    return pdf_choices.system_song_name()


def register_font(path: Path | str) -> str:
    from alliance_review.services import pdf_common

    return pdf_common.register_font(path)
