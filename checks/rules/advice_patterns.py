"""Shapes of field advice that a phrase list cannot hold, for credential_required (N2023-2).

A dosage (首剂吃2片, 0.5% retinol every night), a change of medication (stop your acne
antibiotics), an allocation (六成买…基金, put 30% in index funds) or a promised return (收益至少15%)
is advice in any wording, so these are patterns over the normalised text. What the creator did
themself (我吃了2片, I stopped my statins, 我买的基金, 买了点指数基金) is a report, not advice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checks.text.layer import find

if TYPE_CHECKING:
    from checks.vocabulary.packset import PackSet

NUM = r"[0-9一二两三四五六七八九十半]+"
DOSAGE_ZH = re.compile(
    rf"((首剂|每次|一次|每天|一天|一日|每日|早晚|空腹|饭后|饭前|睡前)(吃|服|服用|口服|用)?|(吃|服|服用|口服))(了)?"
    rf"{NUM}(到{NUM}|-{NUM}|～{NUM})?(片|粒|颗|袋|毫克|毫升|mg|ml|克|支|滴|丸|包)"
)
DOSAGE_EN = re.compile(
    r"\b\d+(\.\d+)?\s*(mg|mcg|ml|iu|%|tablets?|pills?|capsules?|drops?|units?)(?![a-z])"
    r"[^.;!?\n]{0,30}?\b(every (night|day|morning|evening|\d+ hours)|a day|per day|daily|twice|once|at night|before bed)\b"
)
STOP_MEDS_EN = re.compile(
    r"\b(stop|stopping|quit|skip|drop|cut out)\s+(taking\s+)?((your|the|all|those)\s+)?([a-z-]+\s+){0,2}?"
    r"(antibiotics?|medications?|meds|pills|statins|insulin|steroids|antidepressants|inhaler|prescriptions?)\b"
)
FIN_ALLOCATION_ZH = re.compile(r"([一二两三四五六七八九]成|\d{1,2}\s*[%％])(买|放|配|投|压|留)")
FIN_PROMISE = re.compile(
    r"收益(至少|稳定在|保底|能到|可达|轻松)|年化[^，。]{0,4}\d+(\.\d+)?\s*[%％]"
    r"|\b(at least|guaranteed|easily)\s+\d+(\.\d+)?\s*%\s*(returns?|a year|annually|gains?)"
)

CUES = {
    "health": (DOSAGE_ZH, DOSAGE_EN, STOP_MEDS_EN),
    "finance": (FIN_ALLOCATION_ZH,),  # and finance_actions (pack words bound by a shape)
    "education": (),
    "justice": (),
}
# Advice on their own, no imperative needed: a dose to take. A promised return is a marker:
# it turns a fund or stock mentioned in the same sentence into advice.
SELF_SUFFICIENT = (DOSAGE_ZH, DOSAGE_EN)
MARKERS = {"finance": (FIN_PROMISE,)}

# "医生开了糖浆，说每次吃5毫升": a professional's instruction, retold, is not the creator's advice.
# "我是一名医生，建议…" / "as a doctor I told…" is the creator speaking, so not retold.
REPORTED = re.compile(
    r"(?<!是)(?<!作为)(?<!名)(?<!位)(?<!a )(?<!an )(医生|大夫|医师|药师|护士|说明书|医嘱|老师|律师|\bdoctors?\b|\bpharmacist\b|\bthe label\b)"
    r"[^。！？!?\n]{0,15}?(说|让|建议|告诉|交代|嘱咐|叮嘱|写着|要求|\bsaid\b|\btold\b|\bsays?\b|\badvised\b|\brecommended\b)"
)
# "定投了500块", "停药了三天": a cue followed by 了 tells what happened, it prescribes nothing.
DONE_AFTER = ("了",)

FIRST_PERSON_EN = re.compile(
    r"\b(i|we)\s+(just\s+)?(take|took|used|use|started|stopped|quit|bought|sold|put|was|am)\b"
)


def first_person(text: str, at: int) -> bool:
    """ "我吃了2片", "I stopped my statins": what the creator did, told right before the match."""
    before = text[max(0, at - 4) : at]
    return "我" in before or bool(FIRST_PERSON_EN.search(text[max(0, at - 25) : at]))


# A buy and its instrument: at most this many characters apart, with no clause break between.
ACTION_REACH_ZH, ACTION_REACH_EN = 10, 30
CLAUSE_BREAK = re.compile(r"[，。,；;！？!?\n]")
FINANCE_LEXICONS = ("advice_finance_actions", "advice_finance_objects")


def finance_actions(packs: PackSet, text: str, norm: str, target: str) -> list[tuple[int, int]]:
    """Buys aimed at an instrument (梭哈这只票, 定投指数基金, put half your savings in index funds):
    a verb of `advice_finance_actions` followed closely by a word of `advice_finance_objects`.
    The verb told as done (买了, 定投过) reports what happened."""
    objects = find(packs, "advice_finance_objects", text, target)
    if not objects:
        return []
    out = []
    for verb in find(packs, "advice_finance_actions", text, target):
        latin = verb.phrase.isascii()
        if not latin and norm.startswith(("了", "过"), verb.end):
            continue
        reach = ACTION_REACH_EN if latin else ACTION_REACH_ZH
        for obj in objects:
            if verb.end <= obj.start <= verb.end + reach and not CLAUSE_BREAK.search(norm, verb.end, obj.start):
                out.append((verb.start, obj.end))
                break
    return out
