"""mcn_name_not_displayed: an MCN that the homepage does not show is an error with a safe fix."""

from __future__ import annotations

import pytest
from account_draft import run

from checks.model import FixKind, Severity


def test_hidden_mcn_is_error_with_safe_edit_account_fix() -> None:
    (f,) = run("mcn_name_not_displayed", name="糖糖的穿搭", mcn="星耀文化传媒", mcn_displayed=False)
    assert f.severity == Severity.ERROR and f.clause == "N2023-11" and f.target == "account"
    assert "星耀文化传媒" in f.message and "星耀文化传媒" in f.evidence
    (fix,) = f.fixes
    assert fix.kind == FixKind.EDIT_ACCOUNT and fix.payload == {"field": "mcn_displayed", "value": True}
    assert str(fix.applicability) == "safe"


@pytest.mark.parametrize(
    ("mcn", "shown"), [(None, False), ("", False), ("   ", False), ("北辰创作者联盟", True)]
)
def test_no_mcn_or_shown_mcn_is_fine(mcn: str | None, shown: bool) -> None:
    assert run("mcn_name_not_displayed", mcn=mcn, mcn_displayed=shown) == []


def test_message_in_english() -> None:
    (f,) = run("mcn_name_not_displayed", mcn="Lumen Media", lang="en")
    assert "Lumen Media" in f.message and "homepage" in f.message
