"""The panel's meeting screen (see ``alliance_review.gui.panel``)."""

from __future__ import annotations

from alliance_review.gui.panel.tab import PanelTab
from alliance_review.gui.round_view import RoundContext, RoundTab


def create_tab(context: RoundContext) -> RoundTab:
    return PanelTab(context)
