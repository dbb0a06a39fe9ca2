"""`fix_draft` and `preflight fix` end to end, on the real rules and real generated files."""

from __future__ import annotations

from pathlib import Path

import pytest
from fix_helpers import ai_png, camera_jpeg, sha

from app.cli import main
from checks.draft import load_draft
from checks.engine import check_draft
from checks.fixes.declarations import checklist
from checks.fixes.pipeline import FixOutputError, fix_draft

NEWS = '''platform = "douyin"
title = "下班路上碰到一起事故"
text = """两辆电动车撞上了，交警已到场处置，请大家注意安全。"""
media = ["news.jpg"]
publish_at = 2026-11-03T20:00:00+08:00
account = "account.toml"
'''
ACCOUNT = """name = "小李的日常"
bio = "记录生活"
mcn = "星辰传媒"
mcn_displayed = false
"""
AI = '''platform = "xiaohongshu"
title = "我的猫咪宇航员"
text = """今天画了一只去太空的猫。"""
media = ["cat.png"]
publish_at = 2026-11-21T20:00:00+08:00
[account]
name = "画画的阿喵"
bio = "每天一张图"
'''


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    camera_jpeg(folder / "news.jpg")
    (folder / "account.toml").write_text(ACCOUNT, encoding="utf-8")
    (folder / "draft.toml").write_text(NEWS, encoding="utf-8")
    return folder / "draft.toml"


@pytest.fixture
def ai(tmp_path: Path) -> Path:
    folder = tmp_path / "ai"
    folder.mkdir()
    ai_png(folder / "cat.png")
    (folder / "draft.toml").write_text(AI, encoding="utf-8")
    return folder / "draft.toml"


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: sha(p) for p in sorted(folder.iterdir()) if p.is_file()}


def rules(report) -> set[str]:
    return {f.rule for f in report.findings}


def test_news_photo_round_trip(news: Path, tmp_path: Path) -> None:
    before = hashes(news.parent)
    first = check_draft(load_draft(news))
    assert {"shooting_time_place_missing", "gps_privacy", "mcn_name_not_displayed"} <= rules(first)
    result = fix_draft(load_draft(news), tmp_path / "out")
    assert hashes(news.parent) == before  # originals never written
    fixed = {"shooting_time_place_missing", "gps_privacy", "mcn_name_not_displayed"}
    assert not fixed & rules(result.report)
    again = check_draft(load_draft(tmp_path / "out" / "draft.toml"))
    assert not fixed & rules(again)
    text = result.draft.text
    assert text.splitlines()[-1] == "拍摄于2026年11月3日 浙江省杭州市上城区"
    assert result.draft.account.mcn_displayed is True
    assert (tmp_path / "out" / "account.toml").exists()
    assert result.draft.media == ("media/news.jpg",)
    assert {p.name for p in result.written} == {"draft.toml", "news.jpg", "account.toml"}


def test_ai_image_round_trip_and_checklist(ai: Path, tmp_path: Path) -> None:
    before = hashes(ai.parent)
    first = check_draft(load_draft(ai))
    wanted = {"ai_label_missing", "ai_visible_label_missing", "ai_implicit_label_missing"}
    assert wanted <= rules(first)
    items = checklist(first)
    assert [(i.declaration, i.wording) for i in items] == [("ai_generated", "笔记含AI合成内容")]
    assert "ai_label_missing" in items[0].why and "添加内容类型声明" in items[0].instruction("zh")
    result = fix_draft(load_draft(ai), tmp_path / "out")
    assert hashes(ai.parent) == before
    assert not wanted & rules(result.report)
    assert "ai_generated" in result.draft.declarations
    assert result.draft.text.endswith("\n图片由AI生成") or result.draft.text.endswith("\n内容由AI生成")
    facts = result.report.media[0]
    assert facts.aigc_label is not None and facts.aigc_label.label == "1"
    assert facts.visible_ai_label
    assert [i.declaration for i in checklist(result.report)] == ["ai_generated"]


def test_fixing_a_fixed_draft_changes_nothing(ai: Path, tmp_path: Path) -> None:
    once = fix_draft(load_draft(ai), tmp_path / "one")
    twice = fix_draft(load_draft(tmp_path / "one" / "draft.toml"), tmp_path / "two")
    assert twice.applied == ()
    assert (tmp_path / "one" / "draft.toml").read_text() == (tmp_path / "two" / "draft.toml").read_text()
    assert sha(tmp_path / "one" / "media" / "cat.png") == sha(tmp_path / "two" / "media" / "cat.png")
    assert rules(once.report) == rules(twice.report)


def test_only_limits_the_rules(ai: Path, tmp_path: Path) -> None:
    result = fix_draft(load_draft(ai), tmp_path / "out", only=["ai_implicit_label_missing"])
    assert {a.rule for a in result.applied} == {"ai_implicit_label_missing"}
    assert "ai_label_missing" in rules(result.report)


def test_output_folder_problems(news: Path, tmp_path: Path) -> None:
    with pytest.raises(FixOutputError, match="overwrite the original"):
        fix_draft(load_draft(news), news.parent)
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(FixOutputError, match="cannot write to"):
        fix_draft(load_draft(news), blocker / "out")


