"""What the frozen folder leaves out of PyInstaller's collection (used by preflight.spec).

PyInstaller's Qt hooks collect every plugin of the Qt modules in use, and each plugin's libraries:
the GTK theme plugin alone brings GTK, cairo, pango and atk; the EGLFS/KMS device integrations,
evdev input, QML tooling and SQL drivers serve kiosk and embedded set-ups, never this desktop app.
`wanted` decides per destination path; `orphans` then finds the libraries that only a dropped
plugin needed, following link-time dependencies, so they go too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePath

KEEP_PLATFORMS = ("offscreen", "minimal", "xcb", "wayland", "wayland-egl", "cocoa", "windows")
DROP_DIRS = (
    "qmltooling",
    "sqldrivers",
    "egldeviceintegrations",
    "designer",
    "networkinformation",
    "tls",
    "generic",
)
DROP_PLUGINS = ("libqgtk3.so",)
DROP_LIBS = ("Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6VirtualKeyboard", "Qt6Designer", "Qt6EglFS", "Qt6EglFsKms")
QT_TRANSLATIONS = re.compile(r"(qt|qtbase)_(zh_CN|zh_TW|en)\.qm")  # Qt's own dialogs, in our languages

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, typecode)


def wanted(dest: str) -> bool:
    """Whether a collected file (by its destination path inside the bundle) is kept."""
    parts = PurePath(dest.replace("\\", "/")).parts
    name = parts[-1]
    if "plugins" in parts:
        i = parts.index("plugins")
        kind = parts[i + 1] if len(parts) > i + 2 else ""
        if kind in DROP_DIRS or name in DROP_PLUGINS:
            return False
        if kind == "platforms":
            stem = name.split(".")[0].removeprefix("lib").removeprefix("q")
            return stem in KEEP_PLATFORMS
    if "translations" in parts and name.endswith(".qm"):
        return QT_TRANSLATIONS.fullmatch(name) is not None
    if any(name.startswith(lib) or name.startswith("lib" + lib) for lib in DROP_LIBS):
        return False
    if "opencc" in parts and any(p in parts for p in ("bin", "include", "lib64", "lib")):
        return False  # OpenCC's command-line tools, headers and static libraries
    return not name.endswith((".rlib", ".d", ".pyi"))


def orphans(
    kept: Iterable[Entry], dropped: Iterable[Entry], needs: Callable[[str], Iterable[str]]
) -> set[str]:
    """Names of kept libraries that only dropped files needed.

    `needs(source_path)` lists the library names a binary links to (DT_NEEDED; PyInstaller's
    bindepend.get_imports). Python extension modules are never orphans (Python imports them), nor is
    libpython (the bootloader loads it).
    """
    kept = list(kept)
    by_name = {PurePath(d).name: src for d, src, kind in kept if kind != "SYMLINK"}

    def deps(src: str) -> list[str]:
        try:
            return [PurePath(n).name for n in needs(src)]
        except Exception:
            return []

    def reach(starts: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(starts)
        while todo:
            name = todo.pop()
            if name in seen or name not in by_name:
                continue
            seen.add(name)
            todo += deps(by_name[name])
        return seen

    from_dropped = [n for _, src, kind in dropped if kind != "SYMLINK" for n in deps(src)]
    extensions = {PurePath(d).name for d, _, kind in kept if kind == "EXTENSION"}
    candidates = reach(from_dropped) - extensions
    still_needed = reach(n for n in by_name if n not in candidates)
    return {n for n in candidates - still_needed if not n.startswith("libpython")}
