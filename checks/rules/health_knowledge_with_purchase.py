"""Health knowledge with a seller's link, shop or contact beside it (IAM2023-8).

Wellness talk — 湿气重怎么调理, 血糖高的人要注意, gut-health tips — is how medical, drug, device and
health-food ads are disguised. The rule fires when three things meet in one post:
- a product or service of those kinds: `health_products` (降糖茶, 益生菌, 理疗仪, 验光, supplements),
  `drug_or_device_terms` (械字号) and `health_food_terms` (蓝帽子);
- a way to reach the seller: a purchase channel of the commercial frame (小黄车, 到店买, 本店,
  预约电话, 点击下方链接) or contact details (checks.rules.contact_diversion);
- health knowledge *apart from the pitch*: a sentence that is not the pitch (no seller in it, no
  product pointed at as the one sold — 这款, 我家, this: `commerce_pitch_markers`) and names a condition or body measure (`vocab_health_conditions`, `vocab_health_measures`) or a
  knowledge cue (`health_knowledge_cues`: 小贴士, 要注意, 常见原因, signs you…); or two health-advice
  cues of the `advice_health` topic. A testimony is no knowledge: a sentence with an efficacy
  claim (喝了三个月，血糖稳稳的 — the efficacy frames of checks.rules.frames_advice) or a cure or
  guarantee claim (便秘好返晒, 无副作用 — `medical_cure_claims`, `medical_guarantee_claims`) is the
  pitch too.
  A product review whose only health words are in the product's
  own sentence (这款降压茶喝了血压稳了，小黄车) is a claim (medical_claim_in_ad), not knowledge.
Health knowledge with no seller is not this case.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules import frames_advice
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.commerce_frame import Hit, live, post_hits, sentence_at
from checks.rules.contact_diversion import contact_hits
from checks.rules.evidence import finding_at
from checks.rules.medical_claim_in_ad import efficacy_claims

PRODUCT_LEXICONS = ("health_products", "drug_or_device_terms", "health_food_terms")
KNOWLEDGE_LEXICONS = ("health_knowledge_cues", "vocab_health_conditions", "vocab_health_measures")
LEXICONS = (
    "commerce_pitch_markers",
    "medical_cure_claims",
    "medical_guarantee_claims",
    *frames_advice.LEXICONS,
    *PRODUCT_LEXICONS,
    *KNOWLEDGE_LEXICONS,
    "commerce_channels",
    "commerce_negation",
    "commerce_channel_guards",
    "contact_handles",
)
MESSAGE = L(
    zh="以健康养生知识的形式推销医疗、药品、医疗器械或保健食品（“{product}”），同时附有购买链接或联系方式（“{seller}”）",
    en="Health or wellness knowledge sells a medical, drug, device or health-food product ('{product}') with a purchase link or seller contact beside it ('{seller}')",
)


def products(ctx: Context) -> list[Hit]:
    """Medical, drug, device and health-food products or services named in the post."""
    return sorted(
        (h for lex in PRODUCT_LEXICONS for h in post_hits(ctx, lex)),
        key=lambda h: (h.target != "title", h.start),
    )


def pitch_sentences(ctx: Context, goods: list[Hit], sellers: list[Hit]) -> set[tuple[int, int, str]]:
    """Sentences that sell: a seller's channel or contact, a product pointed at (这款, this), or an
    efficacy testimony."""
    marked = {_sentence(ctx, h) for h in post_hits(ctx, "commerce_pitch_markers")}
    said = efficacy_claims(ctx) + post_hits(ctx, "medical_cure_claims") + post_hits(ctx, "medical_guarantee_claims")
    claims = {_sentence(ctx, h) for h in said}
    return {_sentence(ctx, h) for h in sellers} | ({_sentence(ctx, h) for h in goods} & marked) | claims


def _sentence(ctx: Context, h: Hit) -> tuple[int, int, str]:
    return (*sentence_at(ctx, h.target, h.start), h.target)


def knowledge(ctx: Context, pitched: set[tuple[int, int, str]]) -> list[Hit]:
    """Health-knowledge cues in sentences that are not the pitch; health advice (the `advice_health` topic) counts from two cues on, because one piece of advice
    inside a product pitch (不用再吃止痛药) is a claim, not knowledge."""
    advice = [c for c in ctx.text.topics.get("advice_health", ()) if c.target in ("title", "text")]
    if len({h.text for h in advice}) < 2:
        advice = []
    cues = [h for lex in KNOWLEDGE_LEXICONS for h in post_hits(ctx, lex)]
    return [h for h in advice + cues if _sentence(ctx, h) not in pitched]


def check(ctx: Context) -> Iterator[Finding]:
    goods = products(ctx)
    sellers = live(ctx, "commerce_channels") + contact_hits(ctx)
    if not goods or not sellers:
        return
    if not knowledge(ctx, pitch_sentences(ctx, goods, sellers)):
        return
    seller = min(sellers, key=lambda h: (h.target != "title", h.start))
    fix = ctx.manual_fix(
        L(
            zh="把健康知识和商品分开：科普内容里删去购买链接、店铺和联系方式；如要推广商品，按广告发布并标明“广告”",
            en="Keep health knowledge and selling apart: remove the link, shop and contact from the knowledge post; promote the product as a labelled ad instead",
        )
    )
    yield finding_at(ctx, RULE, MESSAGE, seller, fixes=(fix,), product=goods[0].text, seller=seller.text)


RULE = Rule(
    id="health_knowledge_with_purchase",
    clause="IAM2023-8",
    severity=Severity.ERROR,
    title=L(zh="健康养生知识附带购买方式", en="Health knowledge with a purchase link or seller contact"),
    doc=RuleDoc(
        what=L(
            zh="健康、养生知识（调理湿气、血糖高要注意、中医认为…）与医疗、药品、医疗器械、保健食品类商品（降糖茶、益生菌、理疗仪、保健品）以及购买链接、店铺或联系方式（小黄车、橱窗、加微信、电话）同时出现。只讲知识不卖货、只测评商品不讲知识，都不在此列。",
            en="Health or wellness knowledge (damp-heat, what to watch with high blood sugar, TCM says…) shown together with a medical, drug, device or health-food product (sugar-control tea, probiotics, therapy devices, supplements) and a purchase link, shop or seller contact (cart, shop window, WeChat, phone). Knowledge without selling, or a product review without knowledge framing, is not this case.",
        ),
        why=L(
            zh="《互联网广告管理办法》第8条：不得以介绍健康、养生知识等形式，变相发布医疗、药品、医疗器械、保健食品、特殊医学用途配方食品广告；介绍健康、养生知识的，不得在同一页面或同时出现相关商品的经营者地址、联系方式、购物链接等内容。",
            en="Art. 8 of the 2023 Internet Advertising Measures: no disguised medical, drug, device or health-food ads in the form of health or wellness knowledge; such knowledge must not show, on the same page or at the same time, the seller's address, contact details or purchase link.",
        ),
        example=L(
            zh="“血糖高的人一定要注意这3点……我家老人喝了这款降糖茶，小黄车自取。”",
            en="'3 gut-health tips doctors won't tell you… my probiotic is linked in bio.'",
        ),
        fix=L(
            zh="删去链接、店铺和联系方式，或把推广另发为标明“广告”的内容（须你手动修改）。",
            en="Remove the link, shop and contact, or publish the promotion separately as a labelled ad (manual).",
        ),
    ),
    check=check,
    lexicons=LEXICONS,
)
