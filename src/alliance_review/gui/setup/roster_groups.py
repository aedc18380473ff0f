"""The groups of a roster import, each alliance with a tick: what changes, what is new,
which pilots the list no longer has (withdrawn this year), which rows' remarks say
withdrawn, and what stays as it is. The ticks are the choices the import applies."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from alliance_review.core.roster_update import Comparison
from alliance_review.gui.i18n import fill_in
from alliance_review.services.roster_update import Choices

KEY = Qt.ItemDataRole.UserRole


class RosterGroups(QTreeWidget):
    """A tree of the comparison's groups; ``choices()`` reads the ticks."""

    GROUPS = ("changed", "new", "missing", "withdrawing", "unchanged")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.header().resizeSection(0, 360)
        self.groups: dict[str, QTreeWidgetItem] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Alliance"), self.tr("What the import does")])
        self.setAccessibleName(self.tr("What the import changes, by group"))

    def show_comparison(
        self,
        comparison: Comparison,
        blocked: dict[str, str],
        full_list: bool,
        year: int,
    ) -> None:
        """Fill the groups; ``blocked``: uid -> why that pilot cannot be withdrawn;
        ``full_list``: the list names most pilots, so the missing ones are ticked."""
        self.clear()
        self.groups = {}
        c = comparison
        words = {
            "name": self.tr("name"),
            "batch": self.tr("batch"),
            "contact": self.tr("contact"),
            "short_name": self.tr("short name"),
        }
        changed = self._group("changed", self.tr("Changed (%n)", "", len(c.changed)), True)
        for change in c.changed:
            parts = []
            for name in change.fields:
                if name == "status":
                    parts.append(self.tr("a pilot again this year"))
                else:
                    old = getattr(change.before, name) or "—"
                    new = getattr(change.after, name) or "—"
                    parts.append(f"{words[name]}: {old} → {new}")
            self._child(changed, change.before.name, "; ".join(parts), change.row, True)
        new = self._group("new", self.tr("New (%n)", "", len(c.new)), True)
        for item in c.new:
            self._child(new, item.name, item.batch or self.tr("batch unknown"), item.row, True)
        missing = self._group(
            "missing",
            self.tr("Not on the list: withdrawn this year (%n)", "", len(c.missing)),
            True,
        )
        for entry in c.missing:
            uid = entry.alliance.uid
            why = blocked.get(uid)
            text = (
                fill_in(self.tr("kept: %1"), why)
                if why
                else fill_in(self.tr("withdrawn from %1: not on this year's list"), str(year))
            )
            self._child(missing, entry.alliance.name, text, uid, full_list and not why, not why)
        withdrawing = self._group(
            "withdrawing",
            self.tr("Remarks say withdrawn (%n)", "", len(c.withdrawing)),
            True,
        )
        for item, matched in c.withdrawing:
            if matched is None:
                text = fill_in(self.tr("added as withdrawn: “%1”"), item.remark)
            else:
                text = fill_in(self.tr("withdrawn: “%1”"), item.remark)
            self._child(withdrawing, item.name, text, item.row, True)
        unchanged = self._group("unchanged", self.tr("Unchanged (%n)", "", len(c.unchanged)), False)
        for row, alliance in c.unchanged:
            self._child(unchanged, alliance.name, "", row, None)
        for name in ("changed", "new", "missing", "withdrawing"):
            self.groups[name].setExpanded(self.groups[name].childCount() > 0)
        unchanged.setExpanded(False)

    def _group(self, name: str, text: str, checkable: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [text])
        flags = Qt.ItemFlag.ItemIsEnabled
        if checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
        item.setFlags(flags)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.groups[name] = item
        return item

    def _child(
        self,
        group: QTreeWidgetItem,
        name: str,
        text: str,
        key: object,
        checked: bool | None,
        enabled: bool = True,
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [name, text])
        item.setData(0, KEY, key)
        item.setToolTip(0, name)
        item.setToolTip(1, text)
        flags = Qt.ItemFlag.ItemIsSelectable
        if enabled:
            flags |= Qt.ItemFlag.ItemIsEnabled
        if checked is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setFlags(flags)
        return item

    def ticked(self, group: str) -> list[object]:
        item = self.groups.get(group)
        if item is None:
            return []
        found = []
        for i in range(item.childCount()):
            child = item.child(i)
            if (
                child is not None
                and child.checkState(0) == Qt.CheckState.Checked
                and child.flags() & Qt.ItemFlag.ItemIsEnabled
            ):
                found.append(child.data(0, KEY))
        return found

    def set_ticked(self, group: str, keys: Collection[object]) -> None:
        item = self.groups[group]
        for i in range(item.childCount()):
            child = item.child(i)
            if child is not None:
                ticked = child.data(0, KEY) in keys
                child.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def choices(self) -> Choices:
        return Choices(
            changed=[int(str(k)) for k in self.ticked("changed")],
            new=[int(str(k)) for k in self.ticked("new")],
            missing=[str(k) for k in self.ticked("missing")],
            withdrawing=[int(str(k)) for k in self.ticked("withdrawing")],
        )

    def counts(self) -> dict[str, int]:
        return {name: len(self.ticked(name)) for name in self.GROUPS[:4]}
