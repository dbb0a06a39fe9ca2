"""Administrative-division names inside an account name (SA2023-2.1), with the guards that matter.

Matching short place names naively flags half the platform: 张北京 holds 张北 and 北京, 江山如画
holds 江山, 黄山毛峰 holds 黄山. So an account name uses a division only when it contains a full
name (杭州市, 朝阳区; not 市场/市民/省钱), or begins with a short name directly followed by an
institution or channel word (温州今日头条, 临安公安发布). Idioms and brands (name_whitelist) are
masked first, and so are idioms that hold a division name (name_idioms, derived from THUOCL:
长治久安, 大同小异); a place name right after a surname is part of a personal name. A full name
beside lifestyle words only (上海市生活指南, 朝阳区宝妈日常: division_lifestyle_words) with no
channel, organ or outlet word says where a person lives, so it does not mislead the public.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checks.text.layer import find_words
from checks.vocabulary.normalize import normalize
from checks.vocabulary.packset import PackSet

MASK = "\u25a1"
# "西安本地人老张", "成都土著": a channel word followed by these describes a person.
PERSON = ("人", "土著", "姑娘", "小伙", "妹子")
# A full name followed by these characters is another word: 上海市场, 杭州市民, 江苏省钱.
NOT_A_NAME = {"市": "场民井集值区内外", "省": "钱心事力时电", "区": "块别间域分", "县": "城"}


@dataclass(frozen=True)
class DivisionHit:
    start: int
    end: int
    text: str
    full: bool  # a full name (…市/区/县/省) rather than a short form at the start


# The lexicons every rule that looks for division names reads (through `division_hits`).
DIVISION_LEXICONS = (
    "name_whitelist",
    "name_idioms",
    "surnames",
    "division_channel_words",
    "division_lifestyle_words",
    "official_organs",
    "official_division_words",
    "official_claim_words",
    "media_name_strong",
)


@cache
def names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(full names, short names) of county-or-higher divisions, current and former; derived from
    the bundled tables only, so kept on disk between processes (checks/derived_cache.py)."""
    from checks import derived_cache

    return derived_cache.cached("division-names", "", _names)


def _names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from checks.geo.gazetteer import divisions  # lazy: the gazetteer loads its data on first use

    full: set[str] = set()
    short: set[str] = set()
    for d in divisions():
        full.add(d.name)
        full.update(d.former_names)
        if d.short:
            short.add(d.short)
    for name in list(full):
        if _short(name) != name:
            short.add(_short(name))
    return (
        tuple(sorted(n for n in full if len(n) >= 3)),
        tuple(sorted(s for s in short if len(s) >= 2)),
    )


def _short(name: str) -> str:
    for suffix in (
        "特别行政区",
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "自治区",
        "自治州",
        "自治县",
        "省",
        "市",
        "区",
        "县",
        "盟",
        "旗",
    ):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _masked(name: str, packs: PackSet) -> str:
    """The name with brands, landmarks (`name_whitelist`) and idioms holding a division name
    (`name_idioms`, from THUOCL: 长治久安, 大同小异) blanked out."""
    norm = normalize(name)
    for lexicon in ("name_whitelist", "name_idioms"):
        for m in find_words(packs, packs.lexicon(lexicon), norm):
            norm = norm[: m.start] + MASK * (m.end - m.start) + norm[m.end :]
    return norm


def _lifestyle(text: str, start: int, end: int, packs: PackSet) -> bool:
    """The rest of the name is a person's lifestyle (吃喝, 宝妈, 日常) with no channel or organ
    word: "上海市生活指南" says where someone lives, not who publishes."""
    rest = text[:start] + MASK + text[end:]
    if not find_words(packs, packs.lexicon("division_lifestyle_words"), rest):
        return False
    official = (
        *packs.lexicon("division_channel_words"),
        *packs.lexicon("official_organs"),
        *packs.lexicon("official_division_words"),
        *packs.lexicon("official_claim_words"),
        *packs.lexicon("media_name_strong"),
    )
    return not find_words(packs, official, rest)


def division_hits(name: str, packs: PackSet) -> list[DivisionHit]:
    """Uses of a division name in an account name, per the rules in the module docstring."""
    if not name:
        return []
    text = _masked(name, packs)
    full, short = names()
    surnames = set(packs.lexicon("surnames"))
    hits: list[DivisionHit] = []
    for m in find_words(packs, full, text):
        following = text[m.end : m.end + 1]
        if following and following in NOT_A_NAME.get(text[m.end - 1], ""):
            continue
        if m.start and text[: m.start] in surnames:
            continue
        if _lifestyle(text, m.start, m.end, packs):
            continue
        hits.append(DivisionHit(m.start, m.end, name[m.start : m.end], True))
    if not hits:
        channel = packs.lexicon("division_channel_words")
        for m in find_words(packs, short, text):
            if m.start != 0:
                break
            after = find_words(packs, channel, text[m.end :])
            if after and after[0].start == 0 and not text[m.end + after[0].end :].startswith(PERSON):
                hits.append(DivisionHit(m.start, m.end, name[m.start : m.end], False))
    return hits
