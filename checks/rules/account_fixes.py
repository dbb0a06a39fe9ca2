"""Fixes shared by the account rules: rename the account, add a credential, show the MCN."""

from __future__ import annotations

from checks.i18n import L
from checks.model import Applicability, Fix, FixKind
from checks.rules.base import Context

FIELD_NAMES = {
    "health": L(zh="医疗健康", en="health"),
    "finance": L(zh="金融", en="finance"),
    "education": L(zh="教育", en="education"),
    "justice": L(zh="司法", en="law"),
}


MIN_NAME = 3


def offending_spans(ctx: Context) -> list[tuple[int, int]]:
    """Every part of the account name that an account rule objects to (place, organ, outlet, title)."""
    return ctx.text.claims.name_spans()


def rename(ctx: Context, start: int, end: int) -> list[Fix]:
    """A new name without *all* offending parts (so two rules never propose conflicting names).

    Unsafe: the creator chooses the name. When too little is left to be a name, only a manual
    step is offered.
    """
    name = ctx.draft.account.name
    drop = [False] * len(name)
    for s, e in [*offending_spans(ctx), (start, end)]:
        for i in range(s, e):
            drop[i] = True
    suggestion = "".join(ch for ch, gone in zip(name, drop, strict=True) if not gone).strip(" ·|｜-_")
    part = name[start:end]
    if len(suggestion) < MIN_NAME:
        return [
            manual(
                ctx,
                L(zh="更换账号名称，不再使用“{part}”", en="Choose a new account name without '{part}'"),
                part=part,
            )
        ]
    return [
        Fix(
            kind=FixKind.EDIT_ACCOUNT,
            title=ctx.t(
                L(
                    zh="把账号名称改为“{new}”（去掉“{part}”）",
                    en="Rename the account to '{new}' (without '{part}')",
                ),
                new=suggestion,
                part=part,
            ),
            applicability=Applicability.UNSAFE,
            payload={"field": "name", "value": suggestion},
        )
    ]


def add_credential(ctx: Context, field: str) -> Fix:
    return Fix(
        kind=FixKind.EDIT_ACCOUNT,
        title=ctx.t(
            L(
                zh="在平台完成{field}领域资质认证，并在账号资料中登记（资质须经核验、在发布日有效）",
                en="Get a verified {field} credential on the platform and record it on the account (valid on the publish day)",
            ),
            field=ctx.t(FIELD_NAMES.get(field, L(zh=field, en=field))),
        ),
        applicability=Applicability.DISPLAY_ONLY,
        payload={"field": "credentials", "value": {"field": field, "verified": True}},
    )


def manual(ctx: Context, *steps: L, **fmt: object) -> Fix:
    return ctx.manual_fix(steps[0], *steps, **fmt)
