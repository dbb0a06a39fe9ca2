"""Title and body editor: live character count, evidence highlights, undoable fix edits.

Findings give spans as Python string offsets; Qt counts UTF-16 code units, so offsets are
converted (an emoji before the evidence would otherwise shift every highlight). Fixes are
applied as one minimal replace through the widget's own undo stack, so Ctrl+Z undoes a fix.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from app.gui import theme
from app.gui.texts import t
from checks.model import Finding


def utf16(s: str, index: int) -> int:
    """Qt position of Python offset `index` in `s`."""
    index = max(0, min(index, len(s)))
    return len(s[:index].encode("utf-16-le")) // 2


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """(start, end, replacement) in Python offsets turning `old` into `new` with one edit."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


class BodyEdit(QPlainTextEdit):
    """The body field; dropped files become media instead of their paths being typed in."""

    files_dropped = Signal(list)

    def _files(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        md = event.mimeData()
        if not md.hasUrls():
            return []
        return [u.toLocalFile() for u in md.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            super().dropEvent(event)


class DraftEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.body_edit = BodyEdit()
        self.body_edit.setTabChangesFocus(True)
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.title_label = QLabel()
        self.title_label.setBuddy(self.title_edit)
        self.body_label = QLabel()
        self.body_label.setBuddy(self.body_edit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title_label)
        lay.addWidget(self.title_edit)
        lay.addWidget(self.body_label)
        lay.addWidget(self.body_edit, 1)
        lay.addWidget(self.count)
        self.title_edit.textChanged.connect(self._on_change)
        self.body_edit.textChanged.connect(self._on_change)
        self._findings: Sequence[Finding] = ()
        self._selected: Finding | None = None
        self.retranslate()

    # ------------------------------------------------------------------ content
    def title(self) -> str:
        return self.title_edit.text()

    def text(self) -> str:
        return self.body_edit.toPlainText()

    def set_content(self, title: str, text: str) -> None:
        """Load new content (a different draft): this also starts a fresh undo history."""
        self.blockSignals(True)
        self.title_edit.setText(title)
        self.body_edit.setPlainText(text)
        self.blockSignals(False)
        self._findings, self._selected = (), None
        self._update_count()
        self.changed.emit()

    def replace_value(self, target: str, new: str) -> bool:
        """Turn the title or body into `new` through the undo stack; False if nothing changed."""
        old = self.title() if target == "title" else self.text()
        if old == new:
            return False
        start, end, insert = minimal_edit(old, new)
        if target == "title":
            self.title_edit.setSelection(utf16(old, start), utf16(old, end) - utf16(old, start))
            if insert:
                self.title_edit.insert(insert)
            else:
                self.title_edit.del_()
            return True
        cursor = QTextCursor(self.body_edit.document())
        cursor.setPosition(utf16(old, start))
        cursor.setPosition(utf16(old, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(insert)
        self.body_edit.setTextCursor(cursor)
        return True

    def paste_clipboard(self) -> None:
        """Paste plain text into whichever field has focus (the body by default)."""
        text = QGuiApplication.clipboard().text()
        if not text:
            return
        if self.title_edit.hasFocus():
            self.title_edit.insert(" ".join(text.split()))
        else:
            self.body_edit.insertPlainText(text)
            self.body_edit.setFocus()

    # ------------------------------------------------------------------ highlights
    def show_findings(self, findings: Sequence[Finding], selected: Finding | None = None) -> None:
        self._findings, self._selected = findings, selected
        self._render_highlights()
        if selected is not None and selected.span:
            self.reveal(selected)

    def reveal(self, finding: Finding) -> None:
        if not finding.span:
            return
        start, end = finding.span
        if finding.target == "title":
            title = self.title()
            self.title_edit.setSelection(utf16(title, start), utf16(title, end) - utf16(title, start))
        elif finding.target == "text":
            text = self.text()
            cursor = QTextCursor(self.body_edit.document())
            cursor.setPosition(utf16(text, end))
            self.body_edit.setTextCursor(cursor)
            self.body_edit.ensureCursorVisible()

    def _render_highlights(self) -> None:
        text = self.text()
        selections = []
        for f in self._findings:
            if f.target != "text" or not f.span or f.span[1] > len(text):
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(theme.tint(str(f.severity)))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(theme.color(str(f.severity)))
            if f is self._selected:
                fmt.setProperty(QTextFormat.Property.FontWeight, 700)
                fmt.setBackground(theme.color(str(f.severity)).lighter(160))
            fmt.setToolTip(f.message)
            sel.format = fmt
            cursor = QTextCursor(self.body_edit.document())
            cursor.setPosition(utf16(text, f.span[0]))
            cursor.setPosition(utf16(text, f.span[1]), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.body_edit.setExtraSelections(selections)
        title_findings = [f for f in self._findings if f.target == "title"]
        if title_findings:
            worst = min(title_findings, key=lambda f: f.severity.rank)
            self.title_edit.setStyleSheet(
                f"QLineEdit {{ border: 2px solid {theme.color(str(worst.severity)).name()}; }}"
            )
            self.title_edit.setToolTip("\n".join(f.message for f in title_findings))
        else:
            self.title_edit.setStyleSheet("")
            self.title_edit.setToolTip("")

    def highlighted_spans(self) -> list[tuple[int, int]]:
        """(start, end) in Qt positions of the current evidence highlights (for tests)."""
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.body_edit.extraSelections()
        ]

    # ------------------------------------------------------------------ misc
    def _on_change(self) -> None:
        self._update_count()
        if self._findings:
            self._findings, self._selected = (), None
            self._render_highlights()  # stale offsets would mark the wrong words
        if not self.signalsBlocked():
            self.changed.emit()

    def _update_count(self) -> None:
        self.count.setText(t("gui.editor.count", title=len(self.title()), body=len(self.text())))

    def retranslate(self) -> None:
        self.title_label.setText(t("gui.editor.title"))
        self.body_label.setText(t("gui.editor.body"))
        self.title_edit.setPlaceholderText(t("gui.editor.title_placeholder"))
        self.body_edit.setPlaceholderText(t("gui.editor.body_placeholder"))
        self.title_edit.setAccessibleName(t("gui.editor.title"))
        self.body_edit.setAccessibleName(t("gui.editor.body"))
        self.count.setAccessibleName(t("gui.editor.count_name"))
        self._update_count()
