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
from checks.fixes.planner import rule_name
from checks.i18n import L, tr
from checks.model import Report
from checks.report.citation import clause_in_words
from checks.report.html_sections import (
    account_section,
    checklist_section,
    human_platform,
    post_section,
)
from checks.report.json_report import report_to_dict
from checks.report.plain import headline, local_time, target_name
from checks.session import SCOPE

THUMB_PX = 160

# The page's font list; a PDF writer that can only use one family replaces this string.
FONT_FAMILIES = '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif'
_CSS = (
    "body{font-family:"
    + FONT_FAMILIES
    + """;margin:24px;color:#1d1d1f;
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
.headline{font-weight:bold}.body{white-space:pre-wrap}table.facts th{width:22%;font-weight:normal;color:#444}
h3.group-must{color:#c62828}h3.group-recommended{color:#1565c0}h3.group-not_relevant{color:#555}
td.box{font-size:16px;text-align:center}h3.support{font-size:13px;color:#555;margin-top:16px}
table.support{font-size:11px;color:#555}
@media print{body{margin:0;font-size:11px}.draft{border-color:#999}a{color:inherit;text-decoration:none}
 h2{page-break-after:avoid}}
@page{size:A4;margin:14mm}
"""
)

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
    """The clause in words: what it requires, then where it is written (the id stays in an attribute)."""
    summary, source = clause_in_words(clause_id, lang)
    return f'<div data-clause="{e(clause_id)}">{e(summary)}</div>' + (
        f'<div class="clause">{e(source)}</div>' if source else ""
    )


