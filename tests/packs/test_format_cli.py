"""`preflight check --pack DIR`: a pack's rules show up in the report; a bad pack is exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "packs" / "agency-ads"


def draft(tmp_path: Path, title: str) -> Path:
    path = tmp_path / "draft.toml"
    path.write_text(
        f'platform = "xiaohongshu"\ntitle = "{title}"\ntext = "本篇为品牌方合作，优惠码 XH20。"\n',
        encoding="utf-8",
    )
    return path


def test_pack_rule_in_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(draft(tmp_path, "电动牙刷测评")), "--pack", str(EXAMPLE), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [p["id"] for p in report["packs"]] == ["core", "agency-ads"]
    (f,) = [f for f in report["findings"] if f["rule"] == "agency-ads:sponsored-needs-ad-label"]
    assert f["severity"] == "error" and f["fixes"][0]["payload"]["text"] == "#广告# "


def test_labelled_post_passes_the_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(draft(tmp_path, "#广告# 电动牙刷测评")), "--pack", str(EXAMPLE), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert not [f for f in report["findings"] if f["rule"].startswith("agency-ads:")]


def test_bad_pack_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "pack.toml").write_text('id = "bad"\nversion = "1"\npublisher = "x"\n', encoding="utf-8")
    (bad / "o.toml").write_text(
        'kind = "override"\nrule = "source_label_missing"\nenabled = false\n', encoding="utf-8"
    )
    code = main(["check", str(draft(tmp_path, "t")), "--pack", str(bad)])
    assert code == 2
    assert "reason" in capsys.readouterr().err
