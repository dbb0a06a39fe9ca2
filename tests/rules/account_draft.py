"""Helpers for the account/content rule tests: an account plus title/text in, one rule's findings out.

One place builds the draft and the context so every account/content test runs a rule exactly the
way the engine does (the core packs, a fixed publish day), and a credential is one call.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from checks.model import Account, Credential, Draft, Finding
from checks.packs import load_packs
from checks.rules import get_rule
from checks.rules.base import Context

PUBLISH = datetime(2026, 11, 21, 12, tzinfo=UTC)


def run(
    rule: str,
    *,
    name: str = "某某",
    bio: str = "",
    title: str = "",
    text: str = "",
    lang: str = "zh",
    **account: object,
) -> list[Finding]:
    """The findings of `rule` on a draft with this account (name/bio/mcn/credentials) and title/text."""
    draft = Draft(title=title, text=text, account=Account(name=name, bio=bio, **account))
    ctx = Context(draft=draft, media=(), packs=load_packs(), publish_at=PUBLISH, lang=lang)
    return list(get_rule(rule).check(ctx))


def cred(
    field: str, *, expires: date | None = date(2028, 1, 1), verified: bool = True
) -> tuple[Credential, ...]:
    """A one-credential tuple for Account.credentials."""
    return (Credential(field=field, title="x", expires=expires, verified=verified),)
