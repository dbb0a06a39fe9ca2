"""The fifteen trust problems of issue 11, each driven through the window by pressing real buttons."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w
from gui_support import settle, write_ai_png, write_draft, write_phone_jpeg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from checks.model import Account

ROOT = Path(__file__).resolve().parents[2]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tool_button(w, key: str):
    return w.toolbar.widgetForAction(w.actions_by_key[key])


def fix_button(qtbot, w, rule: str, title_part: str = ""):
    """Select the first finding of `rule` in the list and return its fix button whose text contains `title_part`."""
    index = next(i for i, f in enumerate(w.report.findings) if f.rule == rule)
    w.findings_view.select_finding(index)
    button = next(b for b in w.findings_view.fix_buttons if title_part in b.text())
    qtbot.waitUntil(button.isVisible)  # a child added to a shown layout appears on the next event loop turn
    return button


def activate(qtbot, w) -> None:
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


# 1 ---------------------------------------------------------------------------------------------
def test_1_a_toml_that_is_not_a_draft_is_refused_and_never_overwritten(
    make_window, qtbot, tmp_path, dialogs, monkeypatch
):
    history = tmp_path / "account-history.toml"
    history.write_text(
        tomli_w.dumps({"name": "星河小王", "mcn": {"name": "星河文化传媒", "displayed": False}}),
        encoding="utf-8",
    )
    before = history.read_bytes()
    w = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(history), ""))
    click(qtbot, tool_button(w, "gui.action.open"))
    warnings = [d for d in dialogs.shown if d[0] == "warning"]
    assert warnings and "not a draft" in warnings[0][2]
    assert "account-history" not in w.windowTitle()
    assert not w.open_path(history)  # the command line path goes the same way
    w.editor.title_edit.setText("我的标题")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(history), ""))
    click(qtbot, tool_button(w, "gui.action.save"))  # a new draft: Save asks for a name
    assert history.read_bytes() == before  # nothing is ever saved over it
    assert any("not a draft" in d[2] for d in dialogs.shown[1:])


# 2 ---------------------------------------------------------------------------------------------
def test_2_an_empty_draft_is_not_ready_and_a_clean_verdict_names_its_scope(make_window, qtbot):
    w = make_window()
    settle(qtbot, w)
    assert "Write or open a draft" in w.checklist.verdict.text()
    assert "Ready" not in w.checklist.verdict.text() and "No problems" not in w.status_label.text()
    from app.gui import theme

    def row_icon_is(name: str) -> bool:
        row = w.findings_view.tree.topLevelItem(0)
        return row.icon(0).pixmap(16, 16).toImage() == theme.icon(name).pixmap(16, 16).toImage()

    assert row_icon_is("severity-info") and not row_icon_is("verdict-ready")  # no green tick for nothing
    qtbot.keyClicks(w.editor.body_edit, "Made noodles at home this weekend.")
    settle(qtbot, w)
    assert row_icon_is("verdict-ready")  # a checked, clean draft earns it
    verdict = w.checklist.verdict.text()
    assert "No labelling problems found in" in verdict and "checks" in verdict
    assert "Ready to publish" not in verdict
    w_zh = make_window("zh")
    settle(qtbot, w_zh)
    assert "写下或打开一篇草稿" in w_zh.checklist.verdict.text()


# 3 ---------------------------------------------------------------------------------------------
def test_3_the_drafts_account_is_shown_and_edited_in_the_main_window(make_window, qtbot, tmp_path):
    path = tmp_path / "draft.toml"
    path.write_text(
        tomli_w.dumps(
            {"platform": "douyin", "title": "今天吃什么", "text": "做了一碗面。",
             "account": {"name": "杭州新闻", "bio": "每天分享生活"}}
        ),
        encoding="utf-8",
    )  # fmt: skip
    w = make_window("zh")
    activate(qtbot, w)
    w.open_path(path)
    settle(qtbot, w)
    assert w.account_panel.name.text() == "杭州新闻"
    rules = {f.rule for f in w.report.findings}
    assert "admin_division_in_name" in rules
    click(qtbot, fix_button(qtbot, w, "admin_division_in_name", "更换账号名称"))
    assert w.account_panel.name.hasFocus()  # "更换账号名称" goes to the name field, no dialog
    assert not w.account_panel.name.hasSelectedText()
    w.account_panel.name.setText("小王的厨房")  # (keyClicks types ASCII only)
    qtbot.keyClick(w.account_panel.name, Qt.Key.Key_Return)
    settle(qtbot, w)
    assert w.report.draft.account.name == "小王的厨房"
    assert "admin_division_in_name" not in {f.rule for f in w.report.findings}
    click(qtbot, tool_button(w, "gui.action.save"))
    from checks.draft import load_draft

    assert load_draft(path).account.name == "小王的厨房"


def test_3_the_profile_is_a_default_for_new_drafts(make_window, qtbot):
    from checks.settings import save_profile

    save_profile(Account(name="小王的日常", bio="分享生活"))
    w = make_window()
    assert w.account_panel.name.text() == "小王的日常"
    w.editor.title_edit.setText("t")
    settle(qtbot, w)
    assert w.report.draft.account.name == "小王的日常"


# 4 ---------------------------------------------------------------------------------------------
def test_4_a_fix_never_leaves_focus_in_a_field_with_its_text_selected(make_window, qtbot, tmp_path):
    path = write_draft(
        tmp_path, title="震惊！西湖边突然排起长队", text="今天下午路过西湖，断桥边排起了长队。", media=[]
    )
    w = make_window()
    activate(qtbot, w)
    w.open_path(path)
    settle(qtbot, w)
    button = fix_button(qtbot, w, "clickbait_title", "Remove")
    click(qtbot, button)
    settle(qtbot, w)
    assert w.editor.title() == "西湖边突然排起长队"
    assert not w.editor.title_edit.hasFocus()
    assert not w.editor.title_edit.hasSelectedText()
    assert w.findings_view.tree.hasFocus()  # focus stays where the creator was working
    qtbot.keyClick(w.findings_view.tree, Qt.Key.Key_X)  # the next key press must not wipe the title
    assert w.editor.title() == "西湖边突然排起长队"


# 6 ---------------------------------------------------------------------------------------------
def _ai_and_phone(tmp_path: Path) -> Path:
    write_ai_png(tmp_path / "ai.png")
    write_phone_jpeg(tmp_path / "p.jpg")
    return write_draft(
        tmp_path, title="周末去西湖喝茶", text="天气很好，随手拍了几张。", media=["ai.png", "p.jpg"]
    )


def test_6_fix_all_shows_one_results_sheet_is_undoable_and_asks_for_the_folder_once(
    make_window, qtbot, tmp_path, dialogs, monkeypatch
):
    asked = []

    def choose(*a, **k):
        asked.append(1)
        return str(tmp_path / "out")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    (tmp_path / "out").mkdir()
    w = make_window()
    w.open_path(_ai_and_phone(tmp_path))
    settle(qtbot, w)
    before = (w.editor.text(), w.session.state.declarations, w.session.state.media)
    click(qtbot, tool_button(w, "gui.action.fix_all"))
    sheet = w.results_sheet
    assert sheet is not None and sheet.isVisible()
    done, skipped = sheet.rows(0), sheet.rows(1)
    assert done and all(outcome for _, outcome in skipped)  # every skipped fix says why
    assert not [d for d in dialogs.shown if d[0] in ("warning", "information")]  # no dialog per file
    assert asked == [1]
    settle(qtbot, w)
    assert w.editor.text() != before[0]
    click(qtbot, sheet.undo_button)  # the whole Fix all is one undo step
    assert (w.editor.text(), w.session.state.declarations, w.session.state.media) == before
    settle(qtbot, w)
    click(qtbot, tool_button(w, "gui.action.fix_all"))
    assert asked == [1]  # the folder is remembered


def test_6_every_single_fix_is_on_the_undo_stack(make_window, qtbot, tmp_path):
    from checks.settings import save_profile

    save_profile(Account(name="小王的日常", bio="分享生活", mcn="星河文化传媒", mcn_displayed=False))
    w = make_window()
    activate(qtbot, w)
    w.open_path(_ai_and_phone(tmp_path))
    settle(qtbot, w)
    click(qtbot, fix_button(qtbot, w, "mcn_name_not_displayed"))
    assert w.account_panel.mcn_displayed.isChecked()
    w.findings_view.tree.setFocus()
    qtbot.keyClick(w.findings_view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not w.account_panel.mcn_displayed.isChecked()
    settle(qtbot, w)
    declare = next(f for f in w.report.findings for x in f.fixes if x.kind == "declare")
    click(qtbot, fix_button(qtbot, w, declare.rule, "tick"))
    assert "ai_generated" in w.session.state.declarations
    assert w.checklist.boxes["ai_generated"].isChecked()
    w.findings_view.tree.setFocus()
    qtbot.keyClick(w.findings_view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not w.checklist.boxes["ai_generated"].isChecked()


# 10 --------------------------------------------------------------------------------------------
def test_10_media_grid_grows_with_the_window_and_videos_show_their_length(make_window, qtbot, tmp_path):
    from app.gui.media_strip import duration_text

    for i in range(9):
        write_phone_jpeg(tmp_path / f"p{i}.jpg")
    w = make_window()
    w.add_media_paths([str(tmp_path)])
    settle(qtbot, w)
    strip = w.media_strip.list

    def columns_rows(width: int) -> tuple[int, int]:
        w.resize(width, 900)
        qtbot.waitUntil(lambda: w.width() == width)
        qtbot.wait(50)
        rects = [strip.visualItemRect(strip.item(i)) for i in range(strip.count())]
        return len({r.left() for r in rects}), len({r.top() for r in rects})

    narrow, wide = columns_rows(1024), columns_rows(1900)
    assert narrow[1] > 1  # wraps into rows instead of one scrolling row
    assert wide[0] > narrow[0] and wide[0] > 3  # more columns when the window is wider
    assert duration_text(7.4) == "0:07" and duration_text(3725) == "1:02:05"


# 13 --------------------------------------------------------------------------------------------
CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.gui.main_window import MainWindow
from checks.settings import Settings
app = QApplication([])
w = MainWindow(Settings(lang="en"))
w.show()
w.open_path(Path(sys.argv[1]))
w.editor.body_edit.insertPlainText("还在写")
w.autosave_now()
print("OPEN", flush=True)
end = time.monotonic() + 60
while time.monotonic() < end:
    app.processEvents()
    time.sleep(0.05)
"""


