"""Publish checklist: the verdict, and the exact declarations to tick on the chosen platform.

The wording and the menu path come from `checks.platforms` (the same table the CLI uses); which
declarations are required comes from the findings' `declare` fixes. Ticking a box records the
declaration in the draft, and the engine re-checks it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui import theme
from app.gui.texts import lang, t
from checks.model import DECLARATIONS, PLATFORMS, Report
from checks.session import VerdictView

if TYPE_CHECKING:
    from checks.fixes.publish_checklist import ChecklistEntry


class Checklist(QWidget):
    platform_changed = Signal(str)
    declarations_changed = Signal(tuple)
    export_html = Signal()
    export_pdf = Signal()
    content_changed = Signal()  # rows were added or removed: the window gives the list its room again

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setMargin(10)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.platform = QComboBox()
        self.platform.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.platform.setMinimumContentsLength(6)
        self.platform_label = QLabel()
        self.platform_label.setBuddy(self.platform)
        self.menu_hint = QLabel()
        self.menu_hint.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        self.box_area = QGridLayout()
        self.box_area.setHorizontalSpacing(16)
        self.box_area.setVerticalSpacing(2)
        self.html_button = QPushButton()
        self.pdf_button = QPushButton()
        self.html_button.setObjectName("explains")
        self.pdf_button.setObjectName("explains")
        top = QHBoxLayout()
        top.addWidget(self.platform_label)
        top.addWidget(self.platform, 1)
        top.addWidget(self.html_button)
        top.addWidget(self.pdf_button)
        # The window puts `verdict` above the scrolling part, so it is never scrolled away.
        self.header = QWidget()
        hl = QVBoxLayout(self.header)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.verdict)
        hl.addLayout(top)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 0, 6, 6)
        lay.addWidget(self.menu_hint)
        lay.addLayout(self.box_area)
        lay.addStretch(1)
        self._platform = "generic"
        self._declared: tuple[str, ...] = ()
        self._report: Report | None = None
        self._pending = True
        self._verdict: VerdictView | None = None
        self.show_irrelevant = False
        self._platform_of_report: str | None = None
        self.platform.currentIndexChanged.connect(self._on_platform)
        self.html_button.clicked.connect(self.export_html)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.retranslate()

    def set_state(
        self,
        platform: str,
        declared: tuple[str, ...],
        report: Report | None,
        pending: bool,
        verdict: VerdictView | None = None,
    ) -> None:
        self._platform, self._declared, self._pending = platform, declared, pending
        if report is not None or platform != self._platform_of_report:
            self._report = report  # while a re-check runs, the groups of the last check stay
            self._platform_of_report = platform if report is not None else None
        self._verdict = verdict
        self._render()

    def entries(self) -> list[ChecklistEntry]:
        """The platform's declarations in three groups: the engine's one computation, which the
        HTML/PDF reports print too (checks.fixes.publish_checklist.checklist_entries)."""
        from checks.fixes.publish_checklist import checklist_entries

        return checklist_entries(self._platform, self._declared, self._report, lang())

    def _render(self) -> None:
        from checks.fixes.publish_checklist import GROUP_TITLES
        from checks.platforms import confirmed, declaration_menu

        self.platform.blockSignals(True)
        self.platform.setCurrentIndex(
            max(0, PLATFORMS.index(self._platform) if self._platform in PLATFORMS else 0)
        )
        self.platform.blockSignals(False)
        while self.box_area.count():
            item = self.box_area.takeAt(0)
            if item.widget():
                item.widget().hide()
                item.widget().deleteLater()
        self.boxes = {}
        self.reasons: dict[str, QLabel] = {}
        self.group_labels: dict[str, QLabel] = {}
        entries = self.entries()
        row = 0
        css = theme.checkbox_css()
        for group in ("must", "recommended", "not_relevant"):
            members = [e for e in entries if e.group == group]
            if not members:
                continue
            head = QLabel(f"{t(GROUP_TITLES[group])} ({len(members)})")
            colour = {"must": theme.color("error"), "recommended": theme.color("info")}.get(group)
            head.setStyleSheet(f"font-weight:bold; margin-top:6px; {f'color:{colour.name()};' if colour else ''}")
            self.box_area.addWidget(head, row, 0, 1, 2)
            self.group_labels[group] = head
            row += 1
            if group == "not_relevant" and not self.show_irrelevant:
                more = QPushButton(t("gui.checklist.show_all", n=len(members)))
                more.setObjectName("explains")
                more.setFlat(True)
                more.clicked.connect(self._expand)
                self.box_area.addWidget(more, row, 0, 1, 2)
                self.expand_button = more
                row += 1
                continue
            for e in members:
                box = QCheckBox(f"「{e.label}」" if e.has_toggle else e.label)
                box.setChecked(e.declaration in self._declared)
                box.setAccessibleName(e.label)
                box.setStyleSheet(css)
                if group == "must" and e.declaration not in self._declared:
                    box.setStyleSheet(css + f"QCheckBox {{ color: {theme.color('error').name()}; font-weight: bold }}")
                box.toggled.connect(self._on_toggle)
                self.box_area.addWidget(box, row, 0, 1, 2)
                self.boxes[e.declaration] = box
                row += 1
                if e.reason:
                    why = QLabel(e.reason)
                    why.setWordWrap(True)
                    why.setIndent(26)
                    why.setStyleSheet("color: palette(placeholder-text)")
                    box.setAccessibleDescription(e.reason)
                    self.box_area.addWidget(why, row, 0, 1, 2)
                    self.reasons[e.declaration] = why
                    row += 1
        menu = declaration_menu(self._platform, lang())
        if self.boxes or self.group_labels:
            hint = t("gui.checklist.where", menu=menu) if menu else t("gui.checklist.where_generic")
            if not confirmed(self._platform):
                hint += "\n" + t("gui.checklist.unconfirmed")
            self.menu_hint.setText(hint)
        else:
            self.menu_hint.setText(t("gui.checklist.no_toggles"))
        self._render_verdict()
        self.content_changed.emit()

    def _expand(self) -> None:
        self.show_irrelevant = True
        self._render()

    def _render_verdict(self) -> None:
        v = self._verdict
        if v is None or v.state in ("checking", "empty"):
            text = v.headline if v is not None else t("gui.checklist.checking")
            self.verdict.setText(f"<span style='font-size:large'><b>{html.escape(text)}</b></span>")
            self.verdict.setStyleSheet("")
            self.verdict.setAccessibleName(text)
            return
        colour = {"clean": "ready"}.get(v.state, v.state)
        fg, bg = theme.color(colour).name(), theme.tint(colour).name(theme.QColor.NameFormat.HexArgb)
        self.verdict.setStyleSheet(f"background:{bg}; border:1px solid {fg}; border-radius:6px")
        self.verdict.setText(
            f"<span style='color:{fg};font-size:large'><b>{html.escape(v.headline)}</b></span>"
            f"<br>{html.escape(v.detail)}"
        )
        self.verdict.setAccessibleName(v.headline)

    def _on_toggle(self) -> None:
        declared = tuple(d for d in DECLARATIONS if d in self.boxes and self.boxes[d].isChecked())
        kept = tuple(d for d in self._declared if d not in self.boxes)  # declared, hidden on this platform
        self._declared = tuple(d for d in DECLARATIONS if d in declared or d in kept)
        self.declarations_changed.emit(self._declared)

    def _on_platform(self, index: int) -> None:
        if 0 <= index < len(PLATFORMS):
            self._platform = PLATFORMS[index]
            self.platform_changed.emit(self._platform)
            self._render()

    def retranslate(self) -> None:
        from checks.platforms import platform_name

        self.platform.blockSignals(True)
        self.platform.clear()
        for p in PLATFORMS:
            self.platform.addItem(
                platform_name(p, lang()) if p != "generic" else t("gui.platform.generic"), p
            )
        self.platform.blockSignals(False)
        self.platform_label.setText(t("gui.checklist.platform"))
        self.platform.setAccessibleName(t("gui.checklist.platform"))
        self.html_button.setText(t("gui.checklist.export_html"))
        self.pdf_button.setText(t("gui.checklist.export_pdf"))
        self._render()
