"""Drag and drop, clipboard paste, clause links and account fixes that land in the shared profile."""

from __future__ import annotations

from gui_support import settle, write_ai_png, write_draft, write_phone_jpeg
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from checks.model import Account


def _drop(widget, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_drop_media_on_the_window_and_a_draft_on_the_editor(make_window, qtbot, tmp_path):
    write_phone_jpeg(tmp_path / "a.jpg")
    path = write_draft(tmp_path, title="拖进来的草稿", text="x", media=[])
    w = make_window()
    _drop(w, [tmp_path / "a.jpg"])
    assert [m.rsplit("/", 1)[-1] for m in w.session.state.media] == ["a.jpg"]
    w.dirty = False
    _drop(w.editor.body_edit, [path])  # a draft dropped on the text opens instead of pasting its path
    assert w.editor.title() == "拖进来的草稿"
    assert "draft.toml" not in w.editor.text()


def test_paste_from_clipboard_goes_into_the_body(make_window):
    w = make_window()
    QGuiApplication.clipboard().setText("从别处复制来的正文")
    w.actions_by_key["gui.action.paste"].trigger()
    assert w.editor.text() == "从别处复制来的正文"


def test_clause_link_opens_the_clause_text(make_window, monkeypatch):
    from app.gui.clause_dialog import ClauseDialog

    opened = []
    monkeypatch.setattr(ClauseDialog, "exec", lambda self: opened.append(self.browser.toPlainText()) or 0)
    w = make_window()
    w.findings_view.clause_requested.emit("N2023-3c")
    assert opened and "N2023-3c" in opened[0]


def test_account_fix_edits_the_drafts_account_not_the_profile(make_window, qtbot, tmp_path):
    """Problem 3: the account being checked is the one shown and changed in the main window."""
    from checks.settings import load_profile, save_profile

    save_profile(Account(name="小王的日常", bio="分享生活", mcn="星河文化传媒", mcn_displayed=False))
    write_ai_png(tmp_path / "ai.png")
    w = make_window()
    w.open_path(write_draft(tmp_path, title="下午茶", text="随手画的", media=["ai.png"]))
    settle(qtbot, w)
    assert w.account_panel.name.text() == "小王的日常"  # the draft names none: the profile is checked
    finding = next(f for f in w.report.findings if f.rule == "mcn_name_not_displayed")
    w.findings_view.select_finding(w.report.findings.index(finding))
    button = next(b for b in w.findings_view.fix_buttons if b.text().endswith(finding.fixes[0].title))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.account_panel.mcn_displayed.isChecked()
    assert w.session.state.own_account and w.session.state.account.mcn_displayed
    assert not load_profile().mcn_displayed  # the default profile is untouched
    settle(qtbot, w)
    assert "mcn_name_not_displayed" not in {f.rule for f in w.report.findings}
