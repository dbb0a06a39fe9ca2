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


def test_the_media_strip_outlines_read_text_and_lists_it(qtbot):
    from PySide6.QtGui import QColor, QImage

    from app.gui.media_strip import MediaEntry, badge_pixmap, details_html
    from checks.model import MediaFacts, TextLine

    facts = MediaFacts(
        path="card.jpg",
        width=1000,
        height=1000,
        text=(TextLine("防失联，关注小号", (100, 100, 900, 300)),),
        text_read=True,
    )
    thumb = QImage(128, 128, QImage.Format.Format_RGB32)
    thumb.fill(QColor("black"))
    image = badge_pixmap(MediaEntry("card.jpg", facts, thumb)).toImage()
    edge = max((image.pixelColor(50, y) for y in range(11, 16)), key=lambda c: c.red())  # top edge ≈ 12.8 px
    assert edge.red() > 200 and edge.green() > 150 and edge.blue() < 80
    assert image.pixelColor(50, 60).red() < 40  # inside the box: the picture itself
    assert "防失联，关注小号" in details_html(facts, "card.jpg")
