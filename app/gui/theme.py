"""Look and feel: CJK font fallback, light/dark awareness, severity colours and SVG icons.

Colours are picked from the current palette's lightness so the same code reads well on a light
or a dark system palette; widgets call `is_dark()` each time they render instead of caching it.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette

from checks import resources

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)


def install_fonts(app: QGuiApplication) -> None:
    """Bundled fonts in resources/fonts are registered; a CJK family is added as fallback so
    Chinese never renders as boxes, whatever the platform default font is."""
    folder = resources.path("fonts")
    if folder.is_dir():
        for f in sorted(folder.iterdir()):
            if f.suffix.lower() in (".ttf", ".otf", ".ttc"):
                QFontDatabase.addApplicationFont(str(f))
    available = set(QFontDatabase.families())
    font = QFont(app.font())
    families = [font.family(), *[f for f in CJK_FAMILIES if f in available]]
    font.setFamilies(list(dict.fromkeys(families)))
    app.setFont(font)


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


_SEVERITY = {
    "error": ("#d1242f", "#ff7b72"),
    "warning": ("#9a6700", "#e3b341"),
    "info": ("#0969da", "#79c0ff"),
    "ready": ("#1a7f37", "#56d364"),
    "review": ("#9a6700", "#e3b341"),
    "fix_required": ("#d1242f", "#ff7b72"),
}
_PROVENANCE = {
    "self_shot": "#1a7f37",
    "ai_generated": "#8250df",
    "ai_edited": "#bf3989",
    "edited": "#bc4c00",
    "screenshot": "#0969da",
    "unknown": "#6e7781",
}


def color(name: str) -> QColor:
    """Foreground colour for a severity or verdict name, readable on the current palette."""
    light, dark = _SEVERITY.get(name, ("#6e7781", "#8b949e"))
    return QColor(dark if is_dark() else light)


def tint(name: str) -> QColor:
    """A faint background for a severity (editor highlights, verdict banner)."""
    c = QColor(color(name))
    c.setAlpha(70 if is_dark() else 45)
    return c


BUTTON_MARKS = {"applies": "✎", "copies": "⧉", "explains": "ⓘ"}


def button_css() -> str:
    """Fix buttons by kind: a solid accent for real edits, a dashed outline for copying, flat text
    for advice only — so "Copy label" and "what to do yourself" never look like an edit."""
    dark = is_dark()
    accent = "#2f81f7" if dark else "#0969da"
    muted = "#8b949e" if dark else "#57606a"
    return (
        "QPushButton { text-align: left; padding: 4px 8px; }"
        f"QPushButton#applies {{ border: 1px solid {accent}; border-left: 4px solid {accent};"
        f" border-radius: 4px; font-weight: bold; }}"
        f"QPushButton#copies {{ border: 1px dashed {muted}; border-left: 4px solid {muted}; border-radius: 4px; }}"
        f"QPushButton#explains {{ border: none; color: {muted}; font-style: italic; }}"
        f"QPushButton#explains:hover {{ text-decoration: underline; }}"
    )


def checkbox_css() -> str:
    """Checkbox indicators drawn with an explicit border from the palette's text colour: some
    styles draw the box from the window colour, which all but disappears on a dark palette."""
    pal = QGuiApplication.palette()
    dark = is_dark()
    border = "#8b949e" if dark else "#57606a"
    base = pal.color(QPalette.ColorRole.Base).name()
    on = "#2f81f7" if dark else "#0969da"
    tick = resources.path("icons", "check.svg").as_posix()
    return (
        f"QCheckBox::indicator {{ width: 14px; height: 14px; border: 2px solid {border};"
        f" border-radius: 3px; background: {base}; }}"
        f"QCheckBox::indicator:checked {{ background: {on}; border-color: {on}; image: url({tick}); }}"
        f"QCheckBox::indicator:hover {{ border-color: {on}; }}"
    )


def provenance_color(provenance: str) -> QColor:
    return QColor(_PROVENANCE.get(provenance, "#6e7781"))


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons (crisp at any device pixel ratio); empty if missing."""
    file = resources.path("icons", f"{name}.svg")
    return QIcon(str(file)) if file.exists() else QIcon()


def apply_dark_palette(app: QGuiApplication) -> None:
    """A dark palette (screenshots and tests of dark mode; real systems supply their own)."""
    p = QPalette()
    base, window, text = QColor("#0d1117"), QColor("#161b22"), QColor("#e6edf3")
    for role, value in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#21262d")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor("#1f6feb")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#8b949e")),
        (QPalette.ColorRole.Link, QColor("#58a6ff")),
    ):
        p.setColor(role, value)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6e7681"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6e7681"))
    app.setPalette(p)
