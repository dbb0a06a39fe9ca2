"""Visible AI marks read from pictures and video openings, judged against GB 45438-2025.

AI services in China stamp their output (豆包AI生成, 即梦AI, 可灵AI, 文心一格 …) and creators add
"AI生成" in editors; both are visible labels the creator has already applied. The lexicons live in
the core pack (`ai_visible_marks`, `ai_generator_marks`) so agencies can extend them.

A mark counts as the visible label when it sits at an edge or corner and its characters are at
least 5% of the shorter side high (GB 45438 §4.2); on a video it must stay on the opening frames
for at least 2 s. A generator's own mark is also evidence that the file is AI-generated, even
when the metadata was stripped (screenshot, re-save) — the post then still owes its AI label.
Pure functions of `MediaFacts` and the lexicons: the engine folds the evidence in before rules run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from checks.media.provenance import verdict
from checks.model import Evidence, MediaFacts, Provenance, TextLine

MIN_GLYPH = 0.05  # of the shorter side (GB 45438 §4.2 b)
EDGE = 0.12  # a mark within this share of the shorter side from an edge is "at an edge or corner"
OPENING_S = 2.0  # a video's mark must show for at least this long from the start (GB 45438 §4.3)
LABEL_SLACK = 8  # a generator mark is evidence only on a short label-like line, not inside prose
_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
_AI_MISREAD = re.compile(r"a[l1|!](?=生成|合成|制作|创作|绘制|作图|generated|$)|(?<=with)a[l1]|(?<=by)a[l1]")


@dataclass(frozen=True)
class Mark:
    """One recognised line that carries a visible AI label."""

    line: TextLine
    phrase: str  # the lexicon entry matched
    service: str | None  # the generator it names, when a generator's mark
    at_edge: bool
    glyph_ratio: float  # glyph height / shorter side (0 when unknown)

    @property
    def large_enough(self) -> bool:
        return self.glyph_ratio >= MIN_GLYPH

    @property
    def compliant(self) -> bool:
        return self.at_edge and self.large_enough


def compact(text: str) -> str:
    """Lower case, no spaces or punctuation; OCR's usual misreadings of "AI" ("Al", "A1") folded."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _AI_MISREAD.sub("ai", _DROP.sub("", text))


def _entries(lexicon: Iterable[str]) -> list[tuple[str, str | None]]:
    out = []
    for entry in lexicon:
        mark, _, service = entry.partition("=")
        key = compact(mark)
        if key:
            out.append((key, service.strip() or None))
    return sorted(out, key=lambda e: -len(e[0]))


def frame_size(facts: MediaFacts) -> tuple[int, int] | None:
    if not facts.width or not facts.height:
        return None
    if facts.kind == "photo" and facts.orientation in (5, 6, 7, 8):
        return facts.height, facts.width
    return facts.width, facts.height


def at_edge(box: tuple[int, int, int, int], size: tuple[int, int]) -> bool:
    w, h = size
    margin = EDGE * min(w, h)
    x0, y0, x1, y1 = box
    return min(x0, y0, w - x1, h - y1) <= margin


def find_marks(facts: MediaFacts, labels: Iterable[str], generators: Iterable[str]) -> list[Mark]:
    """Lines of `facts.text` that carry an AI label or a generator's mark (OCR lines only)."""
    size = frame_size(facts)
    generic = _entries(labels)
    services = _entries(generators)
    found = []
    for line in facts.text:
        if line.source != "ocr":
            continue
        key = compact(line.text)
        service = next(((m, s) for m, s in services if m in key), None)
        label = next((m for m, _ in generic if m in key), None)
        if service is None and label is None:
            continue
        phrase = service[0] if service else label or ""
        edge = at_edge(line.box, size) if size else False
        glyph = line.glyph_px or round((line.box[3] - line.box[1]) / 1.4)
        ratio = glyph / min(size) if size else 0.0
        found.append(Mark(line, phrase, service[1] if service else None, edge, round(ratio, 4)))
    return found


def shown_long_enough(marks: list[Mark], facts: MediaFacts) -> bool:
    """A video's compliant mark is on every sampled frame of the opening 2 s (or the whole clip)."""
    if facts.kind != "video":
        return True
    times = sorted({m.line.frame_s or 0.0 for m in marks if m.compliant})
    if not times or times[0] > 0.05:
        return False
    sampled = sorted({t.frame_s or 0.0 for t in facts.text if t.source == "ocr"} | set(times))
    needed = [t for t in sampled if t <= OPENING_S + 0.05]
    clip = facts.duration or 0.0
    return all(t in times for t in needed) and (max(times) >= OPENING_S - 0.05 or 0 < clip < OPENING_S + 0.5)


def generator_evidence(marks: list[Mark]) -> list[Evidence]:
    """A generator's mark at an edge, on a line that is essentially the mark: AI evidence."""
    out: list[Evidence] = []
    for m in marks:
        if m.service and m.at_edge and len(compact(m.line.text)) <= len(m.phrase) + LABEL_SLACK:
            when = f" @ {m.line.frame_s:g} s" if m.line.frame_s is not None else ""
            where = "visible mark, box [{}, {}, {}, {}]".format(*m.line.box) + when
            out.append(
                Evidence(
                    "ocr:generator_mark", where, f"“{m.line.text}” ({m.service})", Provenance.AI_GENERATED
                )
            )
    return list(dict.fromkeys(out))


def with_marks(facts: MediaFacts, labels: Iterable[str], generators: Iterable[str]) -> MediaFacts:
    """`facts` with generator-mark evidence folded into the provenance verdict."""
    if facts.error or not facts.text:
        return facts
    ev = [e for e in generator_evidence(find_marks(facts, labels, generators)) if e not in facts.evidence]
    if not ev:
        return facts
    evidence = (*facts.evidence, *ev)
    return replace(facts, evidence=evidence, provenance=verdict(evidence))
