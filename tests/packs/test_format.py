"""The rule-pack format: the five kinds, precedence, and refusing bad packs with file/line/key."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.engine import check_draft
from checks.model import Account, Draft, Gps, MediaFacts, Provenance, Severity
from checks.packs import PackError, core_pack, load_pack, load_packs, merge

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "packs" / "agency-ads"
PUBLISH = datetime(2026, 11, 21, 12, tzinfo=UTC)


def write_pack(folder: Path, files: dict[str, str], meta: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(
        meta or 'id = "test"\nversion = "1"\npublisher = "me"\nmin_app_version = "0.1.0"\n', encoding="utf-8"
    )
    for name, body in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def check(draft: Draft, *packs: Path, media: tuple[MediaFacts, ...] = ()) -> list:
    return list(check_draft(draft, extra_packs=packs, media=media).findings)


def test_core_pack_loads_and_its_patterns_pass_the_safety_checks() -> None:
    core = core_pack()
    assert core.info.id == "core"
    assert "label_source" in core.patterns and core.lexicons["time_now"]


def test_requirement_rule_fires_and_is_satisfied_by_label_or_declaration() -> None:
    sponsored = Draft(
        title="这款电动牙刷我用了一个月", text="本篇为品牌方合作，优惠码 XH20。", publish_at=PUBLISH
    )
    (f,) = [f for f in check(sponsored, EXAMPLE) if f.rule == "agency-ads:sponsored-needs-ad-label"]
    assert f.severity == Severity.ERROR and f.clause == "ADLAW-14" and "广告" in f.message
    assert f.evidence in ("品牌方", "合作") and f.span is not None
    (fix,) = f.fixes
    assert fix.payload == {"text": "#广告# ", "where": "title_prefix", "target": "title"}
    labelled = sponsored.with_changes(title="#广告# 这款电动牙刷我用了一个月")
    declared = sponsored.with_changes(declarations=("advertising",))
    for ok in (labelled, declared):
        assert not [f for f in check(ok, EXAMPLE) if f.rule.startswith("agency-ads:")]


def test_existence_and_substitution_rules() -> None:
    draft = Draft(title="#广告# 史上最强吸尘器", text="全网最便宜，销量第一。", publish_at=PUBLISH)
    found = {f.rule: f for f in check(draft, EXAMPLE)}
    assert found["agency-ads:absolute-claims"].severity == Severity.WARNING
    swap = found["agency-ads:softer-words"]
    assert swap.fixes[0].payload == {"text": "很实惠", "where": "replace", "span": [2, 5], "target": "text"}


def test_pack_rules_only_run_when_the_pack_is_loaded() -> None:
    draft = Draft(title="品牌方合作", text="优惠码 XH20", publish_at=PUBLISH)
    assert not [f for f in check(draft) if f.rule.startswith("agency-ads:")]


def test_lexicon_pack_extends_a_builtin_list() -> None:
    merged = merge([core_pack(), load_pack(EXAMPLE)])
    assert "家人们谁懂啊" in merged.lexicon("clickbait_strong")
    assert set(core_pack().lexicons["clickbait_strong"]) <= set(merged.lexicon("clickbait_strong"))


def test_relaxing_override_shows_its_reason_on_the_finding() -> None:
    media = (MediaFacts(path="a.jpg", gps=Gps(23.13, 113.26), provenance=Provenance.SELF_SHOT),)
    draft = Draft(title="上海外滩夜景", text="今晚外滩的灯光秀。", media=("a.jpg",), publish_at=PUBLISH)
    (plain,) = [f for f in check(draft, media=media) if f.rule == "capture_place_mismatch"]
    (relaxed,) = [f for f in check(draft, EXAMPLE, media=media) if f.rule == "capture_place_mismatch"]
    assert plain.severity == Severity.WARNING and plain.note is None
    assert relaxed.severity == Severity.INFO
    assert relaxed.note == "由 agency-ads 放宽：本机构旅行博主常在回程后发布，拍摄地点由编辑部逐条核对"


def test_stricter_override_needs_no_reason_and_disable_keeps_an_info(tmp_path: Path) -> None:
    strict = write_pack(
        tmp_path / "s", {"o.toml": 'kind = "override"\nrule = "capture_time_mismatch"\nseverity = "error"\n'}
    )
    off = write_pack(
        tmp_path / "d",
        {
            "o.toml": 'kind = "override"\nrule = "fiction_label_missing"\nenabled = false\nreason = "短剧账号另有审核"\n'
        },
        meta='id = "off"\nversion = "1"\npublisher = "me"\n',
    )
    ps = load_packs([strict, off])
    assert ps.overrides["capture_time_mismatch"].severity == Severity.ERROR
    story = Draft(title="第12集｜婆婆当众撕了我的离婚协议", text="下集更精彩！", publish_at=PUBLISH)
    (f,) = [f for f in check_draft(story, packs=ps, media=()).findings if f.rule == "fiction_label_missing"]
    assert f.severity == Severity.INFO and f.note == "由 off 停用：短剧账号另有审核"


def test_zip_pack_loads_like_a_folder(tmp_path: Path) -> None:
    archive = tmp_path / "agency-ads.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in EXAMPLE.rglob("*.toml"):
            zf.write(file, f"agency-ads/{file.relative_to(EXAMPLE)}")
    pack = load_pack(archive)
    assert pack.info.id == "agency-ads" and len(pack.rules) == 3


def test_duplicate_pack_id_is_refused() -> None:
    with pytest.raises(PackError, match="already loaded"):
        merge([core_pack(), load_pack(EXAMPLE), load_pack(EXAMPLE)])


def test_account_scope(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path / "p",
        {
            "r.toml": 'kind = "existence"\nid = "no-official"\nscope = ["account"]\nmessage = "账号名含“{found}”"\ntokens = ["官方"]\n'
        },
    )
    draft = Draft(title="t", text="官方", account=Account(name="某某官方旗舰"), publish_at=PUBLISH)
    (f,) = [f for f in check(draft, pack) if f.rule == "test:no-official"]
    assert f.target == "account" and f.span is None and f.message == "账号名含“官方”"
