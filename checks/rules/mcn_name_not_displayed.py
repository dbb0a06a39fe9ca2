"""An account signed to an MCN that does not show the MCN on its homepage (N2023-11)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc


def check(ctx: Context) -> Iterator[Finding]:
    account = ctx.draft.account
    mcn = (account.mcn or "").strip()
    if not mcn or account.mcn_displayed:
        return
    fix = Fix(
        kind=FixKind.EDIT_ACCOUNT,
        title=ctx.t(
            L(zh="在账号主页显著展示所属MCN机构“{mcn}”", en="Show the MCN '{mcn}' on the account homepage"),
            mcn=mcn,
        ),
        applicability=Applicability.SAFE,
        payload={"field": "mcn_displayed", "value": True},
    )
    yield ctx.finding(
        RULE,
        L(
            zh="账号签约MCN机构“{mcn}”，但主页未展示机构名称",
            en="The account belongs to the MCN '{mcn}' but its homepage does not show the MCN name",
        ),
        target="account",
        evidence=ctx.t(L(zh="MCN机构：{mcn}（未展示）", en="MCN: {mcn} (not shown)"), mcn=mcn),
        fixes=(fix,),
        mcn=mcn,
    )


RULE = Rule(
    id="mcn_name_not_displayed",
    clause="N2023-11",
    severity=Severity.ERROR,
    title=L(zh="未展示所属MCN机构", en="MCN not shown on the homepage"),
    doc=RuleDoc(
        what=L(
            zh="账号资料填写了所属MCN机构，但“主页展示MCN”未开启。",
            en="The account profile names an MCN but does not show it on the homepage.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第11条要求在账号主页显著位置展示所属MCN机构名称。",
            en="Article 11 of the 2023 self-media notice requires the MCN an account belongs to be shown conspicuously on its homepage.",
        ),
        example=L(
            zh="签约“星耀文化传媒”，主页未显示机构。",
            en="Signed to an agency whose name the homepage does not show.",
        ),
        fix=L(
            zh="把账号资料中的 mcn_displayed 设为 true（安全，可自动应用），并在平台开启MCN展示。",
            en="Sets mcn_displayed to true in the account profile (safe) and reminds you to turn on the platform's MCN display.",
        ),
    ),
    check=check,
)
