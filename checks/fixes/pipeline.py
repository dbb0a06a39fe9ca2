"""`fix_draft`: check, apply every applicable fix, write a fixed draft and media copies, re-check.

The output folder is self-contained: `draft.toml`, `media/` (every file of the post: fixed
copies, and byte-identical copies of files that needed nothing) and the account file when the
draft names one. Each media file is always exported from its ORIGINAL with the union of the fixes
asked for it so far, so later rounds never stack a second label on a copy. Rounds repeat until no
fix applies (bounded), then the written draft is loaded back from disk and checked once more:
the final report is what the creator will get from `preflight check` on the output. Rounds run
in the post's own language (`post_lang`), so a Chinese post gets Chinese labels even when the UI
is English; the final report is in the UI language.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from checks.draft import (
    DraftError,
    account_to_dict,
    atomic_write,
    input_files,
    load_draft,
    save_draft,
)
from checks.engine import check_draft
from checks.fixes.apply import FixError, apply_fixes
from checks.fixes.media_export import MediaExportError, export_media, output_path
from checks.fixes.planner import HELD_BACK_BY, plan_fixes, why_not
from checks.model import Draft, Finding, Fix, FixKind, MediaFacts, Report
from checks.packs import PackSet, load_packs
from checks.rules.label_text import post_lang
from checks.temp_files import clean_stale_temps, new_temp
from checks.terminal import printable

MAX_ROUNDS = 4
DRAFT_KINDS = (FixKind.INSERT_TEXT, FixKind.DECLARE, FixKind.EDIT_ACCOUNT)
MEDIA_KINDS = (FixKind.EXPORT_MEDIA, FixKind.STRIP_GPS)


@dataclass(frozen=True)
class AppliedFix:
    rule: str
    fix: Fix
    target: str  # the finding's target: "text", "title", "account", "media:N", "draft"
    written: str | None = None  # the copy a media fix produced


@dataclass(frozen=True)
class FixResult:
    draft: Draft  # the fixed draft as written (path = out_dir/draft.toml)
    report: Report  # the final check of the written draft
    applied: tuple[AppliedFix, ...]
    remaining: tuple[Finding, ...]  # what the creator still has to do
    written: tuple[Path, ...]
    errors: tuple[str, ...] = ()  # media copies that could not be made (one line each)


@dataclass
class _MediaPlan:
    visible_label: str | None = None
    implicit_label: bool = False
    strip_gps: bool = False
    warning_label: str | None = None  # a minors' warning (MINORS2026), stamped beside any AI label

    def add(self, fix: Fix) -> bool:
        before = (self.visible_label, self.implicit_label, self.strip_gps, self.warning_label)
        if fix.kind == FixKind.STRIP_GPS:
            self.strip_gps = True
        else:
            self.visible_label = fix.payload.get("visible_label") or self.visible_label
            self.implicit_label = self.implicit_label or bool(fix.payload.get("implicit_label"))
            self.warning_label = fix.payload.get("warning_label") or self.warning_label
        return before != (self.visible_label, self.implicit_label, self.strip_gps, self.warning_label)


@dataclass
class _State:
    out_dir: Path
    originals: tuple[Path, ...]
    names: tuple[str, ...]
    plans: dict[int, _MediaPlan] = field(default_factory=dict)
    exported: dict[int, Path] = field(default_factory=dict)
    applied: list[AppliedFix] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)
    source_facts: tuple[MediaFacts, ...] | None = None  # read from the originals, first round
    protected: frozenset[Path] = frozenset()  # every input file: never a write target
    platform: str | None = None  # where the post goes: its feed UI decides where a label stays visible

    def target(self, path: Path) -> Path:
        """`path` as a write target, refused when it is (or links to) an input file."""
        if path.resolve() in self.protected:
            raise FixOutputError(f"{path}: refusing to overwrite an original file; choose another --out folder")
        return path


class FixOutputError(OSError):
    """The output folder cannot be used (unwritable, or it would overwrite the original draft)."""


def applicable(fix: Fix, *, unsafe: bool) -> bool:
    """Safe fixes always, unsafe ones on request, display-only never — nor a label with blanks."""
    return why_not(fix, unsafe=unsafe) is None


def fix_draft(
    draft: Draft,
    out_dir: str | os.PathLike[str],
    *,
    unsafe: bool = False,
    only: Sequence[str] | None = None,
    lang: str = "zh",
    packs: PackSet | None = None,
    extra_packs: Sequence[str | os.PathLike[str]] = (),
    allow_outside: bool = False,
) -> FixResult:
    """Write the fixed draft and media copies into `out_dir`; the originals are only ever read.

    Media must lie under the draft's own folder unless `allow_outside` (a hand-written draft could
    otherwise name `../../etc/shadow` and have it copied into a folder the creator shares), and
    must be regular files (never a device or a pipe). Output names are unique and never an input.
    """
    out = Path(out_dir).resolve()
    sources = _sources(draft, allow_outside=allow_outside)
    protected = _protected(draft, sources)
    _prepare(out, draft)
    packset = packs if packs is not None else load_packs(extra_packs)
    names = _copy_names(sources, _reserved_stems(out / "media", protected))
    state = _State(out, sources, names, protected=protected)
    state.platform = draft.platform
    work = draft.with_changes(
        path=out / "draft.toml", media=tuple(str(p) for p in state.originals), account_ref=None
    )
    facts: tuple[MediaFacts, ...] | None = None
    label_lang = post_lang(draft.title, draft.text, lang)  # labels follow the post, not the UI
    for _ in range(MAX_ROUNDS):
        report = check_draft(work, lang=label_lang, packs=packset, media=facts)
        facts = report.media
        if state.source_facts is None:
            state.source_facts = facts
        plan = plan_fixes(report.findings, unsafe=unsafe, only=only)  # the one planner (GUI too)
        chosen = [(p.finding, p.fix) for p in plan.chosen]
        work, changed_text = _apply_draft_fixes(work, chosen, state)
        changed_media = _apply_media_fixes(chosen, state)
        if changed_media:
            media = list(work.media)
            for i, path in state.exported.items():
                media[i] = str(path)
            work = work.with_changes(media=tuple(media))
            facts = None  # re-read the copies
        if not (changed_text or changed_media):
            break
    try:
        written = _write(work, draft, state)
    except FixOutputError:
        raise
    except OSError as exc:
        raise FixOutputError(f"cannot write to {out}: {exc.strerror or exc}") from exc
    final_draft = load_draft(out / "draft.toml")
    final = check_draft(final_draft, lang=lang, packs=packset)
    return FixResult(
        draft=final_draft,
        report=final,
        applied=tuple(state.applied),
        remaining=final.findings,
        written=tuple(written),
        errors=tuple(state.errors.values()),
    )


def _prepare(out: Path, draft: Draft) -> None:
    if draft.path is not None and (out / "draft.toml").resolve() == draft.path.resolve():
        raise FixOutputError(f"{out}: choose another folder; the fixed draft would overwrite the original")
    try:
        (out / "media").mkdir(parents=True, exist_ok=True)
        for folder in (out, out / "media"):  # debris of a fix that was killed mid-write
            clean_stale_temps(folder)
        fd, probe = tempfile.mkstemp(prefix=".preflight-probe-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise FixOutputError(f"cannot write to {out}: {exc.strerror or exc}") from exc


def _sources(draft: Draft, *, allow_outside: bool) -> tuple[Path, ...]:
    """The media originals, resolved; refuses devices and pipes, and files outside the draft's folder."""
    base = draft.base_dir.resolve()
    out = []
    for i, name in enumerate(draft.media):
        path = draft.media_path(i)
        try:
            mode = path.stat().st_mode
        except (OSError, ValueError):
            out.append(path.resolve())  # missing: kept, the check reports it as unreadable
            continue
        if not stat.S_ISREG(mode):
            raise DraftError(
                f"media {i + 1} '{printable(name)}' is not a regular file (a device, pipe or socket); "
                "refusing to copy it"
            )
        resolved = path.resolve()
        if not allow_outside and not resolved.is_relative_to(base):
            raise DraftError(
                f"media {i + 1} '{printable(name)}' lies outside the draft's folder {base}; "
                "move it into the folder or pass --allow-outside"
            )
        out.append(resolved)
    return tuple(out)


