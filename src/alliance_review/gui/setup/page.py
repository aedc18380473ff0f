"""The base of the set-up tab's steps. ``gui/round_tabs/setup.py`` lists the page
classes, in order, in ``PAGES``: the one place a page is registered.

A page says its ``name`` (how code and tests ask for it), ``depends_on`` (the aspects of
a change notice that make it refresh: ``gui.notice.Aspect``) and ``label`` (its words in
the list of steps: ``QT_TRANSLATE_NOOP("SetupTab", ...)``, shown by ``step_label()``); it
defines
``retranslate()`` (its own texts) and ``refresh()`` (what it shows of the round). A
language change retranslates it, and refreshes it too when ``refresh_on_language`` (its
shown figures are sentences).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from alliance_review.gui.notice import Aspect
from alliance_review.gui.round_view import RoundContext


class SetupPage(QWidget):
    name: ClassVar[str]
    depends_on: ClassVar[frozenset[Aspect]]
    refresh_on_language: ClassVar[bool] = True

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    label: ClassVar[object]  # QT_TRANSLATE_NOOP's value: the English words (typed object)

    @classmethod
    def step_label(cls) -> str:
        return QCoreApplication.translate("SetupTab", str(cls.label))

    def retranslate(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.refresh_on_language:
                self.refresh()
        super().changeEvent(event)
