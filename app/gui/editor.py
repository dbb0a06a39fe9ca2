"""Title and body editor: live character count, evidence highlights, undoable fix edits.

Findings give spans as Python string offsets; Qt counts UTF-16 code units, so offsets are
converted (an emoji before the evidence would otherwise shift every highlight). Fixes are
applied as one minimal replace through the widget's own undo stack, so Ctrl+Z undoes a fix.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from app.gui import theme
from app.gui.texts import t
from checks.model import Finding


def utf16(s: str, index: int) -> int:
    """Qt position of Python offset `index` in `s`."""
    index = max(0, min(index, len(s)))
    return len(s[:index].encode("utf-16-le")) // 2


def py_offset(s: str, qt_pos: int) -> int:
    """Python offset of Qt position `qt_pos` in `s` (inverse of `utf16`)."""
    units = 0
    for i, ch in enumerate(s):
        if units >= qt_pos:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(s)


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


def exec_menu(menu: QMenu, where: QPoint) -> None:
    """Show a context menu modally (one place, so tests can stand in for the user's pick)."""
    menu.exec(where)


class BodyEdit(QPlainTextEdit):
    """The body field; dropped files become media instead of their paths being typed in.

    Highlighted words act where the problem is: hovering one asks for its card (message and fix
    buttons), clicking one selects its finding, right-clicking one offers its fixes first.
    """

    files_dropped = Signal(list)
    hovered = Signal(object, QPoint)  # Finding | None, global position
    finding_clicked = Signal(object)  # Finding
    fix_requested = Signal(object, object)  # Finding, Fix

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.viewport().setMouseTracking(True)
        self.findings: Sequence[Finding] = ()

    def finding_at(self, pos: QPoint) -> Finding | None:
        """The finding whose highlighted span is under viewport position `pos` (shortest first)."""
        text = self.toPlainText()
        cursor = self.cursorForPosition(pos)
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - pos.y()) > rect.height():
            return None  # below the last line
        at = py_offset(text, cursor.position())
        hits = [f for f in self.findings if f.target == "text" and f.span and f.span[0] <= at < f.span[1]]
        return min(hits, key=lambda f: f.span[1] - f.span[0]) if hits else None

    def word_rect(self, finding: Finding) -> QRect:
        """Viewport rectangle of the first character of a finding's span (tests, the hover card)."""
        text = self.toPlainText()
        c = QTextCursor(self.document())
        c.setPosition(utf16(text, finding.span[0] if finding.span else 0))
        left = self.cursorRect(c)
        c.setPosition(utf16(text, (finding.span[0] + 1) if finding.span else 0))
        right = self.cursorRect(c)
        return QRect(left.topLeft(), QPoint(max(right.x(), left.x() + 4), left.bottom()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            pos = event.position().toPoint()
            self.hovered.emit(self.finding_at(pos), self.viewport().mapToGlobal(pos))

    def leaveEvent(self, event: QEvent) -> None:
        self.hovered.emit(None, QPoint())
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            f = self.finding_at(event.position().toPoint())
            if f is not None:
                self.finding_clicked.emit(f)

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard edit menu, with the fixes of the word under `pos` first."""
        menu = self.createStandardContextMenu(pos)
        f = self.finding_at(pos)
        if f is not None and f.fixes:
            first = menu.actions()[0] if menu.actions() else None
            head = QAction(f.message if len(f.message) < 60 else f.message[:58] + "…", menu)
            head.setEnabled(False)
            menu.insertAction(first, head)
            for fix in f.fixes:
                act = QAction(fix.title, menu)
                act.triggered.connect(lambda _=False, fd=f, fx=fix: self.fix_requested.emit(fd, fx))
                menu.insertAction(first, act)
            menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        exec_menu(menu, event.globalPos())
        menu.deleteLater()

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
        self.body_edit.findings = findings
        self._render_highlights()
        if selected is not None and selected.span:
            self.reveal(selected)

    def reveal(self, finding: Finding) -> None:
        if not finding.span:
            return
        end = finding.span[1]
        if finding.target == "title":
            # The title's border marks it; selecting its text would let the next key wipe it.
            self.title_edit.deselect()
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
            self.body_edit.findings = ()
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
