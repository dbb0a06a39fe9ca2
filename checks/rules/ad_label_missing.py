"""Goods or services promoted with a way to buy, and no conspicuous 广告 label (IAM2023-9, ADL-14).

The commercial frame (checks.rules.commerce_frame) decides whether the post sells: a cart,
link, group-buy voucher, discount code or order instruction; paid promotion (品牌方, 恰饭,
sponsored); or piled-up selling pressure. An honest review or haul without a way to buy is not an
ad. The label counts where the other labels count (checks.text.structure): in the title, the
opening lines or a closing line that states it (【广告】, #广告, 赞助, sponsored, #ad) — or the
platform's `advertising` declaration. "不是广告" is a denial, not a label. In the opening lines a
label opens what it labels: anywhere in the first line; in the second only at its start or in a
clause about the post itself (本期视频由…赞助); a （广告） tagged onto a product halfway through the
second line is buried, not conspicuous.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.commerce_frame import FRAME_LEXICONS, commercial_frame
from checks.rules.declaration_fix import declare_fix
from checks.rules.evidence import finding_at
from checks.rules.label_text import ad_label
from checks.text.labels import Label

LEXICONS = (*FRAME_LEXICONS, "label_advertising")
MESSAGE = L(
    zh="推广商品或服务并附购买方式（“{cue}”），但没有显著标明“广告”，也未勾选营销推广声明",
    en="The post promotes goods or services with a way to buy ('{cue}') but is not conspicuously labelled as an ad and carries no advertising declaration",
)
CLAUSE_BREAK = re.compile(r"[，,。；;！!？?]")
SELF_REFERENCE = re.compile(r"^\W*(?:本期|本篇|本文|本视频|本条|这期|这篇|这条|this (?:post|video)\b)", re.I)
LINE_START = 6  # characters (after wrappers) a label may follow and still open its line
BURIED = L(
    zh="广告标识“{found}”位于正文中间，不够显著；请放到标题、开头或单独的末行",
    en="The ad label '{found}' is buried mid-text; put it in the title, the opening or its own last line",
)


def opens(ctx: Context, label: Label) -> bool:
    """A conspicuous label that stands where a reader meets it first: the title, the closing line,
    the first line, or the first clause of the second line (not tagged on mid-sentence)."""
    if label.placement != "lead":
        return True
    lines = [ln for ln in ctx.text.lines if ln.target == "text"]
    if not lines or label.start < lines[0].end:
        return True
    line = next((ln for ln in lines if ln.start <= label.start < ln.end), None)
    if line is None:
        return True
    before = line.text[: label.start - line.start]
    if CLAUSE_BREAK.search(before):
        return False
    return len(re.sub(r"\W", "", before)) <= LINE_START or bool(SELF_REFERENCE.match(before))


def check(ctx: Context) -> Iterator[Finding]:
    if "advertising" in ctx.draft.declarations:
        return
    frame = commercial_frame(ctx)
    if frame is None or not frame.cues:
        return
    ta = ctx.text
    if any(opens(ctx, lb) for lb in ta.labels_of("advertising", "ok") if lb.conspicuous):
        return
    label = ad_label(ta.lang)
    fixes = [
        Fix(
            FixKind.INSERT_TEXT,
            ctx.t(L(zh="在标题前加上“{label}”", en="Prefix the title with '{label}'"), label=label.strip()),
            Applicability.SAFE,
            {"text": label, "where": "title_prefix", "target": "title"},
        )
    ]
    declare = declare_fix("advertising", ctx.draft.platform, ctx.lang)
    if declare:
        fixes.append(declare)
    buried = ta.labels_of("advertising", "ok")
    if buried:
        b = buried[0]
        yield ctx.finding(
            RULE, BURIED, severity=Severity.WARNING, target=b.target, span=(b.start, b.end), evidence=b.text,
            fixes=fixes, found=b.text,
        )  # fmt: skip
        return
    cue = frame.cues[0]
    yield finding_at(ctx, RULE, MESSAGE, cue, fixes=fixes, cue=cue.text)


RULE = Rule(
    id="ad_label_missing",
    clause="IAM2023-9",
    related_clauses=("ADL-14",),
    severity=Severity.ERROR,
    title=L(zh="带货/推广内容未标注“广告”", en="Promotion with a way to buy, not labelled as an ad"),
    doc=RuleDoc(
        what=L(
            zh="检查种草、探店、测评、带货等推广内容：附有购买方式（小黄车、橱窗、链接在评论区、团购券、优惠码、私信下单、link in bio）、品牌合作（品牌方、恰饭、sponsored、#ad）或成堆的促销话术（到手价＋手慢无）时，标题、开头或单独末行须标明“广告”（或“赞助”“sponsored”“#ad”），或勾选平台的营销推广声明。没有购买方式的真实分享不是广告；“不是广告”是否认，不是标签。",
            en="Checks promotion posts (seeding, shop visits, reviews, live-selling) that attach a way to buy (cart, shop window, link in comments, group-buy voucher, discount code, order by DM, link in bio), disclose paid promotion (品牌方, 恰饭, sponsored, #ad) or pile up selling pressure: the title, opening or a closing line must say 广告 (or sponsored / #ad), or the platform's advertising declaration must be ticked. An honest mention with no way to buy is not an ad; 不是广告 is a denial, not a label.",
        ),
        why=L(
            zh="《互联网广告管理办法》第9条：通过知识介绍、体验分享、消费测评等形式推销商品或服务并附加购物链接等购买方式的，广告发布者应当显著标明“广告”。《广告法》第14条：广告应当具有可识别性。",
            en="Art. 9 of the 2023 Internet Advertising Measures: goods or services promoted through knowledge or experience sharing or reviews with a purchase link or other way to buy must be conspicuously labelled 广告. Art. 14 of the Advertising Law: ads must be identifiable.",
        ),
        example=L(
            zh="“这款面霜我回购三次了，小黄车已挂，今天下单立减50。”——没有“广告”标识。",
            en="'My holy-grail serum, use code GLOW20, link in bio!' — no ad label.",
        ),
        fix=L(
            zh="在标题前加上“【广告】”（safe），并提示勾选平台的营销推广声明（抖音：内容含营销推广信息）。",
            en="Prefixes the title with '[Ad]' (safe) and tells you which advertising declaration to tick (Douyin: 内容含营销推广信息).",
        ),
    ),
    check=check,
    lexicons=LEXICONS,
)
