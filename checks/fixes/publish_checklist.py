"""What to tick when publishing, in three groups: must tick (with the reason), recommended, not relevant.

`checks.fixes.declarations.checklist` lists the declarations findings ask for; a creator looking at
nine blank boxes also needs to know which ones the post calls for without a rule demanding it (a
self-shot photo → "内容自行拍摄") and which ones do not concern this post at all. The desktop app
and the HTML/PDF reports show this same grouping.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.fixes.declarations import NAMES, checklist
from checks.fixes.planner import rule_name
from checks.i18n import L, tr
from checks.model import DECLARATIONS, Provenance, Report, Severity
from checks.platforms import declaration_menu, wording

MUST, RECOMMENDED, NOT_RELEVANT = "must", "recommended", "not_relevant"
GROUP_TITLES = {
    MUST: L(zh="必须勾选", en="Must tick"),
    RECOMMENDED: L(zh="建议勾选", en="Recommended"),
    NOT_RELEVANT: L(zh="与本帖无关", en="Not relevant to this post"),
}
REASONS = {
    "chosen": L(zh="你已选择这项声明", en="you chose this declaration"),
    "self_shot": L(zh="第 {n} 个媒体是手机或相机拍摄的", en="media {n} was shot on a phone or camera"),
    "ai_media": L(zh="第 {n} 个媒体由 AI 生成或处理", en="media {n} was made or edited with AI"),
    "no_toggle": L(
        zh="此平台没有这个开关：请在正文中写明", en="this platform has no such toggle: say it in the text"
    ),
}


@dataclass(frozen=True)
class ChecklistEntry:
    declaration: str
    group: str  # must | recommended | not_relevant
    label: str  # the toggle's words on this platform (or the declaration's name)
    reason: str  # why it is in this group ("" for not relevant)
    has_toggle: bool = True
    declared: bool = False


def publish_checklist(report: Report, lang: str = "zh") -> list[ChecklistEntry]:
    """Every declaration of the platform, grouped; DESIGN.md order inside each group."""
    platform = report.draft.platform
    asked = {item.declaration: item for item in checklist(report)}
    severe_rules = {f.rule for f in report.findings if f.severity != Severity.INFO}
    suggested: dict[str, str] = {}
    for i, facts in enumerate(report.media, 1):
        if facts.error:
            continue
        if facts.provenance == Provenance.SELF_SHOT:
            suggested.setdefault("self_shot", tr(REASONS["self_shot"], lang, n=i))
        elif facts.provenance.is_ai:
            suggested.setdefault("ai_generated", tr(REASONS["ai_media"], lang, n=i))
    out: list[ChecklistEntry] = []
    for decl in DECLARATIONS:
        words = wording(platform, decl)
        label = words or tr(NAMES.get(decl, L(zh=decl, en=decl)), lang)
        declared = decl in report.draft.declarations
        item = asked.get(decl)
        must_rules = [r for r in (item.why if item else ()) if r in severe_rules]
        if must_rules:
            reason = "；".join(dict.fromkeys(rule_name(r, lang) for r in must_rules))
            group = MUST
        elif declared:
            group, reason = MUST, tr(REASONS["chosen"], lang)
        elif item is not None and item.why:
            group, reason = RECOMMENDED, "；".join(dict.fromkeys(rule_name(r, lang) for r in item.why))
        elif decl in suggested:
            group, reason = RECOMMENDED, suggested[decl]
        else:
            group, reason = NOT_RELEVANT, ""
        if words is None and group != NOT_RELEVANT:
            reason = (
                f"{reason}（{tr(REASONS['no_toggle'], lang)}）"
                if lang == "zh"
                else f"{reason} ({tr(REASONS['no_toggle'], lang)})"
            )
        if words is None and group == NOT_RELEVANT:
            continue  # the platform has no such toggle and the post does not need it: nothing to show
        out.append(ChecklistEntry(decl, group, label, reason, words is not None, declared))
    return out


def checklist_entries(
    platform: str, declared: tuple[str, ...], report: Report | None, lang: str = "zh"
) -> list[ChecklistEntry]:
    """What to tick on `platform` — the one computation the window and the HTML/PDF reports show.

    With a check of this platform, its three groups (`publish_checklist`). Before the first check,
    or while the platform just changed and its check runs, the platform's toggles are listed with
    the declarations already chosen as must-tick and the others not relevant (no reason is invented
    before the engine ran)."""
    if report is not None and report.draft.platform == platform:
        return publish_checklist(report, lang)
    out = []
    for decl in DECLARATIONS:
        words = wording(platform, decl)
        if words is not None or decl in declared:
            chosen = decl in declared
            out.append(
                ChecklistEntry(
                    decl,
                    MUST if chosen else NOT_RELEVANT,
                    words or tr(NAMES.get(decl, L(zh=decl, en=decl)), lang),
                    tr(REASONS["chosen"], lang) if chosen else "",
                    words is not None,
                    chosen,
                )
            )
    return out


def where_to_tick(platform: str, lang: str = "zh") -> str:
    return declaration_menu(platform, lang)


__all__ = [
    "GROUP_TITLES",
    "MUST",
    "NOT_RELEVANT",
    "RECOMMENDED",
    "ChecklistEntry",
    "checklist_entries",
    "publish_checklist",
]
