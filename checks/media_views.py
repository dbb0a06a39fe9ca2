"""Text shown on media is text: each file's recognised lines are checked as their own target `media:N`.

A Xiaohongshu card announcing an accident owes a source as typed text does; a cover shouting 震惊
is clickbait; a frame saying 防失联 is follow inducement. So the text rules run once more per media
file, on a *view* of the post whose title is the picture's most prominent line (its headline) and
whose text is its other lines, with the post's platform, account and declarations. Their findings
come back with `target="media:N"`, a span into the recognised line and that line's box as evidence.

Which labels satisfy a duty (README "Reading text in media"): the post is shown together with its pictures,
so a source or fiction label that is legible on a picture tells viewers as a typed label does —
a conspicuous label anywhere in the post or on any of its pictures covers the whole post. The AI
label is different: the rules ask for the post's explicit label or declaration *and* a mark on the
media; a mark on the picture satisfies only the latter (see checks.media.marks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from checks.i18n import L
from checks.model import Draft, Finding, Fix, MediaFacts, TextLine
from checks.rules.base import Context, Rule

RULES = (
    "source_label_missing",
    "fiction_label_missing",
    "clickbait_title",
    "follow_inducement",
    "disaster_exploitation",
    "vulnerable_group_exploitation",
    "credential_required",
)
COVERED_BY_LABEL = {"source_label_missing": "source", "fiction_label_missing": "fiction"}
EDIT_PICTURE = L(
    zh="修改“{name}”画面上的文字“{line}”",
    en="Change the text '{line}' shown in '{name}'",
)

RunRules = Callable[[Context, Iterable[Rule]], list[Finding]]


@dataclass(frozen=True)
class Placed:
    """Where one recognised line sits in the view: target ("title"/"text") and offsets."""

    target: str
    start: int
    end: int
    line: TextLine


@dataclass(frozen=True)
class MediaView:
    index: int
    facts: MediaFacts
    title: str
    text: str
    placed: tuple[Placed, ...]

    def locate(self, target: str, span: tuple[int, int] | None) -> Placed | None:
        inside = [p for p in self.placed if p.target == target]
        if span is None:
            return inside[0] if inside else (self.placed[0] if self.placed else None)
        return next((p for p in inside if p.start <= span[0] < p.end or p.start <= span[0] == p.end), None)


def distinct_lines(facts: MediaFacts) -> list[TextLine]:
    """Each text once (video frames repeat lines), in reading order of first appearance."""
    seen: set[str] = set()
    out: list[TextLine] = []
    for line in facts.text:
        key = "".join(line.text.split())
        if key and key not in seen:
            seen.add(key)
            out.append(line)
    return out


def view_of(index: int, facts: MediaFacts) -> MediaView | None:
    lines = distinct_lines(facts)
    if not lines:
        return None
    shown = [ln for ln in lines if ln.source == "ocr"]
    headline = max(shown, key=lambda ln: ln.box[3] - ln.box[1]) if shown else None
    placed: list[Placed] = []
    title = headline.text if headline else ""
    if headline:
        placed.append(Placed("title", 0, len(title), headline))
    parts: list[str] = []
    pos = 0
    for line in lines:
        if line is headline:
            continue
        placed.append(Placed("text", pos, pos + len(line.text), line))
        parts.append(line.text)
        pos += len(line.text) + 1
    return MediaView(index, facts, title, "\n".join(parts), tuple(placed))


def evidence(view: MediaView, placed: Placed) -> str:
    line = placed.line
    if line.source == "subtitle":
        where = "subtitle" + (f" @ {line.frame_s:g} s" if line.frame_s is not None else "")
    else:
        where = "box [{}, {}, {}, {}]".format(*line.box)
        if line.frame_s is not None:
            where += f" @ {line.frame_s:g} s"
    return f"“{line.text}” ({where})"


def _relocate(ctx: Context, view: MediaView, finding: Finding) -> Finding | None:
    placed = view.locate(finding.target, finding.span)
    if placed is None:
        return None
    span = None
    if finding.span is not None:
        start = max(0, finding.span[0] - placed.start)
        span = (start, min(len(placed.line.text), max(start, finding.span[1] - placed.start)))
    name = Path(view.facts.path).name
    # Edits into the view's strings are meaningless for the post; inserts and declarations stay.
    fixes: list[Fix] = [f for f in finding.fixes if f.payload.get("where") != "replace"]
    if finding.rule not in COVERED_BY_LABEL:
        fixes.insert(0, ctx.manual_fix(EDIT_PICTURE, name=name, line=placed.line.text))
    return replace(
        finding,
        target=f"media:{view.index}",
        span=span,
        evidence=evidence(view, placed),
        fixes=tuple(fixes),
        box=placed.line.box if placed.line.source == "ocr" else None,
    )


def media_findings(ctx: Context, run: RunRules, findings: list[Finding]) -> list[Finding]:
    """`findings` of the post plus those of every media view, with label duties settled post-wide."""
    from checks.rules import get_rule

    rules = [r for r in (get_rule(rid) for rid in RULES) if r is not None]
    views = [v for v in (view_of(i, m) for i, m in enumerate(ctx.media) if not m.error) if v]
    if not views:
        return findings
    covered = {kind for kind in COVERED_BY_LABEL.values() if ctx.text.label(kind) is not None}
    extra: list[Finding] = []
    for view in views:
        draft = Draft(
            title=view.title,
            text=view.text,
            platform=ctx.draft.platform,
            declarations=ctx.draft.declarations,
            account=ctx.draft.account,
            publish_at=ctx.draft.publish_at,
            path=ctx.draft.path,
        )
        vctx = Context(
            draft=draft, media=(view.facts,), packs=ctx.packs, publish_at=ctx.publish_at, lang=ctx.lang
        )
        covered |= {k for k in COVERED_BY_LABEL.values() if vctx.text.label(k, conspicuous=False) is not None}
        for finding in run(vctx, rules):
            moved = _relocate(ctx, view, finding)
            if moved is not None:
                extra.append(moved)
    dropped = {rule for rule, kind in COVERED_BY_LABEL.items() if kind in covered}
    return [f for f in (*findings, *extra) if f.rule not in dropped]
