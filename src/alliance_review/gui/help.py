"""Help: the users' guide of each role, the keyboard shortcuts, and the About box.

The guides are Markdown files in ``docs/<language>/`` (shipped in the wheel and the
bundle, see ``services.resources.docs_dir``) with screenshots made from the real app by
``packaging/screenshots.py``; they are shown in an in-app viewer, so they open the same
way in the frozen app and need no browser.
"""

from __future__ import annotations

import platform
import re
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alliance_review import __version__
from alliance_review.gui import fit, i18n
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.qt_compat import submenu

ROLES = ("reviewer", "panel", "secretary")


translate = QCoreApplication.translate


def guide_path(role: str, language: str | None = None) -> Path:
    """The guide of ``role`` in the interface language (English when there is none)."""
    from alliance_review.services.resources import docs_dir

    folder = "en" if (language or i18n.service_language()) == "en" else "zh_CN"
    path = docs_dir() / folder / f"{role}.md"
    return path if path.is_file() else docs_dir() / "en" / f"{role}.md"


def role_title(role: str) -> str:
    return {
        "index": translate("Help", "Users' guides"),
        "reviewer": translate("Help", "Guide for reviewers"),
        "panel": translate("Help", "Guide for the panel"),
        "secretary": translate("Help", "Guide for the secretary"),
    }[role]


class GuideViewer(QDialog):
    """A guide in a window of its own: links to the other guides and screenshots work."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit.size_within_screen(self, 900, 760)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(title)
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.path = path
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton(translate("Help", "Show the guide's folder"))
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def show_guide(parent: QWidget, role: str) -> GuideViewer:
    viewer = GuideViewer(guide_path(role), role_title(role), parent)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.show()
    return viewer


# keyboard shortcuts ---------------------------------------------------------------------
# Keys that act inside a widget and belong to no menu action.
FIELD_KEYS = (
    (
        ("Tab", "Shift+Tab"),
        QT_TRANSLATE_NOOP("Help", "Next / previous field (score → evidence note → next indicator)"),
    ),
    (("Up", "Down"), QT_TRANSLATE_NOOP("Help", "Raise or lower a score by one step")),
    (("Return",), QT_TRANSLATE_NOOP("Help", "In the alliance list or the filter: go to the form")),
)


def key_names(keys: tuple[str, ...]) -> str:
    """Keys as the platform and the language name them ("回车" for Return in Chinese)."""
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(QKeySequence(k).toString(native) for k in keys)


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every visible menu action that has a shortcut."""
    rows: list[tuple[str, str, str]] = []
    listed: set[QAction] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if not action.isVisible():
                continue
            opens = submenu(action)
            if opens is not None:
                walk(opens, f"{path} › {strip_amp(action.text())}")
                continue
            # Return and Enter read the same in Chinese ("回车"): each text once
            native = QKeySequence.SequenceFormat.NativeText
            keys = list(dict.fromkeys(s.toString(native) for s in action.shortcuts()))
            if keys and action.text() and action not in listed:
                listed.add(action)
                rows.append((path, strip_amp(action.text()), ", ".join(keys)))

    for action in menu_bar.actions():
        opens = submenu(action)
        if opens is not None and action.isVisible():
            walk(opens, strip_amp(action.text()))
    return rows


