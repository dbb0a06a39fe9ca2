"""Chinese numerals as they appear in dates: 二〇一九, 十二, 三十一, 两, 廿.

Date regexes accept Chinese digits in place of Arabic ones (so offsets into the creator's text
stay exact) and convert only the captured group with `to_int`. Small on purpose: dates need
digit-by-digit years (二〇一九) and positional numbers up to the hundreds (三十一, 一百).
"""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
UNITS = {"十": 10, "百": 100, "千": 1000}
CN_DIGIT = "〇零○一二两三四五六七八九"
CN_NUMBER = CN_DIGIT + "十百千廿"
NUM = rf"(?:\d+|[{CN_NUMBER}]+)"


def to_int(token: str) -> int | None:
    """'2019' → 2019, '二〇一九' → 2019, '三十一' → 31, '十' → 10, '廿三' → 23; None if not a number."""
    token = token.strip()
    if not token:
        return None
    if token.isdigit():
        return int(token)
    token = token.replace("廿", "二十")
    if all(ch in DIGITS for ch in token):
        if len(token) == 1:
            return DIGITS[token]
        return int("".join(str(DIGITS[ch]) for ch in token))
    total, current = 0, 0
    for ch in token:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (current or 1) * UNITS[ch]
            current = 0
        else:
            return None
    return total + current
