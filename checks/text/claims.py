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
- `divisions`: administrative-division names in the name (checks.text.divisions);
- `titles`: professional titles the name or bio claims (王医生聊健康, Dr. Emma Skin, 执业律师) —
  not an address or mention (各位老师, 老师傅), someone's relation (医生的女儿, 交警老公的饭盒)
  or a past role;
- `past_roles`: a title or organ word after 前/原/退休 (退休民警老张, 前律师): who someone was;
- `relatives`: a title or organ word that names the creator's relative (交警老公, 医生家的女儿);
- `relations`: a claimed tie to an organ or outlet (官方/指定/授权/合作 + organ or outlet:
  央视新闻频道合作号, 市税务局授权) — read by the source obligation as an issuer's voice.
An organ word followed by a place word (市监局门口的早餐摊) names a location, and an outlet word
after a lifestyle word (吃货日报) or before its reader or carrier (晚报送报人) is not the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.model import CREDENTIAL_FIELDS
from checks.text.divisions import DivisionHit, division_hits
from checks.text.layer import Span, covering, find, outside
from checks.vocabulary.normalize import normalize
from checks.vocabulary.packset import PackSet

ORGAN_LEXICONS = (
    "official_organs",
    "kinship_words",
    "official_claim_words",
    "official_division_words",
    "official_guards_before",
    "official_guards_after",
    "official_institutions",
    "past_role_markers",
    "relation_claim_words",
    "relation_words",
)
OUTLET_LEXICONS = (
    "media_outlets",
    "media_name_strong",
    "media_name_weak",
    "media_name_modifiers",
    "media_name_guards_after",
    "media_name_weak_local",
    "lifestyle_words",
)
TITLE_LEXICONS = (*(f"titles_{f}" for f in CREDENTIAL_FIELDS), "title_non_claims", "title_mentions")
GUARD_WINDOW = 3
# 国家反诈中心, 国家税务总局, 省委宣传部, 市政府办公室: organ names built on a pattern.
ORGAN_PATTERN = re.compile(
    r"国家[\u4e00-\u9fff]{1,6}?(总局|局|部|委员会|署|中心)|(省|市|县|区)(委|政府|人大|政协|纪委)(?![\u4e00-\u9fff]{0,2}(粉丝|迷))"
)
READ_BEFORE = ("看", "读", "听")
ORGAN_UNITS = "局所队院站厅处委"
BIO_CLAIM = ("官方", "旗下", "主办", "出品", "官微", "授权", "账号", "合作", "签约", "入驻", "official", "partner", "affiliate")


@dataclass(frozen=True)
class AccountClaims:
    organs: tuple[Span, ...] = ()
    outlets: tuple[Span, ...] = ()
    divisions: tuple[DivisionHit, ...] = ()
    titles: tuple[Span, ...] = ()
    past_roles: tuple[Span, ...] = ()
    relatives: tuple[Span, ...] = ()
    relations: tuple[Span, ...] = ()

    def titles_of(self, field: str) -> list[Span]:
        """Title claims of one credential field (health, finance, education, justice)."""
        return [h for h in self.titles if h.lexicon == f"titles_{field}"]

    def name_spans(self) -> list[tuple[int, int]]:
        """Every part of the account name some account rule objects to."""
        spans = [(d.start, d.end) for d in self.divisions]
        spans += [(h.start, h.end) for h in (*self.organs, *self.outlets, *self.titles) if h.target == "name"]
        return sorted(spans)


def account_claims(packs: PackSet, name: str, bio: str) -> AccountClaims:
    divisions = tuple(division_hits(name, packs))
    past: list[Span] = []
    kin: list[Span] = []
    titles: list[Span] = []
    for target, text in (("name", name), ("bio", bio)):
        for field in CREDENTIAL_FIELDS:
            for hit in find(packs, f"titles_{field}", text, target):
                role = person_role(packs, text, hit)
                if role == "past":
                    past.append(hit)
                elif role == "relative":
                    kin.append(hit)
                elif not title_mention(packs, text, hit, in_name=target == "name"):
                    titles.append(hit)
        for hit in find(packs, "official_organs", text, target):
            role = person_role(packs, text, hit)
            (past if role == "past" else kin if role == "relative" else []).append(hit)
    return AccountClaims(
        organs=tuple(_organs(packs, name, bio, bool(divisions))),
        outlets=tuple(_outlets(packs, name, bio, bool(divisions))),
        divisions=divisions,
        titles=tuple(sorted(titles, key=lambda h: (TARGET_ORDER[h.target], h.start))),
        past_roles=tuple(past),
        relatives=tuple(kin),
        relations=tuple(_relations(packs, name, bio)),
    )


TARGET_ORDER = {"name": 0, "bio": 1, "title": 2, "text": 3}
CLAUSE_REACH = 40  # how far back a clause is read for kinship words (bounded: linear on any text)
CLAUSE_ENDS = "，。,.!！？?；;|｜"


def person_role(packs: PackSet, text: str, hit: Span) -> str:
    """"past" (退休民警, 前律师), "relative" (医生的女儿, 交警老公, 我妈是老师) or "" (the creator)."""
    norm = normalize(text)
    before = norm[max(0, hit.start - 4) : hit.start]
    if any(p in before for p in packs.lexicon("past_role_markers")):
        return "past"
    after = norm[hit.end : hit.end + 6]
    lo = max(0, hit.start - CLAUSE_REACH)
    clause_start = max(lo - 1, *(norm.rfind(p, lo, hit.start) for p in CLAUSE_ENDS))
    clause = norm[clause_start + 1 : hit.start]
    kin = [k for k in packs.lexicon("kinship_words") if k != "家的"]
    if after.startswith(("们", "家属")) or any(after.lstrip("的家").startswith(k) for k in kin):
        return "relative"
    if after.startswith(("家的", "'s ")) or any(k in clause for k in kin):
        return "relative"
    relation = after.find("的")  # 李老师的学生, 王医生的助理: someone the professional taught or treated
    if 0 <= relation <= 3 and after[relation + 1 :].startswith(tuple(packs.lexicon("relation_words"))):
        return "relative"
    return ""


