"""Language switching, dark palette, profile, settings/packs, clause text and report exports."""

from __future__ import annotations

from datetime import date

from gui_support import settle, write_ai_png, write_draft
from PySide6.QtGui import QGuiApplication, QPalette

from checks.model import Account, Credential


def test_switching_language_re_renders_everything(make_window, qtbot, tmp_path):
    write_ai_png(tmp_path / "ai.png")
    w = make_window("zh")
    w.open_path(write_draft(tmp_path, title="震惊！", text="看看", media=["ai.png"]))
    settle(qtbot, w)
    assert w.actions_by_key["gui.action.open"].text() == "打开草稿…"
    assert w.editor.title_label.text() == "标题"
    zh_messages = [f.message for f in w.report.findings]
    w.apply_language("en")
    settle(qtbot, w)
    assert w.actions_by_key["gui.action.open"].text() == "Open draft…"
    assert w.editor.title_label.text() == "Title"
    assert w.checklist.platform.currentText() == "Douyin"
    assert "Self-shot" not in w.media_strip.details.toPlainText()
    assert (
        "AI-generated" in w.media_strip.details.toPlainText() or "AI" in w.media_strip.details.toPlainText()
    )
    en_messages = [f.message for f in w.report.findings]
    if zh_messages:
        assert en_messages != zh_messages  # the engine's messages follow the language too


def test_dark_palette_is_followed(make_window, qtbot):
    from app.gui import theme

    app = QGuiApplication.instance()
    old = app.palette()
    try:
        w = make_window()
        settle(qtbot, w)
        light_error = theme.color("error").name()
        theme.apply_dark_palette(app)
        assert theme.is_dark()
        assert theme.color("error").name() != light_error
        qtbot.waitUntil(lambda: w.palette().color(QPalette.ColorRole.Window).lightness() < 128, timeout=2000)
        w.render_report()
        assert w.checklist.verdict.text()
        assert w.palette().color(QPalette.ColorRole.Window).lightness() < 128
    finally:
        app.setPalette(old)


def test_profile_dialog_round_trips_and_is_used_by_drafts_without_account(
    make_window, qtbot, tmp_path, monkeypatch
):
    from app.gui.profile_dialog import ProfileDialog
    from checks.settings import load_profile

    account = Account(
        name="小王的日常",
        bio="健康科普",
        mcn="星河",
        mcn_displayed=True,
        credentials=(
            Credential("health", "执业医师", date(2027, 6, 30), True),
            Credential("finance", "", None, False),
        ),
    )
    dialog = ProfileDialog(account)
    qtbot.addWidget(dialog)
    assert dialog.account() == account
    w = make_window()
    monkeypatch.setattr(ProfileDialog, "exec", lambda self: 1)
    monkeypatch.setattr(ProfileDialog, "account", lambda self: account)
    w.edit_profile()
    assert load_profile() == account
    w.open_path(write_draft(tmp_path, title="t", text="x", media=[]))
    settle(qtbot, w)
    assert w.report.draft.account == account


def test_settings_dialog_applies_language_platform_and_output(make_window, qtbot, monkeypatch):
    from app.gui.settings_dialog import SettingsDialog

    w = make_window("zh")
    dialog = SettingsDialog(w.settings, w)
    qtbot.addWidget(dialog)
    dialog.lang.setCurrentIndex(1)
    dialog.platform.setCurrentIndex(dialog.platform.findData("xiaohongshu"))
    dialog.output.setText("/tmp/out")
    dialog.apply(w.settings)
    assert (w.settings.lang, w.settings.platform, w.settings.output_dir) == ("en", "xiaohongshu", "/tmp/out")
    assert dialog.packs_page.list.topLevelItemCount() >= 1  # the built-in pack is listed


def test_clause_dialog_shows_the_article_text():
    from app.gui.clause_dialog import clause_html

    html = clause_html("N2023-3b")
    assert "拍摄时间" in html
    assert "shooting time" in html.lower() or "time and location" in html.lower()
    assert "3. " in html  # the article from the bundled notice


def test_exports_html_and_pdf_reports(make_window, qtbot, tmp_path):
    import pytest

    from app.gui import services

    if not services.available("checks.report.html"):
        pytest.skip("HTML report not built yet")
    w = make_window()
    w.open_path(write_draft(tmp_path, title="震惊！", text="x", media=[]))
    settle(qtbot, w)
    html = w.export_html(tmp_path / "r.html")
    pdf = w.export_pdf(tmp_path / "r.pdf")
    assert html and "<html" in html.read_text(encoding="utf-8").lower()
    assert pdf and pdf.read_bytes().startswith(b"%PDF")


def test_packs_page_refuses_an_unsigned_pack_with_a_clear_message(qtbot, tmp_path, dialogs):
    import zipfile

    from app.gui.packs_page import PacksPage

    pack = tmp_path / "agency.zip"
    with zipfile.ZipFile(pack, "w") as z:
        z.writestr(
            "pack.toml", 'id = "agency"\nversion = "1"\npublisher = "Agency"\nmin_app_version = "0.1"\n'
        )
    page = PacksPage()
    qtbot.addWidget(page)
    assert page.list.topLevelItem(0).text(0) == "core"
    assert not page.install(str(pack))
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning" and text  # the store's reason (unsigned / untrusted), shown as is
    assert page.list.topLevelItemCount() == 1


def test_geometry_and_recent_drafts_persist(make_window, qtbot, tmp_path):
    path = write_draft(tmp_path, title="t", text="x", media=[])
    w = make_window()
    w.open_path(path)
    w.resize(700, 500)
    qtbot.waitUntil(lambda: w.width() == 700)
    assert w.close()
    from app.gui.main_window import MainWindow
    from checks.settings import Settings

    w2 = MainWindow(Settings.load())
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (700, 500)  # (the offscreen screen is 800×600)
    assert w2.settings.recent[0] == str(path.resolve())
    assert [a.text() for a in w2.recent_menu.actions()] == [str(path.resolve())]
