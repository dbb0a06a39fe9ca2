"""The batch audit page: summary tables (totals, by account, by rule), then one card per draft.

Rules are named in words (the id stays in a data attribute); cards are `draft_section`s of the
report dicts the audit's worker processes sent back, or their error rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checks.fixes.planner import rule_name
from checks.i18n import L, tr
from checks.report.html import _SEV, _VERDICT, _clause_cell, _generated, _packs_line, draft_section, e, page


def _table(head: Sequence[L], rows: list[list[str]], numeric_from: int, lang: str) -> str:
    ths = "".join(f"<th>{e(tr(h, lang))}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i >= numeric_from else f"<td>{c}</td>" for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table>"


def render_audit_html(data: dict[str, Any], rows: Sequence[dict[str, Any]], lang: str = "zh") -> str:
    """The batch audit page: summary tables, then one card per draft (report dicts or error rows)."""
    s = data["summary"]
    title = tr(L(zh="批量自检报告", en="Batch audit report"), lang)
    totals = _table(
        [
            L(zh="稿件", en="Drafts"),
            _VERDICT["ready"],
            _VERDICT["review"],
            _VERDICT["fix_required"],
            _VERDICT["error"],
        ],
        [[str(s["drafts"]), str(s["ready"]), str(s["review"]), str(s["fix_required"]), str(s["errors"])]],
        0,
        lang,
    )
    accounts = _table(
        [
            L(zh="账号", en="Account"),
            L(zh="MCN", en="MCN"),
            L(zh="稿件", en="Drafts"),
            _VERDICT["ready"],
            _VERDICT["review"],
            _VERDICT["fix_required"],
            _VERDICT["error"],
            L(zh="问题数", en="Findings"),
        ],
        [
            [
                e(a["account"] or "—"),
                e(a["mcn"] or ""),
                str(a["drafts"]),
                str(a["ready"]),
                str(a["review"]),
                str(a["fix_required"]),
                str(a["error"]),
                str(a["findings"]),
            ]
            for a in s["by_account"]
        ],
        2,
        lang,
    )
    rules = _table(
        [
            L(zh="规则", en="Rule"),
            L(zh="条款", en="Clause"),
            L(zh="涉及稿件", en="Drafts"),
            _SEV["error"],
            _SEV["warning"],
            _SEV["info"],
        ],
        [
            [
                f'<span data-rule="{e(r["rule"])}">{e(rule_name(r["rule"], lang))}</span>',
                _clause_cell(r["clause"], lang),
                str(r["drafts"]),
                str(r["error"]),
                str(r["warning"]),
                str(r["info"]),
            ]
            for r in s["by_rule"]
        ],
        2,
        lang,
    )
    cards = "".join(draft_section(r, lang) for r in rows)
    body = (
        f"<h1>{e(title)}</h1><div class='meta'>{e(data.get('root'))}<br>{_generated(lang)}<br>"
        f"{_packs_line(data.get('packs') or [], lang)}</div>"
        f"<h2>{e(tr(L(zh='总览', en='Overview'), lang))}</h2>{totals}"
        f"<h2>{e(tr(L(zh='按账号', en='By account'), lang))}</h2>{accounts}"
        f"<h2>{e(tr(L(zh='按规则', en='By rule'), lang))}</h2>{rules or ''}"
        f"<h2>{e(tr(L(zh='逐篇结果', en='Drafts'), lang))}</h2>{cards}"
    )
    return page(title, body, lang)