def test_13_a_second_window_neither_restores_nor_opens_a_draft_another_window_has_open(
    make_window, qtbot, tmp_path, dialogs
):
    draft = write_draft(tmp_path, title="标题", text="", media=[])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(draft)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "OPEN"
        dialogs.answer = QMessageBox.StandardButton.Yes
        w = make_window()
        assert not w.offer_restore()
        assert not [d for d in dialogs.shown if d[0] == "question"]
        assert not w.open_path(draft)
        assert any("already open" in d[2] for d in dialogs.shown)
    finally:
        proc.kill()
        proc.wait(timeout=10)
    w2 = make_window()  # the first window is gone (killed): its autosave is offered again
    assert w2.offer_restore()
    assert w2.editor.text() == "还在写"


# 15 --------------------------------------------------------------------------------------------
def test_15_fix_all_holds_back_the_gps_strip_that_is_evidence_for_a_place_mismatch(
    make_window, qtbot, tmp_path
):
    write_phone_jpeg(tmp_path / "IMG_1.jpg", lat=39.9042, lon=116.4074)  # Beijing
    path = write_draft(
        tmp_path, title="杭州西湖边的早晨", text="今天早上在杭州西湖拍的。", media=["IMG_1.jpg"]
    )
    w = make_window()
    w.settings.output_dir = str(tmp_path / "out")
    w.open_path(path)
    settle(qtbot, w)
    assert {"capture_place_mismatch", "gps_privacy"} <= {f.rule for f in w.report.findings}
    click(qtbot, tool_button(w, "gui.action.fix_all"))
    settle(qtbot, w)
    assert Path(w.session.state.media[0]).name == "IMG_1.jpg"  # still the original: GPS not stripped
    assert not (tmp_path / "out" / "IMG_1-preflight.jpg").exists()
    skipped = w.results_sheet.rows(1)
    assert any("resolve" in outcome for _, outcome in skipped)
    assert "gps_privacy" in {f.rule for f in w.report.findings}


