"""Validation of pack data: every value a pack supplies is checked here before anything uses it.

A pack is untrusted input (an MCN can send one to hundreds of creators), so nothing in it runs:
messages are plain strings with named `{placeholders}`, and regular expressions are size-capped,
refused when they contain a repeated group that itself repeats (`(a+)+`, `(\\w*)*`) or
backreferences and lookarounds, and run on RE2 (checks/vocabulary/safe_regex.py), which cannot
backtrack — so even a shape no static check foresaw (`(a|a)*b`) matches in linear time. Errors name the
file, the key and, when it can be found, the line.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from checks.i18n import L
from checks.model import Severity
from checks.packs.model import PackError

MAX_PATTERN = 200
MAX_ENTRIES = 5000
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")

try:  # Python 3.11+: the parser moved; both give the same tree
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse

_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
_POSSESSIVE = getattr(sre_parse, "POSSESSIVE_REPEAT", None)
if _POSSESSIVE is not None:
    _REPEATS.add(_POSSESSIVE)


class Where:
    """A file being validated, with its raw text to find the line of a key."""

    def __init__(self, file: str | PurePath, text: str = "") -> None:
        self.file = str(file)
        self.lines = text.splitlines()

    def line_of(self, key: str) -> int | None:
        leaf = key.rsplit(".", 1)[-1].split("[", 1)[0]
        pat = re.compile(rf"^\s*{re.escape(leaf)}\s*=|^\s*\[+\s*{re.escape(leaf)}\s*\]+")
        for n, line in enumerate(self.lines, 1):
            if pat.search(line):
                return n
        return None

    def error(self, key: str, problem: str) -> PackError:
        line = self.line_of(key) if key else None
        at = f"{self.file}:{line}" if line else self.file
        return PackError(f"{at}: key '{key}': {problem}" if key else f"{at}: {problem}")


def text(where: Where, data: dict[str, Any], key: str, *, required: bool = True, default: str = "") -> str:
    value = data.get(key, None)
    if value is None:
        if required:
            raise where.error(key, "is required")
        return default
    if not isinstance(value, str) or (required and not value.strip()):
        raise where.error(key, "must be a non-empty string")
    return value


def ident(where: Where, data: dict[str, Any], key: str) -> str:
    value = text(where, data, key)
    if not ID_RE.match(value):
        raise where.error(key, f"{value!r} must be lower-case letters, digits, '-', '_' or '.' (max 64)")
    return value


def severity(where: Where, data: dict[str, Any], key: str, default: Severity | None) -> Severity | None:
    value = data.get(key)
    if value is None:
        return default
    try:
        return Severity(value)
    except ValueError:
        raise where.error(key, f"must be one of error, warning, info, not {value!r}") from None


def message(where: Where, data: dict[str, Any], key: str = "message") -> L:
    """A `{zh, en}` table, or one string used for both languages."""
    value = data.get(key)
    if isinstance(value, str) and value.strip():
        return L(zh=value, en=value)
    if isinstance(value, dict):
        zh, en = value.get("zh"), value.get("en")
        if isinstance(zh, str) and zh.strip():
            return L(zh=zh, en=en if isinstance(en, str) and en.strip() else zh)
    raise where.error(key, "must be a string or a table with a non-empty 'zh' (and 'en')")


def strings(where: Where, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.error(key, "must be a list of strings")
    if len(value) > MAX_ENTRIES:
        raise where.error(key, f"has {len(value)} entries (at most {MAX_ENTRIES})")
    return tuple(v.strip() for v in value if v.strip())


def scope(where: Where, data: dict[str, Any], key: str = "scope") -> tuple[str, ...]:
    value = data.get(key, ["title", "text"])
    if isinstance(value, str):
        value = [value]
    allowed = ("title", "text", "account")
    if not isinstance(value, list) or not value or any(v not in allowed for v in value):
        raise where.error(key, f"must list some of {', '.join(allowed)}")
    return tuple(value)


def patterns(where: Where, data: dict[str, Any], key: str) -> tuple[str, ...]:
    found = strings(where, data, key)
    for pat in found:
        problem = unsafe_pattern(pat)
        if problem:
            raise where.error(key, f"pattern {pat!r} refused: {problem}")
    return found


def unsafe_pattern(pattern: str) -> str | None:
    """Why `pattern` may not come from a pack (None when it is acceptable)."""
    if len(pattern) > MAX_PATTERN:
        return f"longer than {MAX_PATTERN} characters"
    try:
        tree = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"not a valid regular expression ({exc})"
    problem = _walk(tree, inside_repeat=False)
    if problem:
        return problem
    from checks.vocabulary.safe_regex import PatternError, compile_pattern

    try:
        compiled = compile_pattern(pattern)  # runs on RE2 (no backtracking): what it cannot run is refused
    except PatternError as exc:
        return str(exc)
    if compiled.search("") is not None:
        return "it matches empty text, so it would match everywhere"
    return None


def _walk(tree: Any, *, inside_repeat: bool) -> str | None:
    for op, arg in tree:
        if op == sre_parse.GROUPREF or op == sre_parse.GROUPREF_EXISTS:
            return "backreferences are not allowed"
        if op in _REPEATS:
            _lo, hi, sub = arg
            unbounded = hi == sre_parse.MAXREPEAT or hi > 50
            if inside_repeat and unbounded:
                return "nested repetition (e.g. (a+)+) can take exponential time"
            problem = _walk(sub, inside_repeat=inside_repeat or unbounded)
            if problem:
                return problem
        elif op == sre_parse.SUBPATTERN:
            problem = _walk(arg[-1], inside_repeat=inside_repeat)
            if problem:
                return problem
        elif op == sre_parse.BRANCH:
            for branch in arg[1]:
                problem = _walk(branch, inside_repeat=inside_repeat)
                if problem:
                    return problem
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            problem = _walk(arg[1], inside_repeat=inside_repeat)
            if problem:
                return problem
    return None


def version_tuple(value: str) -> tuple[int, ...]:
    parts = re.findall(r"\d+", value)
    return tuple(int(p) for p in parts[:4]) or (0,)
