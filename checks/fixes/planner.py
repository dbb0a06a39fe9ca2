"""The one fix planner: which of a report's fixes to apply now, and why the others wait.

`preflight fix` (checks.fixes.pipeline) and the desktop app's "Fix all safe" both call
`plan_fixes`, so they never disagree about what is safe: a fix built from a file's metadata is
held back while a finding says that metadata contradicts the post (stripping the GPS would hide the
evidence for `capture_place_mismatch`; a "拍摄于…" label would state a place the post contradicts).
Every fix that is not chosen is returned with its reason, for the CLI's summary and the app's
results sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checks.fixes.edits import (
    MEDIA_EDITS,
    Declare,
    Edit,
    EditAccount,
    ExportMedia,
    InsertText,
    StripGps,
    edit_of,
)
from checks.i18n import L, tr
from checks.model import Applicability, Finding, Fix, FixKind
from checks.rules.label_text import PLACEHOLDER

# A finding's metadata-built fixes wait while one of these findings stands.
HELD_BACK_BY: dict[str, tuple[str, ...]] = {
    "shooting_time_place_missing": ("capture_place_mismatch", "capture_time_mismatch"),
    "gps_privacy": ("capture_place_mismatch",),
}

REASONS = {
    "manual": L(zh="需要你亲自完成", en="only you can do this"),
    "display_only": L(zh="需要你补全后再发布", en="complete it yourself before publishing"),
    "unsafe": L(zh="需要确认，未自动应用", en="needs your confirmation; not applied automatically"),
    "placeholder": L(zh="标注里还有待填写的空白", en="the label still has blanks to fill in"),
    "held": L(
        zh="先处理“{blocker}”：文件元数据与正文不一致时不自动修复",
        en="resolve '{blocker}' first: no automatic fix while the file's metadata contradicts the post",
    ),
}


def rule_name(rule_id: str, lang: str = "zh") -> str:
    """A rule's plain-language title (its id only when the rule is unknown, e.g. a pack rule)."""
    from checks.rules import get_rule

    rule = get_rule(rule_id)
    return tr(rule.title, lang) if rule else rule_id


@dataclass(frozen=True)
class Planned:
    finding: Finding
    fix: Fix
    edit: Edit


@dataclass(frozen=True)
class Held:
    """A fix not applied now, with a reason a creator can read (`reason(lang)`)."""

    finding: Finding
    fix: Fix
    why: str  # key of REASONS
    blocker: str | None = None  # the standing rule for `held`

    def reason(self, lang: str = "zh") -> str:
        blocker = rule_name(self.blocker, lang) if self.blocker else ""
        return tr(REASONS[self.why], lang, blocker=blocker)


@dataclass(frozen=True)
class FixPlan:
    chosen: tuple[Planned, ...] = ()
    held: tuple[Held, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.chosen)

    @property
    def draft_fixes(self) -> list[Fix]:
        """Text, declaration and account fixes (applied together by checks.fixes.apply)."""
        return [p.fix for p in self.chosen if not isinstance(p.edit, MEDIA_EDITS)]

    @property
    def text(self) -> list[InsertText]:
        return [p.edit for p in self.chosen if isinstance(p.edit, InsertText)]

    @property
    def declarations(self) -> list[str]:
        return list(dict.fromkeys(p.edit.declaration for p in self.chosen if isinstance(p.edit, Declare)))

    @property
    def account(self) -> list[EditAccount]:
        return [p.edit for p in self.chosen if isinstance(p.edit, EditAccount)]

    @property
    def media(self) -> dict[int, MediaJob]:
        """Every media edit merged per file, so one copy carries all of that file's fixes."""
        jobs: dict[int, MediaJob] = {}
        for p in self.chosen:
            if isinstance(p.edit, MEDIA_EDITS):
                jobs[p.edit.media] = jobs.get(p.edit.media, MediaJob(p.edit.media)).merge(p.edit)
        return jobs

    def for_media(self, index: int) -> list[Planned]:
        return [p for p in self.chosen if isinstance(p.edit, MEDIA_EDITS) and p.edit.media == index]


@dataclass(frozen=True)
class MediaJob:
    """Everything to do to one media file."""

    index: int
    visible_label: str | None = None
    implicit_label: bool = False
    strip_gps: bool = False

    def merge(self, edit: ExportMedia | StripGps) -> MediaJob:
        if isinstance(edit, StripGps):
            return MediaJob(self.index, self.visible_label, self.implicit_label, True)
        return MediaJob(
            self.index,
            edit.visible_label or self.visible_label,
            self.implicit_label or edit.implicit_label,
            self.strip_gps,
        )

    def union(self, other: MediaJob) -> MediaJob:
        return MediaJob(
            self.index,
            other.visible_label or self.visible_label,
            self.implicit_label or other.implicit_label,
            self.strip_gps or other.strip_gps,
        )


def why_not(fix: Fix, *, unsafe: bool) -> str | None:
    """None when `fix` may be applied without asking; else the REASONS key."""
    if fix.kind == FixKind.MANUAL:
        return "manual"
    if fix.applicability == Applicability.DISPLAY_ONLY:
        return "display_only"
    if fix.applicability == Applicability.UNSAFE and not unsafe:
        return "unsafe"
    if fix.kind == FixKind.INSERT_TEXT and PLACEHOLDER in str(fix.payload.get("text", "")):
        return "placeholder"
    return None


def plan_fixes(
    findings: Iterable[Finding], *, unsafe: bool = False, only: Sequence[str] | None = None
) -> FixPlan:
    """Choose the fixes to apply now; everything else comes back in `held` with its reason.

    `unsafe=True` also applies fixes that need confirmation (the user clicked that very fix, or
    `preflight fix --unsafe`). Two findings may plan the same edit; checks.fixes.apply deduplicates
    them when applying.
    """
    findings = list(findings)
    standing = {f.rule for f in findings}
    chosen: list[Planned] = []
    held: list[Held] = []
    for finding in findings:
        if only is not None and finding.rule not in only:
            continue
        blockers = [b for b in HELD_BACK_BY.get(finding.rule, ()) if b in standing]
        for fix in finding.fixes:
            reason = why_not(fix, unsafe=unsafe)
            if reason is None and blockers:
                held.append(Held(finding, fix, "held", blockers[0]))
            elif reason is not None:
                held.append(Held(finding, fix, reason))
            else:
                edit = edit_of(fix)
                if edit.kind == FixKind.MANUAL:
                    held.append(Held(finding, fix, "manual"))
                else:
                    chosen.append(Planned(finding, fix, edit))
    return FixPlan(tuple(chosen), tuple(held))


__all__ = ["HELD_BACK_BY", "FixPlan", "Held", "MediaJob", "Planned", "plan_fixes", "why_not"]
