"""Headline-party titles (SA2023-1.3): 震惊, 速看, 不看后悔, 99%的人不知道, withheld payoffs.

Beyond hook words, three shapes make a title bait by themselves: a guaranteed result (保证/包你/
百分百 + an outcome: 一周瘦十斤, guaranteed to double — `clickbait_promise`), an urge to forward to
everyone (转给身边每一个人 — `clickbait_forward`), what watching will do to the reader (看完这条你就
再也不敢…, 睇完唔好嚇親 — `clickbait_aftermath`), an insider who hides the payoff (airlines hate
this trick, 银行最怕你知道 — `clickbait_insider`); and a fourth with the body: a title announcing
a loss or danger to the reader (你家的钱正在被掏空 — `clickbait_alarm`) that the body never reports.

A strong hook makes a title clickbait by itself. Softer words (竟然, 结果, 刚刚, 重磅) are common
in honest headlines, so they need company: two of them, or one with an exclamation mark. A title
that names its source and reads as a plain report ("刚刚，国家统计局发布…") is not clickbait.
A hook inside an ordinary word is not a hook: 空气炸锅 is an appliance, 长曝光 photography,
快速看懂 a speed word (`clickbait_compounds`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules import account_fixes
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.evidence import finding_at
from checks.text.layer import Span, find, outside
from checks.vocabulary.normalize import normalize

PERCENT_HOOK = re.compile(r"\d{2,3}\s*[%％]\s*的人(都|还)?不知道|\d{2,3}\s*[%％]\s*of people")
EXCLAIM = re.compile(r"\s*[!！]")
# A hook word right before an ellipsis withholds the payoff: "结果……", "竟然是…".
WITHHELD = re.compile(r".{0,6}?(…|\.\.\.)")
SOURCE_VERB = re.compile(r"(发布|通报|宣布|公告|消息|报道|据)")
TRAILING = "！!，,：:、 …"
MESSAGE = L(
    zh="标题使用“标题党”表述（“{phrase}”），不得以夸张、悬念或诱导性标题吸引点击",
    en="The title uses a clickbait hook ('{phrase}')",
)


def _hooks(ctx: Context, lexicon: str, title: str) -> list[Span]:
    """Hook hits of `lexicon` in the title, except inside an ordinary compound (空气炸锅, 长曝光)."""
    guards = find(ctx.packs, "clickbait_compounds", title, "title")
    return outside(find(ctx.packs, lexicon, title, "title"), guards)


def title_hooks(ctx: Context) -> list[Span]:
    title = ctx.draft.title or ""
    strong = _hooks(ctx, "clickbait_strong", title)
    for shape in ("clickbait_promise", "clickbait_forward", "clickbait_insider", "clickbait_aftermath"):
        strong += _hooks(ctx, shape, title)
    strong += _unreported_alarm(ctx, title)
    strong += [
        Span("title", m.start(), m.end(), m.group(0), m.group(0)) for m in PERCENT_HOOK.finditer(title)
    ]
    if strong:
        return sorted(strong, key=lambda h: h.start)
    weak = _hooks(ctx, "clickbait_weak", title)
    if not weak and not EXCLAIM.search(title):
        return []
    if _sourced_report(ctx, title):
        return []
    if len({h.phrase for h in weak}) >= 2:
        return weak
    flash = [h for h in _hooks(ctx, "clickbait_flash", title) if h.start == 0]
    return [h for h in weak if WITHHELD.match(title, h.end)] + [
        h for h in flash if EXCLAIM.match(title, h.end)
    ]


def _unreported_alarm(ctx: Context, title: str) -> list[Span]:
    """A title announcing a loss or danger to the reader (你家的钱正在被掏空) whose body does not
    report one: neither an alarm of its own nor any of the title's loss words in the text."""
    alarms = _hooks(ctx, "clickbait_alarm", title)
    if not alarms:
        return []
    body = ctx.draft.text or ""
    if find(ctx.packs, "clickbait_alarm", body, "text"):
        return []
    loss = re.compile(r"毁|掏空|偷|害|拖垮|亏|败光|流失|出事|危险|隐患|风险|中毒|致癌|骗|损失|ruin|kill|destroy|steal|drain|poison|los")
    if loss.search(normalize(body)):
        return []
    return alarms


