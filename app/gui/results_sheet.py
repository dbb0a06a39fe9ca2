"""The one sheet "Fix all safe" shows: what was done, what was skipped and why, and Undo.

It replaces a status line that the next re-check overwrote and a blocking dialog per file; it is
not modal, so the creator can keep it open while working through the skipped items.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.texts import t, translate_buttons
from checks.fixes.planner import rule_name
from checks.session import ApplyResult


class ResultsSheet(QDialog):
    undo_requested = Signal()

    def __init__(self, result: ApplyResult, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        from app.gui.texts import lang

        self.setWindowTitle(t("gui.results.title"))
        self.setModal(False)
        self.result = result
        self.summary = QLabel(t("gui.results.summary", done=len(result.done), skipped=len(result.skipped)))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([t("gui.results.col_fix"), t("gui.results.col_outcome")])
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(t("gui.results.title"))
        for key, items in (("done", result.done), ("skipped", result.skipped)):
            head = QTreeWidgetItem([t(f"gui.results.{key}", n=len(items)), ""])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for o in items:
                outcome = (  # the copy's file name: the folder is named once below the list
                    o.reason
                    if not o.done
                    else (t("gui.results.written", path=Path(o.written).name) if o.written else "✓")
                )
                row = QTreeWidgetItem([f"{rule_name(o.rule, lang())} — {o.title}", outcome])
                row.setToolTip(0, o.title)
                row.setToolTip(1, t("gui.results.written", path=o.written) if o.done and o.written else outcome)
                head.addChild(row)
            head.setExpanded(True)
        self.tree.resizeColumnToContents(1)
        width = 760 if parent is None else max(760, min(1280, int(parent.width() * 0.66)))
        self.tree.setColumnWidth(0, int(width * 0.58))  # a wide window shows whole fix titles
        self.folder = QLabel(t("gui.results.folder", path=folder) if folder else "")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(t("gui.results.undo"))
        self.undo_button.setObjectName("applies")
        self.undo_button.setEnabled(result.changed)
        self.undo_button.clicked.connect(self._undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        translate_buttons(buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.folder)
        lay.addWidget(buttons)
        self.resize(width, 420)

    def rows(self, group: int) -> list[tuple[str, str]]:
        head = self.tree.topLevelItem(group)
        return [(head.child(i).text(0), head.child(i).text(1)) for i in range(head.childCount())]

    def _undo(self) -> None:
        self.undo_requested.emit()
        self.undo_button.setEnabled(False)
