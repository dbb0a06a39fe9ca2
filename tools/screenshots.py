"""Screenshots of the desktop app's main states, for the README and for looking at the UI.

    xvfb-run -a python tools/screenshots.py [--draft examples/draft.toml] [--out docs/screenshots]

Opens the draft in a fresh user folder (PREFLIGHT_HOME in a temp dir, so nothing of the real
user's is read or changed), waits for each check to finish and saves, in both languages, at
1024×700 and 1920×1080, light and dark: the findings, the empty draft, "Fix all safe" with its
results sheet; then the profile and settings dialogs and the clause text. Run it under Xvfb with a
window manager (openbox) so window sizes are real. Media copies from the fixes go to a temp folder; the example media are never written.
PNGs are palette-quantised to stay small.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draft", default=str(ROOT / "examples" / "draft.toml"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="preflight-shots-")
    os.environ["PREFLIGHT_HOME"] = home
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication, QWidget

    from app.gui import theme
    from app.gui.main_window import MainWindow
    from checks.model import Account, Credential
    from checks.settings import Settings, save_profile

    app = QApplication(sys.argv[:1])
    from app.gui import none_guard

    none_guard.install(app)
    theme.install_fonts(app)

    def pump(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            none_guard.top_up()
            time.sleep(0.01)

    def settle(w: MainWindow) -> None:
        end = time.monotonic() + 60
        while (not w.settled() or w.media.thumbing) and time.monotonic() < end:
            app.processEvents()
            none_guard.top_up()
            time.sleep(0.02)
        pump(0.3)

    def save(widget: QWidget, name: str) -> None:
        from PIL import Image

        file = out / f"{name}.png"
        widget.grab().save(str(file))
        Image.open(file).convert("RGB").quantize(colors=192, dither=Image.Dither.NONE).save(
            file, optimize=True
        )
        print(f"{file}  {file.stat().st_size // 1024} KB")

    sizes = {"1024x700": (1024, 700), "1920x1080": (1920, 1080)}

    def window(lang: str, size: tuple[int, int], draft: str | None = args.draft) -> MainWindow:
        w = MainWindow(Settings(lang=lang, output_dir=str(Path(home) / "out")))
        w.resize(*size)
        w.show()
        if draft:
            w.open_path(Path(draft))
        settle(w)
        if w.report and w.report.findings:
            w.findings_view.select_finding(0)
        pump()
        return w

    def close(w: MainWindow) -> None:
        w.dirty = False
        w.close()
        pump(0.1)

    light = app.palette()
    for palette in ("light", "dark"):
        if palette == "dark":
            theme.apply_dark_palette(app)
        else:
            app.setPalette(light)
        for lang in ("zh", "en"):
            for size_name, size in sizes.items():
                tag = f"{lang}-{size_name}-{palette}"
                w = window(lang, size)
                save(w, f"findings-{tag}")
                if size_name == "1024x700":
                    w.fix_all_safe()
                    settle(w)
                    if w.results_sheet is not None:
                        save(w.results_sheet, f"fix-results-{lang}-{palette}")
                        w.results_sheet.close()
                    save(w, f"after-fix-all-{tag}")
                close(w)
                if size_name == "1024x700":
                    w = window(lang, size, None)
                    save(w, f"empty-{tag}")
                    close(w)
    app.setPalette(light)
    w = window("zh", sizes["1024x700"])

    save_profile(
        Account(
            name="西湖边的小王",
            bio="记录杭州的日常",
            mcn="星河文化传媒",
            mcn_displayed=True,
            credentials=(Credential("health", "执业医师", None, True),),
        )
    )
    w.load_profile()
    from app.gui.clause_dialog import ClauseDialog
    from app.gui.profile_dialog import ProfileDialog
    from app.gui.settings_dialog import SettingsDialog
    from app.gui.texts import set_lang

    set_lang("zh")
    for name, dialog in (
        ("profile-zh", ProfileDialog(w.profile, w)),
        (
            "settings-zh",
            SettingsDialog(Settings(lang="zh", platform="douyin", output_dir="~/视频/发布前已修复"), w),
        ),
        ("clause-zh", ClauseDialog("N2023-3b", w)),
    ):
        dialog.show()
        pump()
        save(dialog, name)
        dialog.close()
    packs = SettingsDialog(w.settings, w)
    packs.tabs.setCurrentIndex(1)
    packs.show()
    pump()
    save(packs, "packs-zh")
    packs.close()
    w.dirty = False
    w.close()

    close(w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
