"""Pack regular expressions run on RE2, an engine without backtracking: no pattern can hang a check.

A pack is untrusted input, and Python's `re` backtracks: `(a|a)*b` on 300 characters runs for
minutes, and no static check catches every such shape. RE2 matches in time linear in the text,
whatever the pattern. Pack patterns keep the `re` syntax the docs describe; the few escapes whose
meaning differs are rewritten so Chinese text behaves as it did under `re` (`\\w`, `\\d` and `\\s`
are Unicode-aware, `\\uXXXX` is a code point). Lookarounds and backreferences — features that need
backtracking — are refused at load time with a reason. `\\b` is an ASCII word boundary in RE2.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal, overload

import re2

MAX_MATCHES = 10_000  # per pattern per text: far above any real label count
WORD = r"\p{L}\p{N}_"
SPACE = r"\t-\r\x{1c}-\x{20}\x{85}\p{Z}"
_HEX = set("0123456789abcdefABCDEF")
_ANCHOR = getattr(getattr(getattr(re2, "_re2", None), "RE2", None), "Anchor", None)
_UNANCHORED = getattr(_ANCHOR, "UNANCHORED", None)


class PatternError(ValueError):
    """A pattern RE2 cannot run; the message says why in terms of the pattern."""


class PatternMatch:
    """What callers read from a match (as `re.Match`): span, group text and named groups.

    A slotted class rather than a frozen dataclass: one is built per match, so it must be cheap.
    """

    __slots__ = ("names", "spans", "string")

    def __init__(
        self, string: str, spans: tuple[tuple[int, int], ...], names: tuple[tuple[str, int], ...]
    ) -> None:
        self.string = string
        self.spans = spans
        self.names = names

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.spans[self._index(group)]

    def start(self, group: int | str = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self.span(group)[1]

    @overload
    def group(self, group: Literal[0] = 0) -> str: ...
    @overload
    def group(self, group: int | str) -> str | None: ...

    def group(self, group: int | str = 0) -> str | None:
        """The text of a group; None for a group that did not take part (group 0 always did)."""
        lo, hi = self.span(group)
        return None if lo < 0 else self.string[lo:hi]

    def groupdict(self) -> dict[str, str | None]:
        return {name: self.group(i) for name, i in self.names}

    def _index(self, group: int | str) -> int:
        return dict(self.names)[group] if isinstance(group, str) else group


class PackPattern:
    """One compiled pack pattern. `finditer(text, pos, endpos)` searches only that window's bytes."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        options = re2.Options()
        options.case_sensitive = False
        options.log_errors = False
        options.max_mem = 8 << 20
        try:
            self._rx = re2.compile(translate(pattern), options)
        except re2.error as exc:
            raise PatternError(_reason(exc)) from None
        self._names = tuple(sorted(self._rx.groupindex.items(), key=lambda kv: kv[1]))
        self._groups = int(self._rx.groups)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[PatternMatch]:
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        pos = max(0, min(pos, end))
        context = max(0, pos - 1)  # one character before the window, so ^ and \b see their context
        lead = text[context:pos].encode("utf-8")
        window = lead + text[pos:end].encode("utf-8")
        cursor = (len(lead), pos)  # (byte, character) of a resolved offset; matches only move forward
        groups = self._groups
        for n, raw in enumerate(self._spans(window, len(lead))):
            if n >= MAX_MATCHES:  # a pattern that hits this often is noise; it must not cost memory
                return
            if groups == 0:  # the common case: two offsets, both at or after the cursor
                (lo, hi), (b, c) = raw[0], cursor
                start = c + len(window[b:lo].decode("utf-8", "replace"))
                end = start + len(window[lo:hi].decode("utf-8", "replace"))
                cursor = (hi, end)
                yield PatternMatch(text, ((start, end),), self._names)
                continue
            chars: dict[int, int] = {}
            for off in sorted({o for span in raw[: groups + 1] for o in span if o >= 0}):
                b, c = cursor if off >= cursor[0] else (len(lead), pos)
                chars[off] = c + len(window[b:off].decode("utf-8", "replace"))
                cursor = (off, chars[off])
            cursor = (raw[0][1], chars[raw[0][1]])
            spans = tuple((chars[lo], chars[hi]) if lo >= 0 else (-1, -1) for lo, hi in raw[: groups + 1])
            yield PatternMatch(text, spans, self._names)

    def _spans(self, data: bytes, pos: int) -> Iterator[list[tuple[int, int]]]:
        """Byte spans of successive matches in `data` from byte `pos` (the loop of re2.finditer
        without building its match objects: one native call per match)."""
        native = getattr(self._rx, "_regexp", None)
        if native is None or _UNANCHORED is None:  # pragma: no cover - another wrapper version: its public API
            for m in self._rx.finditer(data, pos):
                yield [m.span(i) for i in range(self._groups + 1)]
            return
        end = len(data)
        while True:
            spans = native.Match(_UNANCHORED, data, pos, end)
            if spans[0][0] < 0:
                return
            yield spans
            if pos == end:
                return
            if spans[0][1] == pos:  # an empty match: step over one whole character
                lead = data[pos]
                pos += 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            else:
                pos = spans[0][1]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> PatternMatch | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> PatternMatch | None:
        """A match that starts at `pos` (the leftmost match starts there whenever one can)."""
        found = self.search(text, pos, endpos)
        return found if found is not None and found.start() == pos else None


@lru_cache(maxsize=2048)
def compile_pattern(pattern: str) -> PackPattern:
    """A pack pattern compiled once per process; raises PatternError when RE2 cannot run it."""
    return PackPattern(pattern)


def _reason(exc: Exception) -> str:
    text = exc.args[0] if exc.args else exc
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = str(text)
    if "perl operator" in text or re.search(r"escape sequence: \\\d", text):
        return f"lookarounds and backreferences are not supported in pack patterns ({text})"
    return text


def translate(pattern: str) -> str:
    """The `re` pattern in RE2 syntax with `re`'s Unicode meaning of \\w \\d \\s and \\uXXXX."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            i += 2
            if nxt == "d":
                out.append(r"\p{Nd}")
            elif nxt == "D":
                out.append(r"\P{Nd}")
            elif nxt in "ws":
                body = WORD if nxt == "w" else SPACE
                out.append(body if in_class else f"[{body}]")
            elif nxt in "WS":
                if in_class:
                    raise PatternError(f"\\{nxt} inside [...] is not supported; list what to exclude with [^...]")
                out.append(f"[^{WORD if nxt == 'W' else SPACE}]")
            elif nxt in "uU":
                width = 4 if nxt == "u" else 8
                digits = pattern[i : i + width]
                if len(digits) != width or not set(digits) <= _HEX:
                    raise PatternError(f"\\{nxt} needs {width} hex digits")
                out.append(f"\\x{{{digits}}}")
                i += width
            elif nxt == "Z":
                out.append(r"\z")
            else:
                out.append("\\" + nxt)
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":  # a leading ] is a literal
                out.append(r"\]")
                i += 1
            continue
        if ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)
