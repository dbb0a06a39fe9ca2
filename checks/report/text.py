"""The report for people in a terminal: verdict first, findings grouped by severity."""

from __future__ import annotations

from checks.geo.gazetteer import media_place
from checks.i18n import L, tr
from checks.model import Applicability, Report, Severity

_MARK = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.INFO: "i"}
_FIX_NOTE = {
    Applicability.SAFE: L(zh="可自动修复", en="auto-fixable"),
    Applicability.UNSAFE: L(zh="需确认后修复", en="fix needs confirmation"),
    Applicability.DISPLAY_ONLY: L(zh="需手动完成", en="do it yourself"),
}


def render_text(report: Report, *, color: bool = False) -> str:
    lang = report.lang
    lines: list[str] = []
    name = str(report.draft.path) if report.draft.path else "draft"
    lines.append(f"{name}  [{report.draft.platform}]")
    for m in report.media:
        bits = [tr(f"provenance.{m.provenance}", lang)]
        if m.capture_time:
            bits.append(m.capture_time.strftime("%Y-%m-%d %H:%M"))
        place = media_place(m, lang)
        if place:
            bits.append(place)
        if m.device:
            bits.append(m.device)
        if m.error:
            bits = [tr(L(zh="无法读取", en="unreadable"), lang) + f": {m.error}"]
        lines.append(f"  · {m.path}: " + ", ".join(bits))
    lines.append("")
    for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in report.findings if f.severity == sev]
        if not group:
            continue
        lines.append(f"{tr(f'severity.{sev}', lang)} ({len(group)})")
        for f in group:
            where = f" [{f.target}]" if f.target not in ("text", "draft") else ""
            lines.append(f"  {_MARK[sev]} {f.rule} ({f.clause}){where}: {f.message}")
            if f.evidence:
                lines.append(f"      {tr(L(zh='依据', en='evidence'), lang)}: {f.evidence}")
            if f.note:
                lines.append(f"      {tr(L(zh='说明', en='note'), lang)}: {f.note}")
            for fix in f.fixes:
                lines.append(f"      → {fix.title} ({tr(_FIX_NOTE[fix.applicability], lang)})")
        lines.append("")
    verdict = tr(f"verdict.{report.verdict}", lang)
    counts = tr(
        L(zh="{e} 项必须修改，{w} 项建议复核，{i} 条提示", en="errors {e}, warnings {w}, notes {i}"),
        lang,
        e=report.count(Severity.ERROR),
        w=report.count(Severity.WARNING),
        i=report.count(Severity.INFO),
    )
    lines.append(f"{verdict} — {counts}")
    return "\n".join(lines)
