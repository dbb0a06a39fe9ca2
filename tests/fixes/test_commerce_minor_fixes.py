"""Fixes of the commerce and minors rules, end to end on real drafts and real generated media."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
from fix_helpers import ai_png, camera_jpeg, sha, video
from PIL import Image

from checks.draft import load_draft
from checks.fixes.pipeline import fix_draft
from checks.fixes.video import WARNING_KEY
from checks.media import read_one

STUNT = '''platform = "douyin"
title = "挑战天台边倒立"
text = """朋友在旁边拍，风很大，腿都软了。"""
media = ["stunt.jpg", "clip.mp4"]
publish_at = 2026-11-21T20:00:00+08:00
[account]
name = "阿飞的日常"
bio = "记录生活"
'''
AD = '''platform = "xiaohongshu"
title = "中老年人必备的鱼油"
text = """蓝帽子保健食品，每天两粒。全网最低价，小黄车可以直接拍。"""
publish_at = 2026-11-21T20:00:00+08:00
[account]
name = "小鹿好物"
bio = "好物分享"
'''


def _draft(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "draft.toml").write_text(body, encoding="utf-8")
    return folder / "draft.toml"


def _rules(report) -> set[str]:
    return {f.rule for f in report.findings if f.severity.value in ("error", "warning")}


def _changed(before: np.ndarray, after: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    x0, y0, x1, y1 = box
    diff = np.abs(before[y0:y1, x0:x1].astype(int) - after[y0:y1, x0:x1].astype(int))
    return bool((diff.max(axis=2) > 60).any())


def _first_frame(path: Path, at: float = 0.0) -> np.ndarray:
    with av.open(str(path)) as c:
        for frame in c.decode(video=0):
            if frame.time is not None and frame.time >= at:
                return frame.to_ndarray(format="rgb24")
    raise AssertionError(path)


def test_minors_fix_warns_the_text_and_stamps_picture_and_video_opening(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    camera_jpeg(src / "stunt.jpg", gps=False)
    video(src / "clip.mp4", seconds=4.0, location=False)
    originals = {p.name: sha(p) for p in src.iterdir()}
    draft = load_draft(_draft(src, STUNT))
    result = fix_draft(draft, tmp_path / "out")
    assert result.draft.text.startswith("危险动作，请勿模仿\n")
    assert "minor_warning_missing" not in _rules(result.report)
    assert {p.name: sha(p) for p in src.iterdir() if p.name != "draft.toml"} == {
        k: v for k, v in originals.items() if k != "draft.toml"
    }  # originals untouched
    photo = tmp_path / "out" / result.draft.media[0]
    before = np.asarray(Image.open(src / "stunt.jpg").convert("RGB"))
    after = np.asarray(Image.open(photo).convert("RGB"))
    assert _changed(before, after, (0, 0, 200, 80))  # the warning: top-left
    assert not _changed(before, after, (440, 400, 640, 480))  # no AI label on a camera photo
    facts = read_one(photo, use_cache=False)
    assert facts.visible_warning_label and not facts.visible_ai_label and not facts.provenance.is_ai
    clip = tmp_path / "out" / result.draft.media[1]
    with av.open(str(clip)) as c:
        assert c.metadata[WARNING_KEY] == "请勿模仿"
    assert _changed(_first_frame(src / "clip.mp4"), _first_frame(clip), (0, 0, 120, 40))
    assert not _changed(_first_frame(src / "clip.mp4", 3.6), _first_frame(clip, 3.6), (0, 0, 120, 40))
    assert read_one(clip, use_cache=False).visible_warning_label


def test_ai_picture_with_a_minors_warning_gets_both_labels(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    ai_png(src / "cat.png")
    body = STUNT.replace('["stunt.jpg", "clip.mp4"]', '["cat.png"]').replace(
        "朋友在旁边拍", "AI画的，朋友在旁边拍"
    )
    result = fix_draft(load_draft(_draft(src, body)), tmp_path / "out")
    out = tmp_path / "out" / result.draft.media[0]
    before = np.asarray(Image.open(src / "cat.png").convert("RGB"))
    after = np.asarray(Image.open(out).convert("RGB"))
    assert _changed(before, after, (0, 0, 200, 80)) and _changed(before, after, (312, 432, 512, 512))
    facts = read_one(out, use_cache=False)
    assert facts.visible_warning_label and facts.visible_ai_label
    assert not {"minor_warning_missing", "ai_visible_label_missing"} & _rules(result.report)


def test_ad_fix_labels_the_title_declares_and_adds_the_health_food_notice(tmp_path: Path) -> None:
    draft = load_draft(_draft(tmp_path / "in", AD))
    before = {f.rule for f in fix_draft(draft, tmp_path / "dry").report.findings}  # safe fixes only
    assert "absolute_claim_in_ad" in before  # unsafe: the substitution waits for the creator
    result = fix_draft(draft, tmp_path / "out")
    assert result.draft.title == "【广告】中老年人必备的鱼油"
    assert "advertising" in result.draft.declarations
    assert result.draft.text.rstrip().endswith("本品不能代替药物")
    left = _rules(result.report)
    assert "ad_label_missing" not in left and "medical_claim_in_ad" not in left
    unsafe = fix_draft(draft, tmp_path / "all", unsafe=True)
    assert "全网最低价" not in unsafe.draft.text and "absolute_claim_in_ad" not in _rules(unsafe.report)
