"""Open a draft with real media, see the check, apply fixes through the undo stack, save, reopen."""

from __future__ import annotations

from pathlib import Path

from gui_support import settle, write_ai_png, write_draft, write_phone_jpeg
from PySide6.QtCore import Qt

from checks.draft import load_draft
from checks.model import Applicability, Finding, Fix, FixKind, Severity


def _draft(tmp_path: Path) -> Path:
    write_phone_jpeg(tmp_path / "IMG_1.jpg")
    write_ai_png(tmp_path / "ai.png")
    return write_draft(
        tmp_path,
        title="震惊！西湖边突然排起长队",
        text="今天下午路过西湖，断桥边排起了长队。配图二是我用AI画的。",
        media=["IMG_1.jpg", "ai.png"],
    )


def test_open_draft_shows_media_facts_and_findings(make_window, qtbot, tmp_path):
    w = make_window()
    assert w.open_path(_draft(tmp_path))
    settle(qtbot, w)
    provenances = [str(e.facts.provenance) for e in w.media_strip.entries]
    assert provenances == ["self_shot", "ai_generated"]
    assert w.media_strip.list.count() == 2
    assert "iPhone 15" in w.media_strip.details.toPlainText()
    rules = {f.rule for f in w.report.findings}
    assert "clickbait_title" in rules  # 震惊 in the title
    tree_text = [
        w.findings_view.tree.topLevelItem(i).text(0) for i in range(w.findings_view.tree.topLevelItemCount())
    ]
    assert any("Must fix" in s or "Review" in s for s in tree_text)
    assert w.checklist.verdict.text()


def test_a_closed_window_leaves_no_callback_to_fire_into_the_next_test(qtbot, dialogs):
    """The old flake: render_report queued QTimer.singleShot(0, self.fit_checklist); when a window
    was destroyed before it fired, the call hit a deleted splitter inside whatever test ran next."""
    import shiboken6

    from app.gui.main_window import MainWindow
    from checks.settings import Settings

    w = MainWindow(Settings(lang="en"))
    w.show()
    w.render_report()  # queues the checklist fit
    shiboken6.delete(w)
    qtbot.wait(50)  # pytest-qt fails the test on any exception raised in the event loop


def test_text_fix_is_undoable_and_saved(make_window, qtbot, tmp_path):
    path = _draft(tmp_path)
    w = make_window()
    w.open_path(path)
    settle(qtbot, w)
    fix = Fix(
        FixKind.INSERT_TEXT,
        "add",
        Applicability.SAFE,
        {"text": "拍摄于2026年11月21日 浙江省杭州市", "where": "text_end"},
    )
    finding = Finding("shooting_time_place_missing", Severity.ERROR, "N2023-3b", "m", fixes=(fix,))
    before = w.editor.text()
    w.apply_fix(finding, fix)
    assert w.editor.text().endswith("拍摄于2026年11月21日 浙江省杭州市")
    w.editor.body_edit.undo()
    assert w.editor.text() == before
    w.editor.body_edit.redo()
    assert w.dirty
    settle(qtbot, w)
    assert w.save()
    assert not w.dirty
    reopened = load_draft(path)
    assert reopened.text.endswith("浙江省杭州市")
    assert reopened.media == ("IMG_1.jpg", "ai.png")
    w2 = make_window()
    w2.open_path(path)
    assert w2.editor.text() == reopened.text


def test_every_fix_of_a_real_report_applies_without_error(make_window, qtbot, tmp_path, dialogs):
    w = make_window()
    w.settings.output_dir = str(tmp_path / "out")
    w.open_path(_draft(tmp_path))
    settle(qtbot, w)
    originals = {p: p.read_bytes() for p in (tmp_path / "IMG_1.jpg", tmp_path / "ai.png")}
    w.fix_all_safe()
    settle(qtbot, w)
    for f in list(w.report.findings):
        for fix in f.fixes:
            w.apply_fix(f, fix)
            settle(qtbot, w)
    assert all(p.read_bytes() == data for p, data in originals.items())  # originals never written
    assert not [d for d in dialogs.shown if d[0] == "warning"], dialogs.shown


def test_declaration_checkbox_updates_draft_and_rechecks(make_window, qtbot, tmp_path):
    w = make_window()
    w.open_path(_draft(tmp_path))
    settle(qtbot, w)
    box = w.checklist.boxes["ai_generated"]
    assert "内容由AI生成" in box.text()  # Douyin's own wording
    done = w.checks_done
    box.setChecked(True)
    assert "ai_generated" in w.session.state.declarations
    settle(qtbot, w)
    assert w.checks_done > done
    assert w.checklist.boxes["ai_generated"].isChecked()


def test_evidence_span_is_highlighted_in_utf16_positions(make_window, qtbot):
    w = make_window()
    w.editor.set_content("t", "😀 防失联，关注小号")
    f = Finding("follow_inducement", Severity.ERROR, "N2023-7b", "m", target="text", span=(2, 5))
    w.editor.show_findings([f], f)
    assert w.editor.highlighted_spans() == [(3, 6)]  # the emoji is two UTF-16 units


def test_dropping_a_folder_adds_its_media(make_window, qtbot, tmp_path):
    folder = tmp_path / "shots"
    folder.mkdir()
    write_phone_jpeg(folder / "a.jpg")
    write_ai_png(folder / "b.png")
    (folder / "notes.txt").write_text("x")
    w = make_window()
    w.add_media_paths([str(folder)])
    assert [Path(m).name for m in w.session.state.media] == ["a.jpg", "b.png"]
    settle(qtbot, w)
    assert {str(e.facts.provenance) for e in w.media_strip.entries} == {"self_shot", "ai_generated"}
    w.add_media_paths([str(folder / "a.jpg")])
    assert len(w.session.state.media) == 2  # no duplicates


def test_fix_all_safe_turns_the_checklist_green(make_window, qtbot, tmp_path):
    """AI image + phone photo: label the text, declare, export labelled/stripped copies → ready."""
    write_ai_png(tmp_path / "ai.png")
    write_phone_jpeg(tmp_path / "p.jpg")
    path = write_draft(
        tmp_path, title="周末去西湖喝茶", text="天气很好，随手拍了几张。", media=["ai.png", "p.jpg"]
    )
    originals = {p: p.read_bytes() for p in (tmp_path / "ai.png", tmp_path / "p.jpg")}
    w = make_window()
    w.settings.output_dir = str(tmp_path / "out")
    w.open_path(path)
    settle(qtbot, w)
    assert str(w.report.verdict) == "fix_required"
    qtbot.keyClick(w, "F", modifier=Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, w)
    assert str(w.report.verdict) in ("ready", "review"), [f.rule for f in w.report.findings]
    assert not [f for f in w.report.findings if f.severity == Severity.ERROR]
    assert all(Path(m).parent == tmp_path / "out" for m in w.session.state.media)
    assert all(p.read_bytes() == data for p, data in originals.items())
    w.editor.body_edit.undo()  # the inserted label is one undo step
    assert "AI" not in w.editor.text()
