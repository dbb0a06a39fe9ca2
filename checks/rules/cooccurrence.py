"""“A together with B, unless C” as data: the `cooccurrence` rule kind (Vale's conditional, scoped).

Built-in rules (disaster_exploitation, vulnerable_group_exploitation) and pack rules
(`kind = "cooccurrence"`, checks/packs/pack_rules.py) are the same object:

- `first`, `second`: `Probe`s — pack lexicons by name, extra tokens and patterns, and guard
  lexicons whose hits swallow a hit lying inside them (台风天 holds 台风 but is weather talk);
- `scope`: where the two must meet — "sentence", "paragraph" (a line of the text; the title is
  its own) or "post" (title and text together);
- `exceptions`: a `Probe` whose hit in the same sentence as a `second` hit cancels that hit
  (认准红十字会官方渠道 next to 捐款 is not a hook).

Matching goes through the one text layer, so tokens fold evasions exactly like lexicons do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from checks.rules.base import Context
from checks.text import layer
from checks.text.layer import Span

SCOPES = ("sentence", "paragraph", "post")


@dataclass(frozen=True)
class Probe:
    """What to look for: lexicons (by name), tokens, patterns; `guards` swallow hits inside them."""

    lexicons: tuple[str, ...] = ()
    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    guards: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lexicons or self.tokens or self.patterns)

    def spans(self, ctx: Context, targets: tuple[str, ...]) -> list[Span]:
        ta = ctx.text
        out: list[Span] = []
        for target in targets:
            value = ta.of(target)
            if not value:
                continue
            found = [s for name in self.lexicons for s in layer.find(ctx.packs, name, value, target)]
            if self.tokens:
                found += layer.find_words(ctx.packs, self.tokens, value, target)
            for rx in _compiled(self.patterns):
                found += layer.search(rx, value, target, "pattern")
            if self.guards and found:
                guards = [s for name in self.guards for s in layer.find(ctx.packs, name, value, target)]
                found = layer.outside(found, guards)
            out += found
        out.sort(key=lambda s: (s.target != "title", s.start))
        return out

    def names(self) -> tuple[str, ...]:
        return (*self.lexicons, *self.guards)


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@dataclass(frozen=True)
class Cooccurrence:
    first: Probe
    second: Probe
    scope: str = "post"
    exceptions: Probe = field(default_factory=Probe)
    targets: tuple[str, ...] = ("title", "text")

    def lexicons(self) -> tuple[str, ...]:
        """Every lexicon this rule reads (what `preflight explain` prints)."""
        return tuple(dict.fromkeys((*self.first.names(), *self.second.names(), *self.exceptions.names())))

    def find(self, ctx: Context) -> tuple[Span, Span] | None:
        """The first (first, second) pair that meets in scope, the second hit reported; or None."""
        firsts = self.first.spans(ctx, self.targets)
        if not firsts:
            return None
        seconds = self.second.spans(ctx, self.targets)
        if seconds and self.exceptions:
            cancel = {_unit(ctx, s, "sentence") for s in self.exceptions.spans(ctx, self.targets)}
            seconds = [s for s in seconds if _unit(ctx, s, "sentence") not in cancel]
        if not seconds:
            return None
        if self.scope == "post":
            return firsts[0], seconds[0]
        units: dict[object, Span] = {}
        for f in firsts:
            units.setdefault(_unit(ctx, f, self.scope), f)
        for s in seconds:
            first = units.get(_unit(ctx, s, self.scope))
            if first is not None:
                return first, s
        return None


def _unit(ctx: Context, span: Span, scope: str) -> object:
    """The sentence / paragraph a span is in, as a hashable key."""
    if span.target not in ("title", "text"):
        return (span.target,)
    if scope == "paragraph":
        if span.target == "title":
            return ("title",)
        line = ctx.text.line_of(span)
        return ("text", line.index if line is not None else -1)
    seg = ctx.text.sentence_of(span)
    return (span.target, seg.index if seg is not None else -1)
