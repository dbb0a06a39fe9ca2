"""Fixes: from a finding to a compliant post and compliant media copies (originals never written).

The public API (the GUI and the CLI call exactly this):

- `apply_text_fix(draft, fix) -> Draft` — pure; insert_text, declare, edit_account.
- `apply_fixes(draft, fixes) -> (draft, applied, skipped)` — many at once, overlaps resolved.
- `fix_draft(draft, out_dir, *, unsafe=False, only=None, lang="zh", packs=None, extra_packs=())
  -> FixResult` — check, fix, write `out_dir/draft.toml` + `out_dir/media/`, re-check.
- `export_media(src, dst, *, visible_label, implicit_label, strip_gps, facts, platform=None) -> Path`
  (with `platform`, the visible label goes where that platform's feed controls leave it visible).
- `checklist(report) -> list[DeclarationItem]` — the platform toggles to tick.

Names are resolved lazily so that importing `checks.fixes` does not load Pillow/PyAV.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "apply_text_fix": "checks.fixes.apply",
    "apply_fixes": "checks.fixes.apply",
    "FixError": "checks.fixes.apply",
    "fix_draft": "checks.fixes.pipeline",
    "FixResult": "checks.fixes.pipeline",
    "AppliedFix": "checks.fixes.pipeline",
    "FixOutputError": "checks.fixes.pipeline",
    "export_media": "checks.fixes.media_export",
    "MediaExportError": "checks.fixes.media_export",
    "checklist": "checks.fixes.declarations",
    "declare_fix": "checks.rules.declaration_fix",
    "DeclarationItem": "checks.fixes.declarations",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'checks.fixes' has no attribute {name!r}")
    return getattr(import_module(module), name)


__all__ = sorted(_EXPORTS)
