"""The bundle keeps what Preflight uses on each OS and drops kiosk/embedded Qt pieces and their libraries."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("preflight_installer_prune", ROOT / "installer" / "prune.py")
assert spec and spec.loader
prune = importlib.util.module_from_spec(spec)
spec.loader.exec_module(prune)

PLUGINS = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    "dest",
    [
        f"{PLUGINS}/platforms/libqxcb.so",
        f"{PLUGINS}/platforms/libqwayland.so",
        f"{PLUGINS}/platforms/libqoffscreen.so",
        f"{PLUGINS}/platforms/libqcocoa.dylib",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        f"{PLUGINS}/imageformats/libqsvg.so",
        f"{PLUGINS}/iconengines/libqsvgicon.so",
        f"{PLUGINS}/platformthemes/libqxdgdesktopportal.so",
        f"{PLUGINS}/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qt_en.qm",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "c2pa/libs/libc2pa_c.so",
        "av.libs/libavcodec-5e6b81c2.so.62.28.102",
        "opencc/clib/share/opencc/t2s.json",
        "resources/packs/core/pack.toml",
    ],
)
def test_kept(dest: str) -> None:
    assert prune.wanted(dest)


@pytest.mark.parametrize(
    "dest",
    [
        f"{PLUGINS}/platforms/libqeglfs.so",
        f"{PLUGINS}/platforms/libqvnc.so",
        f"{PLUGINS}/platforms/libqlinuxfb.so",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
        f"{PLUGINS}/platformthemes/libqgtk3.so",
        f"{PLUGINS}/egldeviceintegrations/libqeglfs-kms-integration.so",
        f"{PLUGINS}/generic/libqevdevmouseplugin.so",
        f"{PLUGINS}/sqldrivers/libqsqlite.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_help_zh_CN.qm",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
        "Qt6Qml.dll",
        "opencc/clib/bin/opencc",
        "opencc/clib/include/opencc/opencc.h",
        "c2pa/libs/libc2pa_c.rlib",
        "PySide6/QtCore.pyi",
    ],
)
def test_dropped(dest: str) -> None:
    assert not prune.wanted(dest)


def test_orphans_are_only_libraries_nothing_kept_needs() -> None:
    links = {
        "/src/libqgtk3.so": ["libgtk-3.so.0", "libglib-2.0.so.0"],
        "/src/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
        "/src/libcairo.so.2": [],
        "/src/libglib-2.0.so.0": [],
        "/src/libQt6Gui.so.6": ["libglib-2.0.so.0"],
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/_cairo_ext.so": ["libcairo.so.2"],
    }
    kept = [
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
    ]
    dropped = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY")]
    assert prune.orphans(kept, dropped, lambda src: links[src]) == {"libgtk-3.so.0", "libcairo.so.2"}
    # a kept extension that links cairo keeps it
    kept.append(("_cairo_ext.so", "/src/_cairo_ext.so", "EXTENSION"))
    assert prune.orphans(kept, dropped, lambda src: links[src]) == {"libgtk-3.so.0"}
