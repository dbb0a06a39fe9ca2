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


def rename(ctx: Context, start: int, end: int) -> Fix:
    """Drop the offending part of the account name; unsafe because the creator must choose the name."""
    name = ctx.draft.account.name
    suggestion = (name[:start] + name[end:]).strip(" ·|｜-_") or name
    return Fix(
        kind=FixKind.EDIT_ACCOUNT,
        title=ctx.t(
            L(zh="修改账号名称，去掉“{part}”", en="Rename the account without '{part}'"), part=name[start:end]
        ),
        applicability=Applicability.UNSAFE,
        payload={"field": "name", "value": suggestion},
    )


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
    return Fix(
        kind=FixKind.MANUAL,
        title=ctx.t(steps[0], **fmt),
        applicability=Applicability.DISPLAY_ONLY,
        payload={"steps": [ctx.t(s, **fmt) for s in steps]},
    )
