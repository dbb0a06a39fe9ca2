"""HTML reports an agency can file: one self-contained file (styles inline, thumbnails as data: URIs),
every value escaped, laid out to print on A4.

Everything renders from the report JSON dicts (`report_to_dict`), so a batch audit can build the
page from what its worker processes sent back; `render_html(report)` is the single-draft form used
by `preflight check --format html` and the GUI's export.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from checks import __version__
from checks.clauses import clause_summary, clauses
from checks.i18n import L, tr
from checks.model import Report
from checks.report.json_report import report_to_dict

THUMB_PX = 160

_CSS = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#1d1d1f;
 font-size:14px;line-height:1.45}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:2px solid #ddd;padding-bottom:4px}
.meta{color:#555;font-size:12px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #ccc;padding:4px 6px;
 text-align:left;vertical-align:top}th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:bold;color:#fff;white-space:nowrap}
.ready{background:#2e7d32}.review{background:#b26a00}.fix_required{background:#c62828}.error{background:#555}
.sev-error{color:#c62828;font-weight:bold}.sev-warning{color:#b26a00;font-weight:bold}.sev-info{color:#1565c0}
.draft{border:1px solid #ccc;border-radius:6px;padding:10px 12px;margin:12px 0;page-break-inside:avoid;break-inside:avoid}
.draft h3{margin:0 0 4px;font-size:16px}.thumbs img{width:auto;max-height:120px;margin:4px 6px 4px 0;border:1px solid #ddd}
.clause{color:#555;font-size:12px}.fix{font-size:12px;margin:2px 0}.note{font-size:12px;color:#6a1b9a}
.err{color:#c62828;font-family:monospace;white-space:pre-wrap}
@media print{body{margin:0;font-size:11px}.draft{border-color:#999}a{color:inherit;text-decoration:none}
 h2{page-break-after:avoid}}
@page{size:A4;margin:14mm}
"""

_VERDICT = {
    "ready": L(zh="可以发布", en="Ready"),
    "review": L(zh="发布前复核", en="Review"),
    "fix_required": L(zh="需要修改", en="Fix required"),
    "error": L(zh="无法检查", en="Error"),
}
_SEV = {
    "error": L(zh="必须修改", en="Must fix"),
    "warning": L(zh="建议复核", en="Review"),
    "info": L(zh="提示", en="Advice"),
}
_APPLY = {
    "safe": L(zh="可自动修复", en="auto-fixable"),
    "unsafe": L(zh="需确认", en="needs confirmation"),
    "display_only": L(zh="需手动完成", en="do it yourself"),
}


def e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def badge(verdict: str, lang: str) -> str:
    label = tr(_VERDICT.get(verdict, L(zh=verdict, en=verdict)), lang)
    return f'<span class="badge {e(verdict)}">{e(label)}</span>'


_PNG_SIG = b"\x89PNG\r\n\x1a\n"
_KEEP = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


