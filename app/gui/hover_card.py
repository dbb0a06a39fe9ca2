"""The card shown when the pointer rests on a highlighted word: the finding's message and its fix
buttons, right where the problem is (the list on the right stays the overview).

It is a tool-tip-like window that stays while the pointer travels from the word onto it, and
hides shortly after the pointer leaves both.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui import theme
from app.gui.findings_view import button_kind, headline
from app.gui.texts import t
from checks.model import Finding

HIDE_MS = 500


class HoverCard(QFrame):
    fix_requested = Signal(object, object)  # Finding, Fix

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMaximumWidth(420)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(8, 6, 8, 6)
        self.lay.addWidget(self.message)
        self.buttons: list[QPushButton] = []
        self.finding: Finding | None = None
        self.hide_timer = QTimer(self, singleShot=True, interval=HIDE_MS)
        self.hide_timer.timeout.connect(self.hide)

    def show_for(self, finding: Finding | None, where: QPoint) -> None:
        if finding is None:
            if self.isVisible() and not self.hide_timer.isActive():
                self.hide_timer.start()
            return
        self.hide_timer.stop()
        if finding is self.finding and self.isVisible():
            return
        self.finding = finding
        for b in self.buttons:
            b.deleteLater()
        self.buttons = []
        self.setStyleSheet(theme.button_css())
        colour = theme.color(str(finding.severity)).name()
        self.message.setText(
            f"<span style='color:{colour}'><b>{t(f'severity.{finding.severity}')}</b></span> {headline(finding)}"
        )
        for fix in finding.fixes:
            kind = button_kind(fix)
            b = QPushButton(f"{theme.BUTTON_MARKS[kind]} {fix.title}")
            b.setObjectName(kind)
            b.setToolTip(t(f"gui.fix.kind_{kind}"))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the caret stays in the text
            b.clicked.connect(lambda _=False, fd=finding, fx=fix: self._clicked(fd, fx))
            self.lay.addWidget(b)
            self.buttons.append(b)
        self.adjustSize()
        self.move(where + QPoint(12, 16))
        self.show()

    def _clicked(self, finding: Finding, fix: object) -> None:
        self.hide()
        self.fix_requested.emit(finding, fix)

    def enterEvent(self, event: QEnterEvent) -> None:
        self.hide_timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: object) -> None:
        self.hide_timer.start()
        super().leaveEvent(event)  # type: ignore[arg-type]