@pytest.fixture(autouse=True)
def _english_findings():
    yield


# 5 ---------------------------------------------------------------------------------------------
def test_5_the_checklist_says_what_to_tick_in_three_groups_and_gets_room(make_window, qtbot, tmp_path):
    w = make_window()
    w.resize(1024, 700)
    w.open_path(_ai_and_phone(tmp_path))
    settle(qtbot, w)
    groups = {k: v.text() for k, v in w.checklist.group_labels.items()}
    assert groups["must"].startswith("Must tick (1)")
    assert groups["recommended"].startswith("Recommended (1)")
    assert "not_relevant" in groups
    assert "AI" in w.checklist.reasons["ai_generated"].text()  # the reason is shown
    assert "media 2" in w.checklist.reasons["self_shot"].text()
    assert "fiction" not in w.checklist.boxes  # not relevant: folded away until asked
    click(qtbot, w.checklist.expand_button)
    assert "fiction" in w.checklist.boxes
    # the verdict is never scrolled away, and the must-tick box is in view at 1024×700
    qtbot.waitUntil(lambda: w.checklist_scroll.viewport().height() > 200)
    assert w.checklist.verdict.visibleRegion().boundingRect().height() == w.checklist.verdict.height()
    box = w.checklist.boxes["ai_generated"]
    qtbot.waitUntil(lambda: box.isVisible() and box.height() < 100)
    viewport = w.checklist_scroll.viewport()
    top_left = box.mapTo(viewport, box.rect().topLeft())
    assert viewport.rect().contains(top_left) and top_left.y() + box.height() <= viewport.height()


