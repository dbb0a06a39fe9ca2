"""`preflight fix DRAFT --out DIR`: write the fixed draft and labelled media copies, then say
what was done and what is left for the creator (exact text to complete, toggles to tick)."""

from __future__ import annotations

import argparse
import sys

from app.cli import CommandError
from app.commands import add_ocr_flag, apply_ocr_flag
from checks.draft import load_draft
from checks.i18n import L, tr
from checks.model import Applicability, Fix, FixKind, Severity
from checks.platforms import platform_name
from checks.rules.label_text import PLACEHOLDER, post_lang
from checks.terminal import printable_lines

_MARK = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.INFO: "i"}
_HOW = {
    Applicability.SAFE: L(zh="可自动修复", en="auto-fixable"),
    Applicability.UNSAFE: L(
        zh="加 --unsafe 可自动修复，请先确认", en="applied with --unsafe; check it first"
    ),
    Applicability.DISPLAY_ONLY: L(zh="需手动完成", en="do it yourself"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "fix",
        help="write a fixed copy of a draft and its media into DIR (originals untouched; exit 0 clean, 1 errors left, 2 bad input)",
    )
    p.add_argument("draft", help="the draft .toml file")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the fixed draft.toml and media/")
    p.add_argument("--unsafe", action="store_true", help="also apply fixes that change meaning (review them)")
    p.add_argument(
        "--only", nargs="+", metavar="RULE", help="apply fixes of these rules only (put DRAFT before --only)"
    )
    p.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of messages (default zh); labels follow the post's own language",
    )
    p.add_argument("--pack", action="append", default=[], metavar="P", help="add a rule pack (folder or zip)")
    p.add_argument(
        "--allow-outside",
        action="store_true",
        help="also copy media that lie outside the draft's folder (refused by default)",
    )
    add_ocr_flag(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    apply_ocr_flag(args)
    from checks.fixes.declarations import checklist
    from checks.fixes.pipeline import HELD_BACK_BY, FixOutputError, fix_draft
    from checks.rules import RULE_IDS

    unknown = [r for r in args.only or () if r not in RULE_IDS]
    if unknown:
        raise CommandError(f"unknown rule '{unknown[0]}' (see 'preflight explain')")
    draft = load_draft(args.draft)
    try:
        result = fix_draft(
            draft,
            args.out,
            unsafe=args.unsafe,
            only=args.only,
            lang=args.lang,
            extra_packs=args.pack,
            allow_outside=args.allow_outside,
        )
    except FixOutputError as exc:
        raise CommandError(str(exc)) from exc
    lang = args.lang
    t = lambda zh, en, **kw: tr(L(zh=zh, en=en), lang, **kw)  # noqa: E731
    out: list[str] = []
    out.append(t("已修复 {n} 项：", "Applied {n} fixes:", n=len(result.applied)))
    same_lang = post_lang(draft.title, draft.text, lang) == lang
    for a in result.applied:
        where = f" → {a.written}" if a.written else ""
        title = a.fix.title if same_lang else describe(a.fix, lang)
        out.append(f"  ✓ {a.rule}: {title}{where}")
    out.append("")
    out.append(t("已写入：", "Written:"))
    out.extend(f"  {p}" for p in result.written)
    for err in result.errors:
        out.append(t("  ✗ 无法导出：{e}", "  ✗ could not export: {e}", e=err))
    left = list(result.remaining)
    standing = {f.rule for f in left}
    out.append("")
    if left:
        out.append(t("仍需处理 {n} 项：", "Still to do ({n}):", n=len(left)))
        for f in left:
            target = f" [{f.target}]" if f.target not in ("text", "draft") else ""
            out.append(f"  {_MARK[f.severity]} {f.rule}{target}: {f.message}")
            blockers = [r for r in HELD_BACK_BY.get(f.rule, ()) if r in standing]
            if blockers:
                out.append(
                    t(
                        "      （先处理 {b}：文件元数据与正文不一致时不会自动修复）",
                        "      (resolve {b} first: no automatic fix while the file's metadata contradicts the post)",
                        b=", ".join(blockers),
                    )
                )
            for fix in f.fixes:
                if fix.kind == FixKind.DECLARE:
                    continue
                out.append(f"      → {fix.title} ({tr(_HOW[fix.applicability], lang)})")
                text = fix.payload.get("text") if fix.kind == FixKind.INSERT_TEXT else None
                if text:
                    if PLACEHOLDER in str(text):
                        out.append(
                            t("        把 ____ 补全后加入：", "        fill in the ____ blanks and add:")
                        )
                    else:
                        out.append(t("        要加入的文字：", "        text to add:"))
                    out.extend(f"          {line}" for line in str(text).splitlines())
                for step in fix.payload.get("steps", []) if fix.kind == FixKind.MANUAL else []:
                    if step != fix.title:
                        out.append(f"        · {step}")
    else:
        out.append(t("没有需要处理的问题。", "Nothing left to fix."))
    items = checklist(result.report)
    if items:
        out.append("")
        out.append(
            t(
                "在{p}发布时勾选：",
                "When publishing on {p}, tick:",
                p=platform_name(result.draft.platform, lang),
            )
        )
        for item in items:
            why = f"  ({', '.join(item.why)})" if item.why else ""
            out.append(f"  ☐ {item.instruction(lang)}{why}")
    errors = result.report.count(Severity.ERROR)
    out.append("")
    out.append(
        tr(f"verdict.{result.report.verdict}", lang)
        + " — "
        + t(
            "{e} 项必须修改，{w} 项建议复核，{i} 条提示",
            "{e} errors, {w} warnings, {i} notes",
            e=errors,
            w=result.report.count(Severity.WARNING),
            i=result.report.count(Severity.INFO),
        )
    )
    sys.stdout.write(printable_lines("\n".join(out)) + "\n")
    return 1 if errors else 0


def describe(fix: Fix, lang: str) -> str:
    """A fix in the UI language, from its payload (its title is in the post's language)."""
    p = fix.payload
    if fix.kind == FixKind.INSERT_TEXT:
        text, where = str(p.get("text", "")), p.get("where")
        if where == "replace":
            if not text:
                return tr(L(zh="删除了一段文字", en="removed a passage"), lang)
            return tr(L(zh="改写为“{t}”", en="rewrote a passage as '{t}'"), lang, t=text)
        spot = {
            "title_prefix": L(zh="标题开头", en="start of the title"),
            "text_start": L(zh="正文开头", en="start of the text"),
        }.get(str(where), L(zh="正文末尾", en="end of the text"))
        return tr(L(zh="在{w}加上“{t}”", en="added '{t}' at the {w}"), lang, w=tr(spot, lang), t=text)
    if fix.kind == FixKind.DECLARE:
        return tr(
            L(zh="记录声明“{w}”", en="recorded the declaration '{w}'"),
            lang,
            w=p.get("wording") or p.get("declaration"),
        )
    if fix.kind == FixKind.EDIT_ACCOUNT:
        return tr(
            L(zh="账号资料：{f} → {v}", en="account: {f} → {v}"), lang, f=p.get("field"), v=p.get("value")
        )
    if fix.kind == FixKind.STRIP_GPS:
        return tr(L(zh="导出去除GPS的副本", en="exported a copy without GPS"), lang)
    if p.get("visible_label"):
        return tr(
            L(zh="导出带“{v}”标识的副本", en="exported a copy labelled '{v}'"), lang, v=p["visible_label"]
        )
    return tr(L(zh="导出写入隐式标识的副本", en="exported a copy with the implicit (metadata) label"), lang)
