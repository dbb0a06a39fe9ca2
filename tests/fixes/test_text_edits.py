"""Text, declaration and account fixes: applied exactly, never garbled, idempotent."""

from __future__ import annotations

import pytest

from checks.fixes.apply import FixError, apply_fixes, apply_text_fix
from checks.model import Account, Applicability, Draft, Fix, FixKind


def insert(text: str, where: str, target: str | None = None, span: list[int] | None = None) -> Fix:
    payload: dict = {"text": text, "where": where}
    if target:
        payload["target"] = target
    if span is not None:
        payload["span"] = span
    return Fix(FixKind.INSERT_TEXT, "t", Applicability.SAFE, payload)


DRAFT = Draft(title="西湖边的一天", text="第一行\n第二行\n第三行")


def test_text_end_adds_a_dedicated_last_line() -> None:
    out = apply_text_fix(DRAFT, insert("拍摄于2026年11月3日 浙江省杭州市西湖区", "text_end"))
    assert out.text.splitlines()[-1] == "拍摄于2026年11月3日 浙江省杭州市西湖区"
    assert out.text.startswith("第一行\n第二行\n第三行\n")


def test_text_start_and_title_prefix() -> None:
    out = apply_text_fix(DRAFT, insert("信息来源：新华社", "text_start"))
    assert out.text.splitlines()[0] == "信息来源：新华社"
    out = apply_text_fix(out, insert("【情景演绎，仅供娱乐】", "title_prefix", "title"))
    assert out.title == "【情景演绎，仅供娱乐】西湖边的一天"


def test_empty_body_gets_the_label_alone() -> None:
    out = apply_text_fix(Draft(), insert("内容由AI生成", "text_end"))
    assert out.text == "内容由AI生成"


def test_inserting_twice_changes_nothing() -> None:
    fix = insert("内容由AI生成", "text_end")
    once = apply_text_fix(DRAFT, fix)
    assert apply_text_fix(once, fix) == once
    title_fix = insert("【情景演绎，仅供娱乐】", "title_prefix")
    t1 = apply_text_fix(DRAFT, title_fix)
    assert apply_text_fix(t1, title_fix).title == t1.title


def test_replace_span_rewrites_only_that_span() -> None:
    draft = Draft(text="昨天在杭州发生的事")
    out = apply_text_fix(draft, insert("2026年11月20日", "replace", "text", [0, 2]))
    assert out.text == "2026年11月20日在杭州发生的事"
    assert apply_text_fix(out, insert("2026年11月20日", "replace", "text", [0, 11])) == out


def test_stale_span_is_a_clear_error() -> None:
    with pytest.raises(FixError, match="outside the text"):
        apply_text_fix(Draft(text="短"), insert("x", "replace", "text", [3, 9]))


def test_overlapping_edits_are_resolved_not_garbled() -> None:
    draft = Draft(text="ABCDEFGHIJ")
    fixes = [
        insert("xy", "replace", "text", [2, 5]),  # CDE -> xy
        insert("Q", "replace", "text", [4, 7]),  # overlaps the first: skipped
        insert("", "replace", "text", [8, 10]),  # delete IJ
        insert("!", "replace", "text", [3, 3]),  # insertion inside the replaced CDE: skipped
        insert("xy", "replace", "text", [2, 5]),  # identical duplicate: once
        insert("内容由AI生成", "text_end"),
        insert("内容由AI生成", "text_end"),
    ]
    out, applied, skipped = apply_fixes(draft, fixes)
    assert out.text == "ABxyFGH\n内容由AI生成"
    assert len(applied) == 3
    assert {f.payload.get("text") for f in skipped} == {"Q", "!"}


def test_replacements_apply_right_to_left_on_original_offsets() -> None:
    draft = Draft(title="震惊！速看！真相", text="")
    fixes = [insert("", "replace", "title", [0, 3]), insert("", "replace", "title", [3, 6])]
    out, applied, _ = apply_fixes(draft, fixes)
    assert out.title == "真相"
    assert len(applied) == 2


def test_declare_and_account_fixes() -> None:
    draft = Draft(account=Account(name="账号", mcn="星辰传媒"))
    declare = Fix(FixKind.DECLARE, "t", Applicability.SAFE, {"declaration": "ai_generated"})
    out = apply_text_fix(apply_text_fix(draft, declare), declare)
    assert out.declarations == ("ai_generated",)
    show = Fix(FixKind.EDIT_ACCOUNT, "t", Applicability.SAFE, {"field": "mcn_displayed", "value": True})
    assert apply_text_fix(out, show).account.mcn_displayed is True
    cred = Fix(
        FixKind.EDIT_ACCOUNT,
        "t",
        Applicability.DISPLAY_ONLY,
        {"field": "credentials", "value": {"field": "health", "verified": True}},
    )
    assert apply_text_fix(out, cred).account.credentials[0].field == "health"
    with pytest.raises(FixError):
        apply_text_fix(out, Fix(FixKind.DECLARE, "t", payload={"declaration": "nonsense"}))
    with pytest.raises(FixError):
        apply_text_fix(out, Fix(FixKind.STRIP_GPS, "t", payload={"media": 0}))