def _sourced_report(ctx: Context, title: str) -> bool:
    """A title naming an organ or outlet as the one that 发布/通报, or a post with a specific,
    conspicuous source label, reads as a report; soft words like 刚刚 or 重磅 do not make it bait."""
    packs = ctx.packs
    if SOURCE_VERB.search(title) and (
        find(packs, "official_organs", title) or find(packs, "media_outlets", title)
    ):
        return True
    try:
        return ctx.text.label("source") is not None
    except Exception:  # the shared analysis failing must not turn a title check into an error
        return False


def check(ctx: Context) -> Iterator[Finding]:
    hooks = title_hooks(ctx)
    if not hooks:
        return
    hit = hooks[0]
    title = ctx.draft.title
    end = hit.end + len(title[hit.end :]) - len(title[hit.end :].lstrip(TRAILING))
    if hit.start == 0 and title.startswith("的", end):  # "99%的人不知道的微信功能" → "微信功能"
        end += 1
    trimmed = title[: hit.start] + title[end:]
    fixes = (
        account_fixes.manual(
            ctx,
            L(
                zh="改写标题：直接说明内容本身，去掉“{phrase}”等夸张或吊胃口的说法",
                en="Rewrite the title to say what the post is about, without '{phrase}' or other hooks",
            ),
            phrase=hit.text,
        ),
        Fix(
            kind=FixKind.INSERT_TEXT,
            title=ctx.t(L(zh="从标题删去“{phrase}”", en="Remove '{phrase}' from the title"), phrase=hit.text),
            applicability=Applicability.UNSAFE,
            payload={
                "text": "",
                "where": "replace",
                "span": [hit.start, end],
                "target": "title",
                "preview": trimmed,
            },
        ),
    )
    yield finding_at(ctx, RULE, MESSAGE, hit, fixes=fixes, phrase=hit.text)


RULE = Rule(
    id="clickbait_title",
    clause="SA2023-1.3",
    severity=Severity.WARNING,
    title=L(zh="标题党", en="Clickbait title"),
    doc=RuleDoc(
        what=L(
            zh="检查标题是否使用“震惊”“速看”“紧急扩散”“不看后悔”“99%的人不知道”等标题党用语，或多个“竟然、结果、刚刚”之类的吊胃口词。标题注明来源并平实陈述（“刚刚，国家统计局发布……”）不算。",
            en="Flags titles with headline-party hooks (震惊 shocking, 速看 watch now, 紧急扩散 spread urgently, 不看后悔, 99% of people don't know, You won't believe) or several withheld-payoff words. A plain, sourced title is not flagged.",
        ),
        why=L(
            zh="专项整治通知将“标题党”列为自媒体乱象，要求整治以夸张标题博取流量。",
            en="The 2023 special action lists 'headline party' clickbait as a self-media disorder to be rectified.",
        ),
        example=L(zh="“震惊！这种水果晚上千万别吃”。", en="'You won't believe what my landlord did next'."),
        fix=L(
            zh="给出改写建议（仅提示）；也可从标题删去该词（会改动标题，须你确认）。",
            en="Suggests a rewrite (display only), or removes the hook from the title (unsafe: you confirm).",
        ),
    ),
    check=check,
    lexicons=(
        "clickbait_strong",
        "clickbait_weak",
        "clickbait_flash",
        "clickbait_compounds",
        "official_organs",
        "media_outlets",
        "clickbait_promise",
        "clickbait_forward",
        "clickbait_insider",
        "clickbait_alarm",
        "clickbait_aftermath",
    ),
)
