"""Applying fixes from the window (a mixin): one click per fix, "Fix all safe", undo/redo.

What to apply and what to hold back is decided by the engine's one planner
(`checks.fixes.planner`, shared with `preflight fix`); `DraftSession.apply` makes every fix —
text, declaration, account, media copies, Fix all — one undo step. This mixin only asks for the
output folder once (then remembers it), shows one results sheet and pushes the new state into
the widgets.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui.texts import lang, t
from checks.fixes.planner import FixPlan, plan_fixes
from checks.model import Finding, Fix, FixKind
from checks.session import ApplyResult

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow as _Base
else:
    _Base = object


class Fixing(_Base):
    def apply_fix(self, finding: Finding, fix: Fix) -> None:
        """The user clicked this very fix: apply it even if it needs confirmation (that click is it)."""
        if fix.kind == FixKind.MANUAL and finding.target == "account" and fix is finding.fixes[0]:
            # "Choose a new account name": the account is edited in this window, so go there.
            evidence = (finding.evidence or "").lower()
            self.account_panel.focus_field("bio" if "简介" in evidence or "bio" in evidence else "name")
            self.status_label.setText(fix.title)
            return
        if fix.kind == FixKind.MANUAL:
            steps = fix.payload.get("steps") or [fix.title]
            QMessageBox.information(self, fix.title, "\n".join(f"• {s}" for s in steps))
            return
        if fix.kind == FixKind.EDIT_ACCOUNT and fix.payload.get("field") == "credentials":
            self.account_panel.edit_credentials()
            return
        plan = plan_fixes([replace(finding, fixes=(fix,))], unsafe=True)
        result = self.apply_plan(plan, fix.title)
        if result.done:
            self.status_label.setText(t("gui.status.fixed", title=fix.title))
        elif result.skipped:
            self.status_label.setText(t("gui.status.not_fixed", reason=result.skipped[0].reason))

    def apply_batch(self, findings: list[Finding], label: str) -> None:
        """One rule's fixes for every file it fired on ("15 AI images → export all"): one undo step."""
        plan = plan_fixes(findings, unsafe=True)
        self.show_results(self.apply_plan(plan, label))

    def fix_all_safe(self) -> None:
        if self.session.report is None:
            self.status_label.setText(t("gui.status.no_report"))
            return
        plan = self.session.plan()
        if not plan.chosen and not plan.held:
            self.status_label.setText(t("gui.status.nothing_to_fix"))
            return
        result = self.apply_plan(plan, t("gui.action.fix_all"))
        self.show_results(result)

    def export_all_media(self) -> None:
        """Labelled/stripped copies for every media fix the planner allows (unsafe ones too: asked for)."""
        if self.session.report is None:
            return
        full = self.session.plan(unsafe=True)
        media = tuple(p for p in full.chosen if p.edit.kind in (FixKind.EXPORT_MEDIA, FixKind.STRIP_GPS))
        held = tuple(h for h in full.held if h.fix.kind in (FixKind.EXPORT_MEDIA, FixKind.STRIP_GPS))
        if not media and not held:
            self.status_label.setText(t("gui.status.nothing_to_fix"))
            return
        self.show_results(self.apply_plan(FixPlan(media, held), t("gui.action.export_media")))

    def apply_plan(self, plan: FixPlan, label: str) -> ApplyResult:
        result = self.session.apply(plan, label, out_dir=self.output_dir, lang=lang())
        if result.changed:
            self.sync_from_session()
        return result

    def show_results(self, result: ApplyResult) -> None:
        from app.gui.results_sheet import ResultsSheet

        if self.results_sheet is not None:
            self.results_sheet.close()
        self.results_sheet = ResultsSheet(result, self.output_folder_shown(), self)
        self.results_sheet.undo_requested.connect(self.undo_fix)
        self.results_sheet.show()
        self.status_label.setText(t("gui.status.fixed_all", n=len(result.done), skipped=len(result.skipped)))

    def output_folder_shown(self) -> str:
        return self.settings.output_dir or self.settings.last_output_dir or ""

    def output_dir(self) -> Path | None:
        """The folder for media copies: the setting, else the one chosen last time, else ask once."""
        for value in (self.settings.output_dir, self.settings.last_output_dir):
            if value:
                return Path(value)
        start = str(self.session.path.parent) if self.session.path else str(Path.home())
        name = QFileDialog.getExistingDirectory(self, t("gui.fix.choose_folder"), start)
        if not name:
            return None
        self.settings.last_output_dir = name
        self.save_settings()
        return Path(name)

    def undo_fix(self) -> None:
        label = self.session.undo()
        if label is None:
            self.status_label.setText(t("gui.status.nothing_to_undo"))
            return
        self.sync_from_session()
        self.status_label.setText(t("gui.status.undone", title=label))

    def redo_fix(self) -> None:
        label = self.session.redo()
        if label is not None:
            self.sync_from_session()
            self.status_label.setText(t("gui.status.redone", title=label))

    def copy_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.status_label.setText(t("gui.status.copied", label=text))
