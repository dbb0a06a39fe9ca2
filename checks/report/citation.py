"""A clause cited in words, in the reader's language: 《关于加强“自媒体”管理的通知》第三条.

The clause catalogue names each source in English ("Notice on Strengthening the Management of
Self-Media (CAC, 2023-07), art. 3"). A Chinese report cites the same source by its Chinese title
and article. The titles are few and fixed, so they are a table here; a source not in the table is
cited as the catalogue writes it rather than guessed.
"""

from __future__ import annotations

import re

from checks.clauses import clause_summary, clauses

# English title as the catalogue writes it (up to the closing parenthesis) → Chinese citation.
TITLES_ZH = {
    "Notice on Strengthening the Management of Self-Media (CAC, 2023-07)": (
        "《关于加强“自媒体”管理的通知》（国家网信办，2023年7月）"
    ),
    "Special Action on Rectifying Self-Media Disorder (CAC, 2023-03)": (
        "《清朗·“自媒体”乱象整治专项行动》（国家网信办，2023年3月）"
    ),
    "Measures for Labelling AI-Generated Synthetic Content (CAC, effective 2025-09-01)": (
        "《人工智能生成合成内容标识办法》（国家网信办等，2025年9月1日施行）"
    ),
    "Measures for the Administration of Internet Advertising (SAMR Order No. 72, in force 2023-05-01)": (
        "《互联网广告管理办法》（市场监管总局令第72号，2023年5月1日施行）"
    ),
    "Advertising Law of the PRC (2015, amended 2018 and 2021)": "《中华人民共和国广告法》",
    "Measures for Classifying Online Information That May Affect Minors' Physical and Mental Health"
    " (CAC with seven other departments, in force 2026-03-01)": (
        "《可能影响未成年人身心健康的网络信息分类办法》（国家网信办等八部门，2026年3月1日施行）"
    ),
    "Platform community rules (Douyin, Xiaohongshu, Bilibili, Weibo, Kuaishou conventions against"
    " off-site diversion) — platform policy, not law; cited as advice": (
        "抖音、小红书、哔哩哔哩、微博、快手等平台的社区规范（禁止站外导流）——平台规则而非法律，作为建议引用"
    ),
}
STANDARD_ZH = {"GB 45438-2025": "GB 45438-2025《网络安全技术 人工智能生成合成内容标识方法》"}
_DIGITS = "零一二三四五六七八九"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五 (article numbers stay below 100)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def _where_zh(where: str) -> str:
    """'art. 9(3)' → 第九条第（三）项; 'II(2)1' → 第二部分（二）第1项; '§6 and Annex E' → 第6章、附录E."""
    out = []
    for part in re.split(r"\s*(?:;|,| and )\s*", where.strip()):
        if m := re.fullmatch(r"art\.\s*(\d+)(?:\((\d+)\))?", part):
            s = f"第{chinese_number(int(m.group(1)))}条"
            out.append(s + (f"第（{chinese_number(int(m.group(2)))}）项" if m.group(2) else ""))
        elif m := re.fullmatch(r"(I{1,3}|IV|VI?)\((\d+)\)(\d+)?", part):
            s = f"第{chinese_number(_ROMAN[m.group(1)])}部分（{chinese_number(int(m.group(2)))}）"
            out.append(s + (f"第{m.group(3)}项" if m.group(3) else ""))
        elif m := re.fullmatch(r"§\s*(\d+)", part):
            out.append(f"第{m.group(1)}章")
        elif m := re.fullmatch(r"Annex\s+(\w+)", part):
            out.append(f"附录{m.group(1)}")
        elif part:
            return ""  # a shape we do not know: the caller keeps the catalogue's own words
    return "、".join(out)


def _source_zh(source: str) -> str | None:
    if source in TITLES_ZH:
        return TITLES_ZH[source]
    pieces = []
    for ref in (s.strip() for s in source.split(";")):
        for title, zh in {**TITLES_ZH, **STANDARD_ZH}.items():
            if ref.startswith(title):
                rest = ref[len(title) :].strip(" ,")
                where = _where_zh(rest) if rest else ""
                if rest and not where:
                    return None
                pieces.append(zh + where)
                break
        else:
            return None
    return "；".join(pieces)


def cite(clause_id: str, lang: str = "zh") -> str:
    """The clause's source in words, in `lang` (the catalogue's English when no Chinese is known)."""
    c = clauses().get(clause_id)
    if c is None:
        return ""
    if lang == "zh":
        return _source_zh(c.source) or c.source
    return c.source


def clause_in_words(clause_id: str, lang: str = "zh") -> tuple[str, str]:
    """(what the clause requires, where it is written) — both in `lang`."""
    return clause_summary(clause_id, lang), cite(clause_id, lang)


__all__ = ["chinese_number", "cite", "clause_in_words"]
