"""Current-affairs, policy or social-event content without a usable source label (N2023-3a).

Triggered by news cues (policy changes, official notices, incidents, disasters — see
checks.text.topics). Satisfied by a specific, conspicuous source: 据新华社报道, 来源：国家税务总局官网,
转自中央气象台, According to …. A vague source (来源：网络, 网图侵删, 听说, 内部消息) or one shown
elsewhere (见评论区, 见置顶) does not satisfy it. Not triggered for first-hand self-shot reporting
(which owes shooting time and place instead), past events (old-news rule), fiction, sales pitches
and accounts that present themselves as the issuing body — see checks.text.obligations.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.label_text import source_label
from checks.text.obligations import source_obligation

MISSING = L(
    zh="涉及时事/公共政策/社会事件（“{cue}”），但没有标注信息来源",
    en="Current-affairs/policy/social-event content ('{cue}') without a source label",
)
VAGUE = L(
    zh="涉及时事/公共政策/社会事件（“{cue}”），但来源“{found}”过于笼统，无法核实；请写明具体来源（如发布机构、媒体名称）",
    en="Current-affairs content ('{cue}') whose source '{found}' is too vague to check; name the specific source",
)
DEFERRED = L(
    zh="涉及时事/公共政策/社会事件（“{cue}”），来源只写了“{found}”；来源须在正文显著位置标注，评论区/置顶不算",
    en="Current-affairs content ('{cue}') points to '{found}' for its source; the source must be in the post itself",
)
BURIED = L(
    zh="来源“{found}”位于正文中间，不够显著；请放到开头或单独的末行",
    en="The source '{found}' is buried mid-text; put it at the start or on its own last line",
)


def check(ctx: Context) -> Iterator[Finding]:
    ta = ctx.text
    if ta.label("source") is not None:
        return
    cues = source_obligation(ta, ctx.media, ctx.draft.declarations, ctx.publish_at)
    if not cues:
        return
    cue = cues[0]
    fix = Fix(
        FixKind.INSERT_TEXT,
        ctx.t(
            L(
                zh="在正文开头写明信息来源（请补全）",
                en="State the source at the start of the text (complete it)",
            )
        ),
        Applicability.DISPLAY_ONLY,
        {"text": source_label(None, ta.lang), "where": "text_start", "target": "text"},
    )
    deferred = ta.labels_of("source", "deferred")
    vague = ta.labels_of("source", "vague")
    buried = ta.labels_of("source", "ok")
    if deferred or vague:
        bad = (deferred or vague)[0]
        yield ctx.finding(
            RULE,
            DEFERRED if deferred else VAGUE,
            target=bad.target,
            span=(bad.start, bad.end),
            evidence=bad.text,
            fixes=[fix],
            cue=cue.text,
            found=bad.text,
        )
    elif buried:
        b = buried[0]
        yield ctx.finding(
            RULE,
            BURIED,
            severity=Severity.WARNING,
            target=b.target,
            span=(b.start, b.end),
            evidence=b.text,
            found=b.text,
        )
    else:
        yield ctx.finding(
            RULE,
            MISSING,
            target=cue.target,
            span=(cue.start, cue.end),
            evidence=cue.text,
            fixes=[fix],
            cue=cue.text,
        )


RULE = Rule(
    id="source_label_missing",
    clause="N2023-3a",
    severity=Severity.ERROR,
    title=L(zh="时政/社会事件内容未标注信息来源", en="Current-affairs content without a source label"),
    doc=RuleDoc(
        what=L(
            zh="内容涉及国内外时事、公共政策或社会事件（政策调整、官方通知、事故灾害等）时，检查是否在标题、开头或单独末行写明具体信息来源（“据新华社报道”“来源：国家税务总局官网”“转自中央气象台”）。“来源：网络”“网图侵删”“听说”“内部消息”等笼统来源，以及“见评论区”“见置顶”都不算。自己拍摄的一手画面应标注拍摄时间地点（见 shooting_time_place_missing），旧闻应标注原始时间地点（见 old_news_time_place_missing）。",
            en="For domestic or international current affairs, public policy or social events (policy changes, official notices, accidents, disasters), checks for a specific source in the title, the opening lines or a dedicated last line ('据新华社报道', 'Source: …', 'According to …'). Vague sources (来源：网络, 网图侵删, hearsay, 'insider news') and pointers elsewhere (见评论区, see pinned comment) do not count. First-hand self-shot footage owes shooting time and place instead; past events owe their original time and place.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第3条：发布涉及国内外时事、公共政策、社会事件等相关信息的，须准确标注信息来源，并在显著位置展示。",
            en="Article 3 of the 2023 self-media notice: posts on current affairs, public policy and social events must label their information source accurately and conspicuously.",
        ),
        example=L(
            zh="“明年1月起养老金统一上调5%……具体文件见评论区。”——来源只在评论区。",
            en="'Pensions rise 5% from January… the document is in the comments.' — the source is only in the comments.",
        ),
        fix=L(
            zh="在正文开头插入“信息来源：____”，由作者填写具体来源（display_only，不会自动应用）。",
            en="Inserts 'Source: ____' at the start of the text for you to complete (display-only, never applied automatically).",
        ),
    ),
    check=check,
)
