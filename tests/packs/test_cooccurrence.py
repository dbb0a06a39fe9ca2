"""The `cooccurrence` pack kind: A with B in a scope, unless C — the kind the exploitation rules use."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.engine import check_draft
from checks.model import Draft, Severity
from checks.packs import PackError, load_pack

PUBLISH = datetime(2026, 11, 21, 12, tzinfo=UTC)
META = 'id = "agency"\nversion = "1"\npublisher = "me"\nmin_app_version = "0.1.0"\n'
RULE = """
kind = "cooccurrence"
id = "illness-money"
severity = "error"
clause = "SA2023-3.3"
message = { zh = "借病患（“{first}”）募捐（“{second}”）", en = "Illness ('{first}') used to raise money ('{second}')" }
scope = "SCOPE"

[first]
tokens = ["透析", "化疗"]

[second]
lexicons = ["engagement_solicitation"]
tokens = ["扫码捐"]

[exceptions]
lexicons = ["official_donation_channels"]
"""


def pack(tmp_path: Path, scope: str = "sentence") -> Path:
    folder = tmp_path / f"agency-{scope}"
    folder.mkdir(exist_ok=True)
    (folder / "pack.toml").write_text(META, encoding="utf-8")
    (folder / "illness.toml").write_text(RULE.replace("SCOPE", scope), encoding="utf-8")
    return folder


def findings(draft: Draft, folder: Path) -> list:
    return [f for f in check_draft(draft, extra_packs=[folder]).findings if f.rule == "agency:illness-money"]


def test_first_and_second_in_one_sentence_fire_with_both_words(tmp_path: Path) -> None:
    draft = Draft(title="我的日常", text="妈妈每周透析三次，大家扫 码 捐一点吧。", publish_at=PUBLISH)
    (f,) = findings(draft, pack(tmp_path))
    assert f.severity == Severity.ERROR and "透析" in f.message and "扫 码 捐" in f.message
    assert draft.text[f.span[0] : f.span[1]] == "扫 码 捐"  # folded token, original span


def test_scope_decides_whether_separate_sentences_meet(tmp_path: Path) -> None:
    draft = Draft(
        title="我的日常", text="妈妈每周透析三次。\n今天天气不错，扫码捐一点吧。", publish_at=PUBLISH
    )
    assert not findings(draft, pack(tmp_path, "sentence"))
    assert not findings(draft, pack(tmp_path, "paragraph"))
    assert findings(draft, pack(tmp_path, "post"))


def test_an_exception_in_the_sentence_of_the_second_hit_cancels_it(tmp_path: Path) -> None:
    draft = Draft(title="化疗日记", text="想帮忙的请通过红十字会官方渠道捐款。", publish_at=PUBLISH)
    assert not findings(draft, pack(tmp_path, "post"))
    plea = draft.with_changes(text="想帮忙的请捐款，谢谢大家。")
    assert findings(plea, pack(tmp_path, "post"))


def test_bad_scope_and_empty_probe_are_refused_with_the_key(tmp_path: Path) -> None:
    bad = pack(tmp_path, "chapter")
    with pytest.raises(PackError, match="scope"):
        load_pack(bad)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "pack.toml").write_text(META, encoding="utf-8")
    (empty / "r.toml").write_text(
        RULE.replace("SCOPE", "post").replace('tokens = ["透析", "化疗"]', ""), encoding="utf-8"
    )
    with pytest.raises(PackError, match="first"):
        load_pack(empty)
