"""Qt calls that behave differently across the PySide6 releases the app supports (6.8 to
6.11; the Linux bundle for glibc 2.31 ships 6.9, the newest Qt built for it)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def submenu(action: QAction) -> QMenu | None:
    """The menu that ``action`` opens, or None.

    Not ``action.menu()``: on PySide6 6.9 the menu it returns is owned by Python and Qt's
    menu is deleted with it (after one call, the window's File menu was gone). A menu's
    own action is created as a child of the menu, so the parent says it."""
    parent = action.parent()
    if isinstance(parent, QMenu) and parent.menuAction() == action:
        return parent
    return None
