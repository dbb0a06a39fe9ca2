"""The engine's public API, the one front ends call: load → read media → analyse → rules → report.

The CLI, the GUI and the batch audit all go through `check_draft`; nothing else runs rules.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from checks.draft import load_draft, publish_time
from checks.i18n import L
from checks.media import read_media
from checks.media.marks import with_marks
from checks.media_views import media_findings
from checks.model import Draft, Finding, MediaFacts, Report, Severity
from checks.packs import PackSet, load_packs
from checks.rules import RULE_IDS, all_rules
from checks.rules.base import Context, Rule

Progress = Callable[[int, int], None]


def read_draft_media(draft: Draft, *, on_progress: Progress | None = None) -> tuple[MediaFacts, ...]:
    """Read every media file of `draft`; facts carry the path exactly as the draft names it."""
    paths = [draft.media_path(i) for i in range(len(draft.media))]
    facts = read_media(paths, on_progress=on_progress)
    return tuple(replace(f, path=name) for f, name in zip(facts, draft.media, strict=True))


def check_draft(
    draft: Draft,
    *,
    lang: str = "zh",
    packs: PackSet | None = None,
    extra_packs: Sequence[str | os.PathLike[str]] = (),
    media: Sequence[MediaFacts] | None = None,
    on_progress: Progress | None = None,
) -> Report:
    """Check one draft. Pass `media` to reuse facts already read (the GUI re-checks as the user types)."""
    packset = packs if packs is not None else load_packs(extra_packs)
    facts = tuple(media) if media is not None else read_draft_media(draft, on_progress=on_progress)
    labels, generators = packset.lexicon("ai_visible_marks"), packset.lexicon("ai_generator_marks")
    facts = tuple(with_marks(m, labels, generators) for m in facts)  # a generator's mark is AI evidence
    ctx = Context(draft=draft, media=facts, packs=packset, publish_at=publish_time(draft), lang=lang)

    def run(c: Context, rules: Iterable[Rule]) -> list[Finding]:
        return _run_rules(c, rules, packset, lang)

    findings = run(ctx, (*all_rules(), *packset.rules))
    findings = media_findings(ctx, run, findings)
    order = {rid: i for i, rid in enumerate(RULE_IDS)}
    findings.sort(key=lambda f: (f.severity.rank, order.get(f.rule, len(order)), f.target))
    return Report(draft=draft, media=facts, findings=tuple(findings), packs=packset.infos, lang=lang)


def _run_rules(ctx: Context, rules: Iterable[Rule], packset: PackSet, lang: str) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if not packset.enabled(rule.id):
            continue
        try:
            produced = list(rule.check(ctx))
        except Exception as exc:  # one broken rule must not hide the others' findings
            produced = [
                ctx.finding(
                    rule,
                    L(zh="规则“{rule_id}”运行出错：{err}", en="Rule '{rule_id}' failed: {err}"),
                    severity=Severity.WARNING,
                    target="draft",
                    rule_id=rule.id,
                    err=f"{type(exc).__name__}: {exc}",
                )
            ]
        for finding in produced:
            adjusted = packset.adjust(finding, lang)
            if adjusted is not None:
                findings.append(adjusted)
    return findings


def check_file(path: str | os.PathLike[str], **kwargs: object) -> Report:
    """Load a draft file and check it; raises `DraftError` for a draft that cannot be used."""
    return check_draft(load_draft(Path(path)), **kwargs)  # type: ignore[arg-type]
