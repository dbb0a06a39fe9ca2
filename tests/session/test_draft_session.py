"""DraftSession without Qt: refusing non-drafts, never overwriting them, scoped verdicts, undo,
and one fix planner shared with `preflight fix`."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from PIL import Image

from checks.draft import DraftError, load_draft
from checks.engine import check_draft
from checks.fixes.planner import plan_fixes
from checks.model import Account, Applicability, Finding, Fix, FixKind, Severity
from checks.packs import load_packs
from checks.session import DraftSession, NotADraftError, rules_checked


def _write(path: Path, data: dict) -> Path:
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _phone_jpeg(path: Path, lat: float, lon: float) -> Path:
    def dms(v: float) -> tuple[float, float, float]:
        d = int(v)
        m = int((v - d) * 60)
        return (float(d), float(m), round((v - d - m / 60) * 3600, 2))

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = sub[0x9004] = "2026:11:21 15:42:10"
    sub[0x9011] = "+08:00"
    gps = exif.get_ifd(0x8825)
    gps[0] = b"\x02\x02\x00\x00"
    gps[1], gps[2], gps[3], gps[4] = "N", dms(lat), "E", dms(lon)
    Image.new("RGB", (640, 480), (120, 160, 200)).save(path, exif=exif, quality=80)
    return path


def test_a_toml_that_is_not_a_draft_is_refused_and_never_overwritten(tmp_path):
    history = _write(tmp_path / "account-history.toml", {"name": "星河小王", "mcn": {"name": "星河文化传媒"}})
    before = history.read_bytes()
    with pytest.raises(DraftError):
        DraftSession.open(history)
    s = DraftSession.new()
    s.type_text("标题", "正文")
    with pytest.raises(NotADraftError):
        s.save(history)
    assert history.read_bytes() == before
    saved = s.save(tmp_path / "new.toml")
    assert load_draft(saved).title == "标题"


def test_verdict_names_its_scope_and_an_empty_draft_is_its_own_state(tmp_path):
    s = DraftSession.new()
    assert s.verdict("en").state == "empty"
    assert s.verdict("zh").headline == "写下或打开一篇草稿"
    s.type_text("周末在家做了一碗面", "很简单的一碗面，记录一下。")
    packs = load_packs()
    s.report = check_draft(s.draft(), lang="en", packs=packs, media=())
    s.checks_run = rules_checked(packs)
    v = s.verdict("en")
    assert v.state == "clean"
    assert v.headline == f"No labelling problems found in {s.checks_run} checks"
    assert s.checks_run >= 20
    assert "Ready" not in v.headline
    assert s.verdict("zh").headline.startswith("未发现标注问题：已检查")


def test_every_fix_is_one_undo_step(tmp_path):
    s = DraftSession.new(profile=Account(name="小王"))
    s.type_text("标题", "正文")
    s.report = check_draft(s.draft(), lang="zh", media=())
    declare = Fix(FixKind.DECLARE, "tick", Applicability.SAFE, {"declaration": "ai_generated"})
    account = Fix(
        FixKind.EDIT_ACCOUNT, "rename", Applicability.SAFE, {"field": "name", "value": "小王的厨房"}
    )
    text = Fix(
        FixKind.INSERT_TEXT, "label", Applicability.SAFE, {"text": "内容由AI生成", "where": "text_end"}
    )
    finding = Finding("ai_label_missing", Severity.ERROR, "c", "m", fixes=(declare, account, text))
    result = s.apply(plan_fixes([finding]), "Fix all")
    assert len(result.done) == 3
    assert s.state.declarations == ("ai_generated",)
    assert s.state.account.name == "小王的厨房"
    assert s.state.text.endswith("内容由AI生成")
    assert s.undo() == "Fix all"
    assert (s.state.declarations, s.state.account.name, s.state.text) == ((), "小王", "正文")
    assert s.redo() == "Fix all"
    assert s.state.account.name == "小王的厨房"


def test_gps_strip_is_held_back_while_it_is_evidence_for_a_place_mismatch(tmp_path):
    """Item 15: the app's planner and `preflight fix` agree (one planner)."""
    _phone_jpeg(tmp_path / "IMG_1.jpg", 39.9042, 116.4074)  # Beijing
    draft_file = _write(
        tmp_path / "draft.toml",
        {
            "platform": "douyin",
            "title": "杭州西湖边的早晨",
            "text": "今天早上在杭州西湖拍的。",
            "media": ["IMG_1.jpg"],
        },
    )
    s = DraftSession.open(draft_file)
    s.report = check_draft(s.draft(), lang="en")
    rules = {f.rule for f in s.report.findings}
    assert {"capture_place_mismatch", "gps_privacy"} <= rules
    plan = s.plan()
    assert not plan.media or not any(j.strip_gps for j in plan.media.values())
    held = [h for h in plan.held if h.finding.rule == "gps_privacy"]
    assert held and held[0].why == "held"
    assert "resolve" in held[0].reason("en")
    result = s.apply(plan, "Fix all", out_dir=tmp_path / "out")
    assert any(o.rule == "gps_privacy" and not o.done for o in result.skipped)
    assert not (tmp_path / "out" / "IMG_1-preflight.jpg").exists()
