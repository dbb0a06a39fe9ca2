"""Time expressions: absolute, relative (resolved from the publish date), now-words, vague past."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from checks.packs import load_packs
from checks.text.numerals import to_int
from checks.text.times import find_times

PUBLISH = datetime(2026, 11, 21, 20, tzinfo=timezone(timedelta(hours=8)))


def times(text: str) -> list[tuple[str, str, int | None, int | None, int | None]]:
    return [(t.kind, t.text, t.year, t.month, t.day) for t in find_times(text, "text", PUBLISH, load_packs())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年7月发生的事", ("absolute", "2019年7月", 2019, 7, None)),
        ("2019年7月21日", ("absolute", "2019年7月21日", 2019, 7, 21)),
        ("二〇一九年十二月", ("absolute", "二〇一九年十二月", 2019, 12, None)),
        ("摄于2019.7.21", ("absolute", "2019.7.21", 2019, 7, 21)),
        ("on 2019-07-21 we", ("absolute", "2019-07-21", 2019, 7, 21)),
        ("back in July 2019 it", ("absolute", "July 2019", 2019, 7, None)),
        ("Filmed on November 21, 2026 at", ("absolute", "November 21, 2026", 2026, 11, 21)),
        ("Shot on 3 Nov 2026 in", ("absolute", "3 Nov 2026", 2026, 11, 3)),
        ("2008年那场雪灾", ("absolute", "2008年", 2008, None, None)),
        ("據新華社11月20日報道", ("absolute", "11月20日", 2026, 11, 20)),
    ],
)
def test_absolute(text: str, expected: tuple) -> None:
    assert expected in times(text)


@pytest.mark.parametrize(
    ("text", "year", "month", "day"),
    [
        ("去年", 2025, None, None),
        ("前年夏天", 2024, None, None),
        ("三年前", 2023, None, None),
        ("十年前那场大火", 2016, None, None),
        ("3年前", 2023, None, None),
        ("两个月前", 2026, 9, None),
        ("上个月", 2026, 10, None),
        ("5天前", 2026, 11, 16),
        ("上周五", 2026, 11, 13),
        ("two years ago", 2024, None, None),
        ("last year", 2025, None, None),
    ],
)
def test_relative_resolves_from_publish_date(
    text: str, year: int, month: int | None, day: int | None
) -> None:
    (t,) = [t for t in find_times(text, "text", PUBLISH, load_packs()) if t.kind == "relative"]
    assert (t.kind, t.year, t.month, t.day) == ("relative", year, month, day)
    assert t.resolved and str(year) in t.resolved


@pytest.mark.parametrize("word", ["今天", "刚刚", "昨晚", "今早", "just now", "this morning", "Today"])
def test_now_words(word: str) -> None:
    assert ("now", word) in [(k, x) for k, x, *_ in times(f"{word}，路口排起了长队")]


@pytest.mark.parametrize("word", ["当年", "那年", "多年前", "老视频", "旧闻", "years ago", "throwback"])
def test_vague_words_are_not_absolute(word: str) -> None:
    kinds = [k for k, *_ in times(f"{word} 那场洪水")]
    assert "vague" in kinds and "absolute" not in kinds


def test_now_inside_an_english_word_is_ignored() -> None:
    assert times("I know the nowhere man") == []


def test_offsets_point_into_the_original_text() -> None:
    text = "（舊聞）二〇〇八年一月，湖南郴州"
    (t, *_rest) = [t for t in find_times(text, "text", PUBLISH, load_packs()) if t.kind == "absolute"]
    assert text[t.start : t.end] == "二〇〇八年一月"


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("2019", 2019),
        ("二〇一九", 2019),
        ("三十一", 31),
        ("十", 10),
        ("廿三", 23),
        ("两", 2),
        ("一百", 100),
        ("x", None),
    ],
)
def test_chinese_numerals(token: str, value: int | None) -> None:
    assert to_int(token) == value
