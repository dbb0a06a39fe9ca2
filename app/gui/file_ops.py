"""Opening, saving, recent drafts, media lists and crash recovery for the main window (a mixin).

The decisions live in `checks.session.DraftSession` (only drafts open; nothing is saved over a
file that is not a draft); this mixin asks for file names and shows the one-line reasons.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui import autosave, services
from app.gui.texts import t
from checks.draft import DraftError
from checks.session import DraftSession, DraftState, NotADraftError

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow as _Base
else:
    _Base = object

MEDIA_FILTER = "*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.tif *.tiff *.mp4 *.mov *.m4v *.3gp"


def open_error(exc: DraftError, path: Path) -> str:
    """The loader's reason in the UI language where we know it (not a draft, open elsewhere)."""
    if isinstance(exc, NotADraftError):
        return t("gui.error.not_a_draft", path=str(path))
    return str(exc)


class FileOps(_Base):
    # ------------------------------------------------------------------ drafts
    def new_draft(self) -> None:
        if not self.confirm_discard():
            return
        self.set_session(DraftSession.new(self.settings.platform, self.profile))

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        start = str(self.session.path.parent) if self.session.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, t("gui.action.open"), start, t("gui.file.filter_draft"))
        if name:
            self.open_path(Path(name), confirmed=True)

    def open_path(self, path: Path, *, confirmed: bool = False) -> bool:
        """Open a draft; anything that is not a draft is refused with the reason (nothing changes)."""
        if not confirmed and not self.confirm_discard():
            return False
        try:
            session = DraftSession.open(path, self.profile)
        except DraftError as exc:
            QMessageBox.warning(
                self, t("gui.error.open_title"), t("gui.error.open", error=open_error(exc, path))
            )
            return False
        if session.path != self.session.path and autosave.held_elsewhere(session.path):
            QMessageBox.warning(
                self, t("gui.error.open_title"), t("gui.error.open_elsewhere", path=str(path))
            )
            return False
        self.set_session(session)
        self.settings.add_recent(str(path))
        self.save_settings()
        return True

    def set_session(self, session: DraftSession, *, dirty: bool = False) -> None:
        if session.path != self.session.path:
            autosave.release(self.session.path)
        autosave.clear(self.session.path)  # saved or discarded: confirm_discard asked
        self.session = session
        autosave.acquire(session.path)
        self.editor.set_content(session.state.title, session.state.text)
        session.dirty = dirty
        if not dirty:
            self.autosave_timer.stop()
        self.update_title()
        self.rebuild_recent_menu()
        self.show_state()
        self.schedule_check(immediate=True)

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        start = str(self.session.path) if self.session.path else str(Path.home() / t("gui.file.default_name"))
        name, _ = QFileDialog.getSaveFileName(
            self, t("gui.action.save_as"), start, t("gui.file.filter_draft")
        )
        if not name:
            return False
        target = Path(name) if name.lower().endswith(".toml") else Path(name + ".toml")
        return self.save_to(target)

    def save_to(self, target: Path) -> bool:
        old = self.session.path
        try:
            self.session.save(target)
        except NotADraftError:
            QMessageBox.warning(
                self, t("gui.error.save_title"), t("gui.error.not_overwritten", path=str(target))
            )
            return False
        except OSError as exc:
            QMessageBox.warning(
                self,
                t("gui.error.save_title"),
                t("gui.error.save", path=str(target), error=exc.strerror or str(exc)),
            )
            return False
        self.autosave_timer.stop()
        autosave.clear(old)
        if old != self.session.path:
            autosave.release(old)
            autosave.acquire(self.session.path)
        self.settings.add_recent(str(target))
        self.save_settings()
        self.rebuild_recent_menu()
        self.update_title()
        self.status_label.setText(t("gui.status.saved", path=str(target)))
        return True

    def confirm_discard(self) -> bool:
        """True when it is fine to replace the current draft (saved, or the user chose)."""
        if not self.session.dirty:
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
        start = str(self.session.path.parent) if self.session.path else str(Path.home())
        names, _ = QFileDialog.getOpenFileNames(
            self, t("gui.action.add_media"), start, f"{t('gui.file.filter_media')} ({MEDIA_FILTER})"
        )
        if names:
            self.add_media_paths(names)

    def add_media_paths(self, paths: list[str]) -> None:
        """Files and folders (their media inside) join the draft; duplicates are skipped."""
        files = services.expand_media(paths)
        s = self.session
        known = {s.media_path(i).resolve() for i in range(len(s.state.media))}
        media = list(s.state.media)
        base = s.path.parent if s.path else None
        for f in files:
            real = f.resolve()
            if real in known:
                continue
            known.add(real)
            if base is not None and real.is_relative_to(base):
                media.append(real.relative_to(base).as_posix())  # as a creator would write it
            else:
                media.append(str(real))
        added = len(media) - len(s.state.media)
        if added:
            s.change(t("gui.undo.add_media"), media=tuple(media))
            self.media_changed()
        self.status_label.setText(t("gui.status.added", n=added))

    def remove_media(self, index: int) -> None:
        media = list(self.session.state.media)
        if 0 <= index < len(media):
            del media[index]
            self.session.change(t("gui.undo.remove_media"), media=tuple(media))
            self.media_changed()

    # ------------------------------------------------------------------ crash recovery
    def autosave_now(self) -> None:
        if not self.session.dirty:
            return
        try:
            autosave.write(self.session.draft(), self.session.path)
        except OSError as exc:
            self.status_label.setText(t("gui.error.autosave", error=exc.strerror or str(exc)))

    def offer_restore(self) -> bool:
        """On start: bring back an autosave newer than its draft — unless a running window owns it."""
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
        autosave.clear(key=found.key)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        d = found.draft
        state = DraftState(
            d.title,
            d.text,
            d.platform,
            tuple(d.declarations),
            tuple(d.media),
            d.publish_at,
            d.account,
            None,
            True,
        )
        self.set_session(DraftSession(state, path=found.source, profile=self.profile), dirty=True)
        self.autosave_timer.start()
        return True
