"""Findings grouped by severity; the selected one's clause, reason, evidence and fix buttons.

The view renders `Report.findings` as the engine produced them; it asks the window to apply a fix
or open a clause through signals and never interprets a rule itself.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui import theme
from app.gui.texts import t
from checks.model import Finding, FixKind, Severity

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def rule_why(rule_id: str) -> str:
    from checks.rules import get_rule

    rule = get_rule(rule_id)
    return t(rule.doc.why) if rule else ""


def target_label(target: str) -> str:
    if target.startswith("media:"):
        return t("gui.findings.target_media", n=int(target.split(":")[1]) + 1)
    return t(f"gui.findings.target_{target}")


def finding_html(f: Finding) -> str:
    from checks.clauses import clause_summary

    e = html.escape
    sev = str(f.severity)
    parts = [
        f"<p style='color:{theme.color(sev).name()}'><b>{e(t(f'severity.{sev}'))}</b> · {e(target_label(f.target))}</p>",
        f"<p style='font-size:large'>{e(f.message)}</p>",
    ]
    if f.evidence:
        parts.append(f"<p><b>{e(t('gui.findings.evidence'))}</b> {e(f.evidence)}</p>")
    if f.note:
        parts.append(f"<p><b>{e(t('gui.findings.note'))}</b> {e(f.note)}</p>")
    why = rule_why(f.rule)
    if why and "待补充" not in why and "to be written" not in why:
        parts.append(f"<p><b>{e(t('gui.findings.why'))}</b> {e(why)}</p>")
    summary = clause_summary(f.clause, theme_lang())
    parts.append(
        f"<p><b>{e(t('gui.findings.clause'))}</b> <a href='clause:{e(f.clause)}'>{e(f.clause)}</a> {e(summary)}</p>"
    )
    parts.append(f"<p style='color:gray'>{e(f.rule)}</p>")
    return "".join(parts)


def theme_lang() -> str:
    from app.gui.texts import lang

    return lang()


class FindingsView(QWidget):
    finding_selected = Signal(object)  # Finding | None
    fix_requested = Signal(object, object)  # Finding, Fix
    clause_requested = Signal(str)
    copy_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._on_anchor)
        self.fix_box = QWidget()
        self.fix_layout = QVBoxLayout(self.fix_box)
        self.fix_layout.setSpacing(2)
        self.fix_layout.setContentsMargins(0, 0, 0, 0)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.detail, 1)
        bl.addWidget(self.fix_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.findings: tuple[Finding, ...] = ()
        self._empty_text = ""
        self.fix_buttons: list[QPushButton] = []
        self.tree.currentItemChanged.connect(self._on_current)
        self.retranslate()

    def set_findings(self, findings: Sequence[Finding], *, pending: bool = False) -> None:
        """Show a new result, keeping the selection on the same rule+target when it still exists."""
        current = self.current()
        keep = (current.rule, current.target) if current else None
        self.findings = tuple(findings)
        self.tree.blockSignals(True)
        self.tree.clear()
        reselect = None
        for sev in SEVERITIES:
            group = [f for f in self.findings if f.severity == sev]
            if not group:
                continue
            head = QTreeWidgetItem([f"{t(f'severity.{sev}')} ({len(group)})"])
            head.setIcon(0, theme.icon(f"severity-{sev}"))
            head.setForeground(0, theme.color(str(sev)))
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for f in group:
                item = QTreeWidgetItem([f.message])
                item.setToolTip(0, f.message)
                item.setData(0, Qt.ItemDataRole.UserRole, self.findings.index(f))
                head.addChild(item)
                if keep == (f.rule, f.target) and reselect is None:
                    reselect = item
            head.setExpanded(True)
        if not self.findings:
            text = t("gui.findings.none_pending") if pending else (self._empty_text or t("gui.findings.none"))
            empty = QTreeWidgetItem([text])
            empty.setIcon(0, theme.icon("verdict-ready") if not pending else theme.icon("severity-info"))
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
        self.tree.blockSignals(False)
        if reselect is not None:
            self.tree.setCurrentItem(reselect)
        else:
            self._show(None)

    def set_empty_text(self, text: str) -> None:
        """What an empty list says (the session's scoped verdict, never a bare "no problems")."""
        if text != self._empty_text:
            self._empty_text = text
            if not self.findings and self.tree.topLevelItemCount() == 1:
                item = self.tree.topLevelItem(0)
                if item.data(0, Qt.ItemDataRole.UserRole) is None and item.text(0) != t("gui.findings.none_pending"):
                    item.setText(0, text)

    def show_error(self, message: str) -> None:
        self.set_findings(())
        self.tree.clear()
        item = QTreeWidgetItem([message])
        item.setIcon(0, theme.icon("severity-error"))
        item.setToolTip(0, message)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(item)
        self.detail.setPlainText(message)

    def current(self) -> Finding | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = item.data(0, Qt.ItemDataRole.UserRole)
        return self.findings[index] if isinstance(index, int) and index < len(self.findings) else None

    def select_finding(self, index: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            for j in range(head.childCount()):
                if head.child(j).data(0, Qt.ItemDataRole.UserRole) == index:
                    self.tree.setCurrentItem(head.child(j))
                    return

    def _on_current(self, *_: object) -> None:
        f = self.current()
        self._show(f)
        self.finding_selected.emit(f)

    def _show(self, f: Finding | None) -> None:
        if any(b.hasFocus() for b in self.fix_buttons):
            # A clicked fix button is about to go: keep focus here, or Qt would hand it to the next
            # widget in the chain — the title field, which selects all its text on focus.
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        for b in self.fix_buttons:
            b.hide()
            b.deleteLater()
        self.fix_buttons = []
        while self.fix_layout.count():
            self.fix_layout.takeAt(0)
        if f is None:
            self.detail.setHtml(f"<p style='color:gray'>{html.escape(t('gui.findings.hint'))}</p>")
            return
        self.detail.setHtml(finding_html(f))
        for fix in f.fixes:
            b = QPushButton(fix.title)
            b.setStyleSheet("text-align: left; padding: 3px 8px")
            b.setToolTip(t(f"gui.fix.applicability_{fix.applicability}"))
            b.setAccessibleName(fix.title)
            b.setAccessibleDescription(t(f"gui.fix.applicability_{fix.applicability}"))
            b.clicked.connect(lambda _=False, fx=fix, fd=f: self.fix_requested.emit(fd, fx))
            self.fix_layout.addWidget(b)
            self.fix_buttons.append(b)
            if fix.kind == FixKind.INSERT_TEXT and fix.payload.get("text"):
                c = QPushButton(t("gui.fix.copy"))
                c.setStyleSheet("text-align: left; padding: 3px 8px")
                c.setToolTip(str(fix.payload["text"]))
                c.setAccessibleName(t("gui.fix.copy"))
                c.clicked.connect(
                    lambda _=False, text=str(fix.payload["text"]): self.copy_requested.emit(text)
                )
                self.fix_layout.addWidget(c)
                self.fix_buttons.append(c)

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("clause:"):
            self.clause_requested.emit(text.split(":", 1)[1])

    def retranslate(self) -> None:
        self.tree.setAccessibleName(t("gui.findings.list"))
        self.detail.setAccessibleName(t("gui.findings.detail"))
        self.set_findings(self.findings)
