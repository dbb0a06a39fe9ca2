"""Settings › General: the checkbox that switches reading text in media on and off."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_unticking_read_text_in_media_turns_ocr_off_for_later_checks(make_window, qtbot, monkeypatch):
    from app.gui.settings_dialog import SettingsDialog
    from checks.media import ocr
    from checks.settings import Settings

    monkeypatch.delenv("PREFLIGHT_OCR", raising=False)  # the user's setting decides, not the test default
    w = make_window("en")
    dialog = SettingsDialog(w.settings, w)
    qtbot.addWidget(dialog)
    assert dialog.ocr.isChecked() and ocr.enabled()
    qtbot.mouseClick(dialog.ocr, Qt.MouseButton.LeftButton)
    dialog.apply(w.settings)
    w.settings.save()
    assert Settings.load().ocr is False
    assert not ocr.enabled()
