"""Publish checklist: the verdict, and the exact declarations to tick on the chosen platform.

The wording and the menu path come from `checks.platforms` (the same table the CLI uses); which
declarations are required comes from the findings' `declare` fixes. Ticking a box records the
declaration in the draft, and the engine re-checks it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
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


def required_declarations(report: Report | None) -> set[str]:
    """Declarations some finding asks for (the engine's publish checklist)."""
    if report is None:
        return set()
    from checks.fixes.declarations import checklist

    return {item.declaration for item in checklist(report) if item.required}


class Checklist(QWidget):
    platform_changed = Signal(str)
    declarations_changed = Signal(tuple)
    export_html = Signal()
    export_pdf = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setMargin(10)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.platform = QComboBox()
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
        form = QFormLayout()
        form.addRow(self.platform_label, self.platform)
        exports = QHBoxLayout()
        exports.addWidget(self.html_button)
        exports.addWidget(self.pdf_button)
        exports.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.verdict)
        lay.addLayout(form)
        lay.addWidget(self.menu_hint)
        lay.addLayout(self.box_area)
        lay.addStretch(1)
        lay.addLayout(exports)
        self._platform = "generic"
        self._declared: tuple[str, ...] = ()
        self._report: Report | None = None
        self._pending = True
        self._verdict: VerdictView | None = None
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
        self._platform, self._declared, self._report, self._pending = platform, declared, report, pending
        self._verdict = verdict
        self._render()

    def _render(self) -> None:
        from checks.platforms import confirmed, declaration_menu, wording

        self.platform.blockSignals(True)
        self.platform.setCurrentIndex(
            max(0, PLATFORMS.index(self._platform) if self._platform in PLATFORMS else 0)
        )
        self.platform.blockSignals(False)
        required = required_declarations(self._report)
        while self.box_area.count():
            item = self.box_area.takeAt(0)
            if item.widget():
                item.widget().hide()
                item.widget().deleteLater()
        self.boxes = {}
        shown = 0
        for dec in DECLARATIONS:
            words = wording(self._platform, dec)
            if words is None and dec not in required and dec not in self._declared:
                continue
            label = words or t(f"gui.declaration.{dec}")
            box = QCheckBox(f"「{label}」" if words else label)
            box.setChecked(dec in self._declared)
            box.setAccessibleName(label)
            if dec in required and dec not in self._declared:
                box.setText(box.text() + "  " + t("gui.checklist.required"))
                box.setStyleSheet(f"color: {theme.color('error').name()}; font-weight: bold")
            box.toggled.connect(self._on_toggle)
            self.box_area.addWidget(box, shown // 2, shown % 2)
            self.boxes[dec] = box
            shown += 1
        menu = declaration_menu(self._platform, lang())
        if shown:
            hint = t("gui.checklist.where", menu=menu) if menu else t("gui.checklist.where_generic")
            if not confirmed(self._platform):
                hint += "\n" + t("gui.checklist.unconfirmed")
            self.menu_hint.setText(hint)
        else:
            self.menu_hint.setText(t("gui.checklist.no_toggles"))
        self._render_verdict()

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
