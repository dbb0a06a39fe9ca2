"""Pack rule kinds `existence`, `requirement`, `substitution` and `cooccurrence`, turned into `Rule`s.

A pack rule is data; this module supplies the only code that runs for it: ask the one text
layer (checks.text.layer) for the rule's tokens — folded exactly as built-in lexicons are, so a
token 防失联 also finds 防·失·联 — and for its pre-validated regular expressions on the normalised
text (traditional → simplified, half-width, lower case), and
emit a finding whose fixes are plain data. Ids are prefixed with the pack id (`agency:ads`) so
they never collide with built-in rules or another pack's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.packs import validate as v
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.cooccurrence import SCOPES as CO_SCOPES
from checks.rules.cooccurrence import Cooccurrence
from checks.rules.cooccurrence import Probe as CoProbe
from checks.text import layer
from checks.vocabulary.normalize import normalize
from checks.vocabulary.safe_regex import PackPattern, compile_pattern

SCOPES = ("title", "text", "account")
WHERE = ("title_prefix", "text_start", "text_end")


@dataclass(frozen=True)
class Probe:
    """Phrases and patterns to look for; a hit is (target, start, end, matched text)."""

    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def hits(self, ctx: Context, scope: tuple[str, ...]) -> Iterator[tuple[str, int, int, str]]:
        for target in scope:
            value = _scoped(ctx, target)
            if not value:
                continue
            for s in layer.find_words(ctx.packs, self.tokens, value, target):
                yield target, s.start, s.end, s.text
            for rx in _compile(self.patterns):
                for s in layer.search(rx, value, target):
                    yield target, s.start, s.end, s.text


def _folded_lookup(ctx: Context, table: dict[str, str], found: str) -> str:
    """The replacement for a token found in an evasive spelling (防·失·联 for 防失联)."""
    want = layer.fold(ctx.packs, found).folded
    return next((val for key, val in table.items() if layer.fold(ctx.packs, key).folded == want), "")


def _compile(patterns: tuple[str, ...]) -> list[PackPattern]:
    return [compile_pattern(p) for p in patterns]


def _scoped(ctx: Context, target: str) -> str:
    if target == "title":
        return ctx.draft.title
    if target == "text":
        return ctx.draft.text
    return f"{ctx.draft.account.name}\n{ctx.draft.account.bio}"


def _probe(where: v.Where, data: Any, key: str) -> Probe:
    if not isinstance(data, dict):
        raise where.error(key, "must be a table with 'tokens' and/or 'patterns'")
    probe = Probe(v.strings(where, data, "tokens"), v.patterns(where, data, "patterns"))
    if not probe.tokens and not probe.patterns:
        raise where.error(key, "needs at least one of 'tokens' or 'patterns'")
    return probe


def _doc(msg: L, pack: str) -> RuleDoc:
    origin = L(zh=f"由规则包 {pack} 定义。", en=f"Defined by rule pack {pack}.")
    return RuleDoc(what=msg, why=origin, example=L(zh="（见规则包）", en="(see the pack)"), fix=origin)


def build(pack: str, data: dict[str, Any], where: v.Where) -> Rule:
    """One `existence` / `requirement` / `substitution` file → a `Rule` (raises PackError)."""
    kind = data["kind"]
    rid = v.ident(where, data, "id")
    severity = v.severity(where, data, "severity", Severity.WARNING) or Severity.WARNING
    clause = v.text(where, data, "clause", required=False, default="PACK")
    msg = v.message(where, data)
    full_id = f"{pack}:{rid}"
    box: list[Rule] = []
    if kind == "cooccurrence":
        pair = _cooccurrence(where, data)
        check = _cooccurring(box, pair, msg)
        title = L(zh=msg.zh.split("{", 1)[0] or rid, en=msg.en.split("{", 1)[0] or rid)
        rule = Rule(
            id=full_id,
            clause=clause,
            severity=severity,
            title=title,
            doc=_doc(msg, pack),
            check=check,
            lexicons=pair.lexicons(),
        )
        box.append(rule)
        return rule
    scope = v.scope(where, data)
    if kind == "existence":
        check = _existence(box, _probe(where, data, "tokens"), scope, msg)
    elif kind == "requirement":
        trigger = _probe(where, data.get("trigger"), "trigger")
        require = data.get("require")
        if not isinstance(require, dict):
            raise where.error("require", "must be a table with 'tokens', 'patterns' and/or 'declarations'")
        declarations = v.strings(where, require, "declarations")
        need = Probe(v.strings(where, require, "tokens"), v.patterns(where, require, "patterns"))
        if not need.tokens and not need.patterns and not declarations:
            raise where.error("require", "needs 'tokens', 'patterns' or 'declarations'")
        fix = _insert_fix(where, data.get("fix"))
        check = _requirement(box, trigger, need, declarations, scope, msg, fix)
    else:
        swap = data.get("swap")
        if not isinstance(swap, dict) or not swap or not all(isinstance(x, str) for x in swap.values()):
            raise where.error("swap", "must be a table of 'found' = 'replacement' strings")
        check = _substitution(box, dict(swap), scope, msg)
    title = L(zh=msg.zh.split("{", 1)[0] or rid, en=msg.en.split("{", 1)[0] or rid)
    rule = Rule(id=full_id, clause=clause, severity=severity, title=title, doc=_doc(msg, pack), check=check)
    box.append(rule)
    return rule


def _co_probe(where: v.Where, data: Any, key: str, *, required: bool = True) -> CoProbe:
    if data is None and not required:
        return CoProbe()
    if not isinstance(data, dict):
        raise where.error(key, "must be a table with 'lexicons', 'tokens', 'patterns' and/or 'guards'")
    probe = CoProbe(
        lexicons=v.strings(where, data, "lexicons"),
        tokens=v.strings(where, data, "tokens"),
        patterns=v.patterns(where, data, "patterns"),
        guards=v.strings(where, data, "guards"),
    )
    if required and not probe:
        raise where.error(key, "needs at least one of 'lexicons', 'tokens' or 'patterns'")
    return probe


def _cooccurrence(where: v.Where, data: dict[str, Any]) -> Cooccurrence:
    """`first` and `second` in one `scope` (sentence | paragraph | post), unless an `exceptions`
    hit shares the sentence of the `second` hit."""
    scope = data.get("scope", "sentence")
    if scope not in CO_SCOPES:
        raise where.error("scope", f"must be one of {', '.join(CO_SCOPES)}")
    targets = v.scope(where, data, "targets")
    if "account" in targets:
        raise where.error("targets", "must list some of title, text")
    return Cooccurrence(
        first=_co_probe(where, data.get("first"), "first"),
        second=_co_probe(where, data.get("second"), "second"),
        scope=scope,
        exceptions=_co_probe(where, data.get("exceptions"), "exceptions", required=False),
        targets=targets,
    )


def _cooccurring(box: list[Rule], pair: Cooccurrence, msg: L):
    def check(ctx: Context) -> Iterator[Finding]:
        found = pair.find(ctx)
        if found is None:
            return
        first, second = found
        yield ctx.finding(
            box[0],
            msg,
            target=second.target,
            span=(second.start, second.end),
            evidence=f"{first.text} … {second.text}",
            first=first.text,
            second=second.text,
            found=second.text,
        )

    return check


def _insert_fix(where: v.Where, data: Any) -> tuple[L, str] | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise where.error("fix", "must be a table with 'text' and 'where'")
    text = v.message(where, data, "text")
    place = data.get("where", "text_end")
    if place not in WHERE:
        raise where.error("fix.where", f"must be one of {', '.join(WHERE)}")
    return text, place


def _existence(box: list[Rule], probe: Probe, scope: tuple[str, ...], msg: L):
    def check(ctx: Context) -> Iterator[Finding]:
        rule = box[0]
        for target, start, end, found in probe.hits(ctx, scope):
            yield ctx.finding(
                rule,
                msg,
                target=target,
                span=(start, end) if target != "account" else None,
                evidence=found,
                found=found,
            )

    return check


def _requirement(
    box: list[Rule], trigger: Probe, need: Probe, declarations: tuple[str, ...], scope, msg: L, fix
):
    def check(ctx: Context) -> Iterator[Finding]:
        first = next(trigger.hits(ctx, scope), None)
        if first is None:
            return
        if any(d in ctx.draft.declarations for d in declarations):
            return
        if next(need.hits(ctx, ("title", "text")), None) is not None:
            return
        rule = box[0]
        target, start, end, found = first
        fixes = []
        if fix is not None:
            text, place = fix
            label = ctx.t(text)
            fixes.append(
                Fix(
                    FixKind.INSERT_TEXT,
                    ctx.t(L(zh="插入“{label}”", en="Insert '{label}'"), label=label),
                    Applicability.UNSAFE,
                    {"text": label, "where": place, "target": "title" if place == "title_prefix" else "text"},
                )
            )
        yield ctx.finding(
            rule,
            msg,
            target=target,
            span=(start, end) if target != "account" else None,
            evidence=found,
            fixes=fixes,
            found=found,
        )

    return check


def _substitution(box: list[Rule], swap: dict[str, str], scope: tuple[str, ...], msg: L):
    probe = Probe(tokens=tuple(swap))
    table = {normalize(k): val for k, val in swap.items()}

    def check(ctx: Context) -> Iterator[Finding]:
        rule = box[0]
        for target, start, end, found in probe.hits(ctx, tuple(s for s in scope if s != "account")):
            repl = table.get(normalize(found), "") or _folded_lookup(ctx, table, found)
            fix = Fix(
                FixKind.INSERT_TEXT,
                ctx.t(L(zh="把“{a}”改为“{b}”", en="Replace '{a}' with '{b}'"), a=found, b=repl),
                Applicability.UNSAFE,
                {"text": repl, "where": "replace", "span": [start, end], "target": target},
            )
            yield ctx.finding(
                rule,
                msg,
                target=target,
                span=(start, end),
                evidence=found,
                fixes=[fix],
                found=found,
                replacement=repl,
            )

    return check
