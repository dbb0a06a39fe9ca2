"""Loading rule packs: `load_pack` parses one folder or zip, `merge` combines packs into a PackSet.

A pack is `pack.toml` (id, version, publisher, min_app_version, optional expires and description)
plus rule files (`*.toml` anywhere below it) whose `kind` is one of a closed set. Nothing in a
pack is ever executed: every file is TOML data validated here, and every problem is a `PackError`
naming the file, line (when it can be found) and key. Signature checks wrap `load_pack` before
`merge` (checks/packs/signing.py), which is why the two are separate steps.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import checks
from checks import resources
from checks.model import PackInfo, Severity
from checks.packs import validate as v
from checks.packs.files import PackFiles, read_pack
from checks.packs.model import Override, Pack, PackError, PackSet
from checks.rules.base import Rule

KINDS = ("existence", "requirement", "substitution", "cooccurrence", "lexicon", "override")
MAX_FILE = 2 * 1024 * 1024
MAX_ZIP_TOTAL = 16 * 1024 * 1024
MAX_FILES = 500


def core_pack_dir() -> Path:
    return resources.path("packs", "core")


def read_toml(file: Path) -> dict[str, Any]:
    """One TOML file from disk (kept for callers that read pack files directly)."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise PackError(f"{file}: cannot read: {exc.strerror or exc}") from exc
    return _parse(str(file), raw)[0]


