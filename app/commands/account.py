"""`preflight account HISTORY`: may this account monetise, from when, and must it show its MCN?

Exit 0 when monetisation is allowed on the date and the MCN rule is met; 1 when something holds
it back (waiting period, MCN not displayed); 2 for a file that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from app.cli import CommandError
from checks.account_standing import Standing, load_history, standing
from checks.clauses import clause_summary
from checks.i18n import L, tr

_KIND = {
    "violation": L(zh="最近一次违规", en="last violation"),
    "entity_change": L(zh="账号主体变更", en="entity change"),
    "silencing": L(zh="禁言", en="silencing"),
}
_RULE = {
    "violation": L(zh="3个月内无违规", en="3 months without violations"),
    "entity_change": L(zh="变更后暂停3个月", en="suspended 3 months after the change"),
    "silencing": L(
        zh="禁言结束后暂停禁言时长的2–3倍（{days}天）", en="2–3× the silencing ({days} days) after it ends"
    ),
}
_STATUS = {
    "allowed": L(zh="可以开通营利权限", en="Monetisation may be enabled"),
    "maybe": L(
        zh="已过最早日期（2倍），未到稳妥日期（3倍）：取决于平台",
        en="Past the earliest (2×) date but not the conservative (3×) one: up to the platform",
    ),
    "wait": L(zh="暂不可开通营利权限", en="Monetisation may not be enabled yet"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "account", help="account standing: when monetisation may be enabled; MCN display (N2023-8/9/11)"
    )
    p.add_argument("file", metavar="FILE", help="account history TOML (see examples/account-history.toml)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--on", metavar="DATE", help="judge as of this date (YYYY-MM-DD, default today)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    p.set_defaults(run=run)


def render_standing(s: Standing, lang: str) -> str:
    t = lambda x, **kw: tr(x, lang, **kw)  # noqa: E731
    lines = [
        t(
            L(zh="账号：{name}    判断日期：{on}", en="Account: {name}    as of: {on}"),
            name=s.history.account or "—",
            on=s.on,
        )
    ]
    lines.append("")
    head = [
        t(L(zh="事件", en="event")),
        t(L(zh="日期", en="date")),
        t(L(zh="规则", en="rule")),
        t(L(zh="最早", en="earliest")),
        t(L(zh="稳妥日期", en="conservative")),
        t(L(zh="条款", en="clause")),
    ]
    rows = [
        [
            t(_KIND[c.kind]) + (f" ({c.note})" if c.note else ""),
            c.event.isoformat() + (f" – {c.end.isoformat()}" if c.end else ""),
            t(_RULE[c.kind], days=c.days),
            c.earliest.isoformat(),
            c.until.isoformat() + (" ◀" if c.until == s.monetise_from else ""),
            c.clause,
        ]
        for c in s.constraints
    ]
    if rows:
        lines += text_table([head, *rows])
    else:
        lines.append(
            t(
                L(
                    zh="无违规、禁言或主体变更记录。",
                    en="No violations, silencings or entity changes on record.",
                )
            )
        )
    lines.append("")
    lines.append(f"{t(L(zh='营利权限', en='Monetisation'))}: {t(_STATUS[s.status])}")
    if s.monetise_from:
        lines.append(f"  {t(L(zh='稳妥开通日期（3倍）', en='conservative date (3×)'))}: {s.monetise_from}")
        lines.append(f"  {t(L(zh='最早开通日期（2倍）', en='earliest date (2×)'))}: {s.monetise_earliest}")
    lines.append("")
    if s.must_display_mcn:
        state = (
            L(zh="已在主页展示", en="displayed on the homepage")
            if s.history.mcn_displayed
            else L(
                zh="未展示——必须在主页显著展示",
                en="NOT displayed — must be shown conspicuously on the homepage",
            )
        )
        lines.append(f"{t(L(zh='所属MCN', en='MCN'))}: {s.history.mcn} — {t(state)} (N2023-11)")
        if not s.history.mcn_displayed:
            lines.append(f"  {clause_summary('N2023-11', lang)}")
    else:
        lines.append(t(L(zh="所属MCN：无（无需展示）", en="MCN: none (nothing to display)")))
    return "\n".join(lines)


def text_table(rows: list[list[str]]) -> list[str]:
    from unicodedata import east_asian_width

    width = lambda s: sum(2 if east_asian_width(ch) in "WF" else 1 for ch in s)  # noqa: E731
    cols = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, r in enumerate(rows):
        out.append("  ".join(cell + " " * (cols[i] - width(cell)) for i, cell in enumerate(r)).rstrip())
        if n == 0:
            out.append("  ".join("-" * c for c in cols))
    return out


def run(args: argparse.Namespace) -> int:
    on = None
    if args.on:
        try:
            on = date.fromisoformat(args.on)
        except ValueError:
            raise CommandError(f"--on must be a date like 2026-11-30, not {args.on!r}") from None
    s = standing(load_history(args.file), on)
    if args.format == "json":
        sys.stdout.write(json.dumps(s.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_standing(s, args.lang) + "\n")
    return 0 if s.status == "allowed" and s.mcn_ok else 1
