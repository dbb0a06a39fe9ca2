"""What the account name and bio claim to be — computed once per check, read by every consumer.

The impersonation rules, the source obligation (an organ's own account needs no source line) and
the account fixes (a rename drops *every* offending part, so two rules never propose different
names) all need the same answers; they read `ctx.text.claims` instead of asking each other.

- `organs`: an organ or public-institution word in the name (unless someone's past or relation:
  退休民警老张, 法院家属), an organ name built on a pattern (国家反诈中心, 市政府), a division +
  official-claim name (杭州发布, 朝阳政务); in the bio only beside a claim of official standing
  (权威通报), because bios routinely mention where someone works;
- `outlets`: a real outlet's name (人民日报精选摘抄), an outlet-style name (上海午报), or a weak
  outlet word made outlet-like by a place or news-desk modifier (成都新闻眼); in the bio only beside
  a claim (官方, 旗下, official). A reader of the outlet (人民日报忠实读者, 每天看新闻联播) is not it;
- `divisions`: administrative-division names in the name (checks.text.divisions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.text.divisions import DivisionHit, division_hits
from checks.text.layer import Span, find, outside
from checks.vocabulary.normalize import normalize
from checks.vocabulary.packset import PackSet

ORGAN_LEXICONS = (
    "official_organs",
    "kinship_words",
    "official_claim_words",
    "official_division_words",
    "official_guards_before",
    "official_guards_after",
)
OUTLET_LEXICONS = ("media_outlets", "media_name_strong", "media_name_weak", "media_name_modifiers")
GUARD_WINDOW = 3
# 国家反诈中心, 国家税务总局, 省委宣传部, 市政府办公室: organ names built on a pattern.
ORGAN_PATTERN = re.compile(
    r"国家[\u4e00-\u9fff]{1,6}?(总局|局|部|委员会|署|中心)|(省|市|县|区)(委|政府|人大|政协|纪委)(?![\u4e00-\u9fff]{0,2}(粉丝|迷))"
)
FAN_AFTER = ("粉丝", "爱好者", "读者", "观众", "迷")
READ_BEFORE = ("看", "读", "听")
BIO_CLAIM = ("官方", "旗下", "主办", "出品", "官微", "授权", "账号", "合作", "签约", "入驻", "official", "partner", "affiliate")
# "税务局老李的学生", "派出所张所的徒弟": a relation of someone in the organ, not the organ.
RELATIONS = ("学生", "徒弟", "弟子", "学员", "粉丝", "家人", "助理", "司机", "邻居")


@dataclass(frozen=True)
class AccountClaims:
    organs: tuple[Span, ...] = ()
    outlets: tuple[Span, ...] = ()
    divisions: tuple[DivisionHit, ...] = ()

    def name_spans(self) -> list[tuple[int, int]]:
        """Every part of the account name some account rule objects to."""
        spans = [(d.start, d.end) for d in self.divisions]
        spans += [(h.start, h.end) for h in (*self.organs, *self.outlets) if h.target == "name"]
        return sorted(spans)


def account_claims(packs: PackSet, name: str, bio: str) -> AccountClaims:
    divisions = tuple(division_hits(name, packs))
    return AccountClaims(
        organs=tuple(_organs(packs, name, bio, bool(divisions))),
        outlets=tuple(_outlets(packs, name, bio, bool(divisions))),
        divisions=divisions,
    )


def _guarded(packs: PackSet, text: str, hit: Span) -> bool:
    """Someone's past (退休民警), a topic (聊税务), a school or dish (公安大学, 部队火锅), or a
    relation ("法院家属", "交警老李的女儿", "…张所的徒弟") — not the organ itself."""
    norm = normalize(text)
    before = norm[max(0, hit.start - GUARD_WINDOW) : hit.start]
    after = norm[hit.end :].lstrip()
    if any(g in before for g in packs.lexicon("official_guards_before")) or after.startswith(
        packs.lexicon("official_guards_after")
    ):
        return True
    relation = after.find("的")
    if 0 <= relation <= 3:
        tail = after[relation + 1 :]
        return tail.startswith(RELATIONS) or tail.startswith(tuple(packs.lexicon("kinship_words")))
    return False


def _organs(packs: PackSet, name: str, bio: str, has_division: bool) -> list[Span]:
    organs, claims = "official_organs", "official_claim_words"
    found = [h for h in find(packs, organs, name, "name") if not _guarded(packs, name, h)]
    found += [
        Span("name", m.start(), m.end(), name[m.start() : m.end()], "pattern")
        for m in ORGAN_PATTERN.finditer(normalize(name))
    ]
    found.sort(key=lambda h: (h.start, h.start - h.end))
    if not found and has_division:
        found = find(packs, claims, name, "name") or find(packs, "official_division_words", name, "name")
    if not found and find(packs, claims, bio, "bio"):
        found = [h for h in find(packs, organs, bio, "bio") if not _guarded(packs, bio, h)]
    return found


def _fan(text: str, hit: Span) -> bool:
    """ "人民日报忠实读者", "每天看新闻联播": a reader of the outlet, not the outlet."""
    after = normalize(text[hit.end : hit.end + 6])
    return any(w in after for w in FAN_AFTER) or normalize(text[: hit.start]).endswith(READ_BEFORE)


def _outlets(packs: PackSet, name: str, bio: str, has_division: bool) -> list[Span]:
    outlets = "media_outlets"
    named = find(packs, outlets, name, "name")
    hits = [h for h in named if not _fan(name, h)]
    # "读人民日报的小李": the 日报 inside an outlet the reader reads is not a second claim.
    fans = [h for h in named if _fan(name, h)]
    strong = outside(find(packs, "media_name_strong", name, "name"), fans)
    hits = hits or [h for h in strong if not _fan(name, h)]
    if not hits:
        weak = find(packs, "media_name_weak", name, "name")
        if weak and (has_division or find(packs, "media_name_modifiers", name, "name")):
            hits = weak
    if not hits and any(c in normalize(bio) for c in BIO_CLAIM):
        hits = [h for h in find(packs, outlets, bio, "bio") if not _fan(bio, h)]
    return hits
