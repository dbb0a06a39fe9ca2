"""Issue 11 item 12: every string the window shows is in the UI language — places, clause texts,
pack errors — and window titles name the app once. Driven by pressing the real buttons and links."""

from __future__ import annotations

import re
import zipfile

import pytest
from gui_support import settle, write_draft, write_phone_jpeg
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from checks.clauses import clauses

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _restore_ui_language():
    from app.gui.texts import lang, set_lang

    before = lang()
    yield
    set_lang(before)


def click(qtbot, widget, pos=None) -> None:
    if pos is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def click_text(qtbot, browser, text: str) -> None:
    """Click the first occurrence of `text` in a QTextBrowser (a link), as a user would."""
    found = browser.document().find(text)
    assert not found.isNull(), text
    found.setPosition(found.selectionStart() + 1)
    rect = browser.cursorRect(found)
    click(qtbot, browser.viewport(), rect.center())


def click_media_tile(qtbot, w, row: int = 0) -> None:
    lst = w.media_strip.list
    qtbot.waitUntil(lambda: lst.count() > row)
    click(qtbot, lst.viewport(), lst.visualItemRect(lst.item(row)).center())


def test_english_window_names_the_photo_place_in_english(make_window, qtbot, tmp_path):
    write_phone_jpeg(tmp_path / "lake.jpg", lat=30.259, lon=120.153)  # West Lake, Hangzhou
    w = make_window("en")
    w.open_path(write_draft(tmp_path, title="Weekend", text="A walk by the lake.", media=["lake.jpg"]))
    settle(qtbot, w)
    click_media_tile(qtbot, w)
    qtbot.waitUntil(lambda: "Hangzhou" in w.media_strip.details.toPlainText())
    details = w.media_strip.details.toPlainText()
    assert "Xihu District, Hangzhou, Zhejiang" in details and "杭州" not in details
    gps = next(f for f in w.report.findings if f.rule == "gps_privacy")
    assert "Hangzhou" in gps.message and not CJK.search(gps.message)


def test_chinese_window_keeps_chinese_place_names(make_window, qtbot, tmp_path):
    write_phone_jpeg(tmp_path / "lake.jpg", lat=30.259, lon=120.153)
    w = make_window("zh")
    w.open_path(write_draft(tmp_path, title="周末", text="在湖边散步。", media=["lake.jpg"]))
    settle(qtbot, w)
    click_media_tile(qtbot, w)
    qtbot.waitUntil(lambda: "浙江省杭州市西湖区" in w.media_strip.details.toPlainText())


def _open_clause_from_finding(make_window, qtbot, tmp_path, monkeypatch, ui: str) -> tuple[str, str]:
    from app.gui.clause_dialog import ClauseDialog

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ClauseDialog, "exec", lambda self: shown.append((self.windowTitle(), self.browser.toPlainText())) or 0
    )
    write_phone_jpeg(tmp_path / "lake.jpg", lat=30.259, lon=120.153)
    w = make_window(ui)
    w.open_path(write_draft(tmp_path, title="周末", text="在湖边散步。", media=["lake.jpg"]))
    settle(qtbot, w)
    index = next(i for i, f in enumerate(w.report.findings) if f.clause == "N2023-3b")
    w.findings_view.select_finding(index)
    qtbot.waitUntil(lambda: "N2023-3b" in w.findings_view.detail.toPlainText())
    click_text(qtbot, w.findings_view.detail, "N2023-3b")
    qtbot.waitUntil(lambda: bool(shown))
    return shown[0]


def test_chinese_clause_dialog_shows_our_chinese_summary_labelled_beside_the_english(
    make_window, qtbot, tmp_path, monkeypatch
):
    title, text = _open_clause_from_finding(make_window, qtbot, tmp_path, monkeypatch, "zh")
    clause = clauses()["N2023-3b"]
    assert "摘要（本软件编写，非官方原文）" in text
    assert clause.zh in text
    assert "英文摘要（本软件编写）" in text and clause.en in text
    assert "非官方译本" in text  # the article passages are labelled as English translations
    assert clause.source_zh in text and clause.source not in text
    assert text.index(clause.zh) < text.index(clause.en)
    assert "发布前自检" not in title and "Preflight" not in title


def test_english_clause_dialog_shows_the_english_summary_labelled(make_window, qtbot, tmp_path, monkeypatch):
    _title, text = _open_clause_from_finding(make_window, qtbot, tmp_path, monkeypatch, "en")
    assert "Summary (written by Preflight, not the official text)" in text
    assert clauses()["N2023-3b"].en in text
    assert clauses()["N2023-3b"].zh not in text
    assert clauses()["N2023-3b"].source in text


def _packs_page(qtbot, ui: str):
    from app.gui.packs_page import PacksPage
    from app.gui.texts import set_lang

    set_lang(ui)
    page = PacksPage()
    qtbot.addWidget(page)
    page.show()
    return page


