"""A professional title claimed without a matching credential (SA2023-2.3).

医生, 律师, 教授, 老师, Dr.… in the account name or bio, or a self-reference in the text (我是一名
医生, as a lawyer), claims a qualification. Uses that claim nothing are kept out: addresses and
other words (各位老师, 老师傅), consulting someone (看医生, 医生说), relations (医生的女儿,
我妈是老师, 我爸是外科医生), and a past role (退休教师).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules import account_fixes
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.credentials import FIELDS, credential_problem, has_valid_credential
from checks.rules.evidence import finding_at, source
from checks.text.claims import TITLE_LEXICONS, person_role, title_mention
from checks.text.layer import Span, find
from checks.vocabulary.normalize import normalize

SELF_REFERENCE = re.compile(
    r"(我是|我本人是|本人是|我作为|作为一名|作为一个|作为|身为|我当了|我做了|(?<![a-z])(?:i am|i'm|as an?))\s*"
    r"(一名|一个|一位|名|个|an?\s)?\s*[^，。！？,.!?\n]{0,12}$"
)
MESSAGE = L(
    zh="{where}自称“{title}”，但账号没有有效的{field}领域资质（{problem}）",
    en="The {where} claims the title '{title}' without a valid {field} credential ({problem})",
)
WHERE_NAMES = {
    "name": L(zh="账号名称", en="account name"),
    "bio": L(zh="账号简介", en="account bio"),
    "text": L(zh="正文", en="text"),
    "title": L(zh="标题", en="title"),
}


def _not_a_claim(ctx: Context, text: str, hit: Span) -> bool:
    """A self-reference in the text that is a mention, a relative's title or a past role."""
    return bool(person_role(ctx.packs, text, hit)) or title_mention(ctx.packs, text, hit, in_name=False)


def _claims(ctx: Context, field: str) -> list[Span]:
    """The account's own claims (computed once: checks.text.claims), then self-references in the
    title and text (我是一名医生, as a lawyer)."""
    titles = f"titles_{field}"
    found: list[Span] = list(ctx.text.claims.titles_of(field))
    for where in ("title", "text"):
        text = source(ctx.draft, where)
        norm = normalize(text)
        for hit in find(ctx.packs, titles, text, where):
            if where in ("title", "text") and not SELF_REFERENCE.search(
                norm[max(0, hit.start - 24) : hit.start]
            ):
                continue
            if not _not_a_claim(ctx, text, hit):
                found.append(hit)
    return found


def check(ctx: Context) -> Iterator[Finding]:
    for field in FIELDS:
        if has_valid_credential(ctx, field):
            continue
        hits = _claims(ctx, field)
        if not hits:
            continue
        hit = hits[0]
        fixes = [account_fixes.add_credential(ctx, field)]
        if hit.target == "name":
            fixes += account_fixes.rename(ctx, hit.start, hit.end)
        yield finding_at(
            ctx,
            RULE,
            MESSAGE,
            hit,
            fixes=fixes,
            where=ctx.t(WHERE_NAMES[hit.target]),
            title=hit.text,
            field=ctx.t(account_fixes.FIELD_NAMES[field]),
            problem=credential_problem(ctx, field),
        )


RULE = Rule(
    id="professional_title_without_credential",
    clause="SA2023-2.3",
    severity=Severity.ERROR,
    title=L(zh="无资质使用专业头衔", en="Professional title without a credential"),
    doc=RuleDoc(
        what=L(
            zh="账号名称、简介或正文自称医生、医师、律师、教师、老师、教授、理财师、Dr. 等专业头衔，但账号没有该领域经核验、在发布日有效的资质。“医生的女儿”“我妈是老师”“看医生”“各位老师”“老师傅”“退休教师”不算自称。",
            en="The account name, bio or a self-reference in the text claims a title such as 医生, 律师, 教师, 老师, 教授, Dr. or MD without a verified credential for that field valid on the publish day. Relations (医生的女儿), addresses (各位老师), consulting someone (看医生) and past roles (退休教师) are not claims.",
        ),
        why=L(
            zh="专项整治通知要求：没有相关资质的，不得以教师、教授、律师、医生、医师等头衔发布教育、心理、法律、医疗等内容。",
            en="The 2023 special action forbids using titles such as teacher, professor, lawyer or doctor for education, psychology, law or medical content without the qualification.",
        ),
        example=L(
            zh="账号“王医生聊健康”，未登记医师资质。",
            en="An account named 'Dr. Sophie Skin' with no health credential.",
        ),
        fix=L(
            zh="在平台完成资质认证并登记到账号资料（仅提示）；或去掉名称中的头衔（须你确认）。",
            en="Get and record the credential (display only), or remove the title from the name (unsafe: you confirm).",
        ),
    ),
    check=check,
    lexicons=(*TITLE_LEXICONS, "kinship_words", "past_role_markers"),
)
