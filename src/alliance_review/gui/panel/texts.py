"""How the panel's findings read in the window (translated)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from alliance_review.core.agreement import Flag
from alliance_review.core.points import format_points
from alliance_review.gui.i18n import fill_in


def flag_text(flag: Flag, reviewer_names: Mapping[str, str]) -> str:
    if flag.kind == "total_span":
        return fill_in(
            QCoreApplication.translate("PanelTexts", "reviewer totals %1 points apart"),
            format_points(flag.value),
        )
    if flag.kind == "indicator_spread":
        return fill_in(
            QCoreApplication.translate("PanelTexts", "indicator %1: scores %2 apart"),
            flag.indicator_code,
            format_points(flag.value),
        )
    name = reviewer_names.get(flag.reviewer_uid, flag.reviewer_uid)
    return fill_in(
        QCoreApplication.translate("PanelTexts", "without %1: %2 (%3)"),
        name,
        flag.tier,
        format_points(flag.value),
    )


def method_label(method: str) -> str:
    return {
        "mean": QCoreApplication.translate("PanelTexts", "Mean"),
        "median": QCoreApplication.translate("PanelTexts", "Median"),
        "trimmed_mean": QCoreApplication.translate(
            "PanelTexts", "Trimmed mean (drop highest and lowest)"
        ),
    }.get(method, method)
