"""Medical claims in an ad (ADL-16/17/18): cure, guaranteed efficacy or safety, cure rates.

Read only in commercial posts (checks.rules.commerce_frame). What the product is decides the
clause: a drug or medical device (国药准字, 械字号 — `drug_or_device_terms`) may name the
diseases it is approved for but must never guarantee results or state cure rates (ADL-16); any
other product — food, cosmetics, a gadget — must not claim to treat disease at all (ADL-17);
health food (保健食品, 蓝帽子 — `health_food_terms`) must not claim efficacy or treatment and must
carry "本品不能代替药物" (ADL-18). A treatment word inside a product name (理疗仪, 治疗仪) is not
a claim.

Claims come in two forms: the claim lexicons (治愈率98%, 无副作用, 7天祛斑, 增强免疫力) and the
efficacy frames of checks.rules.frames_advice — a remedy with an outcome on a condition, told as
the creator's experience (喝了一个月，贫血好了; my arthritis is reversed). In a commercial post
that frame is the seller's efficacy claim, so it is judged here (and not as professional advice).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules import frames_advice
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.commerce_frame import FRAME_LEXICONS, Hit, commercial_frame, post_hits
from checks.rules.evidence import finding_at
from checks.rules.label_text import health_food_notice
from checks.text.layer import outside

LEXICONS = (
    *FRAME_LEXICONS,
    "medical_cure_claims",
    "medical_guarantee_claims",
    "drug_or_device_terms",
    "health_food_terms",
    "health_food_notice",
    "health_products",
    *frames_advice.LEXICONS,
)
CLAIM = L(
    zh="广告宣称疗效或安全保证（“{claim}”）：{why}",
    en="The ad claims a cure, guaranteed efficacy or safety ('{claim}'): {why}",
)
WHY = {
    "ADL-16": L(
        zh="药品、医疗器械广告不得保证功效、安全性，不得说明治愈率或有效率",
        en="drug and device ads must not guarantee efficacy or safety or state cure or effectiveness rates",
    ),
    "ADL-17": L(
        zh="药品、医疗器械以外的商品不得宣称治疗疾病或使用医疗用语",
        en="products other than drugs and devices must not claim to treat disease or use medical terms",
    ),
    "ADL-18": L(
        zh="保健食品广告不得宣称功效、安全性或预防治疗疾病",
        en="health-food ads must not claim efficacy, safety, or to prevent or treat disease",
    ),
}
NOTICE = L(
    zh="保健食品广告（“{product}”）须显著标明“本品不能代替药物”",
    en="A health-food ad ('{product}') must carry the notice 本品不能代替药物 (this product cannot replace medicine)",
)


def efficacy_claims(ctx: Context) -> list[Hit]:
    """The advice layer's efficacy frames (a remedy with an outcome on a condition) as claims."""
    return [
        Hit(f.target, f.start, f.end, f.cue, f.cue, "frames_advice")
        for f in frames_advice.frames(ctx)
        if f.kind == "efficacy" and f.field == "health"
    ]


def check(ctx: Context) -> Iterator[Finding]:
    if commercial_frame(ctx) is None:
        return
    health_food = post_hits(ctx, "health_food_terms")
    drug_or_device = post_hits(ctx, "drug_or_device_terms")
    products = post_hits(ctx, "health_products")
    notices = post_hits(ctx, "health_food_notice")
    guarantees = post_hits(ctx, "medical_guarantee_claims")
    cures = outside(post_hits(ctx, "medical_cure_claims"), products + notices)  # 本品不能代替药物 is no claim
    cures += efficacy_claims(ctx)
    if health_food:
        clause, claims = "ADL-18", guarantees + cures
    elif drug_or_device:
        clause, claims = "ADL-16", guarantees
    else:
        clause, claims = "ADL-17", guarantees + cures
    if claims:
        hit = min(claims, key=lambda h: (h.target != "title", h.start))
        fix = ctx.manual_fix(
            L(
                zh="删去疗效、治愈率和“无副作用”等保证；如是药品或器械，只写批准的适应症并附批准文号",
                en="Remove the cure, cure-rate and no-side-effects claims; for a drug or device state only the approved indications with the approval number",
            )
        )
        found = finding_at(ctx, RULE, CLAIM, hit, fixes=(fix,), claim=hit.text, why=ctx.t(WHY[clause]))
        yield replace(found, clause=clause)
    if health_food and not notices:
        notice = health_food_notice(ctx.text.lang)
        fix = Fix(
            FixKind.INSERT_TEXT,
            ctx.t(L(zh="在正文末尾加上“{n}”", en="Add '{n}' at the end of the text"), n=notice),
            Applicability.SAFE,
            {"text": notice, "where": "text_end", "target": "text"},
        )
        found = finding_at(ctx, RULE, NOTICE, health_food[0], fixes=(fix,), product=health_food[0].text)
        yield replace(found, clause="ADL-18")


RULE = Rule(
    id="medical_claim_in_ad",
    clause="ADL-17",
    related_clauses=("ADL-16", "ADL-18"),
    severity=Severity.ERROR,
    title=L(zh="广告宣称疗效或安全保证", en="Medical or efficacy claims in an ad"),
    doc=RuleDoc(
        what=L(
            zh="在带货、推广等商业内容中查找疗效宣称：治疗、根治、降血糖、消结节、不用吃药等治病用语（药品、医疗器械以外的商品一律不得使用），无副作用、100%有效、无效退款、治愈率95%、7天祛斑等功效或安全保证（药品、器械也不得使用）；保健食品还须标明“本品不能代替药物”。没有购买方式的健康分享不在此列。",
            en="Looks in commercial posts for medical claims: treating or curing disease (治疗, 根治, lowers blood sugar, no more medication — banned for anything that is not a drug or device) and guaranteed efficacy or safety (no side effects, 100% effective, money back, 95% cure rate, 7天祛斑 — banned for drugs and devices too); health food must also carry 本品不能代替药物. Health talk without a way to buy is not in scope.",
        ),
        why=L(
            zh="《广告法》第16条：医疗、药品、医疗器械广告不得表示功效、安全性的断言或者保证，不得说明治愈率或者有效率；第17条：除此以外的广告不得涉及疾病治疗功能；第18条：保健食品广告不得含有保证功效、安全性或涉及疾病预防、治疗功能的内容，并应当显著标明“本品不能代替药物”。",
            en="Advertising Law art. 16: drug and device ads must not assert or guarantee efficacy or safety or state cure rates; art. 17: other ads must not claim to treat disease; art. 18: health-food ads must not guarantee efficacy or claim to prevent or treat disease, and carry 本品不能代替药物.",
        ),
        example=L(
            zh="“喝了这款苦荞茶，血糖降下来了，二甲双胍都停了，有效率98%，橱窗有。”",
            en="'This tea lowers blood sugar, no side effects, 100% effective — link in bio.'",
        ),
        fix=L(
            zh="删去疗效和保证（须你手动修改）；保健食品缺少的“本品不能代替药物”可一键加到正文末尾（safe）。",
            en="Remove the claims (manual); the missing 本品不能代替药物 notice for health food is added at the end of the text (safe).",
        ),
    ),
    check=check,
    lexicons=LEXICONS,
)