def strip_amp(text: str) -> str:
    """A menu text without its mnemonic: "&File" → "File", "新建评价轮次(&N)…" → "新建评价轮次"."""
    text = re.sub(r"[(（]&[^)）][)）]", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Keyboard shortcuts"))
        fit.size_within_screen(self, 720, 640)
        rows = menu_shortcuts(menu_bar)
        self.table = QTableWidget(len(rows) + len(FIELD_KEYS), 3)
        self.table.setAccessibleName(translate("Help", "Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels(
            [translate("Help", "Keys"), translate("Help", "Action"), translate("Help", "Menu")]
        )
        every = [(keys, text, menu) for menu, text, keys in rows] + [
            (key_names(keys), translate("Help", str(text)), translate("Help", "In a field"))
            for keys, text in FIELD_KEYS
        ]
        for row, values in enumerate(every):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


# about ---------------------------------------------------------------------------------------
class AboutDialog(QDialog):
    """Version, where the data lives, and the licences of everything shipped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from alliance_review.services import licences
        from alliance_review.system.places import config_dir, data_dir

        self.setWindowTitle(translate("Help", "About Alliance Activity Review"))
        fit.size_within_screen(self, 760, 620)
        self.data_folder = data_dir()
        self.config_folder = config_dir()
        name = translate("Help", "Alliance Activity Review")
        version = fill_in(translate("Help", "Version %1"), __version__)
        summary = translate(
            "Help", "The yearly activity evaluation of industry technology innovation alliances."
        )
        heading = QLabel(f"<h2>{name}</h2><p>{version}<br>{summary}</p>")
        heading.setWordWrap(True)
        self.folders = QLabel(
            "<p>"
            + fill_in(
                translate("Help", "Data folder (demo round, backups): %1"),
                f"<code>{self.data_folder}</code>",
            )
            + "<br>"
            + fill_in(
                translate("Help", "Settings folder: %1"), f"<code>{self.config_folder}</code>"
            )
            + "</p>"
        )
        self.folders.setWordWrap(True)
        self.folders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licences = QTextBrowser()
        self.licences.setAccessibleName(translate("Help", "Licences"))
        self.licences.setOpenLinks(False)
        self.licences.anchorClicked.connect(self._show_licence)
        self.texts: dict[str, str] = {}
        rows = [
            ("Python", platform.python_version(), "PSF-2.0", ""),
            ("Qt", qVersion(), "LGPL-3.0-only", ""),
            ("PySide6", pyside_version, "LGPL-3.0-only", ""),
        ]
        frozen = getattr(sys, "frozen", False)
        for component in licences.python_packages():
            if component.name.lower().startswith("pyside6"):
                continue
            rows.append((component.name, component.version, component.licence, ""))
            self.texts[component.name] = component.licence_text
        font_rows = []
        for font in licences.fonts():
            self.texts[font.name] = font.licence_text
            font_rows.append((font.name, "", font.licence, font.name))
        fonts_heading = translate("Help", "Bundled fonts")
        software_heading = translate("Help", "Software")
        html = [f"<h3>{fonts_heading}</h3><table cellpadding='3'>"]
        html += [self._row(*row) for row in font_rows]
        html.append(f"</table><h3>{software_heading}</h3><table cellpadding='3'>")
        html += [
            self._row(n, v, licence, n if self.texts.get(n) else "") for n, v, licence, _ in rows
        ]
        html.append("</table>")
        if frozen:
            html.append(
                "<p>" + translate("Help", "This is the standalone build of the app.") + "</p>"
            )
        self.licences.setHtml("".join(html))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_data = QPushButton(translate("Help", "Open the data folder"))
        buttons.addButton(self.open_data, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_data.clicked.connect(self._open_data_folder)
        buttons.rejected.connect(self.reject)
        # everything but the buttons scrolls, so they stay on a small or scaled screen
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        inner.addLayout(top)
        inner.addWidget(self.folders)
        inner.addWidget(QLabel(translate("Help", "Licences (click a name for its text):")))
        self.licences.setMinimumHeight(160)
        inner.addWidget(self.licences, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(fit.scrolling(content), 1)
        layout.addWidget(buttons)

    @staticmethod
    def _row(name: str, version: str, licence: str, link: str) -> str:
        shown = f"<a href='licence:{link}'>{name}</a>" if link else name
        return f"<tr><td>{shown}</td><td>{version}</td><td>{licence}</td></tr>"

    def _show_licence(self, url: QUrl) -> None:
        name = url.toString().removeprefix("licence:")
        text = self.texts.get(name, "")
        if text:
            viewer = QDialog(self)
            viewer.setWindowTitle(name)
            fit.size_within_screen(viewer, 700, 560)
            browser = QTextBrowser()
            browser.setPlainText(text)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(viewer.reject)
            layout = QVBoxLayout(viewer)
            layout.addWidget(browser)
            layout.addWidget(buttons)
            viewer.open()
            self.licence_viewer = viewer

    def _open_data_folder(self) -> None:
        self.data_folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))


def help_actions(owner: QWidget) -> dict[str, QAction]:
    """The Help menu's actions, keyed by name (texts set by ``retranslate_help``)."""
    return {
        "guide_reviewer": QAction(owner),
        "guide_panel": QAction(owner),
        "guide_secretary": QAction(owner),
        "shortcuts": QAction(owner),
        "about": QAction(owner),
    }


def retranslate_help(actions: dict[str, QAction]) -> None:
    actions["guide_reviewer"].setText(translate("Help", "Guide for &reviewers"))
    actions["guide_panel"].setText(translate("Help", "Guide for the &panel"))
    actions["guide_secretary"].setText(translate("Help", "Guide for the &secretary"))
    actions["shortcuts"].setText(translate("Help", "&Keyboard shortcuts"))
    actions["about"].setText(translate("Help", "&About"))
