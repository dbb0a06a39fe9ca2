"""Every control has a name a screen reader can announce, and the main shortcuts are bound."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QTreeWidget


def test_controls_have_accessible_names(make_window, qtbot, tmp_path):
    from gui_support import settle, write_ai_png, write_draft

    write_ai_png(tmp_path / "ai.png")
    for lang in ("zh", "en"):
        w = make_window(lang)
        w.open_path(write_draft(tmp_path, title="震惊！", text="x", media=["ai.png"]))
        settle(qtbot, w)
        w.findings_view.select_finding(0)
        unnamed = []
        for cls in (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QListWidget, QTreeWidget):
            for widget in w.findChildren(cls):
                if not widget.isVisibleTo(w) or widget.inherits("QToolButton"):
                    continue
                text = widget.text() if isinstance(widget, QAbstractButton) else ""
                if not (widget.accessibleName() or text):
                    unnamed.append(f"{cls.__name__}:{widget.objectName()}")
        assert not unnamed, unnamed


def test_main_shortcuts(make_window):
    w = make_window()
    keys = {k: a.shortcut().toString() for k, a in w.actions_by_key.items()}
    assert keys["gui.action.open"] == QKeySequence(QKeySequence.StandardKey.Open).toString() == "Ctrl+O"
    assert keys["gui.action.save"] == "Ctrl+S"
    assert keys["gui.action.recheck"] == "F5"
    assert keys["gui.action.fix_all"] == "Ctrl+Shift+F"