def _parse(name: str, raw: bytes) -> tuple[dict[str, Any], str]:
    if len(raw) > MAX_FILE:
        raise PackError(f"{name}: larger than {MAX_FILE // 1024} KiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(f"{name}: not UTF-8 text") from exc
    try:
        return tomllib.loads(text), text
    except RecursionError:
        raise PackError(f"{name}: invalid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{name}: invalid TOML: {exc}") from exc


def load_pack(source: str | Path | PackFiles) -> Pack:
    """Parse and validate one pack (folder, zip, or files read already). Raises PackError with file,
    line and key.

    Only the files of the one pack reader (checks/packs/files.py) are parsed — the same list a
    signature covers — so a file the signature did not see can never become a rule.
    """
    pack_files = source if isinstance(source, PackFiles) else read_pack(source)
    path = Path(pack_files.origin)
    files = {n: b for n, b in sorted(pack_files.files.items()) if n.endswith(".toml")}
    if len(files) > MAX_FILES or sum(len(b) for b in files.values()) > MAX_ZIP_TOTAL:
        raise PackError(f"{path}: too many or too large files for a rule pack")
    if "pack.toml" not in files:
        raise PackError(f"{path}: not a rule pack (no pack.toml)")
    meta, meta_text = _parse(f"{path}/pack.toml", files.pop("pack.toml"))
    where = v.Where(path / "pack.toml", meta_text)
    pack_id = v.ident(where, meta, "id")
    version = v.text(where, meta, "version")
    publisher = v.text(where, meta, "publisher")
    min_app = v.text(where, meta, "min_app_version", required=False, default="0")
    if v.version_tuple(min_app) > v.version_tuple(checks.__version__):
        raise where.error(
            "min_app_version",
            f"pack '{pack_id}' needs Preflight {min_app} or newer (this is {checks.__version__}); update Preflight",
        )
    expires = meta.get("expires")
    if expires is not None and not isinstance(expires, date):
        raise where.error("expires", "must be a TOML date, e.g. 2027-06-30")
    desc = meta.get("description", {})
    if isinstance(desc, str):
        desc = {"zh": desc, "en": desc}
    if not isinstance(desc, dict):
        raise where.error("description", "must be a string or a {zh, en} table")

    lexicons: dict[str, list[str]] = {}
    patterns: dict[str, list[str]] = {}
    rules, overrides = [], []
    from checks.packs.pack_rules import build

    for name, raw in files.items():
        data, text = _parse(f"{path}/{name}", raw)
        fw = v.Where(path / name, text)
        kind = data.get("kind")
        if kind not in KINDS:
            raise fw.error("kind", f"must be one of {', '.join(KINDS)}, not {kind!r}")
        if kind == "lexicon":
            lex = v.text(fw, data, "lexicon")
            lexicons.setdefault(lex, []).extend(v.strings(fw, data, "entries"))
            patterns.setdefault(lex, []).extend(v.patterns(fw, data, "patterns"))
        elif kind == "override":
            overrides.append(_override(pack_id, data, fw))
        else:
            rules.append(build(pack_id, data, fw))
    ids = [r.id for r in rules]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise PackError(f"{path}: rule ids used twice: {', '.join(sorted(dupes))}")
    return Pack(
        info=PackInfo(id=pack_id, version=version, publisher=publisher, path=str(path)),
        min_app_version=min_app,
        expires=expires.isoformat() if isinstance(expires, date) else None,
        description={k: str(x) for k, x in desc.items()},
        lexicons={k: tuple(x) for k, x in lexicons.items()},
        patterns={k: tuple(x) for k, x in patterns.items()},
        rules=tuple(rules),
        overrides=tuple(overrides),
        files=tuple(files),
        raw=meta,
    )


def _override(pack_id: str, data: dict[str, Any], where: v.Where) -> Override:
    from checks.rules import get_rule

    target = v.text(where, data, "rule")
    severity = v.severity(where, data, "severity", None)
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise where.error("enabled", "must be true or false")
    reason = v.text(where, data, "reason", required=False)
    builtin = get_rule(target)
    if builtin is None and not target.startswith(f"{pack_id}:"):
        raise where.error("rule", f"{target!r} is not a built-in rule id (see `preflight explain`)")
    ov = Override(pack=pack_id, rule=target, severity=severity, enabled=enabled, reason=reason.strip())
    default = builtin.severity if builtin else Severity.INFO
    if ov.relaxes(default) and not ov.reason:
        raise where.error(
            "reason", f"relaxing built-in rule '{target}' needs a stated reason the creator will see"
        )
    return ov


def merge(packs: Sequence[Pack]) -> PackSet:
    """Combine packs in order: lexicons and rules add up; of several overrides the strictest wins."""
    seen: set[str] = set()
    lexicons: dict[str, list[str]] = {}
    patterns: dict[str, list[str]] = {}
    rules: list[Rule] = []
    overrides: dict[str, Override] = {}
    for pack in packs:
        if pack.info.id in seen:
            raise PackError(f"{pack.info.path}: a pack with id '{pack.info.id}' is already loaded")
        seen.add(pack.info.id)
        for name, entries in pack.lexicons.items():
            lexicons.setdefault(name, []).extend(entries)
        for name, pats in pack.patterns.items():
            patterns.setdefault(name, []).extend(pats)
        rules.extend(pack.rules)
        for ov in pack.overrides:
            overrides[ov.rule] = _stricter(overrides.get(ov.rule), ov)
    return PackSet(
        infos=tuple(p.info for p in packs),
        lexicons={k: tuple(dict.fromkeys(x)) for k, x in lexicons.items()},
        rules=tuple(rules),
        patterns_src={k: tuple(dict.fromkeys(x)) for k, x in patterns.items()},
        overrides=overrides,
    )


def _stricter(old: Override | None, new: Override) -> Override:
    if old is None:
        return new

    def strength(o: Override) -> int:
        return -1 if not o.enabled else (3 - o.severity.rank if o.severity else 0)

    return new if strength(new) >= strength(old) else old


_CORE: list[Pack] = []


def core_pack() -> Pack:
    """The built-in pack, parsed once per process (it is read-only data shipped with the app) and
    kept parsed on disk between processes (checks/derived_cache.py: rebuilt when a file changes)."""
    if not _CORE:
        from checks import derived_cache

        folder = core_pack_dir()
        _CORE.append(derived_cache.cached("core-pack", str(folder), lambda: load_pack(folder)))
    return _CORE[0]
