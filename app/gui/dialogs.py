"""The window's secondary screens and exports (a mixin): profile, settings, clause text, HTML/PDF.

Features whose engine piece has not landed are disabled with a tooltip saying so, instead of
failing when clicked.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui import services
from app.gui.texts import apply_qt_translation, set_lang, t
from checks.draft import DraftError, atomic_write

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow as _Base
else:
    _Base = object


def render_html_fn():
    return services.optional("checks.report.html", "render_html")


# One family for the whole PDF, chosen for text that survives copy and search: Qt embeds Noto/Source
# Han Sans CJK (CFF collections) with a reverse character map that turns 长 into the radical ⻓ and
# drops digits shaped by the font, so fonts with plain TrueType outlines come first.
PDF_FAMILIES = (
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
)


def pdf_family() -> str | None:
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    return next((f for f in PDF_FAMILIES if f in installed), None)


def pdf_html(html: str) -> str:
    """The report page with its font list replaced by the one PDF family (when one is installed)."""
    family = pdf_family()
    families = services.optional("checks.report.html", "FONT_FAMILIES")
    if family and families:
        html = html.replace(families, f'"{family}"', 1)
    return html


class Dialogs(_Base):
    def load_profile(self) -> None:
        from checks.settings import load_profile

        try:
            self.profile = load_profile()
        except DraftError as exc:
            self.profile = None
            self.status_label.setText(t("gui.error.profile", error=str(exc)))

    def edit_profile(self) -> None:
        from app.gui.profile_dialog import ProfileDialog
        from checks.settings import save_profile

        dialog = ProfileDialog(self.profile, self)
        if not dialog.exec():
            return
        try:
            save_profile(dialog.account())
        except OSError as exc:
            QMessageBox.warning(
                self, t("gui.error.save_title"), t("gui.error.profile", error=exc.strerror or str(exc))
            )
            return
        self.profile = dialog.account()
        s = self.session
        if not s.state.own_account:  # this draft is checked with the profile: follow it
            from dataclasses import replace

            s.state = replace(s.state, account=self.profile)
            s.profile = self.profile
            self.show_state()
        self.schedule_check(immediate=True)

    def save_default_profile(self) -> None:
        """The draft's account becomes the default new drafts start with."""
        from checks.settings import save_profile

        account = self.session.state.account
        try:
            save_profile(account)
        except OSError as exc:
            QMessageBox.warning(
                self, t("gui.error.save_title"), t("gui.error.profile", error=exc.strerror or str(exc))
            )
            return
        self.profile = account
        self.status_label.setText(t("gui.status.profile_saved", name=account.name or "—"))

    def edit_settings(self) -> None:
        from app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if not dialog.exec():
            if dialog.packs_changed:
                self.packs = None
                self.schedule_check(immediate=True)
            return
        dialog.apply(self.settings)
        self.save_settings()
        self.apply_language(self.settings.lang)
        self.packs = None
        self.schedule_check(immediate=True)

    def apply_language(self, lang: str) -> None:
        """Switch every visible string, and re-check so the engine's messages follow."""
        apply_qt_translation(set_lang(lang))
        self.session.report = None
        self.retranslate()
        self.schedule_check(immediate=True)

    def show_clause(self, clause_id: str) -> None:
        from app.gui.clause_dialog import ClauseDialog

        ClauseDialog(clause_id, self).exec()

    def update_feature_availability(self) -> None:
        html = services.available("checks.report.html")
        missing = {
            "gui.action.export_html": not html,
            "gui.action.export_pdf": not html,
            "gui.action.export_media": not services.available("checks.fixes.media_export"),
        }
        for key, absent in missing.items():
            act = self.actions_by_key[key]
            act.setEnabled(not absent)
            act.setToolTip(t("gui.status.not_available") if absent else t(key))
        for key, button in (
            ("gui.action.export_html", self.checklist.html_button),
            ("gui.action.export_pdf", self.checklist.pdf_button),
        ):
            button.setEnabled(not missing[key])
            button.setToolTip(t("gui.status.not_available") if missing[key] else "")

    # ------------------------------------------------------------------ report exports
    def _report_html(self) -> str | None:
        render = render_html_fn()
        if render is None or self.report is None:
            self.status_label.setText(t("gui.status.no_report"))
            return None
        return render(self.report)

    def _ask_target(self, suffix: str, filt: str) -> Path | None:
        title = t("gui.action.export_pdf" if suffix == ".pdf" else "gui.action.export_html")
        base = (
            self.session.path.with_suffix(suffix).name if self.session.path else f"preflight-report{suffix}"
        )
        folder = (
            Path(self.settings.output_dir)
            if self.settings.output_dir
            else (self.session.path.parent if self.session.path else Path.home())
        )
        name, _ = QFileDialog.getSaveFileName(self, title, str(folder / base), filt)
        return Path(name) if name else None

    def export_html(self, target: Path | None = None) -> Path | None:
        html = self._report_html()
        if html is None:
            return None
        target = target or self._ask_target(".html", "HTML (*.html)")
        if target is None:
            return None
        try:
            atomic_write(target, html)
        except OSError as exc:
            return self._export_failed(target, exc)
        return self._exported(target)

    def export_pdf(self, target: Path | None = None) -> Path | None:
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

        html = self._report_html()
        if html is None:
            return None
        target = target or self._ask_target(".pdf", "PDF (*.pdf)")
        if target is None:
            return None
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(96)  # the report's CSS sizes are in screen pixels
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.PageSizeId.A4),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(15, 15, 15, 15),
                )
            )
            writer.setTitle(t("gui.window.app"))
            doc = QTextDocument()
            doc.setDefaultFont(self.font())
            doc.setHtml(pdf_html(html))
            doc.print_(writer)
            del writer
            tmp.replace(target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)  # never leave half a PDF behind
            return self._export_failed(target, exc)
        return self._exported(target)

    def _export_failed(self, target: Path, exc: OSError) -> None:
        QMessageBox.warning(
            self,
            t("gui.error.save_title"),
            t("gui.error.save", path=str(target), error=exc.strerror or str(exc)),
        )

    def _exported(self, target: Path) -> Path:
        self.status_label.setText(t("gui.status.exported", path=str(target)))
        return target
