"""Applying fixes from the window (a mixin): one click per fix, and "Fix all safe" (Ctrl+Shift+F).

Text fixes go through the editor's undo stack; declarations tick the checklist; account fixes
change the draft's account (or the profile, when the draft uses it); media fixes write labelled or
GPS-stripped copies into the output folder and the draft then points at the copies, so the
re-check turns green while the originals stay untouched.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui import fix_actions as fx
from app.gui.texts import t
from checks.model import Finding, Fix, FixKind

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow as _Base
else:
    _Base = object


class Fixing(_Base):
    def apply_fix(self, finding: Finding, fix: Fix) -> None:
        if fix.kind == FixKind.MANUAL:
            steps = fix.payload.get("steps") or [fix.title]
            QMessageBox.information(self, fix.title, "\n".join(f"• {s}" for s in steps))
            return
        if fix.kind == FixKind.EDIT_ACCOUNT and fix.payload.get("field") == "credentials":
            self.edit_profile()
            return
        plan = fx.plan_fixes([replace(finding, fixes=(fix,))], only_safe=False)
        if not self.apply_plan(plan):
            return
        self.status_label.setText(t("gui.status.fixed", title=fix.title))

    def fix_all_safe(self) -> None:
        if self.report is None:
            self.status_label.setText(t("gui.status.no_report"))
            return
        plan = fx.plan_fixes(self.report.findings, only_safe=True)
        if not (plan.text or plan.declare or plan.account or plan.media):
            self.status_label.setText(t("gui.status.nothing_to_fix"))
            return
        if self.apply_plan(plan):
            n = len(plan.text) + len(plan.declare) + len(plan.account) + len(plan.media)
            self.status_label.setText(t("gui.status.fixed_all", n=n))

    def report_is_current(self) -> bool:
        """A fix's offsets refer to the checked text; after further typing they may point elsewhere."""
        r = self.report
        return r is not None and (r.draft.title, r.draft.text) == (self.editor.title(), self.editor.text())

    def apply_plan(self, plan: fx.Plan) -> bool:
        changed = False
        if any(f.payload.get("where") == "replace" for f in plan.text) and not self.report_is_current():
            self.status_label.setText(t("gui.status.stale"))
            self.schedule_check(immediate=True)
            return False
        if plan.text:
            before = self.doc.draft(self.editor.title(), self.editor.text())
            after, skipped = fx.apply_text_fixes(before, plan.text)
            if skipped:
                self.status_label.setText(t("gui.status.skipped", n=len(skipped)))
            changed |= self.editor.replace_value("title", after.title)
            changed |= self.editor.replace_value("text", after.text)
        if plan.declare:
            declared = tuple(dict.fromkeys((*self.doc.declarations, *plan.declare)))
            if declared != self.doc.declarations:
                self.doc.declarations = declared
                changed = True
        for fix in plan.account:
            changed |= self._apply_account(fix)
        if plan.media:
            changed |= self._export_media(plan)
        if changed:
            self.mark_dirty()
            self.schedule_check(immediate=True)
        return changed

    def _apply_account(self, fix: Fix) -> bool:
        from checks.settings import save_profile

        if self.doc.has_own_account or self.profile is None:
            new = fx.apply_account_fix(self.doc.account, fix)
            if new is None or new == self.doc.account:
                return False
            self.doc.account = new
            return True
        new = fx.apply_account_fix(self.profile, fix)
        if new is None or new == self.profile:
            return False
        try:
            save_profile(new)
        except OSError as exc:
            QMessageBox.warning(
                self, t("gui.error.save_title"), t("gui.error.profile", error=exc.strerror or str(exc))
            )
            return False
        self.profile = new
        return True

    def output_dir(self) -> Path | None:
        if self.settings.output_dir:
            return Path(self.settings.output_dir)
        start = str(self.doc.path.parent) if self.doc.path else str(Path.home())
        name = QFileDialog.getExistingDirectory(self, t("gui.fix.choose_folder"), start)
        return Path(name) if name else None

    def _export_media(self, plan: fx.Plan) -> bool:
        if fx.export_media_fn() is None:
            self.status_label.setText(t("gui.status.not_available"))
            return False
        out = self.output_dir()
        if out is None:
            return False
        facts = self.report.media if self.report else ()
        written = 0
        for index, media_plan in sorted(plan.media.items()):
            if index >= len(self.doc.media):
                continue
            src = self.doc.media_path(index)
            try:
                fact = facts[index] if index < len(facts) else None
                platform = self.report.draft.platform if self.report else None
                dst = fx.export_copy(src, out, media_plan, fact, platform)
            except Exception as exc:  # an unwritable folder or an unsupported file: say so, keep going
                QMessageBox.warning(
                    self, t("gui.error.export_title"), t("gui.error.export", path=str(src), error=str(exc))
                )
                continue
            self.doc.media[index] = str(dst.resolve())
            written += 1
        if written:
            self.refresh_media()
            self.status_label.setText(t("gui.status.exported", path=str(out)))
        return written > 0

    def export_all_media(self) -> None:
        """Labelled/stripped copies for every media fix, safe or not (the user asked explicitly)."""
        if self.report is None:
            return
        plan = fx.plan_fixes(self.report.findings, only_safe=False)
        media_only = fx.Plan(media=plan.media)
        if not media_only.media:
            self.status_label.setText(t("gui.status.nothing_to_fix"))
            return
        self.apply_plan(media_only)

    def copy_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.status_label.setText(t("gui.status.copied", label=text))
