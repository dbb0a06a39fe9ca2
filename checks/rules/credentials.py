"""Professional fields, titles and credentials shared by the two credential rules (N2023-2, SA2023-2.3)."""

from __future__ import annotations

from checks.i18n import L
from checks.model import CREDENTIAL_FIELDS
from checks.rules.base import Context


def has_valid_credential(ctx: Context, field: str) -> bool:
    """A credential for *that* field, verified and unexpired on the publish day."""
    day = ctx.publish_at.date()
    return any(c.field == field and c.valid_on(day) for c in ctx.draft.account.credentials)


PROBLEMS = {
    "missing": L(zh="未登记资质", en="none recorded"),
    "unverified": L(zh="资质未经核验", en="not verified"),
    "expired": L(zh="资质已过期", en="expired"),
}


def credential_problem(ctx: Context, field: str) -> str:
    """Why the account's credential for `field` does not count (missing, unverified, expired), in the UI language."""
    day = ctx.publish_at.date()
    own = [c for c in ctx.draft.account.credentials if c.field == field]
    if not own:
        key = "missing"
    elif not any(c.verified for c in own):
        key = "unverified"
    elif all(c.expires is not None and c.expires < day for c in own if c.verified):
        key = "expired"
    else:
        key = "missing"
    return ctx.t(PROBLEMS[key])


FIELDS = CREDENTIAL_FIELDS
