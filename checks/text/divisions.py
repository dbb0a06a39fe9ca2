"""Administrative-division names inside an account name (SA2023-2.1), with the guards that matter.

The clause forbids using a county-or-higher division name in account information without
authorisation; a name that starts with a place (成都吃喝玩乐指南, 广东靓仔阿明, 浦东遛娃日记) reads
as that place's account whatever follows, so it is a use. Matching short place names naively
flags half the platform, though: 张北京 holds 张北 and 北京, 江山如画 holds 江山, 黄山毛峰 holds
黄山, 长寿花 holds 长寿. So an account name uses a division when
- it contains a full name anywhere (杭州市, 朝阳区; not 市场/市民/省钱), or
- it begins with a short name (成都, 义乌) — an everyday word that is also a short name
  (`division_common_words`: 东方, 新华, 长寿, 海盐) only with an institution or channel word
  right after it (和平公安发布, `division_channel_words`).
Idioms and brands (`name_whitelist`) are masked first, and so are idioms that hold a division
name (`name_idioms`, derived from THUOCL: 长治久安, 大同小异); a place name right after a surname is
part of a personal name (张北京, 李重庆), and a short name followed by a shore word (西湖边, 湘江畔)
is the landmark, not the division. A place mentioned later in the name (Coco在深圳, 爱吃成都火锅)
says where someone is, not whose account it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checks.text.layer import find_words
from checks.vocabulary.normalize import normalize
from checks.vocabulary.packset import PackSet

MASK = "\u25a1"
# "西湖边的猫", "西湖畔": the lake or river called like the district, not the district.
SHORE = ("边", "畔", "岸", "旁", "湖畔")
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
    "division_common_words",
    "media_name_strong",
    "media_name_weak",
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


def _institution_after(packs: PackSet, channel: tuple[str, ...], rest: str) -> bool:
    """An institution word right after an everyday-word short name (和平公安发布). A media word
    there makes the word an outlet's brand (东方日报, 新华快讯, 光明日报): the outlet rule's case."""
    after = find_words(packs, channel, rest)
    if not after or after[0].start != 0:
        return False
    media = find_words(packs, (*packs.lexicon("media_name_strong"), *packs.lexicon("media_name_weak")), rest)
    return not (media and media[0].start == 0)


def _personal_name(packs: PackSet, text: str, surnames: set[str]) -> bool:
    """张北京, 李重庆的日常: a surname with a place-like given name. (马鞍山 is not: the place read
    from the start reaches as far as the one read after the "surname".)"""
    if text[:1] not in surnames:
        return False
    full, short = names()
    given = find_words(packs, (*full, *short), text[1:5])
    if not given or given[0].start != 0:
        return False
    at_start = find_words(packs, (*full, *short), text[:5])
    reach = at_start[0].end if at_start and at_start[0].start == 0 else 1
    return 1 + given[0].end > reach


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
        hits.append(DivisionHit(m.start, m.end, name[m.start : m.end], True))
    if hits or _personal_name(packs, text, surnames):
        return hits
    common = set(packs.lexicon("division_common_words"))
    channel = packs.lexicon("division_channel_words")
    for m in find_words(packs, short, text):
        if m.start != 0:
            break
        rest = text[m.end :]
        if rest.startswith(SHORE):
            continue
        if text[m.start : m.end] not in common or _institution_after(packs, channel, rest):
            hits.append(DivisionHit(m.start, m.end, name[m.start : m.end], False))
            break
    return hits