def _findings_table(findings: list[dict[str, Any]], lang: str, media: list[str]) -> str:
    """Severity | what is wrong and how to fix it (the widest column) | the clause in words.

    Rule ids and technical evidence are not in the reader's table: they go to the support
    appendix (`_support_table`) and the row's data-rule attribute."""
    if not findings:
        return f"<p>{e(tr(L(zh='未发现问题。', en='No findings.'), lang))}</p>"
    head = (
        (L(zh="级别", en="Severity"), "13%"),
        (L(zh="问题与修复", en="Problem and how to fix it"), "55%"),
        (L(zh="依据条款", en="Clause"), "32%"),
    )
    rows = []
    for n, f in enumerate(findings, 1):
        sev = str(f.get("severity", ""))
        parts = [
            f"<div class='headline'>{e(headline(str(f.get('message') or ''), f.get('evidence')))}</div>",
            f'<div class="clause">{e(tr(L(zh="位置", en="Where"), lang))}: '
            f"{e(target_name(str(f.get('target') or 'text'), lang, media))} · "
            f"{e(rule_name(str(f.get('rule')), lang))} <sup>{n}</sup></div>",
        ]
        if f.get("note"):
            parts.append(
                f'<div class="note">{e(tr(L(zh="说明", en="note"), lang))}: {e(f.get("note"))}</div>'
            )
        for fix in f.get("fixes") or []:
            how = tr(_APPLY.get(str(fix.get("applicability")), L(zh="", en="")), lang)
            parts.append(f'<div class="fix">→ {e(fix.get("title"))} <i>({e(how)})</i></div>')
        rows.append(
            f'<tr data-rule="{e(f.get("rule"))}"><td class="sev-{e(sev)}">{e(tr(_SEV.get(sev, L(zh=sev, en=sev)), lang))}</td>'
            f"<td>{''.join(parts)}</td><td>{_clause_cell(str(f.get('clause', '')), lang)}</td></tr>"
        )
    ths = "".join(f'<th width="{w}">{e(tr(h, lang))}</th>' for h, w in head)
    return (
        f'<table class="findings" width="100%" cellspacing="0" cellpadding="4"><thead><tr>{ths}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


EVIDENCE_CHARS = 240


def _support_table(findings: list[dict[str, Any]], lang: str) -> str:
    """For support staff: each finding's rule id, clause id and technical evidence, by number."""
    if not findings:
        return ""
    head = (
        (L(zh="#", en="#"), "5%"),
        (L(zh="规则编号（rule id）", en="rule id"), "32%"),
        (L(zh="条款编号", en="clause id"), "15%"),
        (L(zh="技术依据", en="technical evidence"), "48%"),
    )
    rows = []
    for n, f in enumerate(findings, 1):
        ev = str(f.get("evidence") or "")
        if len(ev) > EVIDENCE_CHARS:
            ev = ev[:EVIDENCE_CHARS] + "…"
        rows.append(
            f'<tr><td class="n">{n}</td><td><code>{e(f.get("rule"))}</code></td>'
            f"<td><code>{e(f.get('clause'))}</code></td><td class='clause'>{e(ev)}</td></tr>"
        )
    ths = "".join(f'<th width="{w}">{e(tr(h, lang))}</th>' for h, w in head)
    title = tr(
        L(
            zh="附：规则编号与技术依据（供技术支持）",
            en="Appendix: rule ids and technical evidence (for support)",
        ),
        lang,
    )
    return (
        f'<h3 class="support">{e(title)}</h3><table class="support" width="100%" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def draft_section(entry: dict[str, Any], lang: str) -> str:
    """One draft: title and verdict, platform and account, then (single-draft reports) the post, the
    account and what to tick, then the findings and the support appendix — or the error."""
    if entry.get("error"):
        return (
            f'<section class="draft"><h3>{badge("error", lang)} {e(entry.get("draft"))}</h3>'
            f'<div class="err">{e(entry["error"])}</div></section>'
        )
    report = entry
    verdict = str(report.get("summary", {}).get("verdict", ""))
    account = report.get("account") or {}
    title = report.get("title") or Path(str(report.get("draft") or "draft")).name
    platform = str(report.get("platform") or "generic")
    meta = [e(report.get("draft")), e(human_platform(platform, lang))]
    if account.get("name"):
        meta.append(e(tr(L(zh="账号名称", en="Account name"), lang)) + ": " + e(account.get("name")))
    if account.get("mcn"):
        meta.append(e(tr(L(zh="MCN机构", en="MCN agency"), lang)) + ": " + e(account.get("mcn")))
    media = report.get("media") or []
    names = [str(m.get("path") or "") for m in media]
    findings = list(report.get("findings") or [])
    if report.get("post"):  # the full single-draft report: media are shown in the post section
        body = (
            post_section(report, lang)
            + account_section(account, lang)
            + checklist_section(report, lang)
            + f"<h2>{e(tr(L(zh='发现的问题', en='Findings'), lang))}</h2>"
        )
    else:
        thumbs = report.get("thumbnails") or []
        figs = []
        for i, m in enumerate(media):
            uri = thumbs[i] if i < len(thumbs) else None
            label = e(m.get("path"))
            if uri and str(uri).startswith("data:image/png;base64,"):
                figs.append(f'<img src="{e(uri)}" alt="{label}" title="{label}">')
        body = f'<div class="thumbs">{"".join(figs)}</div>' if figs else ""
    scope = f'<p class="meta">{e(tr(SCOPE, lang))}</p>'
    return (
        f'<section class="draft"><h3>{badge(verdict, lang)} {e(title)}</h3>'
        f'<div class="meta">{" · ".join(meta)}</div>{scope}{body}'
        f"{_findings_table(findings, lang, names)}{_support_table(findings, lang)}</section>"
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
    stamp = local_time(datetime.now().astimezone(), lang)
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
    """A single draft's report as a self-contained HTML page: the post, the account, what to tick
    (the same three groups as the desktop app), the findings and a support appendix."""
    from dataclasses import asdict

    from checks.fixes.publish_checklist import checklist_entries

    draft = report.draft
    data = report_to_dict(report)
    data["title"] = draft.title
    a = draft.account
    data["account"] = {
        "name": a.name,
        "bio": a.bio,
        "mcn": a.mcn,
        "mcn_displayed": a.mcn_displayed,
        "credentials": [
            {"field": c.field, "title": c.title, "expires": c.expires, "verified": c.verified}
            for c in a.credentials
        ],
    }
    data["post"] = {
        "title": draft.title,
        "text": draft.text,
        "declarations": list(draft.declarations),
        "publish_at": draft.publish_at.isoformat() if draft.publish_at else None,
    }
    data["checklist"] = [
        asdict(x) for x in checklist_entries(draft.platform, draft.declarations, report, report.lang)
    ]
    data["thumbnails"] = thumbnails_for([draft.media_path(i) for i in range(len(draft.media))])
    return render_report_dict(data, report.lang)


def render_audit_html(data: dict[str, Any], rows: Sequence[dict[str, Any]], lang: str = "zh") -> str:
    """The batch audit page (checks/report/html_audit.py; kept here for its callers)."""
    from checks.report.html_audit import render_audit_html as render

    return render(data, rows, lang)