def test_cli_fix_prints_what_it_did_and_what_is_left(ai: Path, tmp_path: Path, capsys) -> None:
    before = hashes(ai.parent)
    code = main(["fix", str(ai), "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert code == 0
    assert "ai_visible_label_missing" in out and str(tmp_path / "out" / "media" / "cat.png") in out
    assert "笔记含AI合成内容" in out and "添加内容类型声明" in out
    assert hashes(ai.parent) == before


def test_cli_fix_exit_codes(news: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    assert main(["fix", str(news), "--out", str(blocker / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("preflight: cannot write to") and err.count("\n") == 1
    assert main(["fix", str(tmp_path / "missing.toml"), "--out", str(tmp_path / "o")]) == 2
    assert main(["fix", str(news), "--out", str(tmp_path / "o2"), "--only", "no_such_rule"]) == 2


def test_cli_fix_exit_1_when_errors_remain(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(
        'title = "震惊！"\ntext = "关注我的小号防失联"\n[account]\nname = "某某"\n', encoding="utf-8"
    )
    code = main(["fix", str(draft), "--out", str(tmp_path / "out"), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1
    assert "follow_inducement" in out and "--unsafe" in out


VIDEO = '''platform = "bilibili"
title = "AI 做的短片"
text = """周末用 AI 工具做了一段小动画。"""
media = ["clip.mp4"]
publish_at = 2026-11-21T20:00:00+08:00
[account]
name = "动画小站"
'''


def test_ai_video_round_trip_keeps_one_label(tmp_path: Path) -> None:
    import json

    import av
    from fix_helpers import video

    folder = tmp_path / "v"
    folder.mkdir()
    producer = '{"Label":"1","ContentProducer":"kling","ProduceID":"abc123","ReservedCode1":"","ContentPropagator":"kling","PropagateID":"abc123","ReservedCode2":""}'
    video(folder / "clip.mp4", seconds=2.5, location=False, aigc=producer)
    (folder / "draft.toml").write_text(VIDEO, encoding="utf-8")
    before = hashes(folder)
    first = check_draft(load_draft(folder / "draft.toml"))
    assert "ai_visible_label_missing" in rules(first)
    result = fix_draft(load_draft(folder / "draft.toml"), tmp_path / "out")
    assert hashes(folder) == before
    assert "ai_visible_label_missing" not in rules(result.report)
    with av.open(str(tmp_path / "out" / "media" / "clip.mp4")) as c:
        assert json.loads(c.metadata["AIGC"])["ContentProducer"] == "kling"  # the producer's label, not ours
        assert c.metadata["com.preflight.visiblelabel"]


def test_unsafe_fixes_only_on_request(tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(
        'title = "周末去爬山"\ntext = "山上风景很好。关注我的小号防失联！下次再来。"\n[account]\nname = "爬山的人"\n',
        encoding="utf-8",
    )
    safe = fix_draft(load_draft(draft), tmp_path / "a")
    assert "follow_inducement" in rules(safe.report)
    bold = fix_draft(load_draft(draft), tmp_path / "b", unsafe=True)
    assert "follow_inducement" not in rules(bold.report)
    assert "防失联" not in bold.draft.text and bold.draft.text.startswith("山上风景很好。")


def test_labels_follow_the_post_language_not_the_ui(ai: Path, tmp_path: Path) -> None:
    result = fix_draft(load_draft(ai), tmp_path / "out", lang="en")
    assert result.draft.text.splitlines()[-1] in ("图片由AI生成", "内容由AI生成")
    english = tmp_path / "en"
    english.mkdir()
    ai_png(english / "cat.png")
    (english / "draft.toml").write_text(
        'platform = "generic"\ntitle = "My cat astronaut"\ntext = "I drew a cat floating in space with a tiny helmet."\n'
        'media = ["cat.png"]\n[account]\nname = "catdraws"\n',
        encoding="utf-8",
    )
    result = fix_draft(load_draft(english / "draft.toml"), tmp_path / "out_en", lang="zh")
    assert result.draft.text.splitlines()[-1] in ("Image generated by AI", "AI-generated content")


def test_account_file_in_the_output_folder_is_not_overwritten(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "acct.toml").write_text(ACCOUNT, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.toml").write_text(
        'title = "周末"\ntext = "出去走走"\naccount = "../shared/acct.toml"\n', encoding="utf-8"
    )
    before = sha(shared / "acct.toml")
    result = fix_draft(load_draft(drafts / "draft.toml"), shared)
    assert sha(shared / "acct.toml") == before
    assert result.draft.account_ref == "account.toml"
    assert result.draft.account.mcn_displayed is True


def test_disk_full_during_fix_leaves_no_draft_and_originals_intact(
    ai: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    before = hashes(ai.parent)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FixOutputError, match="No space left on device"):
        fix_draft(load_draft(ai), tmp_path / "out")
    assert not (tmp_path / "out" / "draft.toml").exists()
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []
    assert hashes(ai.parent) == before