def _protected(draft: Draft, sources: Sequence[Path]) -> frozenset[Path]:
    return input_files(draft) | frozenset(sources)


def _reserved_stems(media_dir: Path, protected: frozenset[Path]) -> set[str]:
    """Stems an output copy must not take: inputs living in the output media folder (any suffix,
    since a HEIC's copy becomes .jpg; case-folded, for case-insensitive disks)."""
    folder = media_dir.resolve()
    return {p.stem.casefold() for p in protected if p.parent == folder}


def _copy_names(paths: Sequence[Path], reserved: set[str] | None = None) -> tuple[str, ...]:
    """One output file name per media file, unique by STEM: an export may change the suffix
    (x/IMG.heic → IMG.jpg), so IMG.heic and IMG.jpg from two folders must not both become IMG.*."""
    taken = set(reserved or ())
    names: list[str] = []
    for i, p in enumerate(paths, 1):
        stem, suffix = (p.stem, p.suffix) if p.stem else ("media", "")
        candidate, n = stem, 1
        while candidate.casefold() in taken:
            candidate = f"{i:02d}-{stem}" if n == 1 else f"{i:02d}-{stem}-{n}"
            n += 1
        taken.add(candidate.casefold())
        names.append(candidate + suffix)
    return tuple(names)


def _apply_draft_fixes(work: Draft, chosen: list[tuple[Finding, Fix]], state: _State) -> tuple[Draft, bool]:
    fixes = [x for _, x in chosen if x.kind in DRAFT_KINDS]
    new, applied, _ = apply_fixes(work, fixes)
    for fix in applied:
        finding = next(f for f, x in chosen if x is fix)
        state.applied.append(AppliedFix(finding.rule, fix, finding.target))
    return new, new != work


