"""The publish checklist: which platform declaration toggles to tick, worded as the platform shows them.

A declaration is needed when the creator already chose it in the draft or when a finding offers a
`declare` fix for it. Each item names the exact toggle text for the draft's platform and the menu
it lives in (`resources/platforms/declarations.toml`), plus the rules that ask for it, so both the
GUI's checklist and `preflight fix` print the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.i18n import L, tr
from checks.model import DECLARATIONS, FixKind, Report
from checks.platforms import confirmed, declaration_menu, platform_name, wording
from checks.rules.declaration_fix import declare_fix

__all__ = ["NAMES", "DeclarationItem", "checklist", "declare_fix"]

NAMES = {
    "ai_generated": L(zh="AI生成", en="AI-generated"),
    "fiction": L(zh="虚构演绎", en="fiction / dramatisation"),
    "self_shot": L(zh="自行拍摄", en="self-shot"),
    "sourced_from_web": L(zh="取材网络", en="sourced from the web"),
    "personal_opinion": L(zh="个人观点", en="personal opinion"),
    "advertising": L(zh="营销推广", en="advertising"),
    "reposted": L(zh="转载", en="reposted"),
    "dangerous_behaviour": L(zh="危险行为", en="dangerous behaviour"),
    "may_disturb": L(zh="可能引人不适", en="may disturb"),
}


@dataclass(frozen=True)
class DeclarationItem:
    declaration: str  # DESIGN.md declaration id
    wording: str | None  # the toggle's text on this platform; None when the platform has no such toggle
    menu: str  # where the toggle lives ("发布页 › 自主声明")
    platform: str
    why: tuple[str, ...] = ()  # rule ids asking for it; empty when only the creator chose it
    declared: bool = False  # already listed in the draft's `declarations`
    confirmed: bool = True  # False when no source confirmed this platform's wording

    @property
    def required(self) -> bool:
        return bool(self.why)

    def instruction(self, lang: str = "zh") -> str:
        if self.wording is None:
            return tr(
                L(
                    zh="{platform}没有“{decl}”声明开关：请在正文中写明",
                    en="{platform} has no '{decl}' toggle: state it in the text instead",
                ),
                lang,
                platform=platform_name(self.platform, lang),
                decl=tr(NAMES.get(self.declaration, L(zh=self.declaration, en=self.declaration)), lang),
            )
        text = tr(
            L(zh="在「{menu}」勾选「{w}」", en="In '{menu}', tick '{w}'"),
            lang,
            menu=declaration_menu(self.platform, lang),
            w=self.wording,
        )
        if not self.confirmed:
            text += tr(
                L(zh="（或平台上意思相同的选项）", en=" (or the platform's option with that meaning)"), lang
            )
        return text


def checklist(report: Report) -> list[DeclarationItem]:
    """Every declaration to tick before publishing, in DESIGN.md order."""
    platform = report.draft.platform
    why: dict[str, list[str]] = {}
    for finding in report.findings:
        for fix in finding.fixes:
            decl = fix.payload.get("declaration") if fix.kind == FixKind.DECLARE else None
            if decl in DECLARATIONS and finding.rule not in why.setdefault(decl, []):
                why[decl].append(finding.rule)
    wanted = set(why) | set(report.draft.declarations)
    return [
        DeclarationItem(
            declaration=d,
            wording=wording(platform, d),
            menu=declaration_menu(platform, report.lang),
            platform=platform,
            why=tuple(why.get(d, ())),
            declared=d in report.draft.declarations,
            confirmed=confirmed(platform),
        )
        for d in DECLARATIONS
        if d in wanted
    ]
