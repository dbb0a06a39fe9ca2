"""The GUI's language: one current language and a `t()` that renders catalogue keys and `L` pairs.

Every string the window shows goes through `checks.i18n.tr` (the engine's mechanism); this module
only remembers which language the user chose so widgets can re-render when it changes.
"""

from __future__ import annotations

from checks.i18n import LANGS, L, system_lang, tr

_current = {"lang": "zh"}


def set_lang(lang: str) -> str:
    _current["lang"] = lang if lang in LANGS else system_lang()
    return _current["lang"]


def lang() -> str:
    return _current["lang"]


def t(key: L | str, /, **kw: object) -> str:
    return tr(key, _current["lang"], **kw)


def translate_buttons(box: object) -> None:
    """Standard dialog buttons in the app's language (Qt's own catalogue is not shipped), text only:
    some styles add fixed-colour icons (✕, ✓) that all but vanish on a dark palette."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QDialogButtonBox

    assert isinstance(box, QDialogButtonBox)
    for button in box.buttons():
        button.setIcon(QIcon())
        role = box.standardButton(button).name.lower()
        text = t(f"gui.button.{role}")
        if not text.startswith("gui.button."):
            button.setText(text)


_qt_translator: list[object] = []


def apply_qt_translation(lang_code: str) -> None:
    """Qt's own strings (message-box buttons, context menus) in Chinese when the app is."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _qt_translator:
        app.removeTranslator(old)
    _qt_translator.clear()
    if lang_code != "zh":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_zh_CN", folder):
        app.installTranslator(translator)
        _qt_translator.append(translator)
