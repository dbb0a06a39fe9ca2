"""`DraftSession`: the draft a creator is editing — one document, one truth, no Qt.

The desktop app drives a session and only renders it; tests drive it without a window (Anki's
collection, napari's model). A session holds the document (title, text, platform, declarations,
media, the draft's own account), the latest report, the dirty flag and an undo history in which
every fix — text, declaration, account, media copies, "Fix all" — is one step. Fixes are planned
by `checks.fixes.planner`, the same planner `preflight fix` uses.

Trust rules kept here, not in widgets: only a file that loads as a draft is opened; a save never
replaces a file that does not load as a draft; the verdict names what was checked and never says
more ("No labelling problems found in 27 checks", not "Ready to publish"); an empty draft is its
own state.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checks.draft import DraftError, NotADraftError, load_draft, save_draft
from checks.fixes.edits import InsertText
from checks.fixes.media_copy import export_copy
from checks.fixes.planner import FixPlan, MediaJob, Planned, plan_fixes
from checks.i18n import L, tr
from checks.model import Account, Draft, Finding, Report, Severity


@dataclass(frozen=True)
class DraftState:
    """Everything a save writes; undo steps are whole states (small: text and a few tuples)."""

    title: str = ""
    text: str = ""
    platform: str = "generic"
    declarations: tuple[str, ...] = ()
    media: tuple[str, ...] = ()
    publish_at: Any = None
    account: Account = field(default_factory=Account)
    account_ref: str | None = None
    own_account: bool = False  # False: the draft names no account and is checked with the profile

    @property
    def empty(self) -> bool:
        return not (self.title.strip() or self.text.strip() or self.media)


@dataclass(frozen=True)
class Outcome:
    """One line of a fix results sheet: what was done, or why not."""

    title: str
    rule: str
    done: bool
    reason: str = ""
    written: str | None = None


@dataclass(frozen=True)
class ApplyResult:
    done: tuple[Outcome, ...] = ()
    skipped: tuple[Outcome, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.done)


@dataclass(frozen=True)
class VerdictView:
    state: str  # empty | checking | clean | review | fix_required
    headline: str
    detail: str = ""


VERDICTS = {
    "empty": L(zh="写下或打开一篇草稿", en="Write or open a draft"),
    "checking": L(zh="正在检查…", en="Checking…"),
    "clean": L(zh="未发现标注问题：已检查 {n} 项义务", en="No labelling problems found in {n} checks"),
    "review": L(zh="发布前请复核：{w} 项", en="Review before publishing: {w}"),
    "fix_required": L(zh="需要修改：{e} 项必须修改", en="Fix required: {e} to fix"),
}
DETAIL = L(
    zh="已检查 {n} 项义务 · {e} 项必须修改 · {w} 项建议复核 · {i} 条提示",
    en="{n} checks run · {e} to fix · {w} to review · {i} advice",
)
SCOPE = L(
    zh="只检查了标注义务；内容本身是否合规仍由你判断。",
    en="Only labelling duties were checked; whether the content itself is acceptable is still your call.",
)
STALE = L(zh="正文在检查后改动过，请重新检查后再修复", en="the text changed since the check; re-check first")
EXPORT_FAILED = L(zh="无法导出副本：{error}", en="could not write the copy: {error}")
NO_FOLDER = L(zh="没有选择保存副本的文件夹", en="no folder chosen for the copies")
NOT_A_DRAFT = L(
    zh="{path} 不是草稿（没有标题、正文或媒体），已拒绝打开",
    en="{path} is not a draft (it has no title, text or media); not opened",
)
WOULD_OVERWRITE = L(
    zh="{path} 已存在且不是草稿，不会覆盖它；请换一个文件名",
    en="{path} exists and is not a draft; it will not be overwritten — choose another name",
)


def rules_checked(packs: Any) -> int:
    """How many obligations a check with `packs` runs (the verdict's scope)."""
    from checks.rules import all_rules

    return sum(1 for r in (*all_rules(), *packs.rules) if packs.enabled(r.id))


class DraftSession:
    def __init__(
        self, state: DraftState | None = None, *, path: Path | None = None, profile: Account | None = None
    ):
        self.state = state or DraftState()
        self.path = path  # set only by a successful open or save
        self.profile = profile
        self.report: Report | None = None
        self.checks_run = 0
        self.dirty = False
        self.undo_steps: list[tuple[str, DraftState]] = []
        self.redo_steps: list[tuple[str, DraftState]] = []
        self.copies: dict[str, tuple[str, MediaJob]] = {}  # copy path → (original, fixes in it)

    # ------------------------------------------------------------------ documents
    @classmethod
    def new(cls, platform: str = "generic", profile: Account | None = None) -> DraftSession:
        """A new draft starts with the profile as its account (the profile is only a default)."""
        own = profile is not None
        return cls(
            DraftState(platform=platform, account=profile or Account(), own_account=own), profile=profile
        )

    @classmethod
    def open(cls, path: Path, profile: Account | None = None) -> DraftSession:
        """Raises `DraftError` (with a one-line reason) for anything that is not a draft."""
        draft = load_draft(path)
        own = draft.account_ref is not None or draft.account != Account()
        state = DraftState(
            draft.title,
            draft.text,
            draft.platform,
            tuple(draft.declarations),
            tuple(draft.media),
            draft.publish_at,
            draft.account if own or profile is None else profile,
            draft.account_ref,
            own,
        )
        return cls(state, path=draft.path, profile=profile)

    def draft(self) -> Draft:
        s = self.state
        return Draft(
            title=s.title,
            text=s.text,
            platform=s.platform,
            declarations=s.declarations,
            media=s.media,
            publish_at=s.publish_at,
            account=s.account,
            account_ref=s.account_ref,
            path=self.path,
        )

    def media_path(self, index: int) -> Path:
        p = Path(self.state.media[index])
        return p if p.is_absolute() else (self.path.parent if self.path else Path.cwd()) / p

    def save(self, target: Path | None = None) -> Path:
        """Write the draft atomically; never over a file that does not load as a draft."""
        target = (target or self.path or Path("draft.toml")).absolute()
        if target.exists() and (self.path is None or target.resolve() != self.path.resolve()):
            try:
                load_draft(target)
            except DraftError as exc:
                raise NotADraftError(tr(WOULD_OVERWRITE, "en", path=str(target))) from exc
        base = self.path.parent if self.path else Path.cwd()
        media = []
        for name in self.state.media:
            p = (Path(name) if Path(name).is_absolute() else base / name).resolve()
            try:
                rel = os.path.relpath(p, target.resolve().parent)
                media.append(Path(rel).as_posix() if not rel.startswith("..") else str(p))
            except ValueError:  # another drive on Windows
                media.append(str(p))
        draft = self.draft().with_changes(media=tuple(media), path=target)
        if not self.state.own_account:
            draft = draft.with_changes(account=Account())  # the profile stays the user's default
        save_draft(draft, target, inline_account=self.state.account_ref is None)
        self.path = target.resolve()
        self.state = replace(self.state, media=tuple(media))
        self.dirty = False
        return target

    # ------------------------------------------------------------------ editing and undo
    def type_text(self, title: str, text: str) -> None:
        """Typing: the editor widgets keep their own undo; the session just follows."""
        if (title, text) != (self.state.title, self.state.text):
            self.state = replace(self.state, title=title, text=text)
            self.dirty = True

    def change(self, label: str, **fields: Any) -> bool:
        """One undoable edit of the document (platform, declarations, account, media…)."""
        new = replace(self.state, **fields)
        if "account" in fields:
            new = replace(new, own_account=True)
        return self._step(label, new)

    def _step(self, label: str, new: DraftState) -> bool:
        if new == self.state:
            return False
        self.undo_steps.append((label, self.state))
        self.redo_steps.clear()
        self.state = new
        self.dirty = True
        return True

    def undo(self) -> str | None:
        if not self.undo_steps:
            return None
        label, before = self.undo_steps.pop()
        self.redo_steps.append((label, self.state))
        self.state = before
        self.dirty = True
        return label

    def redo(self) -> str | None:
        if not self.redo_steps:
            return None
        label, after = self.redo_steps.pop()
        self.undo_steps.append((label, self.state))
        self.state = after
        self.dirty = True
        return label

    # ------------------------------------------------------------------ verdict
    def verdict(self, lang: str = "zh", *, pending: bool = False) -> VerdictView:
        if self.state.empty:
            return VerdictView("empty", tr(VERDICTS["empty"], lang))
        r = self.report
        if pending or r is None:
            return VerdictView("checking", tr(VERDICTS["checking"], lang))
        e, w, i = r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO)
        state = str(r.verdict) if r.verdict != "ready" else "clean"
        n = self.checks_run
        detail = tr(DETAIL, lang, n=n, e=e, w=w, i=i)
        if state == "clean":
            detail = tr(SCOPE, lang) + (f" {tr(DETAIL, lang, n=n, e=e, w=w, i=i)}" if i else "")
        return VerdictView(state, tr(VERDICTS[state], lang, n=n, e=e, w=w), detail)

    # ------------------------------------------------------------------ fixes
    def plan(self, findings: Iterable[Finding] | None = None, *, unsafe: bool = False) -> FixPlan:
        found = self.report.findings if findings is None and self.report else (findings or ())
        return plan_fixes(found, unsafe=unsafe)

    def report_is_current(self) -> bool:
        r = self.report
        return r is not None and (r.draft.title, r.draft.text) == (self.state.title, self.state.text)

    def apply(
        self,
        plan: FixPlan,
        label: str,
        *,
        out_dir: Path | Callable[[], Path | None] | None = None,
        lang: str = "zh",
    ) -> ApplyResult:
        """Apply a plan as ONE undo step; every planned or held fix comes back done or skipped."""
        from checks.fixes.apply import apply_fixes

        done: list[Outcome] = []
        skipped = [Outcome(h.fix.title, h.finding.rule, False, h.reason(lang)) for h in plan.held]
        stale = not self.report_is_current()
        draft_items = [p for p in plan.chosen if p.fix in plan.draft_fixes]
        usable = [p for p in draft_items if not (stale and _is_replace(p))]
        skipped += [
            Outcome(p.fix.title, p.finding.rule, False, tr(STALE, lang))
            for p in draft_items
            if p not in usable
        ]
        new, applied, _ = apply_fixes(self.draft(), [p.fix for p in usable])
        for p in usable:
            if any(p.fix is a for a in applied) or any(_same(p, a) for a in applied):
                done.append(Outcome(p.fix.title, p.finding.rule, True))
        state = replace(
            self.state, title=new.title, text=new.text, declarations=new.declarations, account=new.account
        )
        if new.account != self.state.account:
            state = replace(state, own_account=True)
        media = list(state.media)
        jobs = plan.media
        folder = out_dir() if callable(out_dir) and jobs else out_dir
        for index, job in sorted(jobs.items()):
            items = plan.for_media(index)
            if index >= len(media):
                continue
            if not isinstance(folder, Path):
                skipped += [Outcome(p.fix.title, p.finding.rule, False, tr(NO_FOLDER, lang)) for p in items]
                continue
            src, job = self._origin(index, job)
            facts = self._facts_for(src)
            try:
                dst = export_copy(src, folder, job, facts, self.state.platform)
            except Exception as exc:  # an unwritable folder or an unsupported file: one line, keep going
                reason = tr(EXPORT_FAILED, lang, error=str(exc))
                skipped += [Outcome(p.fix.title, p.finding.rule, False, reason) for p in items]
                continue
            media[index] = str(dst.resolve())
            self.copies[str(dst.resolve())] = (str(src), job)
            done += [Outcome(p.fix.title, p.finding.rule, True, written=str(dst)) for p in items]
        state = replace(state, media=tuple(media))
        if done:
            self._step(label, state)
        return ApplyResult(tuple(done), tuple(skipped))

    def _origin(self, index: int, job: MediaJob) -> tuple[Path, MediaJob]:
        """Re-fixing one of our copies starts again from its original with all fixes merged."""
        here = str(self.media_path(index).resolve())
        if here in self.copies:
            original, before = self.copies[here]
            return Path(original), replace(before, index=index).union(job)
        return self.media_path(index), job

    def _facts_for(self, src: Path) -> Any:
        if self.report is None:
            return None
        for i, f in enumerate(self.report.media):
            if i < len(self.state.media) and self.media_path(i).resolve() == src.resolve():
                return f
        return None


def _is_replace(p: Planned) -> bool:
    return isinstance(p.edit, InsertText) and p.edit.where == "replace"


def _same(p: Planned, applied: Any) -> bool:
    return p.fix.kind == applied.kind and p.fix.payload == applied.payload
