"""Opening, saving, recent drafts, media lists and crash recovery for the main window (a mixin).

Every write is atomic (checks.draft.save_draft); a failed open or save is a dialog with the
reason and leaves what the user typed untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui import autosave, services
from app.gui.document import Document
from app.gui.texts import t
from checks.draft import DraftError, load_draft, save_draft

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow as _Base
else:
    _Base = object

MEDIA_FILTER = "*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.tif *.tiff *.mp4 *.mov *.m4v *.3gp"


class FileOps(_Base):
    # ------------------------------------------------------------------ drafts
    def new_draft(self) -> None:
        if not self.confirm_discard():
            return
        self.set_document(Document(platform=self.settings.platform), "", "")

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        start = str(self.doc.path.parent) if self.doc.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, t("gui.action.open"), start, t("gui.file.filter_draft"))
        if name:
            self.open_path(Path(name), confirmed=True)

    def open_path(self, path: Path, *, confirmed: bool = False) -> bool:
        if not confirmed and not self.confirm_discard():
            return False
        try:
            draft = load_draft(path)
        except DraftError as exc:
            QMessageBox.warning(self, t("gui.error.open_title"), t("gui.error.open", error=str(exc)))
            return False
        self.set_document(Document.from_draft(draft), draft.title, draft.text)
        self.settings.add_recent(str(path))
        self.save_settings()
        return True

    def set_document(self, doc: Document, title: str, text: str, *, dirty: bool = False) -> None:
        self.doc = doc
        self.report = None
        self.editor.set_content(title, text)
        self.dirty = dirty
        if not dirty:
            self.autosave_timer.stop()
        self.update_title()
        self.rebuild_recent_menu()
        self.refresh_media()
        self.schedule_check(immediate=True)

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        start = str(self.doc.path) if self.doc.path else str(Path.home() / t("gui.file.default_name"))
        name, _ = QFileDialog.getSaveFileName(
            self, t("gui.action.save_as"), start, t("gui.file.filter_draft")
        )
        if not name:
            return False
        target = Path(name) if name.lower().endswith(".toml") else Path(name + ".toml")
        return self.save_to(target)

    def save_to(self, target: Path) -> bool:
        draft = self.doc.for_saving(self.editor.title(), self.editor.text(), target)
        try:
            save_draft(draft, target, inline_account=self.doc.account_ref is None)
        except OSError as exc:
            QMessageBox.warning(
                self,
                t("gui.error.save_title"),
                t("gui.error.save", path=str(target), error=exc.strerror or str(exc)),
            )
            return False
        self.doc.path = target.resolve()
        self.doc.media = list(draft.media)
        self.dirty = False
        self.autosave_timer.stop()
        autosave.clear()
        self.settings.add_recent(str(target))
        self.save_settings()
        self.rebuild_recent_menu()
        self.update_title()
        self.status_label.setText(t("gui.status.saved", path=str(target)))
        return True

    def confirm_discard(self) -> bool:
        """True when it is fine to replace the current draft (saved, or the user chose)."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            t("gui.confirm.title"),
            t("gui.confirm.unsaved"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:
            self.status_label.setText(t("gui.error.settings", error=exc.strerror or str(exc)))

    def rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in self.settings.recent:
            act = self.recent_menu.addAction(entry)
            act.triggered.connect(lambda _=False, p=entry: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent))

    # ------------------------------------------------------------------ media list
    def add_media_dialog(self) -> None:
        start = str(self.doc.path.parent) if self.doc.path else str(Path.home())
        names, _ = QFileDialog.getOpenFileNames(
            self, t("gui.action.add_media"), start, f"{t('gui.file.filter_media')} ({MEDIA_FILTER})"
        )
        if names:
            self.add_media_paths(names)

    def add_media_paths(self, paths: list[str]) -> None:
        """Files and folders (their media inside) join the draft; duplicates are skipped."""
        files = services.expand_media(paths)
        known = {self.doc.media_path(i).resolve() for i in range(len(self.doc.media))}
        added = 0
        base = self.doc.path.parent if self.doc.path else None
        for f in files:
            real = f.resolve()
            if real in known:
                continue
            known.add(real)
            added += 1
            if base is not None and real.is_relative_to(base):
                self.doc.media.append(real.relative_to(base).as_posix())  # as a creator would write it
            else:
                self.doc.media.append(str(real))
        if added:
            self.media_changed()
        self.status_label.setText(t("gui.status.added", n=added))

    def remove_media(self, index: int) -> None:
        if 0 <= index < len(self.doc.media):
            del self.doc.media[index]
            self.media_changed()

    # ------------------------------------------------------------------ crash recovery
    def autosave_now(self) -> None:
        if not self.dirty:
            return
        try:
            autosave.write(self.current_draft_own(), self.doc.path)
        except OSError as exc:
            self.status_label.setText(t("gui.error.autosave", error=exc.strerror or str(exc)))

    def current_draft_own(self):
        return self.doc.draft(self.editor.title(), self.editor.text())

    def offer_restore(self) -> bool:
        """On start: bring back an autosave newer than its draft, if the user wants it."""
        found = autosave.pending()
        if found is None:
            return False
        name = str(found.source) if found.source else t("gui.window.untitled")
        answer = QMessageBox.question(
            self,
            t("gui.restore.title"),
            t("gui.restore.ask", name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            autosave.clear()
            return False
        doc = Document.from_draft(found.draft)
        doc.path = found.source
        self.set_document(doc, found.draft.title, found.draft.text, dirty=True)
        self.autosave_timer.start()
        return True
