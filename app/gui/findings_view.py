"""Findings grouped by severity and rule; the selected one's reason, clause and fix buttons.

One row per rule with a count (77 files no longer give 58 rows): a rule that fired once shows its
message, a rule that fired many times shows its plain-language title, folds its findings beneath
and offers a batch action ("Apply to all 15"). Technical evidence (chunk names, prompts, EXIF tags)
is folded behind "Details". Buttons look like what they do: apply an edit, copy a label, or
explain a step only the creator can take. The view renders `Report.findings` as the engine
produced them and asks the window to act through signals; it never interprets a rule itself.
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
from app.gui.texts import lang, t
from checks.model import Applicability, Finding, Fix, FixKind, Severity

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
INDEX = Qt.ItemDataRole.UserRole
RULE = Qt.ItemDataRole.UserRole + 1


def rule_why(rule_id: str) -> str:
    from checks.rules import get_rule

    rule = get_rule(rule_id)
    return t(rule.doc.why) if rule else ""


def rule_title(rule_id: str) -> str:
    from checks.fixes.planner import rule_name

    return rule_name(rule_id, lang())


def headline(f: Finding) -> str:
    """The message in plain words (the same words the HTML/PDF reports print)."""
    from checks.report.plain import headline as plain_headline

    return plain_headline(f.message, f.evidence)


def button_kind(fix: Fix) -> str:
    """applies (changes the draft or writes a copy) | explains (only the creator can do it)."""
    if fix.kind == FixKind.MANUAL or fix.applicability == Applicability.DISPLAY_ONLY:
        return "explains"
    return "applies"


def target_label(target: str) -> str:
    if target.startswith("media:"):
        return t("gui.findings.target_media", n=int(target.split(":")[1]) + 1)
    return t(f"gui.findings.target_{target}")


def finding_html(f: Finding, details_open: bool = False) -> str:
    from checks.clauses import SUMMARY_LABEL, clause_summary

    e = html.escape
    sev = str(f.severity)
    parts = [
        f"<p style='color:{theme.color(sev).name()}'><b>{e(t(f'severity.{sev}'))}</b> · "
        f"{e(target_label(f.target))} · {e(rule_title(f.rule))}</p>",
        f"<p style='font-size:large'>{e(headline(f))}</p>",
    ]
    why = rule_why(f.rule)
    if why and "待补充" not in why and "to be written" not in why:
        parts.append(f"<p><b>{e(t('gui.findings.why'))}</b> {e(why)}</p>")
    summary = clause_summary(f.clause, lang())
    parts.append(
        f"<p><b>{e(t('gui.findings.clause'))}</b> <a href='clause:{e(f.clause)}'>{e(f.clause)}</a> {e(summary)}"
        f" <span style='color:gray'>· {e(t(SUMMARY_LABEL))}</span></p>"
    )
    if f.note:
        parts.append(f"<p><b>{e(t('gui.findings.note'))}</b> {e(f.note)}</p>")
    if f.evidence:
        arrow = "▾" if details_open else "▸"
        parts.append(f"<p><a href='details:'>{arrow} {e(t('gui.findings.details'))}</a></p>")
        if details_open:
            parts.append(
                f"<p style='color:gray'><b>{e(t('gui.findings.evidence'))}</b> {e(f.evidence)}</p>"
            )
    return "".join(parts)


def group_html(findings: Sequence[Finding]) -> str:
    e = html.escape
    first = findings[0]
    sev = str(first.severity)
    items = "".join(f"<li>{e(target_label(f.target))}: {e(headline(f))}</li>" for f in findings[:30])
    more = f"<li>… {len(findings) - 30}</li>" if len(findings) > 30 else ""
    why = rule_why(first.rule)
    return (
        f"<p style='color:{theme.color(sev).name()}'><b>{e(t(f'severity.{sev}'))}</b></p>"
        f"<p style='font-size:large'>{e(rule_title(first.rule))} ({len(findings)})</p>"
        + (f"<p><b>{e(t('gui.findings.why'))}</b> {e(why)}</p>" if why else "")
        + f"<ul>{items}{more}</ul>"
    )


class FindingsView(QWidget):
    finding_selected = Signal(object)  # Finding | None
    fix_requested = Signal(object, object)  # Finding, Fix
    batch_requested = Signal(object, str)  # [Finding], label
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
        self.fix_box.setStyleSheet(theme.button_css())
        self.fix_layout = QVBoxLayout(self.fix_box)
        self.fix_layout.setSpacing(3)
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
        self._empty_ready = False  # a green tick only for a checked, clean draft — never for an empty one
        self._details_open = False
        self.fix_buttons: list[QPushButton] = []
        self.tree.currentItemChanged.connect(self._on_current)
        self.retranslate()

    # ------------------------------------------------------------------ the list
    def set_findings(self, findings: Sequence[Finding], *, pending: bool = False) -> None:
        """Show a new result, keeping the selection on the same rule (+target) when it still exists."""
        current, group = self.current(), self.current_group()
        keep = (current.rule, current.target) if current else None
        keep_rule = group[0].rule if group else None
        self.findings = tuple(findings)
        self.tree.blockSignals(True)
        self.tree.clear()
        reselect = None
        for sev in SEVERITIES:
            of_sev = [f for f in self.findings if f.severity == sev]
            if not of_sev:
                continue
            head = QTreeWidgetItem([f"{t(f'severity.{sev}')} ({len(of_sev)})"])
            head.setIcon(0, theme.icon(f"severity-{sev}"))
            head.setForeground(0, theme.color(str(sev)))
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for rule in dict.fromkeys(f.rule for f in of_sev):
                members = [f for f in of_sev if f.rule == rule]
                parent = head
                if len(members) > 1:
                    parent = QTreeWidgetItem([f"{rule_title(rule)} ({len(members)})"])
                    parent.setData(0, RULE, rule)
                    parent.setToolTip(0, rule_title(rule))
                    head.addChild(parent)
                    if keep_rule == rule and reselect is None:
                        reselect = parent
                for f in members:
                    text = headline(f)
                    item = QTreeWidgetItem([text])
                    item.setToolTip(0, text)
                    item.setData(0, INDEX, self.findings.index(f))
                    parent.addChild(item)
                    if keep == (f.rule, f.target) and reselect is None:
                        reselect = item
            head.setExpanded(True)
        if not self.findings:
            text = t("gui.findings.none_pending") if pending else (self._empty_text or t("gui.findings.none"))
            empty = QTreeWidgetItem([text])
            ready = self._empty_ready and not pending
            empty.setIcon(0, theme.icon("verdict-ready") if ready else theme.icon("severity-info"))
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
        self.tree.blockSignals(False)
        if reselect is not None:
            self.tree.setCurrentItem(reselect)
        else:
            self._show(None)

    def set_empty_text(self, text: str, ready: bool = False) -> None:
        """What an empty list says (the session's scoped verdict, never a bare "no problems");
        `ready` (the draft was checked and is clean) earns the green tick."""
        if (text, ready) != (self._empty_text, self._empty_ready):
            self._empty_text, self._empty_ready = text, ready
            if not self.findings and self.tree.topLevelItemCount() == 1:
                item = self.tree.topLevelItem(0)
                if item.data(0, INDEX) is None and item.text(0) != t("gui.findings.none_pending"):
                    item.setText(0, text)
                    item.setIcon(0, theme.icon("verdict-ready" if ready else "severity-info"))

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
        index = item.data(0, INDEX)
        return self.findings[index] if isinstance(index, int) and index < len(self.findings) else None

    def current_group(self) -> list[Finding]:
        item = self.tree.currentItem()
        rule = item.data(0, RULE) if item is not None else None
        return [self.findings[item.child(i).data(0, INDEX)] for i in range(item.childCount())] if rule else []

    def rows(self) -> list[str]:
        """The visible row texts under the severity heads (one per rule or per single finding)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            out.extend(head.child(j).text(0) for j in range(head.childCount()))
        return out

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[0:0] = [item.child(j) for j in range(item.childCount())]
        return out

    def select_finding(self, index: int) -> None:
        for item in self._items():
            if item.data(0, INDEX) == index:
                if item.parent() is not None:
                    item.parent().setExpanded(True)
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    def select_rule(self, rule: str) -> None:
        for item in self._items():
            if item.data(0, RULE) == rule:
                self.tree.setCurrentItem(item)
                return

    def _on_current(self, *_: object) -> None:
        f = self.current()
        self._details_open = False
        self._show(f)
        self.finding_selected.emit(f)

    # ------------------------------------------------------------------ details and buttons
    def _clear_buttons(self) -> None:
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

    def _button(self, text: str, kind: str, tip: str) -> QPushButton:
        b = QPushButton(f"{theme.BUTTON_MARKS[kind]} {text}")
        b.setObjectName(kind)
        b.setToolTip(tip)
        b.setAccessibleName(text)
        b.setAccessibleDescription(tip)
        self.fix_layout.addWidget(b)
        self.fix_buttons.append(b)
        return b

    def _show(self, f: Finding | None) -> None:
        self._clear_buttons()
        group = self.current_group()
        if group:
            self.detail.setHtml(group_html(group))
            self._batch_buttons(group)
            return
        if f is None:
            self.detail.setHtml(f"<p style='color:gray'>{html.escape(t('gui.findings.hint'))}</p>")
            return
        self.detail.setHtml(finding_html(f, self._details_open))
        for fix in f.fixes:
            kind = button_kind(fix)
            b = self._button(fix.title, kind, t(f"gui.fix.kind_{kind}"))
            b.clicked.connect(lambda _=False, fx=fix, fd=f: self.fix_requested.emit(fd, fx))
            if fix.kind == FixKind.INSERT_TEXT and fix.payload.get("text"):
                label = str(fix.payload["text"])
                c = self._button(t("gui.fix.copy"), "copies", t("gui.fix.kind_copies") + "\n" + label)
                c.clicked.connect(lambda _=False, text=label: self.copy_requested.emit(text))

    def _batch_buttons(self, group: list[Finding]) -> None:
        from checks.fixes.planner import plan_fixes

        plan = plan_fixes(group, unsafe=True)
        titles = list(dict.fromkeys(p.fix.title for p in plan.chosen))
        if plan.chosen:
            label = t("gui.findings.batch", n=len(group), title=titles[0] if len(titles) == 1 else rule_title(group[0].rule))
            b = self._button(label, "applies", t("gui.fix.kind_applies"))
            b.clicked.connect(lambda _=False, fs=list(group), lb=label: self.batch_requested.emit(fs, lb))

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("clause:"):
            self.clause_requested.emit(text.split(":", 1)[1])
        elif text.startswith("details:"):
            self._details_open = not self._details_open
            f = self.current()
            if f is not None:
                self.detail.setHtml(finding_html(f, self._details_open))

    def retranslate(self) -> None:
        self.tree.setAccessibleName(t("gui.findings.list"))
        self.detail.setAccessibleName(t("gui.findings.detail"))
        self.set_findings(self.findings)
