"""Labels the creator wrote into the post: source, fiction, AI, shooting time/place, advertising.

Each kind reads a pack lexicon `label_<kind>` (phrases and regular expressions, so an agency pack
can add wordings). A hit gets a status:
- ok: a real label;
- vague: a source that names nothing checkable (来源：网络, 网图侵删, 听说, 内部消息 — lexicon
  `source_vague`, also applied to the `src` group of a "据…报道" pattern);
- deferred: the source is elsewhere (见评论区, 见置顶 — lexicon `source_deferred`);
- negated: "非AI生成", "不是剧本", "not AI-generated" (lexicon `label_negation`, up to three
  characters before the phrase, a few words in English) — a denial is not a label.
Placement comes from checks.text.structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from checks.text.layer import pattern_matches, phrases
from checks.vocabulary.normalize import normalize

if TYPE_CHECKING:
    from checks.vocabulary.packset import PackSet

KINDS = ("source", "fiction", "ai", "shooting", "advertising", "minor_warning")
LEXICONS = (*(f"label_{k}" for k in KINDS), "label_negation", "source_vague", "source_deferred")


@dataclass(frozen=True)
class Label:
    kind: str  # source | fiction | ai | shooting | advertising | minor_warning
    status: str  # ok | vague | deferred | negated
    target: str  # title | text
    start: int
    end: int
    text: str
    placement: str  # title | lead | last_line | body
    source: str | None = None  # for source labels: who is cited, when it can be isolated

    @property
    def conspicuous(self) -> bool:
        return self.placement in ("title", "lead", "last_line")


def find_labels(text: str, target: str, packs: PackSet, place: Callable[[str, int, int], str]) -> list[Label]:
    if not text:
        return []
    norm = normalize(text)
    negations = _normalised(packs.lexicon("label_negation"))
    out: list[Label] = []
    for kind in KINDS:
        spans: list[tuple[int, int, str | None]] = [
            (m.start, m.end, None) for m in phrases(packs, f"label_{kind}", text)
        ]
        for m in pattern_matches(packs, f"label_{kind}", norm):
            src = text[m.start("src") : m.end("src")] if m.groupdict().get("src") else None
            spans.append((m.start(), m.end(), src.strip() if src else None))
        for start, end, src in _dedupe(spans):
            status = "ok"
            neg = _negated(norm, start, negations)
            if neg is not None:
                status, start = "negated", neg
            elif kind == "source" and src is not None and _vague(src, text[start:end], packs):
                status = "vague"
            out.append(
                Label(kind, status, target, start, end, text[start:end], place(target, start, end), src)
            )
    ok_sources = [(lb.start, lb.end) for lb in out if lb.kind == "source" and lb.status == "ok"]
    for status, name in (("vague", "source_vague"), ("deferred", "source_deferred")):
        for hit in phrases(packs, name, text):
            if not any(a <= hit.start < b for a, b in ok_sources):
                where = place(target, hit.start, hit.end)
                out.append(Label("source", status, target, hit.start, hit.end, hit.text, where))
        for m in pattern_matches(packs, name, norm):
            out.append(
                Label(
                    "source",
                    status,
                    target,
                    m.start(),
                    m.end(),
                    text[m.start() : m.end()],
                    place(target, m.start(), m.end()),
                )
            )
    return _deferred_kinds(_resolve_sources(sorted(out, key=lambda lb: (lb.start, lb.kind))))


def _vague(src: str, whole: str, packs: PackSet) -> bool:
    """A cited name is vague when it *is* or starts with a vague word (来源：网络, 据网传…), the
    label contains a longer vague phrase (据内部消息), or it names nobody one could check
    (据当地媒体报道, 来源：朋友圈, according to local media); "国家网络安全中心" is not vague."""
    src = src.strip(" @#：:，,")
    if len(src) < 2:
        return True
    if any(m.start == 0 for m in phrases(packs, "source_vague", src)):
        return True
    if any(m.end - m.start >= 3 for m in phrases(packs, "source_vague", whole)):
        return True
    return not named_source(src, packs)


# A source is checkable when it names an institution (…局, …社, …日报, …官网), a document
# (《…》, a URL), a known outlet or organ, or a proper name in Latin script (Reuters, BBC).
INSTITUTION = re.compile(
    r"[\u4e00-\u9fff]{2,}(?:局|部|委|院|办|厅|署|台|社|报|网|中心|集团|银行|政府|法院|公司|大学|学院|医院|"
    r"协会|学会|研究所|研究院|基金会|官网|官微|官方|微博|公众号|频道|发布|通讯|交警|公安|卫视|管理处|指挥部|"
    r"电力|电网|地铁|铁路|航空|机场|水务|燃气|客服|景区)"
)
DOCUMENT = re.compile(r"《[^》]{2,}》|https?://|www\.|\.(?:com|cn|gov|org|net)\b|第\d+号|〔\d{4}〕")
GENERIC_HEAD = ("某", "有关", "相关", "当地", "一些", "多家", "部分", "境外", "国外", "外媒", "网友", "知情", "业内")
LATIN_NAME = re.compile(r"\b(?:[A-Z][a-z]{2,}|[A-Z]{2,})")
LATIN_GENERIC = frozenset(("The", "Local", "Some", "Several", "Many", "Officials", "Sources", "Media", "Reports"))


def named_source(src: str, packs: PackSet) -> bool:
    """Whether `src` names a specific, checkable source (see INSTITUTION / DOCUMENT above)."""
    if phrases(packs, "media_outlets", src) or phrases(packs, "official_organs", src):
        return True
    if DOCUMENT.search(src):
        return True
    if src.startswith(GENERIC_HEAD):
        return False
    if INSTITUTION.search(src):
        return True
    return any(w not in LATIN_GENERIC for w in LATIN_NAME.findall(src))


def _dedupe(spans: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """Overlapping hits of one kind keep the longest."""
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str | None]] = []
    for s in spans:
        if kept and s[0] < kept[-1][1]:
            if s[1] - s[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = s
            continue
        kept.append(s)
    return kept


@lru_cache(maxsize=16)
def _normalised(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in (normalize(w) for w in words) if n)


def _negated(norm: str, start: int, negations: tuple[str, ...]) -> int | None:
    """Where the negation before `start` begins, or None when the phrase is not negated."""
    lo = max(0, start - 12)
    before = norm[lo:start]
    for n in negations:
        window = before[-(len(n) + 3) :] if not n.isascii() else before
        if n in window and (not n.isascii() or _ascii_neg(window, n)):
            return start - len(window) + window.rfind(n)
    return None


def _ascii_neg(window: str, neg: str) -> bool:
    idx = window.rfind(neg)
    left = window[idx - 1] if idx > 0 else " "
    return not left.isalpha()


DEFER_GAP = 6


def _deferred_kinds(labels: list[Label]) -> list[Label]:
    """"演绎说明见评论区": a fiction label pointing elsewhere is deferred (N2023-5 wants it on the
    post), and the pointer belongs to it — it is not a deferred *source*."""
    pointers = [lb for lb in labels if lb.kind == "source" and lb.status == "deferred"]
    out: list[Label] = []
    taken: set[int] = set()
    for lb in labels:
        if lb.kind == "fiction" and lb.status == "ok":
            p = next(
                (p for p in pointers if p.target == lb.target and 0 <= p.start - lb.end <= DEFER_GAP), None
            )
            if p is not None:
                taken.add(id(p))
                lb = Label(lb.kind, "deferred", lb.target, lb.start, lb.end, lb.text, lb.placement, lb.source)
        out.append(lb)
    return [lb for lb in out if id(lb) not in taken]


def _resolve_sources(labels: list[Label]) -> list[Label]:
    """A vague phrase inside a specific source ("据新华社报道" never is) — or a vague source that
    sits inside an ok one's span — is dropped, so each stretch of text has one verdict."""
    ok = [lb for lb in labels if lb.kind == "source" and lb.status == "ok"]
    out = []
    for lb in labels:
        if lb.kind == "source" and lb.status == "vague" and lb.source is None:
            if any(o.start <= lb.start and lb.end <= o.end for o in ok):
                continue
        out.append(lb)
    return out
