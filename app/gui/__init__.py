"""The desktop app: `preflight gui [DRAFT]` and the `preflight-gui` launcher call `main`.

Only what the first paint needs is imported here; the engine, media libraries and dialogs load
on first use so the window is interactive quickly.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from app.gui import theme
    from app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "preflight"])
    from app.gui import none_guard

    none_guard.install(app)
    if sys.platform == "win32":
        app.setStyle("Fusion")  # the native Windows style ignores the system's dark mode; Fusion follows it
    app.setApplicationName("Preflight")
    app.setApplicationDisplayName("Preflight")
    app.setWindowIcon(theme.icon("app"))
    theme.install_fonts(app)
    window = MainWindow()
    install_excepthook(window)
    window.show()
    from app.cli import clean_after_crashes

    QTimer.singleShot(0, clean_after_crashes)  # after the first paint: start-up is not slowed
    draft = next((a for a in args if not a.startswith("-")), None)
    if draft:  # after the first paint: the window answers input while the draft loads
        QTimer.singleShot(0, lambda: window.open_path(Path(draft)))
    QTimer.singleShot(0, window.offer_restore)
    code = int(app.exec())
    for pool in (window.media.thumb_pool, QThreadPool.globalInstance()):  # let workers finish first
        pool.clear()
        pool.waitForDone(10000)
    return code


def install_excepthook(window: object) -> None:
    """An unexpected error in a slot becomes a dialog; the draft is autosaved first so nothing typed
    is lost, and the window keeps running."""
    import traceback

    def hook(exc_type, exc, tb) -> None:
        traceback.print_exception(exc_type, exc, tb)
        try:
            from PySide6.QtWidgets import QMessageBox

            from app.gui.texts import t

            window.autosave_now()  # type: ignore[attr-defined]
            QMessageBox.critical(
                window,
                t("gui.error.unexpected_title"),
                t("gui.error.unexpected", error=f"{exc_type.__name__}: {exc}"),
            )
        except Exception:
            traceback.print_exc()

    sys.excepthook = hook
