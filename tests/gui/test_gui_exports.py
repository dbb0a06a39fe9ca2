"""Export buttons in the window write the report the window shows: the post, the account, the same
what-to-tick groups and reasons as the checklist, in the UI language; the PDF has the same text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from gui_support import settle, write_ai_png, write_phone_jpeg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

DRAFT = '''platform = "douyin"
title = "西湖边的早晨"
text = """今天早上在西湖边拍的，断桥上人不多。
配图二是我用AI画的想象图。"""
media = ["IMG_1.jpg", "ai.png"]

[account]
name = "小王的日常"
bio = "分享生活"
'''


def _open(make_window, qtbot, tmp_path: Path, lang: str):
    write_phone_jpeg(tmp_path / "IMG_1.jpg")
    write_ai_png(tmp_path / "ai.png")
    (tmp_path / "draft.toml").write_text(DRAFT, encoding="utf-8")
    w = make_window(lang)
    assert w.open_path(tmp_path / "draft.toml")
    settle(qtbot, w)
    return w


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))


def _visible(html: str) -> str:
    from tests.report.report_support import visible_text

    return visible_text(html)


def test_html_button_exports_what_the_window_shows(make_window, qtbot, tmp_path, monkeypatch):
    w = _open(make_window, qtbot, tmp_path, "zh")
    _save_as(monkeypatch, tmp_path / "report.html")
    qtbot.mouseClick(w.checklist.html_button, Qt.MouseButton.LeftButton)
    text = _visible((tmp_path / "report.html").read_text(encoding="utf-8"))
    reader = text.split("附：规则编号与技术依据")[0]
    for words in ("西湖边的早晨", "断桥上人不多。", "小王的日常", "分享生活", "发布时勾选：抖音"):
        assert words in reader
    # the same groups, counts, boxes and reasons as the checklist beside the editor
    assert w.checklist.group_labels
    for label in w.checklist.group_labels.values():
        assert label.text() in reader
    for decl, box in w.checklist.boxes.items():
        assert f"「{box.accessibleName()}」" in reader, decl
    for reason in w.checklist.reasons.values():
        assert reason.text() in reader
    assert "douyin" not in text and "media:" not in reader
    assert not any(f.rule in reader for f in w.report.findings)


def test_pdf_button_writes_readable_text(make_window, qtbot, tmp_path, monkeypatch):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    w = _open(make_window, qtbot, tmp_path, "en")
    _save_as(monkeypatch, tmp_path / "report.pdf")
    qtbot.mouseClick(w.checklist.pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(out.split())  # CJK lines may break anywhere in a column
    for words in ("WhattotickonDouyin", "Accountchecked", "Findings", "西湖边的早晨"):
        assert words in flat, words
    from app.gui.dialogs import pdf_family

    if pdf_family() in (None, "Noto Sans CJK SC", "Source Han Sans SC"):
        pytest.skip("only CFF CJK fonts here: Qt maps some of their glyphs back to radicals")
    # copied text is the text written: no radicals for 人/长, digits kept
    assert "断桥上人不多。" in flat and "配图二是我用AI画的想象图。" in flat
    assert re.search(r"UTC[+-]\d\d:\d\d", flat) and "IMG_1.jpg" in flat
