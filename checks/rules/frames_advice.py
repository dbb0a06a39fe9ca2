"""Advice frames over sentences: is a sentence *advice to the reader* in a field, or a report?

A cue word decides nothing on its own: 血糖 is in a clinic diary, a news item and a remedy
pitch alike. A frame needs several parts of one sentence (or a sentence and the one before it)
to agree, and every part it used is kept as evidence:

- *efficacy*: a remedy (something eaten, drunk or practised — 喝了三个月苦瓜汁, 泡脚, this tea)
  with an outcome on a condition (血糖再没高过, 结节消了, 转阴, 二甲双胍早扔了, shrinks tumours).
  Told as the creator's own experience it is still a claim; a prescribed drug simply working
  (吃了降压药血压降了) is not, and a debunk (不能代替药物, 是谣言) never is.
- *promise*: a guarantee word (保证, 稳, 至少, guaranteed) bound to a score, an admission or a
  return (提高20分, 稳上985, 年化15%, at least 20% a year).
- *regimen*: a dose or schedule (每天空腹嚼两瓣大蒜) or an exercise prescription (3组×15个,
  疼就停) in a post about a condition.
- *directive*: field vocabulary (a disease, drug, body measure, instrument, legal procedure,
  exam) in a sentence that tells the reader what to do — an addressee with a modal (家长们要…,
  你别签…), an imperative opening (千万别…, 唔好…), or a how-to (离婚房子怎么分).

Reports are not advice: news and hearsay, a professional's instruction retold (医生让我…),
a sentence that defers to a professional (遵医嘱, 及时就医), and a first-person diary without an
outcome claim. Vocabularies come from the core pack (`vocab_*`, derived from THUOCL by
tools/build_field_vocab.py; `frame_*` hand-kept); the shapes that bind them are here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from checks.rules.base import Context

FIELD_VOCAB = {
    "health": ("vocab_health_conditions", "vocab_health_drugs", "vocab_health_measures"),
    "finance": ("vocab_finance_instruments",),
    "justice": ("vocab_justice_procedures",),
    "education": ("vocab_education_exams",),
}
VOCAB = tuple(lex for group in FIELD_VOCAB.values() for lex in group)
LEXICONS = (
    *VOCAB,
    "frame_addressees",
    "frame_reports",
    "frame_retold",
    "frame_debunks",
    "frame_defers",
    "frame_cures",
    "frame_promises",
    "advice_information",
    "advice_markers_strong",
    "frame_buy",
    "frame_forecast",
    *(f"promise_outcomes_{f}" for f in ("education", "finance", "health")),
)

# "家长们一定要…", "你别签…", "有结节的朋友可以…": an addressee followed closely by a modal.
MODAL = r"(?:一定|千万|务必|必须|应该|应当|最好|记得|记住|赶紧|赶快|马上|立刻|直接|先|要|别|不要|不用|不必|无需|不需要|可以|得|唔好|唔使|咪|should|must|need to|have to|don't|do not|never|can)"
ADDRESSED_MODAL = re.compile(rf"[^。；;]{{0,16}}?{MODAL}")
IMPERATIVE_OPENING = re.compile(
    r"(?:^|[，,：:])\s*(?:一定要|千万|务必|记得|记住|切记|赶紧|建议|请(?!假|客|教)|别(?!提|说|人)|不要(?!太)|"
    r"唔好|咪|\b(?:don't|do not|never|stop|always|make sure|try|take|buy|sell|put)\b)"
)
# "先别急着吃止咳药", "不要急着配眼镜": holding the reader back is an instruction anywhere.
STRONG_ANYWHERE = re.compile(
    r"千万(?:别|不要|不能|记得|要)|务必|切记|一定不要|一定别|绝对不要|(?:先|暂时)?(?:别|不要|唔好)急住?着?|\bnever\b"
)
# "有结节的，…", "家里有老人的，…": the readers who have something, addressed.
ADDRESSEE_SHAPE = re.compile(
    r"(?:^|[，,])(?:家里|身边)?有[^，,。；;]{1,8}的(?:人|朋友|宝宝|姐妹|家长|同学)?(?=[，,])"
)
HOW_TO = re.compile(r"怎么(?:分|办|做|签|写|吃|选|买|填|调|治|降|告|要回|才能|才不|操作)|如何|\bhow to\b")
TEACH = re.compile(r"教你|攻略|秘诀|避坑|这样(?:申请|操作|做|办|写|签|吃|买)|\bhere's how\b")
# Buys (`frame_buy`) and forecasts (`frame_forecast`) are pack words; their tense is a shape:
# 已买/刚买/买了/买过/买的 is what the creator did, 翻倍了/涨停过 what already happened.
BOUGHT_BEFORE = ("已", "刚")
DONE_AFTER = ("了", "过", "的")
FIRST_PERSON_START = re.compile(r"^\s*(?:我|我们|俺|咱|本人|\b(?:i|we|my)\b)")
# A measure or condition with a change for the better, close behind it.
IMPROVES = re.compile(
    r"[^，,。；;]{0,8}?(?:降|下来|正常|稳定|好了|好转|没了|消了|消失|不见了|没再|再没|再也没|缩小|变小|小了|转阴|"
    r"痊愈|逆转|断根|不疼|不痛|不犯|没犯|没复发|不复发|控制住|好返|冇晒|无晒|没涨|不涨|没加深|不再涨|\b(?:dropped|normal|gone|shrank|shrunk|reversed|"
    r"cured|disappeared|went away)\b)"
)
# The drug given up: 二甲双胍早扔了, 不用吃那些四联药, 把药停了, 唔使食药, ditch your meds.
DRUG_DROPPED_AFTER = re.compile(
    r"[^，,。；;]{0,4}?(?:扔|停|不吃了|不用吃了|戒了|甩了|丢了|断了|减了|减半|唔使食|唔使吃|唔食|冇食|不用食)"
)
DRUG_DROPPED_BEFORE = re.compile(
    r"(?:不用|不必|不需要|无需|别|不要|唔使|唔好|不再|停了|停掉|扔了|把)(?:再)?(?:吃|用|打|服|食)?[^，,。；;]{0,4}$"
)
DRUG_WORD = re.compile(r"药")
DROP_EN = re.compile(
    r"\b(?:stop(?:ped)? taking|ditch(?:ed)?|quit|threw away|no longer need|off (?:my|your|the))\b"
)
REMEDY = re.compile(
    r"(?:喝|吃|嚼|泡|煮|熬|蒸|涂|敷|擦|含|服|食|饮|练|坚持|按摩|艾灸|拔罐|刮痧|泡脚|针灸|断食|轻断食|生酮|跑步|快走|"
    r"打坐|(?:一|两|半)(?:杯|碗|勺|把|小把)|这款|这个方子|这个方法|这招|这杯|这碗|这种茶|这个茶|\b(?:drink|drinking|drank|eat|eating|ate|juice|tea|"
    r"fasting|this (?:tea|juice|oil|powder|supplement|trick))\b)"
)
DOSE = re.compile(
    r"(?:每天|每日|一天|一日|早晚|早上|晚上|空腹|睡前|饭前|饭后|每次|每顿)[^，,。；;]{0,6}?"
    r"(?:喝|吃|嚼|服|含|泡|涂|食|饮|滴|点|喷|擦|敷)[^，,。；;]{0,3}?[0-9一二两三四五六七八九十半]+\s*"
    r"(?:瓣|杯|勺|碗|片|粒|颗|克|g|毫升|ml|袋|滴|个|根|次|喷)"
)
SETS_REPS = re.compile(
    r"(?:[0-9一二两三四五六七八九十]+\s*组|每组\s*[0-9一二两三四五六七八九十]+|[0-9]+\s*[x×*]\s*[0-9]+|"
    r"\b\d+\s*sets?\b|\b\d+\s*reps?\b|每次\s*[0-9一二两三四五六七八九十]+\s*(?:分钟|秒))"
)
STOP_RULE = re.compile(
    r"(?:疼|痛|不舒服|酸|麻|心慌|头晕)[^，,。；;]{0,4}就停|停下来|\bstop (?:if|when|as soon as)\b"
)
PROMISE_FIELDS = ("education", "finance", "health")  # outcomes: lexicons promise_outcomes_<field>
PROMISE_REACH = 12
CLAUSE_END = re.compile(r"[，,。；;：:!！?？、\s]")


@dataclass(frozen=True)
class Frame:
    """One piece of advice: its field, its kind, where it is and the words that decided it."""

    kind: str  # efficacy | promise | regimen | directive
    field: str  # health | finance | education | justice
    target: str  # title | text
    start: int
    end: int
    words: tuple[str, ...]  # the deciding words, as the creator wrote them

    @property
    def cue(self) -> str:
        words = list(dict.fromkeys(w for w in self.words if w))
        return "…".join(w for w in words if not any(w != o and w in o for o in words))


@dataclass(frozen=True)
class _Sentence:
    target: str
    start: int
    end: int
    norm: str
    raw: str
    hits: dict[str, tuple[tuple[int, int], ...]]  # lexicon → spans (absolute offsets)

    def has(self, *lexicons: str) -> bool:
        return any(self.hits.get(lex) for lex in lexicons)

    def spans(self, *lexicons: str) -> list[tuple[int, int]]:
        return sorted(s for lex in lexicons for s in self.hits.get(lex, ()))


def frames(ctx: Context) -> tuple[Frame, ...]:
    """Every advice frame of the title and text (computed once per check)."""
    cached = ctx.extra.get("advice_frames")
    if cached is None:
        cached = ctx.extra["advice_frames"] = tuple(_frames(ctx))
    return cached


def _sentences(ctx: Context) -> list[_Sentence]:
    ta = ctx.text
    segs = list(ta.sentences)
    keys = [(seg.target, seg.start) for seg in segs]
    order = sorted(range(len(segs)), key=lambda n: keys[n])
    starts = [keys[n] for n in order]
    buckets: list[dict[str, list[tuple[int, int]]]] = [{} for _ in segs]
    for lex in LEXICONS:
        for c in ta.find(lex):
            i = bisect_right(starts, (c.target, c.start)) - 1
            if i >= 0 and starts[i][0] == c.target:
                n = order[i]
                if c.start < segs[n].end:
                    buckets[n].setdefault(lex, []).append((c.start, c.end))
    out = []
    for seg, hits in zip(segs, buckets, strict=True):
        norm = (ta.norm_title if seg.target == "title" else ta.norm_text)[seg.start : seg.end]
        out.append(
            _Sentence(seg.target, seg.start, seg.end, norm, seg.text, {k: tuple(v) for k, v in hits.items()})
        )
    return out


def _frames(ctx: Context) -> list[Frame]:
    sents = _sentences(ctx)
    post_health = any(s.has(*FIELD_VOCAB["health"]) for s in sents)
    out: list[Frame] = []
    for i, s in enumerate(sents):
        if s.has("frame_debunks", "frame_defers", "frame_retold"):
            continue
        report = s.has("frame_reports")
        prev = sents[i - 1] if i and sents[i - 1].target == s.target else None
        found: list[Frame] = []
        if not s.has(*VOCAB, "frame_cures", "frame_promises"):
            # No field word, cure or guarantee: only a regimen or a buy-and-forecast can be advice.
            if not report:
                found.extend(_regimens(s, post_health))
                found.extend(_promises(s) if _open(s, "frame_forecast") else ())
            out.extend(_merged(found))
            continue
        eff = _efficacy(s, prev)
        if eff is not None and not report:
            found.append(eff)
        if not report:
            found.extend(_promises(s))
            found.extend(_regimens(s, post_health))
        found.extend(_directives(s, report))
        out.extend(_merged(found))
    return out


def _merged(found: list[Frame]) -> list[Frame]:
    """One frame per field and sentence, showing every word any of its frames decided on
    (每天空腹喝一杯苦荞茶 … 血脂降到正常 … 他汀都停了 is one claim, not three)."""
    by_field: dict[str, Frame] = {}
    for f in found:
        old = by_field.get(f.field)
        if old is None:
            by_field[f.field] = f
        else:
            words = tuple(sorted({*old.words, *f.words}, key=lambda w: (old.words + f.words).index(w)))
            by_field[f.field] = Frame(
                old.kind, f.field, f.target, min(old.start, f.start), max(old.end, f.end), words
            )
    return list(by_field.values())


def _word(s: _Sentence, a: int, b: int) -> str:
    return s.raw[a - s.start : b - s.start]


def _efficacy(s: _Sentence, prev: _Sentence | None) -> Frame | None:
    """A remedy with an outcome on a condition (see the module docstring)."""
    outcome = _outcome(s)
    if outcome is None:
        return None
    a, b = outcome
    remedies = [(s, m) for m in REMEDY.finditer(s.norm)]
    if not remedies and prev is not None and not prev.has("frame_debunks", "frame_reports"):
        remedies = [(prev, m) for m in REMEDY.finditer(prev.norm)]
    drugs = s.spans("vocab_health_drugs")
    cure_or_drop = s.has("frame_cures") or _dropped(s) is not None
    for where, m in remedies:
        ra, rb = where.start + m.start(), where.start + _clause_end(where.norm, m.end(), 10)
        # The remedy is the prescribed drug (吃了降压药): a report of treatment, unless it claims a cure.
        on_drug = any(ra <= d0 <= rb + 3 for d0, _ in drugs) or DRUG_WORD.match(where.norm, m.end())
        if on_drug and not cure_or_drop:
            continue
        start = min(ra, a) if where is s else a
        return Frame("efficacy", "health", s.target, start, max(b, rb) if where is s else b,
                     (_word(where, ra, rb), _word(s, a, b)))  # fmt: skip
    return None


def _clause_end(norm: str, at: int, reach: int) -> int:
    """Where the clause running on from `at` ends (a comma or stop), at most `reach` further."""
    m = CLAUSE_END.search(norm, at, at + reach)
    return m.start() if m else min(len(norm), at + reach)


def _outcome(s: _Sentence) -> tuple[int, int] | None:
    """The span of an outcome on a condition: a cure word, a better measure, a drug given up."""
    for a, b in s.spans("frame_cures"):
        return a, b
    for a, b in s.spans("vocab_health_conditions", "vocab_health_measures"):
        m = IMPROVES.match(s.norm, b - s.start)
        if m:
            return a, s.start + _clause_end(s.norm, m.end(), 4)
    return _dropped(s)


def _dropped(s: _Sentence) -> tuple[int, int] | None:
    for a, b in s.spans("vocab_health_drugs"):
        m = DRUG_DROPPED_AFTER.match(s.norm, b - s.start)
        if m:
            return a, s.start + m.end()
        m = DRUG_DROPPED_BEFORE.search(s.norm, 0, a - s.start)
        if m:
            return s.start + m.start(), b
    m = DROP_EN.search(s.norm) if s.has("vocab_health_drugs") else None
    if m:
        return s.start + m.start(), s.start + m.end()
    return None


def _open(s: _Sentence, lexicon: str) -> list[tuple[int, int]]:
    """Buys or forecasts not told as done (买了, 已买, 翻倍了)."""
    out = []
    for a, b in s.spans(lexicon):
        rel_a, rel_b = a - s.start, b - s.start
        if s.norm.startswith(DONE_AFTER, rel_b) and not s.norm[rel_a:rel_b].isascii():
            continue
        if lexicon == "frame_buy" and s.norm[max(0, rel_a - 1) : rel_a].endswith(BOUGHT_BEFORE):
            continue
        out.append((a, b))
    return out


def _promises(s: _Sentence) -> list[Frame]:
    out = []
    buys, forecasts = _open(s, "frame_buy"), _open(s, "frame_forecast")
    if buys and forecasts:
        (ba, bb), (a, b) = buys[0], forecasts[0]
        words = (_word(s, ba, bb), _word(s, a, b))
        out.append(Frame("promise", "finance", s.target, min(a, ba), b, words))
    for a, b in s.spans("frame_promises"):
        # "30% returns in three months, guaranteed", "提高30分，保证": the outcome told first
        trailing = s.norm[max(0, a - s.start - 2) : a - s.start].strip(" ,，") == ""
        for fld in PROMISE_FIELDS:
            outcomes = s.spans(f"promise_outcomes_{fld}")
            after = [o for o in outcomes if b <= o[0] and o[1] <= b + PROMISE_REACH]
            if after:
                end = after[0][1]
                out.append(Frame("promise", fld, s.target, a, end, (_word(s, a, end),)))
                break
            before = [o for o in outcomes if a - PROMISE_REACH * 3 <= o[0] and o[1] <= a]
            if before and trailing:
                start = before[-1][0]
                out.append(Frame("promise", fld, s.target, start, b, (_word(s, start, b),)))
                break
    return out


def _regimens(s: _Sentence, post_health: bool) -> list[Frame]:
    if FIRST_PERSON_START.match(s.norm) and not s.has("frame_addressees"):
        return []  # "我每天喝两杯…", "我今天练了5组": a diary
    out = []
    m = DOSE.search(s.norm)
    if m and post_health:
        out.append(
            Frame("regimen", "health", s.target, s.start + m.start(), s.start + m.end(), (m.group(0),))
        )
    m = SETS_REPS.search(s.norm)
    stop = STOP_RULE.search(s.norm)
    if m and (post_health or stop):
        a, b = s.start + m.start(), s.start + m.end()
        words = (_word(s, a, b),) + ((stop.group(0),) if stop else ())
        out.append(Frame("regimen", "health", s.target, a, b, words))
    return out


def _directives(s: _Sentence, report: bool) -> list[Frame]:
    """Field vocabulary in a sentence that tells the reader what to do."""
    directive = _directive(s)
    if directive is None:
        return []
    if report and not s.has("frame_addressees"):
        return []
    if s.has("advice_information") and not s.has("advice_markers_strong"):
        return []  # "考生们记得按时报名": a deadline reminder informs, it does not advise
    if FIRST_PERSON_START.match(s.norm) and not s.has("frame_addressees"):
        return []
    out = []
    for fld, lexicons in FIELD_VOCAB.items():
        spans = s.spans(*lexicons)
        if spans:
            a, b = spans[0]
            words = (_word(s, *directive), _word(s, a, b))
            out.append(Frame("directive", fld, s.target, min(a, directive[0]), max(b, directive[1]), words))
    return out


def _directive(s: _Sentence) -> tuple[int, int] | None:
    """The words that aim the sentence at the reader: addressee + modal, an imperative, a how-to."""
    shaped = [(s.start + m.start(), s.start + m.end()) for m in ADDRESSEE_SHAPE.finditer(s.norm)]
    for a, b in sorted(s.spans("frame_addressees") + shaped):
        if s.norm.startswith(("好", "們好", "们好"), b - s.start):
            continue  # 大家好, 你好: a greeting, not an address
        m = ADDRESSED_MODAL.match(s.norm, a - s.start)
        if m:
            return a, s.start + m.end()
    m = STRONG_ANYWHERE.search(s.norm) or IMPERATIVE_OPENING.search(s.norm)
    if m:
        return s.start + m.start() + (1 if s.norm[m.start()] in "，,：:" else 0), s.start + m.end()
    m = TEACH.search(s.norm)
    if m is None and (s.target == "title" or s.norm.rstrip().endswith(("?", "？"))):
        m = HOW_TO.search(s.norm)  # "离婚房子怎么分？": a how-to asked, to be answered
    if m:
        return s.start + m.start(), s.start + m.end()
    return None
