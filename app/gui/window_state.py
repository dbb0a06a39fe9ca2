"""Window-level behaviour of the main window (a mixin): geometry restore, palette changes,
closing cleanly, and files dropped anywhere on the window.

Geometry goes to an INI file in the app's data folder (QSettings is used for geometry only; the
user's settings stay in checks.settings).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QThreadPool
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

from checks.settings import data_dir

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow as _Base
else:
    _Base = object


class WindowState(_Base):
    def _window_settings(self) -> QSettings:
        return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        qs = self._window_settings()
        geometry, state = qs.value("geometry"), qs.value("state")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 860)
            self.splitter.setSizes([620, 740])
            self.right_splitter.setSizes([390, 470])
            self.left_splitter.setSizes([330, self.account_panel.sizeHint().height(), 300])
        if state is not None:
            self.restoreState(state)
        splitter = qs.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_geometry(self) -> None:
        qs = self._window_settings()
        qs.setValue("geometry", self.saveGeometry())
        qs.setValue("state", self.saveState())
        qs.setValue("splitter", self.splitter.saveState())
        qs.sync()

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's light/dark switch: colours are derived from the palette when drawn."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            if hasattr(self, "checklist"):
                self.render_report()
                self.refresh_media()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.save_geometry()
        from app.gui import autosave

        autosave.clear(self.session.path)
        autosave.release(self.session.path)
        self.debounce.stop()
        self.autosave_timer.stop()
        for pool in (self.media.thumb_pool, QThreadPool.globalInstance()):
            pool.clear()  # queued jobs of this window need not start
            pool.waitForDone(3000)
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.handle_dropped([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def handle_dropped(self, paths: list[str]) -> None:
        """A dropped draft file opens; photos, videos and folders join the draft's media."""
        if len(paths) == 1 and paths[0].lower().endswith(".toml"):
            self.open_path(Path(paths[0]))
        elif paths:
            self.add_media_paths(paths)
