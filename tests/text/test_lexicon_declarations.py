"""Rules as data: every core lexicon is read by someone, and every lexicon a rule reads exists and is
declared (`Rule.lexicons`, printed by `preflight explain`) — checked statically and by watching
what each rule actually asks the text layer for."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.model import Account, Draft, MediaFacts, Provenance
from checks.packs import core_pack, load_packs
from checks.rules import RULE_IDS, get_rule
from checks.rules.base import Context
from checks.text import layer
from checks.text.analysis import LEXICONS as ANALYSIS
from checks.text.obligations import LEXICONS as OBLIGATIONS
from checks.vocabulary.packset import PackSet

PUBLISH = datetime(2026, 11, 21, 12, tzinfo=UTC)
ACCOUNT_RULES = ("impersonation_official", "impersonation_media", "admin_division_in_name")
SHARED = {*ANALYSIS, *OBLIGATIONS, layer.GAZETTEER}
DRAFTS = [
    Draft(
        title="震惊！地震了，82岁奶奶被困",
        text="据网传，昨天某地发生地震。点赞过万我就帮奶奶，下单链接在橱窗。防·失·联关注小号。"
        "我是主任医师，降压药停两天就行，基金稳赚。本故事纯属虚构，内容由AI生成。",
        account=Account(name="北京日报健康说", bio="原新华社记者，三甲医院医生，律师的学生"),
        publish_at=PUBLISH,
    ),
    Draft(title="突发！某地出事了", text="细节请看正文。", publish_at=PUBLISH),
    Draft(
        title="Grandpa is 86",
        text="Please like and share, for every 10k likes we donate. Link in bio, follow my backup account.",
        account=Account(name="Dr. Lee News", bio="CCTV reporter"),
        publish_at=PUBLISH,
    ),
    Draft(  # the commerce rules read their deeper lexicons only once a product and a seller appear
        title="血糖高的人要注意",
        text="小贴士：少吃甜食。这款降糖茶是我家自己用的，小黄车有，限时包邮。我女儿今年5岁。",
        publish_at=PUBLISH,
    ),
]


def core_names() -> set[str]:
    core = core_pack()
    return set(core.lexicons) | set(core.patterns)


def declared() -> dict[str, set[str]]:
    out = {}
    for rid in RULE_IDS:
        rule = get_rule(rid)
        assert rule is not None
        out[rid] = set(rule.lexicons)
    return out


def test_every_core_lexicon_is_read_by_a_rule_or_the_analysis() -> None:
    read = SHARED.union(*declared().values())
    unread = core_names() - read
    assert not unread, f"core lexicons no rule reads: {sorted(unread)}"


def test_every_declared_lexicon_exists_in_the_core_pack() -> None:
    missing = {rid: sorted(names - core_names()) for rid, names in declared().items() if names - core_names()}
    missing_shared = (SHARED - {layer.GAZETTEER}) - core_names()
    assert not missing and not missing_shared, (missing, missing_shared)


@pytest.mark.parametrize("rid", [r for r in RULE_IDS if get_rule(r) and get_rule(r).lexicons])
def test_a_rule_reads_only_what_it_declares(rid: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = get_rule(rid)
    assert rule is not None
    packs = load_packs()
    asked: set[str] = set()
    own = MediaFacts(path="own.jpg", kind="image", provenance=Provenance.SELF_SHOT)
    for draft, media in [(d, m) for d in DRAFTS for m in ((), (own,))]:  # media rules read on own footage
        ctx = Context(draft=draft, media=media, packs=packs, publish_at=PUBLISH)
        _ = ctx.text  # the shared analysis is computed first and not charged to the rule
        real_find, real_lexicon = layer.Vocabulary.find, PackSet.lexicon

        def find(self, name, text, target="text", _real=real_find):
            asked.add(name)
            return _real(self, name, text, target)

        def lexicon(self, name, _real=real_lexicon):
            asked.add(name)
            return _real(self, name)

        with monkeypatch.context() as m:
            m.setattr(layer.Vocabulary, "find", find)
            m.setattr(PackSet, "lexicon", lexicon)
            list(rule.check(ctx))
    asked.discard("")  # ad-hoc phrase lists (generated names) are not lexicons
    # A rename fix drops every part of the name that any account rule objects to (account_fixes).
    rename = set().union(*(get_rule(r).lexicons for r in ACCOUNT_RULES))
    undeclared = asked - set(rule.lexicons) - SHARED - rename
    assert not undeclared, f"{rid} reads lexicons it does not declare: {sorted(undeclared)}"
    stale = set(rule.lexicons) - asked - SHARED - rename
    assert not stale, f"{rid} declares lexicons nothing reads for it: {sorted(stale)}"