def _signed_by_unknown_key(tmp_path):
    from checks.packs import signing

    folder = tmp_path / "agency"
    folder.mkdir()
    (folder / "pack.toml").write_text(
        'id = "agency"\nversion = "1"\npublisher = "Agency"\nmin_app_version = "0.1"\n', encoding="utf-8"
    )
    private, _public, _ = signing.generate_keypair(tmp_path / "keys" / "k.pem")
    signing.sign_pack(folder, signing.load_private_key(private))
    return folder / "pack.toml"


def test_pack_errors_read_in_chinese_without_a_command_line_hint(qtbot, tmp_path, dialogs, monkeypatch):
    page = _packs_page(qtbot, "zh")
    chosen = str(_signed_by_unknown_key(tmp_path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen, ""))
    click(qtbot, page.add_button)
    kind, title, text = dialogs.shown[-1]
    assert kind == "warning" and title == "无法安装规则包"
    assert "不是受信任的发布者密钥" in text and "信任发布方公钥" in text  # what to do in this window
    assert "preflight" not in text and "PUBFILE" not in text and "run " not in text
    unsigned = tmp_path / "unsigned.zip"
    with zipfile.ZipFile(unsigned, "w") as z:
        z.writestr("pack.toml", 'id = "u"\nversion = "1"\npublisher = "U"\nmin_app_version = "0.1"\n')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(unsigned), ""))
    click(qtbot, page.add_button)
    assert "未签名" in dialogs.shown[-1][2] and "not signed" not in dialogs.shown[-1][2]


def test_a_key_file_that_is_not_a_key_is_refused_in_english_in_the_english_ui(qtbot, tmp_path, dialogs, monkeypatch):
    page = _packs_page(qtbot, "en")
    junk = tmp_path / "junk.pub"
    junk.write_text("hello", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    click(qtbot, page.key_button)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Cannot trust this key")
    assert "not a PEM public key" in text and not CJK.search(text)


def test_removing_the_built_in_pack_says_it_cannot_be_removed(qtbot, dialogs):
    page = _packs_page(qtbot, "zh")
    core = page.list.topLevelItem(0)
    assert core.text(0) == "core"
    click(qtbot, page.list.viewport(), page.list.visualItemRect(core).center())
    assert page.list.currentItem() is core
    click(qtbot, page.remove_button)
    kind, title, text = dialogs.shown[-1]
    assert kind == "warning" and title == "无法移除规则包"
    assert "不能移除" in text and "安装" not in title + text
    assert page.list.topLevelItemCount() >= 1 and page.list.topLevelItem(0).text(0) == "core"


def test_window_titles_name_the_draft_and_the_app_name_once_in_the_ui_language(make_window, qtbot, tmp_path):
    w = make_window("zh")
    w.open_path(write_draft(tmp_path, title="周末", text="在湖边散步。", media=[]))
    settle(qtbot, w)
    assert w.windowTitle() == "draft.toml"  # Qt adds " — 发布前自检" in the title bar
    assert QGuiApplication.applicationDisplayName() == "发布前自检"
    w.apply_language("en")
    assert QGuiApplication.applicationDisplayName() == "Preflight"
    assert "Preflight" not in w.windowTitle()


def test_an_installed_pack_row_reads_as_local_time_and_file_name(qtbot, tmp_path, dialogs, monkeypatch):
    page = _packs_page(qtbot, "zh")
    pack_toml = _signed_by_unknown_key(tmp_path)
    public = tmp_path / "keys" / "k.pem.pub"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(public), ""))
    click(qtbot, page.key_button)  # trust the publisher's key through the page
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pack_toml), ""))
    click(qtbot, page.add_button)
    assert dialogs.shown[-1][:2] == ("information", "规则包已安装")
    rows = [page.list.topLevelItem(i) for i in range(page.list.topLevelItemCount())]
    row = next(r for r in rows if r.text(0) == "agency")
    assert row.text(3) == "已验证，生效中"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row.text(4))  # not a raw UTC ISO stamp
    assert row.text(5) == "agency" and row.toolTip(5).endswith("agency")
    assert page.list.topLevelItem(0).text(2) == "Preflight"


def test_a_configured_pack_that_fails_to_load_is_reported_in_chinese(qtbot, tmp_path, dialogs):
    from app.gui.main_window import MainWindow
    from checks.settings import Settings

    missing = tmp_path / "gone.zip"
    w = MainWindow(Settings(lang="zh", packs=[str(missing)]))
    qtbot.addWidget(w)
    w.show()
    w.open_path(write_draft(tmp_path, title="周末", text="在湖边散步。", media=[]))
    qtbot.waitUntil(lambda: w.last_error is not None, timeout=20000)
    shown = w.status_label.text()
    assert "找不到这个规则包" in shown and "gone.zip" in shown
    assert "PackError" not in shown and "no such rule pack" not in shown