def pixels_only(png: bytes) -> bytes | None:
    """The PNG with only its pixel chunks: a thumbnail must not carry the original's ICC profile,
    text chunks (prompts, comments) or anything else into a report that gets filed and shared."""
    if not png.startswith(_PNG_SIG):
        return None
    out, pos = [_PNG_SIG], len(_PNG_SIG)
    while pos + 8 <= len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        ctype = png[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(png):
            return None
        if ctype in _KEEP:
            out.append(png[pos:end])
        pos = end
        if ctype == b"IEND":
            return b"".join(out)
    return None


def thumbnails_for(paths: Sequence[Path], size: int = THUMB_PX) -> list[str | None]:
    """data: URIs of PNG thumbnails (None where one cannot be made, or without the thumbnail module)."""
    try:
        from checks.media.thumbnail import thumbnail_png_bytes
    except ImportError:
        return [None] * len(paths)
    out: list[str | None] = []
    for p in paths:
        try:
            png = thumbnail_png_bytes(p, size)
        except Exception:  # a thumbnail is decoration: never let it stop a report
            png = None
        png = pixels_only(png) if png else None
        out.append("data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else None)
    return out


def _clause_cell(clause_id: str, lang: str) -> str:
    c = clauses().get(clause_id)
    source = f'<div class="clause">{e(c.source)}</div>' if c else ""
    return f'<b>{e(clause_id)}</b><div class="clause">{e(clause_summary(clause_id, lang))}</div>{source}'


def _findings_table(findings: list[dict[str, Any]], lang: str) -> str:
    if not findings:
        return f"<p>{e(tr(L(zh='未发现问题。', en='No findings.'), lang))}</p>"
    head = [
        L(zh="级别", en="Severity"),
        L(zh="规则", en="Rule"),
        L(zh="条款", en="Clause"),
        L(zh="问题与修复", en="Finding and fixes"),
    ]
    rows = []
    for f in findings:
        sev = str(f.get("severity", ""))
        parts = [f"<div>{e(f.get('message'))}</div>"]
        if f.get("target") not in (None, "text", "draft"):
            parts.append(
                f'<div class="clause">{e(tr(L(zh="位置", en="where"), lang))}: {e(f.get("target"))}</div>'
            )
        if f.get("evidence"):
            parts.append(
                f'<div class="clause">{e(tr(L(zh="依据", en="evidence"), lang))}: {e(f.get("evidence"))}</div>'
            )
        if f.get("note"):
            parts.append(
                f'<div class="note">{e(tr(L(zh="说明", en="note"), lang))}: {e(f.get("note"))}</div>'
            )
        for fix in f.get("fixes") or []:
            how = tr(_APPLY.get(str(fix.get("applicability")), L(zh="", en="")), lang)
            parts.append(f'<div class="fix">→ {e(fix.get("title"))} <i>({e(how)})</i></div>')
        rows.append(
            f'<tr><td class="sev-{e(sev)}">{e(tr(_SEV.get(sev, L(zh=sev, en=sev)), lang))}</td>'
            f"<td><code>{e(f.get('rule'))}</code></td><td>{_clause_cell(str(f.get('clause', '')), lang)}</td>"
            f"<td>{''.join(parts)}</td></tr>"
        )
    ths = "".join(f"<th>{e(tr(h, lang))}</th>" for h in head)
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def draft_section(entry: dict[str, Any], lang: str) -> str:
    """One draft's card: title, verdict badge, account, thumbnails, findings (or the error)."""
    if entry.get("error"):
        return (
            f'<section class="draft"><h3>{badge("error", lang)} {e(entry.get("draft"))}</h3>'
            f'<div class="err">{e(entry["error"])}</div></section>'
        )
    report = entry
    verdict = str(report.get("summary", {}).get("verdict", ""))
    account = report.get("account") or {}
    title = report.get("title") or Path(str(report.get("draft") or "draft")).name
    meta = [e(report.get("draft")), e(report.get("platform"))]
    if account.get("name"):
        meta.append(e(tr(L(zh="账号", en="account"), lang)) + ": " + e(account.get("name")))
    if account.get("mcn"):
        meta.append("MCN: " + e(account.get("mcn")))
    thumbs = report.get("thumbnails") or []
    media = report.get("media") or []
    figs = []
    for i, m in enumerate(media):
        uri = thumbs[i] if i < len(thumbs) else None
        label = e(m.get("path"))
        if uri and str(uri).startswith("data:image/png;base64,"):
            figs.append(f'<img src="{e(uri)}" alt="{label}" title="{label}">')
    thumb_html = f'<div class="thumbs">{"".join(figs)}</div>' if figs else ""
    return (
        f'<section class="draft"><h3>{badge(verdict, lang)} {e(title)}</h3>'
        f'<div class="meta">{" · ".join(meta)}</div>{thumb_html}'
        f"{_findings_table(list(report.get('findings') or []), lang)}</section>"
    )


def _packs_line(packs: list[dict[str, Any]], lang: str) -> str:
    bits = []
    for p in packs:
        signed = (
            tr(L(zh="已签名", en="signed"), lang)
            if p.get("signed")
            else tr(L(zh="未签名", en="unsigned"), lang)
        )
        bits.append(f"{e(p.get('id'))} {e(p.get('version'))} ({e(p.get('publisher'))}, {e(signed)})")
    return e(tr(L(zh="规则包", en="Rule packs"), lang)) + ": " + "; ".join(bits)


def page(title: str, body: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{e(title)}</title>'
        f"<style>{_CSS}</style></head><body>{body}</body></html>\n"
    )


def _generated(lang: str) -> str:
    stamp = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %z")
    return e(
        tr(
            L(zh="生成于 {t}，Preflight {v}", en="Generated {t} by Preflight {v}"),
            lang,
            t=stamp,
            v=__version__,
        )
    )


def render_report_dict(report: dict[str, Any], lang: str = "zh") -> str:
    title = tr(L(zh="发布前自检报告", en="Preflight report"), lang)
    body = (
        f"<h1>{e(title)}</h1><div class='meta'>{_generated(lang)}<br>{_packs_line(report.get('packs') or [], lang)}</div>"
        + draft_section(report, lang)
    )
    return page(title, body, lang)


def render_html(report: Report) -> str:
    """A single draft's report as a self-contained HTML page (thumbnails when they can be made)."""
    data = report_to_dict(report)
    data["title"] = report.draft.title
    data["account"] = {"name": report.draft.account.name, "mcn": report.draft.account.mcn}
    data["thumbnails"] = thumbnails_for([report.draft.media_path(i) for i in range(len(report.draft.media))])
    return render_report_dict(data, report.lang)


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
                f"<code>{e(r['rule'])}</code>",
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