def title_mention(packs: PackSet, text: str, hit: Span, *, in_name: bool) -> bool:
    """An address or mention, not a claim: 各位老师, 老师傅, 看医生 (outside names: 医生说)."""
    lexicons = ("title_non_claims",) if in_name else ("title_non_claims", "title_mentions")
    return any(covering(hit, find(packs, lexicon, text)) is not None for lexicon in lexicons)


def _relations(packs: PackSet, name: str, bio: str) -> list[Span]:
    """A claimed tie to an organ or outlet: a relation word (官方, 指定, 授权, 合作, 签约) within a
    few characters of an organ or outlet word (市税务局授权, 央视新闻频道合作号)."""
    found: list[Span] = []
    for target, text in (("name", name), ("bio", bio)):
        ties = find(packs, "relation_claim_words", text, target)
        if not ties:
            continue
        bodies = find(packs, "official_organs", text, target) + find(packs, "media_outlets", text, target)
        found += [t for t in ties if any(abs(t.start - b.end) <= 6 or abs(b.start - t.end) <= 6 for b in bodies)]
    return found


def _guarded(packs: PackSet, text: str, hit: Span) -> bool:
    """Someone's past (退休民警), a topic (聊税务), a school or dish (公安大学, 部队火锅), or a
    relation ("法院家属", "交警老李的女儿", "…张所的徒弟") — not the organ itself."""
    norm = normalize(text)
    before = norm[max(0, hit.start - GUARD_WINDOW) : hit.start]
    after = norm[hit.end :].lstrip()
    if person_role(packs, text, hit):
        return True  # 我爸是交警, 原税务局干部: a relative's job or a past role
    guards_after = tuple(packs.lexicon("official_guards_after"))
    # "市监局门口": the organ's office (局, 所, 队) before the word that makes it a place
    unit = after[1:] if after[:1] and after[0] in ORGAN_UNITS else after
    if any(g in before for g in packs.lexicon("official_guards_before")) or unit.startswith(guards_after):
        return True
    if after.startswith(tuple(k for k in packs.lexicon("kinship_words") if k != "家的")):
        return True  # 交警老公的饭盒: the creator's husband is the officer
    relation = after.find("的")
    if 0 <= relation <= 3:
        tail = after[relation + 1 :]
        # "税务局老李的学生", "派出所张所的徒弟": a relation of someone in the organ, not the organ
        return tail.startswith((*packs.lexicon("relation_words"), *packs.lexicon("kinship_words")))
    return False


def _organs(packs: PackSet, name: str, bio: str, has_division: bool) -> list[Span]:
    organs, claims = "official_organs", "official_claim_words"
    found = [h for h in find(packs, organs, name, "name") if not _guarded(packs, name, h)]
    found += [
        Span("name", m.start(), m.end(), name[m.start() : m.end()], "pattern")
        for m in ORGAN_PATTERN.finditer(normalize(name))
    ]
    found.sort(key=lambda h: (h.start, h.start - h.end))
    if not found and (find(packs, claims, bio, "bio") or find(packs, claims, name, "name")):
        # 人民医院健康号 + "官方账号": a public institution speaking as itself
        found = find(packs, "official_institutions", name, "name")
    if not found and has_division:
        found = find(packs, claims, name, "name") or find(packs, "official_division_words", name, "name")
    if not found and find(packs, claims, bio, "bio"):
        found = [h for h in find(packs, organs, bio, "bio") if not _guarded(packs, bio, h)]
    return found


def _fan(packs: PackSet, text: str, hit: Span) -> bool:
    """ "人民日报忠实读者", "每天看新闻联播", "晚报送报人": a reader or carrier of the outlet, not the
    outlet; "吃货日报", "宝妈周报": a person's diary named like a paper."""
    after = normalize(text[hit.end : hit.end + 6])
    if any(w in after for w in packs.lexicon("media_name_guards_after")):
        return True
    before = normalize(text[: hit.start])
    return before.endswith(READ_BEFORE) or before.endswith(tuple(packs.lexicon("lifestyle_words")))


def _outlets(packs: PackSet, name: str, bio: str, has_division: bool) -> list[Span]:
    outlets = "media_outlets"
    named = find(packs, outlets, name, "name")
    hits = [h for h in named if not _fan(packs, name, h)]
    # "读人民日报的小李": the 日报 inside an outlet the reader reads is not a second claim.
    fans = [h for h in named if _fan(packs, name, h)]
    strong = outside(find(packs, "media_name_strong", name, "name"), fans)
    hits = hits or [h for h in strong if not _fan(packs, name, h)]
    if not hits:
        weak = find(packs, "media_name_weak", name, "name")
        if weak and (has_division or find(packs, "media_name_modifiers", name, "name")):
            hits = weak
        elif has_division:  # 苏州同城热点: a hot-topic word beside a place reads as a local outlet
            hits = find(packs, "media_name_weak_local", name, "name")
    if not hits and any(c in normalize(bio) for c in BIO_CLAIM):
        hits = [h for h in find(packs, outlets, bio, "bio") if not _fan(packs, bio, h)]
    return hits
