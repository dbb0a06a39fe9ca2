"""Precedence of an MCN pack over the built-in rules: add freely, tighten freely, relax only with a
stated reason the creator sees."""

from __future__ import annotations

import pytest

from checks.draft import draft_from_dict
from checks.engine import check_draft
from checks.model import Severity
from checks.packs import PackError, load_packs, store

DRAFT = {
    "title": "今天的vlog",
    "text": "家人们谁懂啊，今天去了一家新开的面馆。",
    "account": {"name": "小王的日常", "bio": "记录生活", "mcn": "星河文化传媒", "mcn_displayed": False},
}


def findings(packs):
    report = check_draft(draft_from_dict(DRAFT), packs=packs, media=[])
    return {f.rule: f for f in report.findings}


def override(rule: str, **fields: object) -> str:
    lines = ['kind = "override"', f'rule = "{rule}"']
    for k, v in fields.items():
        lines.append(f"{k} = {str(v).lower() if isinstance(v, bool) else repr(v)}".replace("'", '"'))
    return "\n".join(lines) + "\n"


def test_pack_adds_rules_and_lexicons(make_pack, trusted) -> None:
    rule = 'kind = "existence"\nid = "no-slang"\nseverity = "warning"\nmessage = "避免使用网络流行语“{found}”"\ntokens = ["家人们谁懂啊"]\n'
    store.install(make_pack(files={"rules/slang.toml": rule}))
    got = findings(load_packs())
    assert got["mcn-xinghe:no-slang"].severity == Severity.WARNING
    assert "mcn_name_not_displayed" in got  # built-in rules still run


def test_relaxing_a_builtin_rule_needs_a_reason(make_pack, trusted) -> None:
    folder = make_pack(files={"rules/relax.toml": override("mcn_name_not_displayed", severity="warning")})
    with pytest.raises(PackError, match="reason"):
        store.install(folder)
    assert store.list_installed() == []


def test_relaxed_rule_shows_the_reason_to_the_creator(make_pack, trusted) -> None:
    reason = "机构名称已在直播间展示，平台另行核验"
    store.install(
        make_pack(
            files={"rules/relax.toml": override("mcn_name_not_displayed", severity="warning", reason=reason)}
        )
    )
    f = findings(load_packs())["mcn_name_not_displayed"]
    assert f.severity == Severity.WARNING and reason in (f.note or "")


def test_disabled_builtin_rule_still_reports_as_info_with_reason(make_pack, trusted) -> None:
    reason = "本机构账号统一由运营后台展示"
    store.install(
        make_pack(files={"rules/off.toml": override("mcn_name_not_displayed", enabled=False, reason=reason)})
    )
    f = findings(load_packs())["mcn_name_not_displayed"]
    assert f.severity == Severity.INFO and reason in (f.note or "")


def test_stricter_override_wins_over_a_relaxing_one(make_pack, trusted) -> None:
    relax = make_pack(
        "relax",
        pack_id="relaxer",
        files={"rules/r.toml": override("mcn_name_not_displayed", severity="info", reason="r")},
    )
    strict = make_pack(
        "strict",
        pack_id="strict",
        files={"rules/s.toml": override("mcn_name_not_displayed", severity="error")},
    )
    f = findings(load_packs([relax, strict]))["mcn_name_not_displayed"]
    assert f.severity == Severity.ERROR and not f.note