# 14 --------------------------------------------------------------------------------------------
def test_14_checklist_boxes_are_visible_on_a_dark_palette(make_window, qtbot, tmp_path):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

    from app.gui import theme

    app = QApplication.instance()
    old = app.palette()
    theme.apply_dark_palette(app)
    try:
        w = make_window()
        w.open_path(_ai_and_phone(tmp_path))
        settle(qtbot, w)
        box = w.checklist.boxes["ai_generated"]
        qtbot.waitUntil(box.isVisible)
        image = box.grab().toImage()
        opt = QStyleOptionButton()
        opt.initFrom(box)
        rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
        background = app.palette().color(QPalette.ColorRole.Window).lightness()
        contrast = max(
            abs(image.pixelColor(x, y).lightness() - background)
            for x in range(rect.left(), min(rect.right() + 1, image.width()))
            for y in range(rect.top(), min(rect.bottom() + 1, image.height()))
        )
        assert contrast > 90, contrast  # the box's outline stands out from the dark window
    finally:
        app.setPalette(old)


# 7 ---------------------------------------------------------------------------------------------
def test_7_findings_are_grouped_per_rule_in_plain_words_with_a_batch_action(
    make_window, qtbot, tmp_path, dialogs
):
    for i in range(6):
        write_ai_png(tmp_path / f"ai{i}.png")
    path = write_draft(
        tmp_path, title="下午茶", text="随手画的几张图。", media=[f"ai{i}.png" for i in range(6)]
    )
    w = make_window()
    w.settings.output_dir = str(tmp_path / "out")
    w.open_path(path)
    settle(qtbot, w)
    rows = w.findings_view.rows()
    per_rule = {}
    for f in w.report.findings:
        per_rule[f.rule] = per_rule.get(f.rule, 0) + 1
    assert len(rows) == len(per_rule)  # one row per rule, not one per file
    assert any(r.endswith("(6)") for r in rows)
    assert not any("tEXt" in r or "Negative prompt" in r or str(tmp_path) in r for r in rows)
    rule = next(r for r, n in per_rule.items() if n == 6 and r == "ai_visible_label_missing")
    w.findings_view.select_rule(rule)
    batch = w.findings_view.fix_buttons[0]
    qtbot.waitUntil(batch.isVisible)
    assert batch.text().startswith("✎ All 6")
    click(qtbot, batch)
    assert len(w.results_sheet.rows(0)) == 6  # six copies, one sheet, no dialog per file
    assert not [d for d in dialogs.shown if d[0] == "warning"]
    settle(qtbot, w)
    assert rule not in {f.rule for f in w.report.findings}
    index = next(i for i, f in enumerate(w.report.findings) if f.evidence)
    w.findings_view.select_finding(index)
    finding = w.report.findings[index]
    detail = w.findings_view.detail.toPlainText()
    assert finding.rule not in detail  # no raw rule id
    assert finding.evidence not in detail  # technical evidence is folded away…
    from PySide6.QtCore import QUrl

    w.findings_view.detail.anchorClicked.emit(QUrl("details:"))  # …behind the Details link
    assert finding.evidence in w.findings_view.detail.toPlainText()