def _apply_media_fixes(chosen: list[tuple[Finding, Fix]], state: _State) -> bool:
    items_for: dict[int, list[tuple[Finding, Fix]]] = {}
    changed: set[int] = set()
    for finding, fix in chosen:
        i = fix.payload.get("media")
        if fix.kind not in MEDIA_KINDS or not isinstance(i, int) or not 0 <= i < len(state.originals):
            continue
        if i in state.errors:
            continue
        items_for.setdefault(i, []).append((finding, fix))
        if state.plans.setdefault(i, _MediaPlan()).add(fix):
            changed.add(i)
    touched = {i: items for i, items in items_for.items() if i in changed}
    for i, items in touched.items():
        plan = state.plans[i]
        dst = state.out_dir / "media" / state.names[i]
        try:
            state.target(output_path(dst, state.originals[i]))
            written = export_media(
                state.originals[i],
                dst,
                visible_label=plan.visible_label,
                implicit_label=plan.implicit_label,
                strip_gps=plan.strip_gps,
                warning_label=plan.warning_label,
                facts=state.source_facts[i] if state.source_facts and i < len(state.source_facts) else None,
                platform=state.platform,
            )
        except MediaExportError as exc:
            state.errors[i] = str(exc)
            continue
        state.exported[i] = written
        state.applied.extend(AppliedFix(f.rule, x, f.target, str(written)) for f, x in items)
    return any(i in state.exported for i in touched)


def _write(work: Draft, original: Draft, state: _State) -> list[Path]:
    written: list[Path] = []
    media = list(work.media)
    for i, src in enumerate(state.originals):
        if i in state.exported:
            path = state.exported[i]
        else:
            path = state.out_dir / "media" / state.names[i]
            if src.is_file():
                _copy(src, state.target(path))
            elif not src.is_file():
                media[i] = str(src)  # missing original: keep pointing at it, the check reports it
                continue
        written.append(path)
        media[i] = path.relative_to(state.out_dir).as_posix()
    final = work.with_changes(media=tuple(media))
    if original.account_ref:
        source = (original.base_dir / original.account_ref).resolve()
        candidates = (Path(original.account_ref).name, "account.toml", "account-preflight.toml", "account-fixed.toml")
        name = next(
            n
            for n in candidates
            if n and n != "draft.toml" and (state.out_dir / n).resolve() not in {source, *state.protected}
        )
        account_file = state.target(state.out_dir / name)
        text = tomli_w.dumps({"account": account_to_dict(final.account)})
        written.append(atomic_write(account_file, text))
        final = final.with_changes(account_ref=name)
    written.insert(0, save_draft(final, state.target(state.out_dir / "draft.toml")))
    return written


def _copy(src: Path, dst: Path) -> None:
    clean_stale_temps(dst.parent, dst.name)
    fd, tmp = new_temp(dst)
    try:
        with os.fdopen(fd, "wb") as fh, open(src, "rb") as inp:
            shutil.copyfileobj(inp, fh, 1 << 20)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = [
    "HELD_BACK_BY",
    "AppliedFix",
    "FixError",
    "FixOutputError",
    "FixResult",
    "applicable",
    "fix_draft",
    "output_path",
]
