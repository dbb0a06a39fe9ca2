"""Screenshots of the desktop app's main flows, as a creator sees them (window frame and title bar included).

    Xvfb :55 -screen 0 1920x1080x24 &  DISPLAY=:55 openbox &
    DISPLAY=:55 python docs/screenshots/make_screenshots.py [--draft examples/draft.toml] [--only findings-zh]

Writes `<flow>-<lang>-<size>-<theme>.png` into this folder for every flow — empty draft, the example
draft with its findings, the clause dialog, settings, the rule packs page, "Fix all safe" with its
results sheet, and the draft after it — in Chinese and English, with the window at 1024×700 and
maximised on a 1920×1080 screen, in the light and the dark palette. Pictures are taken from the
screen (QScreen.grabWindow of the root window), so the window manager's title bar shows what the
title really reads; a window manager (openbox) must run, else there is no frame and sizes are not real.

Everything runs in a fresh user folder (PREFLIGHT_HOME in a temp dir): nothing of the real user's
is read or changed, media copies from the fixes go to a temp folder, the example media are never
written. PNGs are palette-quantised to stay small.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {"1024x700": (1024, 700), "1920x1080": None}  # None: maximised on the 1920×1080 screen
FLOWS = ("empty", "findings", "clause", "settings", "packs", "fix-results", "after-fix-all")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draft", default=str(ROOT / "examples" / "draft.toml"))
    parser.add_argument("--out", default=str(HERE))
    parser.add_argument("--only", default="", help="make only names starting with this (e.g. 'clause-zh')")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("make_screenshots: set DISPLAY to an X server with a window manager (see the docstring)")
        return 2
    home = tempfile.mkdtemp(prefix="preflight-shots-")
    os.environ["PREFLIGHT_HOME"] = home
    os.environ.setdefault("PREFLIGHT_OCR", "0")  # the pictures do not depend on OCR; keeps the run short
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication, QWidget

    from app.gui import none_guard, theme
    from app.gui.main_window import MainWindow
    from checks.settings import Settings, data_dir

    app = QApplication([sys.argv[0]])
    none_guard.install(app)
    app.setApplicationName("Preflight")
    app.setWindowIcon(theme.icon("app"))
    theme.install_fonts(app)

    def pump(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            none_guard.top_up()
            time.sleep(0.01)

    def settle(w: MainWindow) -> None:
        end = time.monotonic() + 90
        while (not w.settled() or w.media.thumbing) and time.monotonic() < end:
            app.processEvents()
            none_guard.top_up()
            time.sleep(0.02)
        pump(0.5)

    def wanted(name: str) -> bool:
        return name.startswith(args.only)

    def save(widgets: list[QWidget], name: str) -> None:
        """The screen area covering the frames of `widgets` (a dialog over its window)."""
        from PIL import Image

        pump(0.3)
        area = QRect()
        for widget in widgets:
            area = area.united(widget.frameGeometry())
        screen = app.primaryScreen()
        area = area.intersected(screen.geometry())
        file = out / f"{name}.png"
        screen.grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(str(file))
        Image.open(file).convert("RGB").quantize(colors=224, dither=Image.Dither.NONE).save(file, optimize=True)
        print(f"{file.name}  {area.width()}×{area.height()}  {file.stat().st_size // 1024} KB", flush=True)

    def window(lang: str, size: tuple[int, int] | None, draft: str | None) -> MainWindow:
        (data_dir() / "window.ini").unlink(missing_ok=True)  # each picture starts from the first-run layout
        w = MainWindow(Settings(lang=lang, platform="douyin", output_dir=str(Path(home) / "out")))
        if size is None:
            w.showMaximized()
        else:
            w.resize(*size)
            w.move(40, 30)
            w.show()
        pump(0.6)
        if draft:
            w.open_path(Path(draft))
        settle(w)
        if w.report and w.report.findings:
            w.findings_view.select_finding(0)
        pump()
        return w

    def close(w: MainWindow) -> None:
        w.session.dirty = False
        w.close()
        w.deleteLater()
        pump(0.2)

    def over(w: MainWindow, dialog: QWidget) -> QWidget:
        dialog.show()
        pump(0.2)
        frame = w.frameGeometry()
        dialog.move(
            frame.x() + max(0, (frame.width() - dialog.frameGeometry().width()) // 2),
            frame.y() + max(0, (frame.height() - dialog.frameGeometry().height()) // 3),
        )
        pump(0.4)
        return dialog

    from app.gui.clause_dialog import ClauseDialog
    from app.gui.settings_dialog import SettingsDialog

    install_example_pack(Path(home))

    light = app.palette()
    for palette in ("light", "dark"):
        if palette == "dark":
            theme.apply_dark_palette(app)
        else:
            app.setPalette(light)
        for lang in ("zh", "en"):
            for size_name, size in SIZES.items():
                tag = f"{lang}-{size_name}-{palette}"
                if not any(wanted(f"{flow}-{tag}") for flow in FLOWS):
                    continue
                if wanted(f"empty-{tag}"):
                    w = window(lang, size, None)
                    save([w], f"empty-{tag}")
                    close(w)
                w = window(lang, size, args.draft)
                if wanted(f"findings-{tag}"):
                    save([w], f"findings-{tag}")
                if wanted(f"clause-{tag}"):
                    clause = w.report.findings[0].clause if w.report and w.report.findings else "N2023-3b"
                    d = over(w, ClauseDialog(clause, w))
                    save([w, d], f"clause-{tag}")
                    d.close()
                for flow, tab in (("settings", 0), ("packs", 1)):
                    if wanted(f"{flow}-{tag}"):
                        s = SettingsDialog(w.settings, w)
                        s.tabs.setCurrentIndex(tab)
                        over(w, s)
                        save([w, s], f"{flow}-{tag}")
                        s.close()
                if wanted(f"fix-results-{tag}") or wanted(f"after-fix-all-{tag}"):
                    w.actions_by_key["gui.action.fix_all"].trigger()
                    settle(w)
                    sheet = w.results_sheet
                    if sheet is not None:
                        over(w, sheet)
                        if wanted(f"fix-results-{tag}"):
                            save([w, sheet], f"fix-results-{tag}")
                        sheet.close()
                        pump()
                    settle(w)
                    if wanted(f"after-fix-all-{tag}"):
                        save([w], f"after-fix-all-{tag}")
                close(w)
    return 0


def install_example_pack(home: Path) -> None:
    """A signed copy of examples/packs/agency-ads from a trusted test key, so the packs page shows a real row."""
    import shutil

    from checks.packs import signing, store, trust

    folder = home / "agency-ads"
    shutil.copytree(ROOT / "examples" / "packs" / "agency-ads", folder)
    private, public, _ = signing.generate_keypair(home / "keys" / "agency.pem")
    trust.add_key(public, "星河文化传媒")
    signing.sign_pack(folder, signing.load_private_key(private))
    store.install(folder)


if __name__ == "__main__":
    sys.exit(main())