# 9 ---------------------------------------------------------------------------------------------
def test_9_fix_buttons_look_like_what_they_do(make_window, qtbot, tmp_path):
    write_ai_png(tmp_path / "ai.png")
    path = write_draft(tmp_path, title="震惊！下午茶", text="随手画的。", media=["ai.png"])
    w = make_window()
    w.open_path(path)
    settle(qtbot, w)
    seen: dict[str, tuple[str, str]] = {}
    for i in range(len(w.report.findings)):
        w.findings_view.select_finding(i)
        buttons = list(w.findings_view.fix_buttons)
        qtbot.waitUntil(lambda bs=buttons: all(b.isVisible() for b in bs))
        for b in buttons:
            edge = b.grab().toImage().pixelColor(1, b.height() // 2).name()
            seen.setdefault(b.objectName(), (b.text()[0], edge))
    assert {"applies", "copies", "explains"} <= set(seen)
    assert len({mark for mark, _ in seen.values()}) == 3  # ✎ edit, ⧉ copy, ⓘ explain
    assert len({edge for _, edge in seen.values()}) == 3  # and a different edge for each kind


# 8 ---------------------------------------------------------------------------------------------
def _hook_draft(tmp_path: Path) -> Path:
    return write_draft(tmp_path, title="周末日常", text="今天去公园散步了。防失联，请关注小号，关注我不迷路。", media=[])


def test_8_hovering_a_highlighted_word_shows_its_card_with_fix_buttons(make_window, qtbot, tmp_path):
    w = make_window()
    w.open_path(_hook_draft(tmp_path))
    settle(qtbot, w)
    finding = next(f for f in w.report.findings if f.rule == "follow_inducement")
    body = w.editor.body_edit
    qtbot.mouseMove(body.viewport(), body.word_rect(finding).center())
    qtbot.waitUntil(w.hover_card.isVisible)
    assert "another account" in w.hover_card.message.text() or "关注" in w.hover_card.message.text()
    button = w.hover_card.buttons[0]
    click(qtbot, button)
    assert "防失联" not in w.editor.text()
    assert not w.hover_card.isVisible()


def test_8_clicking_a_word_selects_its_finding_and_right_click_offers_its_fixes(
    make_window, qtbot, tmp_path, monkeypatch
):
    w = make_window()
    w.open_path(_hook_draft(tmp_path))
    settle(qtbot, w)
    finding = next(f for f in w.report.findings if f.rule == "follow_inducement")
    body = w.editor.body_edit
    w.findings_view.tree.setCurrentItem(None)
    qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=body.word_rect(finding).center())
    assert w.findings_view.current() == finding
    shown = []

    def fake_exec(menu, where):
        shown.append([act.text() for act in menu.actions()])
        fix_action = next(act for act in menu.actions() if act.text() == finding.fixes[0].title)
        fix_action.trigger()  # the user picks the fix from the menu

    monkeypatch.setattr("app.gui.editor.exec_menu", fake_exec)
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    pos = body.word_rect(finding).center()  # a right click, as the platform delivers it
    QApplication.sendEvent(
        body.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, body.viewport().mapToGlobal(pos))
    )
    assert shown and finding.fixes[0].title in shown[0][:3]  # the fixes come first
    assert "防失联" not in w.editor.text()
