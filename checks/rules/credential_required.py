"""Finance, education, health or legal ADVICE without a valid credential for that field (N2023-2).

Mentioning a field is not advice: a patient retelling what the doctor said, a policy news item,
a savings diary. Advice is a field cue (停药, 满仓, 押题, 起诉, antibiotics…) in the same sentence
as an imperative or recommendation (直接, 记住, 可以照着试试, you should…), or a shape that is
advice in any wording (a dosage, an allocation, see `advice_patterns`). A sentence that reports
news or reminds of a deadline (据说, 新规, 截止, reportedly) is information: soft words like 记得
or 可以 do not make it advice there, only a real directive (`advice_markers_strong`) does. Only a
credential for *that* field, verified and unexpired on the publish day, covers it: a finance
credential does not cover diabetes advice. A product pitch is not professional advice: in a post
that sells (the commercial frame of checks.rules.commerce_frame: a way to buy, paid promotion, an
ad label), a dose or an efficacy claim is the seller's claim about the product, judged by the ad
rules (medical_claim_in_ad), so the health field is not read as advice there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import partial

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules import account_fixes, advice_patterns, frames_advice
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.commerce_frame import FRAME_LEXICONS, commercial_frame
from checks.rules.credentials import FIELDS, credential_problem, has_valid_credential
from checks.rules.evidence import finding_at, source
from checks.text.layer import Span, find, outside
from checks.text.structure import sentences as _sentences
from checks.vocabulary.normalize import normalize

MESSAGE = L(
    zh="{where}包含{field}领域的专业建议（“{cue}”），但账号没有该领域的有效资质（{problem}）",
    en="The {where} gives {field} advice ('{cue}') but the account has no valid {field} credential ({problem})",
)
WHERE_NAMES = {"title": L(zh="标题", en="title"), "text": L(zh="正文", en="text")}


def advice_hit(ctx: Context, field: str) -> Span | None:
    """The first piece of advice in `field` in the title or text, or None."""
    packs = ctx.packs
    for where in ("title", "text"):
        text = source(ctx.draft, where)
        if not text:
            continue
        norm = normalize(text)
        sentence_of = partial(bisect_right, [s.end for s in _sentences(text)])
        shaped, candidates = [], []
        for pattern in advice_patterns.CUES[field]:
            for m in pattern.finditer(norm):
                if not advice_patterns.first_person(norm, m.start()):
                    hit = Span(where, m.start(), m.end(), text[m.start() : m.end()], "pattern")
                    shaped.append(hit)
                    if pattern in advice_patterns.SELF_SUFFICIENT:
                        candidates.append(hit)
        compounds = find(packs, "advice_compounds", text, where)  # 清仓处理: a shop's sale
        cues = outside(find(packs, f"advice_{field}", text, where), compounds)
        if field == "finance":
            for a, b in advice_patterns.finance_actions(packs, text, norm, where):
                if not advice_patterns.first_person(norm, a):
                    shaped.append(Span(where, a, b, text[a:b], "pattern"))
        cue_hits = [h for h in cues if not _done(text, h)] + shaped
        if cue_hits:
            informative = {sentence_of(h.start) for h in find(packs, "advice_information", text, where)}
            strong = {sentence_of(h.start) for h in find(packs, "advice_markers_strong", text, where)}
            marked = {sentence_of(h.start) for h in find(packs, "advice_markers", text, where)}
            marked |= {
                sentence_of(m.start())
                for p in advice_patterns.MARKERS.get(field, ())
                for m in p.finditer(norm)
            }
            # A news item or a reminder ("据说标准要翻倍，记得准备材料") needs a real directive.
            marked = (marked - informative) | strong
            candidates += [h for h in cue_hits if sentence_of(h.start) in marked]
        # "医生说继续用药就行": the professional's words, retold, are not the creator's advice.
        reported = {sentence_of(m.start()) for m in advice_patterns.REPORTED.finditer(norm)}
        candidates = [h for h in candidates if sentence_of(h.start) not in reported]
        candidates += [
            Span(where, f.start, f.end, f.cue, f"frame:{f.kind}", "frames_advice")
            for f in frames_advice.frames(ctx)
            if f.field == field and f.target == where
        ]
        if candidates:
            return min(candidates, key=lambda h: h.start)
    return None


def _done(text: str, hit: Span) -> bool:
    """ "定投了500块": the cue reports something done (了 right after it), not an instruction."""
    return text.startswith(advice_patterns.DONE_AFTER, hit.end) and not hit.phrase.isascii()


def check(ctx: Context) -> Iterator[Finding]:
    for field in FIELDS:
        if has_valid_credential(ctx, field):
            continue
        if field == "health" and commercial_frame(ctx) is not None:
            continue  # a product's dose or efficacy: medical_claim_in_ad judges it
        hit = advice_hit(ctx, field)
        if hit is None:
            continue
        fixes = (
            account_fixes.add_credential(ctx, field),
            account_fixes.manual(
                ctx,
                L(
                    zh="或删去具体的用药/投资/考试/诉讼建议，只分享个人经历，并提示“请咨询专业人士”",
                    en="Or remove the concrete advice, share only your own experience, and suggest consulting a professional",
                ),
            ),
        )
        yield finding_at(
            ctx,
            RULE,
            MESSAGE,
            hit,
            fixes=fixes,
            where=ctx.t(WHERE_NAMES[hit.target]),
            field=ctx.t(account_fixes.FIELD_NAMES[field]),
            cue=hit.text,
            problem=credential_problem(ctx, field),
        )


RULE = Rule(
    id="credential_required",
    clause="N2023-2",
    related_clauses=("N2023-12",),
    severity=Severity.ERROR,
    title=L(zh="专业领域内容缺少有效资质", en="Professional advice without a valid credential"),
    doc=RuleDoc(
        what=L(
            zh="标题或正文给出金融、教育、医疗健康、司法领域的具体建议（如“停药”“满仓”“押题保你”“起诉前先……”、具体用药剂量），而账号没有该领域经核验、在发布日有效的资质。按句子判断：面向读者的指令、疗效声称（含以亲身经历讲述，如“喝了三个月苦瓜汁，血糖再没高过”）、分数/收益承诺、剂量与运动处方。单纯提及（看病经历、政策新闻、记账日常、转述医嘱、辟谣）不算建议。",
            en="The title or text gives concrete finance, education, health or legal advice (stop the medication, go all in, guaranteed exam scores, litigation tactics, dosages) and the account has no credential for that field, verified and valid on the publish day. Sentences are read as frames: directives to the reader, efficacy claims (also told as experience), score or return promises, doses and exercise prescriptions. Mere mentions (a clinic visit, policy news, a savings diary, a retold doctor's instruction, a debunk) are not advice.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第2条：发布金融、教育、医疗卫生、司法等领域信息的账号，须经平台核验其服务资质，并在主页展示。",
            en="Article 2 of the 2023 self-media notice: accounts publishing finance, education, health or justice content must have their qualification verified by the platform and shown on the homepage.",
        ),
        example=L(
            zh="“降压药不用天天吃，血压正常了就可以自己停两天”，账号无医疗资质。",
            en="'You don't need your blood-pressure pills every day; stop for two days when it is normal' from an account with no health credential.",
        ),
        fix=L(
            zh="登记该领域有效资质（仅提示）；或删去具体建议，只分享个人经历（须你手动修改）。",
            en="Record a valid credential for the field (display only), or rewrite the post as personal experience (manual).",
        ),
    ),
    check=check,
    lexicons=(
        *(f"advice_{f}" for f in FIELDS),
        "advice_compounds",
        *advice_patterns.FINANCE_LEXICONS,
        "advice_information",
        "advice_markers",
        "advice_markers_strong",
        *frames_advice.LEXICONS,
        *FRAME_LEXICONS,
    ),
)
