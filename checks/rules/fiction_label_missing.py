"""Fiction or dramatised interpretation without a conspicuous fiction label (N2023-5).

Triggered by fiction cues (checks.text.topics): one strong cue (第12集, 短剧, 下集更精彩,
Episode 3) or two different weak ones (反转 + 结局, 十年后 + 跪在, Part 2 + you won't believe);
an account whose name or bio calls its videos stories/drama adds a weak cue. Satisfied by a
fiction label in the title, first lines or a dedicated last line (纯属虚构, 情景演绎, #虚构#,
scripted …) or the `fiction` declaration. A notice only in the bio does not count, and
"非虚构" is a denial, not a label.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.declaration_fix import declare_fix
from checks.rules.label_text import fiction_label

MESSAGE = L(
    zh="内容像是虚构或演绎的剧情（“{cue}”），但标题和正文没有“虚构/演绎”标签，也未勾选虚构声明",
    en="The post reads as fiction or a dramatisation ('{cue}') but has no fiction label or fiction declaration",
)
DEFERRED = L(
    zh="虚构/演绎说明“{found}”放在了评论区或别处；标签须在标题、开头或单独的末行",
    en="The fiction notice '{found}' points to the comments or elsewhere; the label must be on the post itself",
)
BURIED = L(
    zh="虚构标签“{found}”位于正文中间，不够显著；请放到标题、开头或单独的末行",
    en="The fiction label '{found}' is buried mid-text; put it in the title, the opening or its own last line",
)


def check(ctx: Context) -> Iterator[Finding]:
    if "fiction" in ctx.draft.declarations:
        return
    ta = ctx.text
    cues = [c for c in ta.topics.get("fiction", ()) if c.target != "account"] or list(
        ta.topics.get("fiction", ())
    )
    if ta.label("fiction") is not None:
        return
    # "演绎说明见评论区": the creator says it is dramatised but puts the label elsewhere.
    deferred = ta.labels_of("fiction", "deferred")
    if not cues and not deferred:
        return
    label = fiction_label(ta.lang)
    fixes = [
        Fix(
            FixKind.INSERT_TEXT,
            ctx.t(L(zh="在标题前加上“{label}”", en="Prefix the title with '{label}'"), label=label),
            Applicability.SAFE,
            {"text": label, "where": "title_prefix", "target": "title"},
        )
    ]
    declare = declare_fix("fiction", ctx.draft.platform, ctx.lang)
    if declare:
        fixes.append(declare)
    if deferred:
        d = deferred[0]
        yield ctx.finding(
            RULE, DEFERRED, target=d.target, span=(d.start, d.end), evidence=ctx.text.of(d.target)[d.start : d.end + 8],
            fixes=fixes, found=d.text,
        )  # fmt: skip
        return
    buried = ta.labels_of("fiction", "ok")
    if buried:
        b = buried[0]
        yield ctx.finding(
            RULE, BURIED, severity=Severity.WARNING, target=b.target, span=(b.start, b.end), evidence=b.text,
            fixes=fixes, found=b.text,
        )  # fmt: skip
        return
    cue = cues[0]
    span = (cue.start, cue.end) if cue.target in ("title", "text") else None
    yield ctx.finding(
        RULE, MESSAGE, target=cue.target, span=span, evidence=", ".join(dict.fromkeys(c.text for c in cues[:4])),
        fixes=fixes, cue=cue.text,
    )  # fmt: skip


RULE = Rule(
    id="fiction_label_missing",
    clause="N2023-5",
    severity=Severity.ERROR,
    title=L(zh="虚构/演绎内容未标注", en="Fiction or dramatisation without a label"),
    doc=RuleDoc(
        what=L(
            zh="检查像是虚构剧情或演绎的内容（“第12集”“短剧”“下集更精彩”，或“反转”“结局”“十年后”等多个剧情线索；账号简介自称剧情演绎也算线索）是否在标题、开头或单独末行标注“纯属虚构”“情景演绎”“#虚构#”等，或勾选了平台的虚构声明。只写在简介里的声明不算，“非虚构”是否认而不是标签。",
            en="Checks that content reading as fiction or a dramatisation (第12集, short drama, 'Part 3 tomorrow', or several plot cues such as 反转/结局/十年后; a bio that calls the account's videos stories adds one) carries a fiction label in the title, the opening or a dedicated last line (纯属虚构, 情景演绎, #虚构#, scripted), or the platform's fiction declaration. A notice only in the bio does not count.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第5条：发布含有虚构情节、剧情演绎的内容，须以显著方式标记虚构或演绎标签。",
            en="Article 5 of the 2023 self-media notice: fictional plots and dramatised interpretation must be conspicuously labelled as fiction or interpretation.",
        ),
        example=L(
            zh="“第12集｜婆婆当众撕了我的离婚协议……下集更精彩！”——没有任何虚构标签。",
            en="'Episode 12 | My mother-in-law tore up my divorce papers… next episode tomorrow!' — no fiction label.",
        ),
        fix=L(
            zh="在标题前加上“【情景演绎，仅供娱乐】”（safe），并提示勾选平台的虚构演绎声明。",
            en="Prefixes the title with '[Dramatisation, for entertainment only]' (safe) and tells you which fiction declaration to tick.",
        ),
    ),
    check=check,
)
