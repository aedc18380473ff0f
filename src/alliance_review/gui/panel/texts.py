"""How the panel's findings read in the window (translated)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from alliance_review.core.agreement import Flag
from alliance_review.core.points import format_points


def flag_text(flag: Flag, reviewer_names: Mapping[str, str]) -> str:
    if flag.kind == "total_span":
        return QCoreApplication.translate("PanelTexts", "reviewer totals %1 points apart").replace(
            "%1", format_points(flag.value)
        )
    if flag.kind == "indicator_spread":
        return (
            QCoreApplication.translate("PanelTexts", "indicator %1: scores %2 apart")
            .replace("%1", flag.indicator_code)
            .replace("%2", format_points(flag.value))
        )
    name = reviewer_names.get(flag.reviewer_uid, flag.reviewer_uid)
    return (
        QCoreApplication.translate("PanelTexts", "without %1: %2 (%3)")
        .replace("%1", name)
        .replace("%2", flag.tier)
        .replace("%3", format_points(flag.value))
    )


def method_label(method: str) -> str:
    return {
        "mean": QCoreApplication.translate("PanelTexts", "Mean"),
        "median": QCoreApplication.translate("PanelTexts", "Median"),
        "trimmed_mean": QCoreApplication.translate(
            "PanelTexts", "Trimmed mean (drop highest and lowest)"
        ),
    }.get(method, method)
