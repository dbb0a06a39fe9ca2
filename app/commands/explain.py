"""`preflight explain RULE`: what a rule checks, why (its clause), an example and the fix."""

from __future__ import annotations

import argparse
import sys

from app.cli import CommandError
from checks.i18n import L, tr
from checks.rules import RULE_IDS, get_rule


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="explain a rule (or list them all)")
    p.add_argument("rule", nargs="?", help="rule id; omit to list every rule")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    if not args.rule:
        for rid in RULE_IDS:
            rule = get_rule(rid)
            assert rule is not None
            sys.stdout.write(f"{rid:40} {rule.clause:11} {tr(rule.title, lang)}\n")
        return 0
    rule = get_rule(args.rule)
    if rule is None:
        raise CommandError(f"unknown rule '{args.rule}' (see `preflight explain` for the list)")
    from checks.clauses import SUMMARY_LABEL, clause_summary

    heads = [
        (L(zh="检查什么", en="What it checks"), rule.doc.what),
        (L(zh="为什么", en="Why it matters"), rule.doc.why),
        (L(zh="示例", en="Example"), rule.doc.example),
        (L(zh="修复", en="Fix"), rule.doc.fix),
    ]
    out = [
        f"{rule.id} — {tr(rule.title, lang)}",
        f"{tr(L(zh='条款', en='Clause'), lang)}: {rule.clause}",
        f"{tr(SUMMARY_LABEL, lang)}: {clause_summary(rule.clause, lang)}",
        f"{tr(L(zh='默认级别', en='Default severity'), lang)}: {tr(f'severity.{rule.severity}', lang)}",
        "",
    ]
    for head, body in heads:
        out += [tr(head, lang), "  " + tr(body, lang).replace("\n", "\n  "), ""]
    if rule.lexicons:
        out += [
            tr(L(zh="读取的词表（规则包可扩充）", en="Lexicons it reads (a pack can extend them)"), lang),
            "  " + ", ".join(rule.lexicons),
            "",
        ]
    sys.stdout.write("\n".join(out))
    return 0
