"""Time expressions, classified the way the old-news and shooting-label obligations need them.

- absolute: a year, a full date or a month-day (2019年7月, 2019.7.21, 二〇一九年, July 2019,
  11月20日) — "the time is stated";
- relative: resolvable from the publish date (去年, 三年前, 上个月, 上周五, last year) — stated
  only loosely, so the old-news rule warns and offers the absolute date as a replacement;
- now: the post presents itself as happening now (今天, 刚刚, 昨晚, just now, this morning);
  they come from the pack lexicon `time_now`;
- vague: anaphoric or undated past (当年, 那年, 多年前, 老视频, years ago) from the lexicon
  `time_vague`; these *signal* old news and never satisfy it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from checks.text.layer import pattern_matches, phrases
from checks.text.numerals import CN_DIGIT, NUM, to_int
from checks.vocabulary.normalize import normalize

if TYPE_CHECKING:
    from checks.vocabulary.packset import PackSet

MONTHS = {m: i for i, ms in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1) for m in (ms,)}  # fmt: skip
MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
YEAR_ZH = rf"(?P<y>(?:19|20)\d{{2}}|[一二][{CN_DIGIT}]{{3}})年"
MD_ZH = r"(?:(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:(?P<d>\d{1,2}|[一二三四五六七八九十廿]{1,3})[日号])?)?"
WEEKDAYS = "一二三四五六日天"

# (pattern, anchor): a pattern only runs in windows around its anchor character, or over the
# ASCII runs of the text when the anchor is None — scanning 5,000 characters of Chinese with
# every pattern would cost ~1 ms each (bench/bench_text.py).
ABSOLUTE = [
    (re.compile(YEAR_ZH + MD_ZH), "年"),
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[./-](?P<m>\d{1,2})(?:[./-](?P<d>\d{1,2}))?(?!\d)"), None),
    (
        re.compile(
            rf"\b(?P<mn>{MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I
        ),
        None,
    ),
    (
        re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{MON})\s+(?P<y>(?:19|20)\d{{2}})\b", re.I),
        None,
    ),
    (re.compile(rf"\b(?P<mn>{MON})\s+(?P<y>(?:19|20)\d{{2}})\b", re.I), None),
    (re.compile(r"\b(?:in|of|since|from)\s+(?P<y>(?:19|20)\d{2})\b", re.I), None),
    (re.compile(r"(?<![\d./-])(?P<m>1[0-2]|0?[1-9])月(?P<d>[1-3]?\d)[日号]"), "月"),
]
RELATIVE = [
    (re.compile(rf"(?P<n>{NUM})(?:多)?年前"), "years", "前"),
    (re.compile(rf"(?P<n>{NUM})(?:多)?个月前"), "months", "前"),
    (re.compile(rf"(?P<n>{NUM})(?:多)?天前"), "days", "前"),
    (re.compile(r"大前年"), "y3", "年"),
    (re.compile(r"前年"), "y2", "年"),
    (re.compile(r"去年|上一年"), "y1", "年"),
    (re.compile(r"上个?月"), "m1", "上"),
    (re.compile(rf"上(?:个)?(?:周|星期|礼拜)(?P<w>[{WEEKDAYS}]|末)?"), "w1", "上"),
    (
        re.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+ago\b", re.I),
        "years",
        None,
    ),
    (re.compile(r"\blast\s+year\b", re.I), "y1", None),
    (re.compile(r"\blast\s+month\b", re.I), "m1", None),
]
ASCII_RUN = re.compile(r"[\x20-\x7e]{4,}")
MARGIN = 16


def _windows(norm: str, anchor: str | None, ascii_runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if anchor is None:
        return ascii_runs
    out: list[tuple[int, int]] = []
    i = norm.find(anchor)
    while i != -1:
        lo, hi = max(0, i - MARGIN), min(len(norm), i + MARGIN)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
        i = norm.find(anchor, i + 1)
    return out


def _scan(rx: re.Pattern[str], norm: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    return [m for lo, hi in windows for m in rx.finditer(norm, lo, hi)]


EN_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


LEXICONS = ("time_now", "time_vague")


@dataclass(frozen=True)
class TimeMention:
    """One time expression. `year`/`month`/`day` are what it states or resolves to (None = unknown);
    `resolved` is the absolute wording a relative expression stands for (e.g. "2023年")."""

    target: str
    start: int
    end: int
    text: str
    kind: str  # absolute | relative | now | vague
    year: int | None = None
    month: int | None = None
    day: int | None = None
    resolved: str | None = None

    @property
    def has_year(self) -> bool:
        return self.year is not None and self.kind in ("absolute", "relative")


def find_times(text: str, target: str, publish: datetime, packs: PackSet) -> list[TimeMention]:
    """Every time mention in `text`, absolute ones winning where expressions overlap."""
    if not text:
        return []
    norm = normalize(text)
    found: list[TimeMention] = []
    used = bytearray(len(text))

    def free(s: int, e: int) -> bool:
        return not any(used[s:e])

    def take(s: int, e: int) -> None:
        used[s:e] = b"\x01" * (e - s)

    runs = [m.span() for m in ASCII_RUN.finditer(norm)]
    for i, (rx, anchor) in enumerate(ABSOLUTE):
        for m in _scan(rx, norm, _windows(norm, anchor, runs)):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            year = to_int(g["y"]) if g.get("y") else None
            month = _month(g)
            day = to_int(g["d"]) if g.get("d") else None
            if year is None and month is not None:  # month-day: this year's (or last year's) date
                year = publish.year if (month, day or 1) <= (publish.month, publish.day) else publish.year - 1
                if i != len(ABSOLUTE) - 1:
                    continue
            if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
                continue
            found.append(
                TimeMention(
                    target, m.start(), m.end(), text[m.start() : m.end()], "absolute", year, month, day
                )
            )
            take(m.start(), m.end())
    for rx, unit, anchor in RELATIVE:
        for m in _scan(rx, norm, _windows(norm, anchor, runs)):
            if not free(m.start(), m.end()):
                continue
            mention = _relative(m, unit, text, target, publish)
            if mention:
                found.append(mention)
                take(m.start(), m.end())
    for kind, lexicon in (("now", "time_now"), ("vague", "time_vague")):
        spans = [(h.start, h.end) for h in phrases(packs, lexicon, text)]
        # Distance and era shapes (十几年前, 时隔多年, 事情过去这么久, 九十年代, a decade ago).
        spans += sorted(m.span() for m in pattern_matches(packs, lexicon, norm) if m.end() > m.start())
        for start, end in spans:
            if free(start, end) and _word_edges(norm, start, end):
                found.append(TimeMention(target, start, end, text[start:end], kind))
                take(start, end)
    return sorted(found, key=lambda t: t.start)


def _month(g: dict[str, str | None]) -> int | None:
    name, number = g.get("mn"), g.get("m")
    if name:
        return MONTHS.get(name[:3].lower())
    return to_int(number) if number else None


def _word_edges(norm: str, start: int, end: int) -> bool:
    """English words must not be parts of longer words ("now" in "know")."""
    if not norm[start:end].isascii():
        return True
    before = norm[start - 1] if start else " "
    after = norm[end] if end < len(norm) else " "
    return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())


def _relative(m: re.Match[str], unit: str, text: str, target: str, publish: datetime) -> TimeMention | None:
    day = publish.date()
    span = (m.start(), m.end())
    raw = text[span[0] : span[1]]
    n = 1
    if "n" in m.groupdict() and m.group("n"):
        token = m.group("n").lower()
        n = EN_NUM.get(token) or to_int(token) or 0
        if n <= 0 or n > 200:
            return None
    if unit in ("y1", "y2", "y3"):
        unit, n = "years", int(unit[1])
    if unit == "years":
        return TimeMention(target, *span, raw, "relative", day.year - n, resolved=f"{day.year - n}年")
    if unit in ("months", "m1"):
        months = day.year * 12 + day.month - 1 - n
        y, mo = divmod(months, 12)
        return TimeMention(target, *span, raw, "relative", y, mo + 1, resolved=f"{y}年{mo + 1}月")
    if unit == "days":
        when = day - timedelta(days=n)
        return _dated(target, span, raw, when)
    if unit == "w1":
        wd = m.groupdict().get("w")
        monday = day - timedelta(days=day.weekday() + 7)
        if wd and wd in WEEKDAYS[:6]:
            return _dated(target, span, raw, monday + timedelta(days=WEEKDAYS.index(wd)))
        if wd in ("日", "天"):
            return _dated(target, span, raw, monday + timedelta(days=6))
        return TimeMention(target, *span, raw, "relative", monday.year, monday.month, resolved=None)
    return None


def _dated(target: str, span: tuple[int, int], raw: str, when: date) -> TimeMention:
    return TimeMention(
        target, span[0], span[1], raw, "relative", when.year, when.month, when.day,
        resolved=f"{when.year}年{when.month}月{when.day}日",
    )  # fmt: skip
